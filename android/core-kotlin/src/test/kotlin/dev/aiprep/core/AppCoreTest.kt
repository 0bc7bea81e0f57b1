package dev.aiprep.core

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertArrayEquals
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

/** The generated bindings, loaded through JNA from the host-built library. */
class AppCoreTest {
    @TempDir
    lateinit var dir: Path

    @Test
    fun `the bundled module opens on a fresh database with its real content`() {
        TestSupport.openBundled(dir).use { core ->
            val outline = core.outline()
            assertEquals("failure-story", outline.moduleId)
            assertTrue(outline.quizQuestionCount >= 40u, "quiz bank has ${outline.quizQuestionCount}")
            assertTrue(outline.exerciseCount >= 5u)
            assertTrue(outline.scenarioCount >= 3u)
            assertEquals(5, outline.frameworkSteps.size, "STAR-T has five steps")
            val lesson = core.lesson()
            assertEquals("overview", lesson.first().id)
            assertTrue(lesson.any { s -> s.blocks.any { it is LessonBlock.Locked } }, "locked items show as locks")
        }
        assertTrue(Files.size(dir.resolve("progress.sqlite3")) > 0)
    }

    @Test
    fun `options are reshuffled per answer and the last answer can be taken back`() {
        TestSupport.openBundled(dir).use { core ->
            val id = core.quizList().first { !it.locked }.id
            val first = core.optionOrder(id)
            assertEquals(first.sorted(), first.indices.map { it.toUInt() }, "a permutation")
            assertEquals(first, core.optionOrder(id), "stable until answered")
            core.answerChoice(id, first[0], 5_000u, TestSupport.START)
            val undone = core.undoLastAnswer()
            assertEquals(id, undone?.id)
            assertEquals(first, core.optionOrder(id), "the undone answer no longer counts")
            assertEquals(0uL, core.stats(TestSupport.START).attempts)
            assertEquals(null, core.undoLastAnswer(), "nothing left to take back")
        }
    }

    @Test
    fun `a pack from a path opens and reports its outline`() {
        TestSupport.openFixture(dir).use { core ->
            val outline = core.outline()
            assertEquals("fixture", outline.moduleId)
            assertEquals(listOf("Setting", "Duty", "Moves", "Outcome", "Lesson"), outline.frameworkSteps)
            assertEquals(2u, outline.quizQuestionCount)
            assertEquals(2u, outline.exerciseCount)
            assertEquals(1u, outline.scenarioCount)
        }
    }

    @Test
    fun `a file that is not a database is refused and left byte for byte untouched`() {
        val file = dir.resolve("progress.sqlite3")
        val bytes = "my private interview notes, not a database\n".repeat(20).toByteArray()
        Files.write(file, bytes)

        val error = assertThrows<CoreException.Storage> { TestSupport.openBundled(dir) }

        assertEquals(StorageProblem.NOT_A_DATABASE, error.problem)
        assertArrayEquals(bytes, Files.readAllBytes(file))
        assertFalse(error.message.orEmpty().contains("private"), "no file content in the message")
        assertFalse(error.message.orEmpty().contains(dir.toString()), "no path in the message")
    }

    @Test
    fun `an unknown time zone is invalid input`() {
        assertThrows<CoreException.InvalidInput> {
            AppCore.openWith(TestSupport.options(dir).copy(zone = "Mars/Olympus"))
        }
    }

    @Test
    fun `a pack that does not parse is invalid input naming the file`() {
        val broken = dir.resolve("broken.toml")
        Files.writeString(broken, "format_version = 1\n[module]\nid = 3\n")
        val error = assertThrows<CoreException.InvalidInput> {
            AppCore.openWith(TestSupport.options(dir, pack = broken.toString()))
        }
        assertTrue(error.reason.contains("broken.toml"), error.reason)
    }

    @Test
    fun `moving to another zone moves the learning day`() {
        val lateEvening = java.time.Instant.parse("2026-03-02T22:30:00Z").toEpochMilli()
        AppCore.openWith(TestSupport.options(dir, lateEvening).copy(zone = "America/New_York")).use { core ->
            assertEquals("2026-03-02", core.today(lateEvening).learningDay)
            core.setZone("Pacific/Auckland")
            assertEquals("2026-03-03", core.today(lateEvening).learningDay)
            assertThrows<CoreException.InvalidInput> { core.setZone("Not/AZone") }
        }
    }

    @Test
    fun `a Rust panic surfaces as an exception and the object stays usable`() {
        TestSupport.openBundled(dir).use { core ->
            assertThrows<InternalException> { core.debugPanic() }
            assertEquals("failure-story", core.outline().moduleId)
        }
    }

    @Test
    fun `a closed core refuses calls with a typed error`() {
        val core = TestSupport.openBundled(dir)
        core.closeDatabase()
        core.closeDatabase()
        assertThrows<CoreException.Closed> { core.outline() }
        core.close()
    }

    @Test
    fun `an out of range choice is invalid input and records nothing`() {
        TestSupport.openBundled(dir).use { core ->
            val id = core.quizList().first { !it.locked }.id
            val options = core.question(id).options.size
            assertThrows<CoreException.InvalidInput> {
                core.answerChoice(id, options.toUInt(), 1000u, TestSupport.START)
            }
            assertEquals(0uL, core.stats(TestSupport.START).attempts)
        }
    }

    @Test
    fun `the UI thread and a worker can use the same core at once`() {
        TestSupport.openBundled(dir).use { core ->
            val free = core.quizList().filter { !it.locked }.map { it.id }
            val pool = Executors.newFixedThreadPool(2)
            try {
                val start = CountDownLatch(1)
                val writer = pool.submit(Callable {
                    start.await()
                    free.forEachIndexed { i, id -> core.answerChoice(id, 0u, 2000u, TestSupport.START + i * 1000L) }
                })
                val reader = pool.submit(Callable {
                    start.await()
                    (1..100).map { core.today(TestSupport.START).learningDay }.toSet()
                })
                start.countDown()
                writer.get(120, TimeUnit.SECONDS)
                assertEquals(setOf("2026-03-02"), reader.get(120, TimeUnit.SECONDS))
                assertEquals(free.size.toULong(), core.stats(TestSupport.START).choiceAttempts)
            } finally {
                pool.shutdownNow()
            }
        }
    }

    @Test
    fun `a parameter refit is offered only when due and can be cancelled from another thread`() {
        TestSupport.openBundled(dir).use { core ->
            assertEquals(null, core.optimizationTask(false), "a new learner has nothing to refit")
            val task = core.optimizationTask(true)!!
            task.cancel()
            // Cancelled (or, on this tiny history, refused): an exception either way, nothing applied.
            assertThrows<CoreException.InvalidInput> { task.run() }
            val id = core.quizList().first { !it.locked }.id
            assertTrue(core.answerChoice(id, 0u, 5_000u, TestSupport.START).nextDueMs > TestSupport.START)
        }
    }

    @Test
    fun `cancelling when nothing runs is harmless and later calls work`() {
        TestSupport.openBundled(dir).use { core ->
            core.cancelLongWork()
            val json = core.exportJson()
            assertTrue(json.contains("aiprep-progress"))
            assertEquals(0uL, core.importJson(json, TestSupport.START).reviews)
        }
    }
}
