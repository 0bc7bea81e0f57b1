package dev.aiprep.app

import android.app.Application
import dev.aiprep.app.reminder.ReminderScheduler
import dev.aiprep.core.AppCore
import dev.aiprep.core.OpenOptions
import dev.aiprep.ui.CoreEnv
import java.time.ZoneId
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async

/**
 * Owns the one [AppCore] of the process. Opening runs SQLite migrations, so it
 * happens on the IO dispatcher, never on the main thread; screens await it.
 */
private const val BACKUP_EVERY_HOURS = 24u
private const val BACKUPS_KEPT = 5u

class AiprepApplication : Application() {
    private val appScope = CoroutineScope(SupervisorJob() + Dispatchers.Default)

    lateinit var env: Deferred<Result<CoreEnv>>
        private set

    override fun onCreate() {
        super.onCreate()
        env = appScope.async(Dispatchers.IO) {
            runCatching {
                val core = AppCore.openWith(
                    OpenOptions(
                        dbPath = filesDir.resolve("progress.sqlite3").absolutePath,
                        zone = ZoneId.systemDefault().id,
                        nowMs = System.currentTimeMillis(),
                        packPath = null,
                        storePublicKey = BuildConfig.PLAY_PUBLIC_KEY.ifBlank { null },
                    ),
                )
                // Rolling daily backups live in noBackupFilesDir: Auto Backup
                // already carries the database itself, and copies would double it.
                runCatching {
                    core.backupIfDue(
                        noBackupFilesDir.resolve("backups").absolutePath,
                        BACKUP_EVERY_HOURS,
                        BACKUPS_KEPT,
                        System.currentTimeMillis(),
                    )
                }
                CoreEnv(core, Dispatchers.IO)
            }
        }
        ReminderScheduler(this).ensureScheduled()
    }
}
