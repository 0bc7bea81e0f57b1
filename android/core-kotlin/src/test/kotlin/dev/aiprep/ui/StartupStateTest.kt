package dev.aiprep.ui

import dev.aiprep.core.AppCore
import dev.aiprep.core.OpenOptions
import dev.aiprep.core.StorageProblem
import dev.aiprep.core.TestClock
import dev.aiprep.core.TestSupport
import java.nio.file.Files
import java.nio.file.Path
import java.util.Collections
import java.util.concurrent.atomic.AtomicInteger
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** Opening at start, on a real database file: once only, and recovering from a bad file. */
class StartupStateTest {
    @TempDir
    lateinit var dir: Path

    private val clock = TestClock()
    private val opened: MutableList<AppCore> = Collections.synchronizedList(mutableListOf())
    private val db get() = dir.resolve("progress.sqlite3")
    private val backups get() = dir.resolve("backups")

    @AfterEach
    fun tearDown() = opened.forEach { it.close() }

    private fun startup(opens: AtomicInteger = AtomicInteger()) =
        StartupState(db, backups, Dispatchers.IO, clock::read) { path, now ->
            opens.incrementAndGet()
            Thread.sleep(20) // widen the window in which a second caller could slip in
            AppCore.openWith(OpenOptions(path, TestSupport.ZONE, now, null, TestSupport.storePublicKey)).also { opened += it }
        }

    @Test
    fun `callers asking at the same time share one core`() = runBlocking {
        val opens = AtomicInteger()
        val startup = startup(opens)
        val envs = (1..8).map { async(Dispatchers.Default) { startup.open(); (startup.state.value as Startup.Ready).env } }
            .awaitAll()
        assertEquals(1, opens.get())
        assertTrue(envs.all { it === envs[0] })
    }

    @Test
    fun `an unreadable file is left as it was, and the newest backup brings the progress back`() = runBlocking {
        AppCore.openWith(TestSupport.options(dir, clock.read())).use { core ->
            core.storyCreate("The release I rushed", clock.read())
            core.backupIfDue(backups.toString(), 24u, 5u, clock.read())
        }
        val garbage = ByteArray(4096) { (it % 251).toByte() }
        Files.write(db, garbage)
        Files.deleteIfExists(dir.resolve("progress.sqlite3-wal"))
        Files.deleteIfExists(dir.resolve("progress.sqlite3-shm"))

        val startup = startup()
        startup.open()
        val failed = startup.state.value as Startup.Failed
        assertTrue(failed.problem == StorageProblem.NOT_A_DATABASE || failed.problem == StorageProblem.DAMAGED, "$failed")
        assertEquals(1, failed.backups)
        assertArrayEquals(garbage, Files.readAllBytes(db), "a failed open must not touch the file")

        clock.advance(1000)
        startup.restoreNewestBackup()
        val ready = startup.state.value as Startup.Ready
        assertEquals(listOf("The release I rushed"), ready.env.core.stories().map { it.title })
        val aside = Files.list(dir).use { files -> files.filter { it.fileName.toString().startsWith("progress.sqlite3.bad-") }.toList() }
        assertEquals(1, aside.size, "the unreadable file is kept beside the restored one")
        assertArrayEquals(garbage, Files.readAllBytes(aside[0]))
    }
}
