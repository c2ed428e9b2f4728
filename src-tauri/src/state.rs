//! The shell's state: the open database, or the reason it could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use tremplin::{Error, Store};

use crate::error::CommandError;

pub struct AppData {
    store: Result<Mutex<Store>, CommandError>,
    /// Why the day's automatic backup could not be taken, if it could not.
    backup_problem: Option<String>,
}

impl AppData {
    /// Opens the database in `data_dir`; keeps the error to report it.
    pub fn open(data_dir: tremplin::Result<PathBuf>) -> Self {
        let store = data_dir
            .and_then(|dir| Store::open_in_dir(&dir))
            .map(Mutex::new)
            .map_err(CommandError::from);
        if let Err(error) = &store {
            eprintln!(
                "database not opened: {} ({})",
                error.payload().message,
                error.payload().code
            );
        }
        // At most one automatic backup a day, verified, before any write.
        let backup_problem = match &store {
            Ok(store) => {
                let store = store.lock().unwrap_or_else(|p| p.into_inner());
                match store.daily_backup(chrono::Local::now().naive_local()) {
                    Ok(_) => None,
                    Err(error) => {
                        eprintln!("daily backup failed: {error}");
                        Some(format!(
                            "La sauvegarde automatique du jour n’a pas pu être faite : {error}"
                        ))
                    }
                }
            }
            Err(_) => None,
        };
        Self {
            store,
            backup_problem,
        }
    }

    pub fn from_store(store: Store) -> Self {
        Self {
            store: Ok(Mutex::new(store)),
            backup_problem: None,
        }
    }

    pub fn backup_problem(&self) -> Option<String> {
        self.backup_problem.clone()
    }

    /// Closes the database, runs `work` on its folder (a restore), and opens
    /// it again — also when `work` fails, so the app goes on with what is there.
    pub fn reopen_after<T>(
        &self,
        work: impl FnOnce(&std::path::Path) -> tremplin::Result<T>,
    ) -> Result<T, CommandError> {
        let lock = self.store.as_ref().map_err(Clone::clone)?;
        let mut guard = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let dir = guard.data_dir()?;
        let closed = std::mem::replace(&mut *guard, Store::open_in_memory()?);
        drop(closed);
        let result = work(&dir);
        *guard = Store::open_in_dir(&dir)?;
        Ok(result?)
    }

    /// The database, locked for one command.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, CommandError> {
        let store = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock leaves SQLite consistent (transactions
        // roll back on drop), so a poisoned lock can be used again.
        Ok(store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}

/// Today, in local time: the only clock the commands read.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

impl From<Error> for CommandError {
    fn from(error: Error) -> Self {
        CommandError::new(&error)
    }
}
