package dev.aiprep.desktop

import androidx.compose.ui.input.key.Key
import androidx.compose.ui.input.key.KeyEventType
import androidx.compose.ui.input.key.key
import androidx.compose.ui.input.key.type
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import dev.aiprep.core.AppCore
import dev.aiprep.screens.AiprepTheme
import dev.aiprep.screens.AppController
import dev.aiprep.screens.AppRoot
import dev.aiprep.screens.Navigator
import dev.aiprep.screens.Platform
import dev.aiprep.ui.StartupState
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.time.ZoneId
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob

private const val BACKUP_EVERY_HOURS = 24u
private const val BACKUPS_KEPT = 5u

/**
 * The progress file the terminal app uses too (`aiprep --db` overrides it
 * there, AIPREP_DB here), so both show the same streak.
 */
private fun databasePath(): Path {
    System.getenv("AIPREP_DB")?.takeIf { it.isNotBlank() }?.let { return Paths.get(it) }
    val dataHome = System.getenv("XDG_DATA_HOME")?.takeIf { it.isNotBlank() }?.let { Paths.get(it) }
        ?: Paths.get(System.getProperty("user.home"), ".local", "share")
    return dataHome.resolve("aiprep").resolve("progress.sqlite3")
}

fun main() {
    val db = databasePath()
    Files.createDirectories(db.parent)
    val backups = db.resolveSibling("${db.fileName}.backups")
    val startup = StartupState(db, backups, Dispatchers.IO) { path, now ->
        AppCore.open(path, ZoneId.systemDefault().id, now).also { core ->
            // A daily copy for the start-up screen's "restore"; a failed copy must not stop the app.
            runCatching { core.backupIfDue(backups.toString(), BACKUP_EVERY_HOURS, BACKUPS_KEPT, now) }
        }
    }
    val settings = DesktopSettings()
    val app = AppController(
        startup = startup,
        navigator = Navigator(),
        platform = Platform(settings = settings),
        scope = CoroutineScope(SupervisorJob() + Dispatchers.Main),
    )
    application {
        val themeMode by settings.themeMode.collectAsState()
        Window(
            onCloseRequest = ::exitApplication,
            title = "Interview Prep",
            state = rememberWindowState(width = 420.dp, height = 860.dp),
            // Escape goes back, as the system back gesture does on a phone.
            onPreviewKeyEvent = { e ->
                e.type == KeyEventType.KeyDown && e.key == Key.Escape && app.navigator.back()
            },
        ) {
            AiprepTheme(themeMode) { AppRoot(app) }
        }
    }
}
