//! The shell's state: the open database, or the reason it could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use tremplin::{Error, Store};

use crate::error::CommandError;

pub struct AppData {
    store: Result<Mutex<Store>, CommandError>,
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
        Self { store }
    }

    pub fn from_store(store: Store) -> Self {
        Self {
            store: Ok(Mutex::new(store)),
        }
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
