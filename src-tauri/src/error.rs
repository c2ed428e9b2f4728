//! Errors as they cross to the UI: `{ code, message, fields }` from the core's
//! typed error, so the UI can branch on a stable code and show French text.

use serde::Serialize;
use tremplin::error::ErrorPayload;

#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct CommandError(ErrorPayload);

impl CommandError {
    pub fn new(error: &tremplin::Error) -> Self {
        if !matches!(error, tremplin::Error::Validation(_)) {
            eprintln!("command failed: {error:?}");
        }
        Self(ErrorPayload::from(error))
    }

    pub fn payload(&self) -> &ErrorPayload {
        &self.0
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
