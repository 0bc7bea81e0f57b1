package dev.aiprep.core

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** The generated bindings, loaded through JNA from the host-built library. */
class AppCoreTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `a pack from a path opens on a fresh database and reports its outline`() {
        TestSupport.openFixture(dir).use { core ->
            val outline = core.outline()
            assertEquals("fixture", outline.moduleId)
            assertEquals("Fixture module", outline.title)
            assertEquals("0.0.1", outline.contentVersion)
            assertEquals(listOf("Setting", "Lesson"), outline.frameworkSteps)
            assertEquals(listOf("Ownership", "Lesson learned"), outline.concepts)
            assertEquals(2u, outline.quizQuestionCount)
            assertEquals(2u, outline.exerciseCount)
            assertEquals(1u, outline.scenarioCount)
        }
        assertTrue(Files.size(dir.resolve("progress.sqlite3")) > 0, "the database file was created")
    }

    @Test
    fun `a file that is not a database is refused and left byte for byte untouched`() {
        val notes = dir.resolve("notes.sqlite3")
        val bytes = "my private interview notes, not a database\n".repeat(20).toByteArray()
        Files.write(notes, bytes)

        val error = assertThrows<CoreException.Storage> {
            AppCore.openWithPack(notes.toString(), TestSupport.ZONE, TestSupport.fixturePack)
        }
        assertEquals(StorageProblem.NOT_A_DATABASE, error.problem)
        assertArrayEquals(bytes, Files.readAllBytes(notes))
        assertTrue(!error.message.orEmpty().contains("private"), "no file content in the message")
        assertTrue(!error.message.orEmpty().contains(dir.toString()), "no path in the message")
    }

    @Test
    fun `an unknown time zone is invalid input`() {
        val error = assertThrows<CoreException.InvalidInput> {
            AppCore.openWithPack(dir.resolve("p.sqlite3").toString(), "Mars/Olympus", TestSupport.fixturePack)
        }
        assertTrue(error.reason.contains("zone"))
    }

    @Test
    fun `a pack that does not parse is invalid input naming the file`() {
        val broken = dir.resolve("broken.toml")
        Files.writeString(broken, "format_version = 1\n[module]\nid = 3\n")
        val error = assertThrows<CoreException.InvalidInput> {
            AppCore.openWithPack(dir.resolve("p.sqlite3").toString(), TestSupport.ZONE, broken.toString())
        }
        assertTrue(error.reason.contains("broken.toml"), error.reason)
    }

    @Test
    fun `a Rust panic surfaces as an exception and the object stays usable`() {
        TestSupport.openFixture(dir).use { core ->
            assertThrows<InternalException> { core.debugPanic() }
            assertEquals("fixture", core.outline().moduleId)
        }
    }

    @Test
    fun `two threads can call the same core at once`() {
        TestSupport.openFixture(dir).use { core ->
            val pool = Executors.newFixedThreadPool(2)
            try {
                val start = CountDownLatch(1)
                val tasks = List(2) {
                    Callable {
                        start.await()
                        (1..200).map { core.outline().moduleId }.toSet()
                    }
                }
                val futures = tasks.map { pool.submit(it) }
                start.countDown()
                futures.forEach { assertEquals(setOf("fixture"), it.get(60, TimeUnit.SECONDS)) }
            } finally {
                pool.shutdownNow()
            }
        }
    }
}
