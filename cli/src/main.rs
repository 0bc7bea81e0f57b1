//! `aiprep`: the terminal front end. It parses arguments, reads the system
//! clock and zone (the core never does), calls `aiprep_core::learner` and
//! renders what comes back. The scripted interface is documented in
//! `docs/CLI.md`; every error is one line on stderr and a non-zero exit.

mod commands;
mod files;
mod input;
mod interactive;
mod render;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use aiprep_core::content::{self, Catalog, Pack};
use aiprep_core::learner::Learner;
use aiprep_core::unlock::StoreConfig;

pub type CliResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

#[derive(Parser)]
#[command(
    name = "aiprep",
    version,
    args_override_self = true,
    about = "Offline interview practice: lessons, adaptive quizzes, a daily challenge and on-device answer feedback."
)]
struct Cli {
    /// The learner's SQLite file (default: the platform data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// The current instant, RFC 3339 (default: the system clock).
    #[arg(long, global = true, value_name = "RFC3339")]
    now: Option<String>,
    /// The learner's IANA time zone (default: the system's).
    #[arg(long, global = true, value_name = "ZONE")]
    tz: Option<String>,
    /// A content pack to install beside the bundled modules (replacing the
    /// one with its id) and study.
    #[arg(long, global = true, value_name = "FILE")]
    pack: Option<PathBuf>,
    /// The module to study from now on, by id (see `aiprep modules`).
    #[arg(long, global = true, value_name = "ID")]
    module: Option<String>,
    /// The store's base64 X.509 public key that signs purchases (default: the app's).
    #[arg(long, global = true, value_name = "B64", env = "AIPREP_PUBLIC_KEY")]
    public_key: Option<String>,
    /// The app's package name, as purchases must name it.
    #[arg(long, global = true, value_name = "ID")]
    package: Option<String>,
    /// The one-time product's id.
    #[arg(long, global = true, value_name = "ID")]
    product: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Today's challenge and due reviews (the default).
    Today {
        /// Print the plan as JSON instead of starting the session.
        #[arg(long)]
        json: bool,
    },
    /// Read the lesson, section by section.
    Learn {
        /// A section id (overview, framework, in-practice, mistakes, ...); all when omitted.
        section: Option<String>,
    },
    /// An adaptive quiz.
    Quiz {
        /// List the questions instead of starting a quiz.
        #[arg(long)]
        list: bool,
        #[arg(long)]
        json: bool,
        /// How many questions in this session.
        #[arg(long, default_value_t = 10)]
        count: usize,
    },
    /// Record one answer to a quiz question, scenario or exercise.
    Answer {
        id: String,
        /// The option: its 0-based index in the pack, or the letter it is
        /// shown under now (A, B, ...), for quiz questions and scenarios.
        choice: Option<String>,
        /// The written answer, for exercises.
        #[arg(long)]
        text: Option<String>,
        /// Milliseconds the answer took (used for grading speed).
        #[arg(long, default_value_t = 15_000)]
        duration_ms: u32,
        #[arg(long)]
        json: bool,
    },
    /// Facts about the content.
    #[command(arg_required_else_help = true)]
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
    /// Progress statistics.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// The installed modules with your progress; `--module ID` picks one.
    Modules {
        #[arg(long)]
        json: bool,
    },
    /// Analyze a written answer (a file, or standard input with `-` or nothing).
    Analyze {
        file: Option<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Read `{"id", "text"}` lines, write one analysis per line.
        #[arg(long)]
        jsonl: bool,
    },
    /// Evaluate or optimize FSRS parameters on a review log.
    Fsrs {
        #[command(subcommand)]
        command: FsrsCommand,
    },
    /// Fill the database with a synthetic learner (for scale tests).
    Simulate {
        #[arg(long)]
        items: u32,
        #[arg(long)]
        reviews: u64,
    },
    /// How to unlock the full module; with a purchase file, verify and store it.
    Unlock {
        /// The purchase's originalJson, as a file.
        #[arg(long, value_name = "FILE", requires = "signature")]
        purchase: Option<PathBuf>,
        /// Its base64 signature.
        #[arg(long, value_name = "B64", requires = "purchase")]
        signature: Option<String>,
    },
    /// Build your own failure story part by part, with feedback.
    #[command(arg_required_else_help = true)]
    Story {
        #[command(subcommand)]
        command: StoryCommand,
    },
    /// Write all progress to a JSON file (to move to another device).
    Export {
        file: PathBuf,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Merge progress from an export file; nothing is duplicated.
    Import {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Restore the database from a backup (the current file is kept aside).
    Restore {
        /// A backup file; the newest one when omitted.
        backup: Option<PathBuf>,
        /// Replace a database that opens fine without asking.
        #[arg(long)]
        yes: bool,
    },
    /// Whether the full module is unlocked.
    Status {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum ContentCommand {
    /// Counts of each kind of content per module.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Validate a pack file (for pack authors): errors name the file, item and field.
    Check { pack: PathBuf },
}

#[derive(Subcommand)]
pub enum StoryCommand {
    /// Start a new story.
    New { title: String },
    /// Your stories.
    List,
    /// Write one part (situation, task, action, result, takeaway); its check is printed.
    Write {
        id: i64,
        part: String,
        /// The text; read from standard input when omitted.
        text: Option<String>,
    },
    /// The draft with its analysis.
    Show { id: i64 },
    /// Save the draft as a new version.
    Save { id: i64 },
    /// Score and takeaway share over the saved versions.
    History { id: i64 },
}

#[derive(Subcommand)]
enum FsrsCommand {
    /// Log loss and RMSE of parameters on a review log.
    Evaluate {
        #[arg(long, value_name = "CSV")]
        revlog: PathBuf,
        /// Comma-separated FSRS parameters (default: FSRS-6 defaults).
        #[arg(long, value_name = "P")]
        params: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Fit parameters to a review log.
    Optimize {
        #[arg(long, value_name = "CSV")]
        revlog: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

/// What every command may need: where, when and in which zone.
pub struct Env {
    db: Option<PathBuf>,
    now: DateTime<Utc>,
    zone: String,
    /// The zone to show times in (the learner's).
    pub tz: chrono_tz::Tz,
    pub pack_path: Option<PathBuf>,
    module: Option<String>,
    store: Option<StoreConfig>,
}

impl Env {
    fn from_cli(cli: &Cli) -> CliResult<Self> {
        let now = match &cli.now {
            Some(text) => DateTime::parse_from_rfc3339(text)
                .map_err(|e| format!("--now {text:?} is not an RFC 3339 instant: {e}"))?
                .with_timezone(&Utc),
            None => Utc::now(),
        };
        let zone = match &cli.tz {
            Some(zone) => zone.clone(),
            None => iana_time_zone::get_timezone().unwrap_or_else(|_| "UTC".to_owned()),
        };
        let tz = zone
            .parse()
            .map_err(|_| format!("--tz {zone:?} is not an IANA time zone (e.g. Europe/Berlin)"))?;
        Ok(Env {
            db: cli.db.clone(),
            now,
            zone,
            tz,
            pack_path: cli.pack.clone(),
            module: cli.module.clone(),
            store: store_config(cli),
        })
    }

    pub fn pack(&self) -> CliResult<Pack> {
        Ok(match &self.pack_path {
            Some(path) => content::load_pack(path)?,
            None => content::embedded_pack(),
        })
    }

    pub fn db_path(&self) -> CliResult<PathBuf> {
        if let Some(path) = &self.db {
            return Ok(path.clone());
        }
        let dirs = directories::ProjectDirs::from("dev", "aiprep", "aiprep")
            .ok_or("no home directory: pass --db PATH")?;
        let dir = dirs.data_dir();
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        Ok(dir.join("progress.sqlite3"))
    }

    /// Where the rolling backups of the database live.
    pub fn backup_dir(&self) -> CliResult<PathBuf> {
        let db = self.db_path()?;
        Ok(PathBuf::from(format!("{}.backups", db.display())))
    }

    /// The bundled modules with the `--pack` one installed beside them, and
    /// that pack's module id.
    fn catalog(&self) -> CliResult<(Catalog, Option<String>)> {
        let catalog = content::bundled_catalog();
        Ok(match &self.pack_path {
            Some(path) => {
                let pack = self.pack()?;
                let id = pack.module.id.clone();
                (
                    catalog.with_pack(&path.display().to_string(), pack)?,
                    Some(id),
                )
            }
            None => (catalog, None),
        })
    }

    /// The learner on the catalog, studying the `--module` (or the `--pack`)
    /// module when one is named.
    pub fn learner(&self) -> CliResult<Learner> {
        let path = self.db_path()?;
        let (catalog, pack_module) = self.catalog()?;
        let mut learner = Learner::open(&path, &self.zone, catalog, self.store.clone(), self.now)
            .map_err(|e| with_restore_hint(e, &path))?;
        if let Some(id) = self.module.clone().or(pack_module) {
            learner.select_module(&id)?;
        }
        Ok(learner)
    }
}

/// The app's store configuration with command-line overrides; `None` leaves
/// the built-in one to the core.
fn store_config(cli: &Cli) -> Option<StoreConfig> {
    if cli.public_key.is_none() && cli.package.is_none() && cli.product.is_none() {
        return None;
    }
    let mut store = StoreConfig::app_default().unwrap_or_else(|| StoreConfig::with_key(""));
    if let Some(key) = &cli.public_key {
        store.public_key_b64 = key.trim().to_owned();
    }
    if let Some(package) = &cli.package {
        store.package_name = package.clone();
    }
    if let Some(product) = &cli.product {
        store.product_id = product.clone();
    }
    Some(store)
}

/// A database that cannot be read gets the way out named in the error.
fn with_restore_hint(
    err: aiprep_core::Error,
    path: &std::path::Path,
) -> Box<dyn std::error::Error> {
    use aiprep_core::storage::StorageError;
    match &err {
        aiprep_core::Error::Storage(
            StorageError::Corrupt { .. } | StorageError::NotADatabase { .. },
        ) => format!(
            "{err}. `aiprep restore` puts back the newest automatic backup \
                 (the file is kept aside), or pass --db to use another file ({}).",
            path.display()
        )
        .into(),
        _ => err.into(),
    }
}

fn run(cli: Cli) -> CliResult {
    let env = Env::from_cli(&cli)?;
    match cli.command.unwrap_or(Command::Today { json: false }) {
        Command::Today { json: true } => commands::today_json(&env),
        Command::Today { json: false } => interactive::today(&env),
        Command::Learn { section } => commands::learn(&env, section.as_deref()),
        Command::Quiz {
            list: true, json, ..
        } => commands::quiz_list(&env, json),
        Command::Quiz { count, .. } => interactive::quiz(&env, count),
        Command::Answer {
            id,
            choice,
            text,
            duration_ms,
            json,
        } => commands::answer(
            &env,
            &id,
            choice.as_deref(),
            text.as_deref(),
            duration_ms,
            json,
        ),
        Command::Content {
            command: ContentCommand::Stats { json },
        } => commands::content_stats(&env, json),
        Command::Content {
            command: ContentCommand::Check { pack },
        } => commands::content_check(&pack),
        Command::Stats { json } => commands::stats(&env, json),
        Command::Modules { json } => commands::modules(&env, json),
        Command::Analyze { file, json, jsonl } => commands::analyze(file.as_deref(), json, jsonl),
        Command::Fsrs {
            command: FsrsCommand::Evaluate { revlog, params, .. },
        } => commands::fsrs_evaluate(&revlog, params.as_deref()),
        Command::Fsrs {
            command: FsrsCommand::Optimize { revlog, .. },
        } => commands::fsrs_optimize(&revlog),
        Command::Simulate { items, reviews } => commands::simulate(&env, items, reviews),
        Command::Unlock {
            purchase: Some(purchase),
            signature: Some(signature),
        } => commands::unlock(&env, &purchase, &signature),
        Command::Unlock { .. } => commands::how_to_unlock(&env),
        Command::Status { json } => commands::status(&env, json),
        Command::Story { command } => commands::story(&env, command),
        Command::Export { file, force } => commands::export(&env, &file, force),
        Command::Import { file, json } => commands::import(&env, &file, json),
        Command::Restore { backup, yes } => commands::restore(&env, backup.as_deref(), yes),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // clap's whole message: the argument's name, the usage line and
            // its suggestions ("a similar subcommand exists: ...").
            let _ = e.print();
            return ExitCode::from(2);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // The reader went away (`aiprep learn | head`): not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            let text = e.to_string().replace('\n', " ");
            eprintln!("aiprep: error: {text}");
            ExitCode::FAILURE
        }
    }
}
