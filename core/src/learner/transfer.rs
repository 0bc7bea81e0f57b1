//! Moving progress between devices, and rolling backups.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::Learner;
use crate::error::Result;
use crate::storage::{parse_export, ImportReport};

impl Learner {
    /// All progress as the versioned JSON export document.
    pub fn export_json(&self) -> Result<String> {
        let export = self.storage.export()?;
        serde_json::to_string_pretty(&export)
            .map_err(|e| crate::Error::InvalidInput(format!("export: {e}")))
    }

    /// Validates an export document completely, then merges it in one
    /// transaction; settings, the entitlement and the ability model are reloaded.
    pub fn import_json(&mut self, json: &str, now: DateTime<Utc>) -> Result<ImportReport> {
        let export = parse_export(json)?;
        let report = self.storage.import(&export)?;
        self.reload_settings()?;
        self.refresh_entitlement(now)?;
        Ok(report)
    }

    /// A handle that cancels a long export, import or statistics query from
    /// another thread; the cancelled call fails and changes nothing.
    pub fn interrupter(&self) -> crate::storage::Interrupter {
        self.storage.interrupter()
    }

    /// Writes a consistent copy of the database to `dir` if the newest backup
    /// there is older than `every`, keeping the `keep` newest. Returns the new
    /// backup's path, if one was made.
    pub fn backup_if_due(
        &self,
        dir: &Path,
        every: chrono::Duration,
        keep: usize,
        now: DateTime<Utc>,
    ) -> Result<Option<PathBuf>> {
        Ok(self.storage.backup_if_due(dir, every, keep, now)?)
    }
}
