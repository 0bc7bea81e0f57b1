package dev.aiprep.ui

import dev.aiprep.core.AppCore
import dev.aiprep.core.CoreException
import dev.aiprep.core.InternalException
import dev.aiprep.core.StorageProblem
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext

sealed interface Startup {
    data object Opening : Startup
    data class Ready(val env: CoreEnv) : Startup

    /**
     * Opening failed; the file was left untouched. [problem] is null when
     * the failure was not about storage. [backups] counts the rolling
     * backups a restore could use.
     */
    data class Failed(val problem: StorageProblem?, val backups: Int) : Startup
}

/**
 * Opens the learner's database at start, off the UI thread, and recovers
 * from a file that cannot be opened: try again, or put the newest rolling
 * backup in its place. The bad file is moved aside, never deleted, so
 * nothing is lost by trying.
 */
class StartupState(
    private val dbPath: Path,
    private val backupDir: Path,
    private val io: CoroutineDispatcher,
    private val clock: () -> Long = System::currentTimeMillis,
    private val openCore: (dbPath: String, nowMs: Long) -> AppCore,
) {
    private val _state = MutableStateFlow<Startup>(Startup.Opening)
    val state: StateFlow<Startup> = _state.asStateFlow()

    // The screens and a background job (Android's reminder) may both ask at
    // start; two cores on one file would each believe they own it.
    private val opening = Mutex()

    /** Opens (or opens again, after a failure). A no-op once open. */
    suspend fun open() = opening.withLock { openLocked() }

    private suspend fun openLocked() {
        if (_state.value is Startup.Ready) return
        _state.value = Startup.Opening
        _state.value = withContext(io) {
            try {
                Startup.Ready(CoreEnv(openCore(dbPath.toString(), clock()), io, clock))
            } catch (e: CoreException) {
                Startup.Failed((e as? CoreException.Storage)?.problem, backups().size)
            } catch (e: InternalException) {
                Startup.Failed(null, backups().size)
            }
        }
    }

    /** Moves the unreadable file aside, copies the newest backup in its place, and opens it. */
    suspend fun restoreNewestBackup() = opening.withLock {
        if (_state.value !is Startup.Failed) return@withLock
        val newest = withContext(io) { backups().lastOrNull() } ?: return@withLock
        _state.value = Startup.Opening
        withContext(io) {
            if (Files.exists(dbPath)) {
                val aside = dbPath.resolveSibling("${dbPath.fileName}.bad-${clock()}")
                Files.move(dbPath, aside)
                for (suffix in listOf("-wal", "-shm")) {
                    val side = dbPath.resolveSibling("${dbPath.fileName}$suffix")
                    if (Files.exists(side)) Files.move(side, aside.resolveSibling("${aside.fileName}$suffix"))
                }
            }
            Files.copy(newest, dbPath, StandardCopyOption.REPLACE_EXISTING)
        }
        openLocked()
    }

    /**
     * The core's rolling backups (`progress-<UTC stamp>.sqlite3`), oldest
     * first; the stamp sorts as text.
     */
    private fun backups(): List<Path> {
        if (!Files.isDirectory(backupDir)) return emptyList()
        return Files.list(backupDir).use { files ->
            files.filter { f ->
                val name = f.fileName.toString()
                name.startsWith("progress-") && name.endsWith(".sqlite3")
            }.sorted().toList()
        }
    }
}
