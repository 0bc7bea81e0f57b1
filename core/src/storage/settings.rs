//! Key-value settings and the optimizer's record.

use rusqlite::{params, OptionalExtension, Transaction};

use super::records::OptimizerRun;
use super::{from_ms, to_ms, Storage, StorageError};

impl Storage {
    pub fn setting(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<(), StorageError> {
        self.write(|tx| put_setting(tx, key, value))
    }

    /// Records a refit and, when it brought new settings, stores them as the
    /// setting `(key, json)`, in one transaction.
    pub fn record_optimizer_run(
        &mut self,
        run: &OptimizerRun,
        new_setting: Option<(&str, &str)>,
    ) -> Result<(), StorageError> {
        let params_json = serde_json::to_string(&run.params).unwrap_or_default();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO optimizer_runs (ran_ms, reviews_used, log_loss_before, log_loss_after, accepted, params_json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    to_ms(run.ran_at),
                    run.reviews_used,
                    run.log_loss_before,
                    run.log_loss_after,
                    run.accepted,
                    params_json
                ],
            )?;
            if let Some((key, json)) = new_setting {
                put_setting(tx, key, json)?;
            }
            Ok(())
        })
    }

    /// Reviews of items in long-term review recorded after `since`.
    pub fn long_term_reviews_since(
        &self,
        since: chrono::DateTime<chrono::Utc>,
    ) -> Result<u32, StorageError> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM review_log WHERE phase_before = 2 AND reviewed_ms > ?1",
            [to_ms(since)],
            |r| r.get(0),
        )?)
    }

    pub fn optimizer_runs(&self) -> Result<Vec<OptimizerRun>, StorageError> {
        let mut stmt = self.conn.prepare(
            "SELECT ran_ms, reviews_used, log_loss_before, log_loss_after, accepted, params_json
             FROM optimizer_runs ORDER BY ran_ms, id",
        )?;
        let rows = stmt.query_map([], |r| {
            let params_json: String = r.get(5)?;
            Ok(OptimizerRun {
                ran_at: from_ms(r.get(0)?),
                reviews_used: r.get(1)?,
                log_loss_before: r.get(2)?,
                log_loss_after: r.get(3)?,
                accepted: r.get(4)?,
                params: serde_json::from_str(&params_json).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

fn put_setting(tx: &Transaction<'_>, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
