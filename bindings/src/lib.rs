//! UniFFI face of `aiprep-core` for Kotlin.
//!
//! A thin layer on purpose: it converts core types into plain records and maps
//! core errors onto the few kinds the app can act on. Every decision about
//! learning lives in the core, so the terminal app and the phone agree.

mod error;
mod outline;

use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use aiprep_core::content::Pack;
use aiprep_core::storage::Storage;

pub use error::{CoreError, StorageProblem};
pub use outline::ModuleOutline;

uniffi::setup_scaffolding!();

/// One learner's session: the progress database, the content and the zone.
///
/// Every method locks the session, so the UI thread and a worker may call
/// the same object at once; SQLite sees one caller at a time.
#[derive(uniffi::Object)]
pub struct AppCore {
    session: Mutex<Session>,
}

struct Session {
    /// Kept open for the object's lifetime: one connection per learner.
    _storage: Storage,
    pack: Pack,
}

#[uniffi::export]
impl AppCore {
    /// Opens (creating if absent) the progress database at `db_path` with the
    /// bundled module. `zone` is the device's IANA zone, e.g. "Europe/Paris".
    #[uniffi::constructor]
    pub fn open(db_path: String, zone: String) -> Result<Arc<Self>, CoreError> {
        Self::start(&db_path, &zone, aiprep_core::content::embedded_pack())
    }

    /// Like `open`, with a content pack read from `pack_path` instead of the
    /// bundled one (downloaded modules, previews, tests).
    #[uniffi::constructor]
    pub fn open_with_pack(
        db_path: String,
        zone: String,
        pack_path: String,
    ) -> Result<Arc<Self>, CoreError> {
        let pack = aiprep_core::content::load_pack(Path::new(&pack_path))
            .map_err(aiprep_core::Error::from)?;
        Self::start(&db_path, &zone, pack)
    }

    /// What the module contains, for the home and lesson screens.
    pub fn outline(&self) -> ModuleOutline {
        ModuleOutline::of(&self.session().pack)
    }
}

/// Panics on purpose, so tests can prove a Rust panic reaches Kotlin as an
/// exception instead of aborting the app. Absent from shipped builds.
#[cfg(feature = "test-hooks")]
#[uniffi::export]
impl AppCore {
    pub fn debug_panic(&self) {
        panic!("debug_panic called by a test");
    }
}

impl AppCore {
    fn start(db_path: &str, zone: &str, pack: Pack) -> Result<Arc<Self>, CoreError> {
        chrono_tz::Tz::from_str(zone).map_err(|_| CoreError::InvalidInput {
            reason: "the time zone is not a known IANA zone name".to_owned(),
        })?;
        let storage = Storage::open(Path::new(db_path)).map_err(aiprep_core::Error::from)?;
        Ok(Arc::new(AppCore {
            session: Mutex::new(Session {
                _storage: storage,
                pack,
            }),
        }))
    }

    /// A panic inside a call poisons the lock; SQLite has already rolled back
    /// the unfinished transaction by then, so the session is still sound and
    /// the app keeps working instead of failing every later call.
    fn session(&self) -> MutexGuard<'_, Session> {
        self.session.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone() -> String {
        "Europe/Berlin".to_owned()
    }

    #[test]
    fn a_non_database_file_is_a_storage_error_and_stays_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("progress.sqlite3");
        let bytes = b"these are notes, not a database".repeat(10);
        std::fs::write(&path, &bytes).unwrap();

        let result = AppCore::start(path.to_str().unwrap(), &zone(), tiny_pack());

        assert!(matches!(
            result,
            Err(CoreError::Storage {
                problem: StorageProblem::NotADatabase
            })
        ));
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn an_unknown_zone_is_invalid_input() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        let result = AppCore::start(path.to_str().unwrap(), "Nowhere/Atlantis", tiny_pack());
        assert!(matches!(result, Err(CoreError::InvalidInput { .. })));
    }

    #[test]
    fn error_messages_name_no_path() {
        let err = CoreError::from(aiprep_core::Error::from(
            aiprep_core::storage::StorageError::NotADatabase {
                path: "/home/someone/secret.sqlite3".into(),
            },
        ));
        assert!(!err.to_string().contains("someone"), "{err}");
    }

    /// UniFFI runs every exported call through `rust_call`; a panic there must
    /// come back as the "unexpected error" status Kotlin raises as an exception,
    /// and the session must keep working although the panic poisoned its lock.
    #[test]
    fn a_panic_inside_a_call_becomes_an_error_status_and_the_session_survives() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.sqlite3");
        let core = AppCore::start(path.to_str().unwrap(), &zone(), tiny_pack()).unwrap();

        let mut status = uniffi::RustCallStatus::default();
        let panicking = Arc::clone(&core);
        uniffi::rust_call(&mut status, move || -> Result<(), uniffi::RustCallError> {
            let _session = panicking.session();
            panic!("simulated bug while the session is locked");
        });

        assert!(matches!(
            status.code,
            uniffi::RustCallStatusCode::UnexpectedError
        ));
        assert!(core.session.is_poisoned());
        assert_eq!(core.outline().module_id, "tiny");
    }

    fn tiny_pack() -> Pack {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../android/core-kotlin/src/test/resources/fixture-pack.toml"
        );
        let mut pack = aiprep_core::content::load_pack(Path::new(path)).unwrap();
        pack.module.id = "tiny".to_owned();
        pack
    }
}
