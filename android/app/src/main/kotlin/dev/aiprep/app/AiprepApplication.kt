package dev.aiprep.app

import android.app.Application
import dev.aiprep.app.reminder.ReminderScheduler
import dev.aiprep.core.AppCore
import dev.aiprep.core.OpenOptions
import dev.aiprep.ui.StartupState
import java.time.ZoneId
import kotlinx.coroutines.Dispatchers

private const val BACKUP_EVERY_HOURS = 24u
private const val BACKUPS_KEPT = 5u

/**
 * Owns the process's one learner database. The activity's view model and the
 * reminder worker both open it through [startup], which opens at most once,
 * off the main thread, and offers retry and restore when the file is bad.
 */
class AiprepApplication : Application() {
    lateinit var startup: StartupState
        private set

    override fun onCreate() {
        super.onCreate()
        // Rolling daily backups live in noBackupFilesDir: Auto Backup already
        // carries the database itself, and copies would double it.
        val backups = noBackupFilesDir.resolve("backups").toPath()
        startup = StartupState(
            dbPath = filesDir.resolve("progress.sqlite3").toPath(),
            backupDir = backups,
            io = Dispatchers.IO,
        ) { path, now ->
            AppCore.openWith(
                OpenOptions(
                    dbPath = path,
                    zone = ZoneId.systemDefault().id,
                    nowMs = now,
                    packPath = null,
                    storePublicKey = BuildConfig.PLAY_PUBLIC_KEY.ifBlank { null },
                ),
            ).also { core ->
                // A failed copy must not stop the app; the next start tries again.
                runCatching { core.backupIfDue(backups.toString(), BACKUP_EVERY_HOURS, BACKUPS_KEPT, now) }
            }
        }
        ReminderScheduler(this).ensureScheduled()
    }
}
