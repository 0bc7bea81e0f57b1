package dev.aiprep.ui

import dev.aiprep.core.ItemType
import dev.aiprep.core.StoryPart
import dev.aiprep.core.LearnerFixture
import dev.aiprep.core.TestSupport
import dev.aiprep.core.envFor
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/**
 * Full flows through the state holders, against the real library and a real
 * database file: what a learner does on the phone, minus the pixels.
 */
class FlowTest : LearnerFixture() {

    /** Closes the database and opens it again, as after an app restart. */
    private fun reopen(): CoreEnv = open()

    @Test
    fun `core calls run on the injected background dispatcher`() = runBlocking<Unit> {
        val threads = mutableListOf<String>()
        val env = CoreEnv(TestSupport.openBundled(dir).also { core = it }, io) {
            threads += Thread.currentThread().name
            clock.read()
        }
        HomeState(env).refresh()
        // Debug builds of kotlinx.coroutines append " @coroutine#N" to the thread name.
        assertEquals(1, threads.size)
        assertTrue(threads.single().startsWith("core-io"), threads.single())
    }

    @Test
    fun `home shows today's challenge, no streak yet, and the free tier`() = runBlocking<Unit> {
        val home = HomeState(open())
        home.refresh()
        val h = (home.state.value as Loadable.Ready).value
        assertEquals("failure-story", h.outline.moduleId)
        assertEquals("2026-03-02", h.today.learningDay)
        assertEquals(0u, h.today.streak)
        assertTrue(h.today.challenge.isNotEmpty())
        assertFalse(h.today.challengeCompleted)
        assertFalse(h.entitlement.unlocked)
    }

    @Test
    fun `an adaptive quiz never repeats a question and its answers survive a restart`() = runBlocking<Unit> {
        val quiz = QuizState(open(), maxQuestions = 6)
        quiz.start()
        repeat(6) {
            val q = requireNotNull(quiz.state.value.question)
            clock.advance(8_000)
            quiz.answer(0)
            requireNotNull(quiz.state.value.feedback)
            quiz.answer(1) // a second tap on an answered question is ignored
            quiz.next()
        }
        val session = quiz.state.value
        assertTrue(session.finished)
        assertEquals(6, session.asked.toSet().size, "no repeats: ${session.asked}")

        val stats = StatsState(reopen())
        stats.refresh()
        val s = (stats.state.value as Loadable.Ready).value
        assertEquals(6uL, s.choiceAttempts)
        assertEquals(session.correct.toULong(), s.correct)
    }

    @Test
    fun `a daily challenge question opens the quiz on that very question`() = runBlocking<Unit> {
        val env = open()
        val item = env.core.today(clock.read()).challenge.first { it.itemType == ItemType.QUIZ }
        val quiz = QuizState(env)
        quiz.start(item.id)
        assertEquals(item.id, quiz.state.value.question?.id)
        quiz.answer(0)
        val done = env.core.today(clock.read()).challenge.first { it.id == item.id }
        assertTrue(done.done, "answering it ticks the challenge item")
    }

    @Test
    fun `an answered question comes back for review once it is due`() = runBlocking<Unit> {
        val env = open()
        val home = HomeState(env)
        val first = requireNotNull((home.nextReview() as Outcome.Ok).value)
        val answered = when (first.itemType) {
            ItemType.EXERCISE -> env.core.answerText(first.id, "I missed a deadline and now flag risks early.", 30_000u, clock.read()).nextDueMs
            else -> env.core.answerChoice(first.id, 0u, 9_000u, clock.read()).nextDueMs
        }
        assertTrue(answered > clock.read())
        clock.advance(answered - clock.read() + 60_000)
        home.refresh()
        val today = (home.state.value as Loadable.Ready).value.today
        assertTrue(today.dueReviews >= 1u, "due: ${today.dueReviews}")
        val due = env.core.nextReview(clock.read())
        assertEquals(first.id, due?.id)
    }

    @Test
    fun `a locked question is refused with a typed error the screen can act on`() = runBlocking<Unit> {
        val env = open()
        val locked = env.core.quizList().first { it.locked }.id
        val r = env.call { question(locked) }
        assertEquals(Outcome.Err(UiError.Locked(locked)), r)
    }

    @Test
    fun `exercise feedback highlights land on the right characters, emoji included`() = runBlocking<Unit> {
        val env = open()
        val exercise = ExerciseState(env)
        exercise.load(freeExerciseId(env))
        val text = "😅 The launch slipped because the vendor was late 🙄. " +
            "I maybe should have checked, but it wasn't really my fault. " +
            "Honestly it was a disaster 😬 and everyone panicked."
        exercise.edit(text)
        exercise.submit()
        val screen = (exercise.state.value as Loadable.Ready).value
        val feedback = requireNotNull(screen.feedback)
        assertTrue(feedback.analysis.findings.isNotEmpty())
        assertTrue(screen.highlights.isNotEmpty(), "span findings become highlights")
        screen.highlights.forEach { h ->
            assertEquals(h.finding.text, h.textIn(text), "span of ${h.finding.kind}")
        }
        assertTrue(feedback.modelAnswer.isNotBlank())
    }

    @Test
    fun `dictated words are appended to the draft`() = runBlocking<Unit> {
        val env = open()
        val exercise = ExerciseState(env)
        exercise.load(freeExerciseId(env))
        exercise.edit("I owned the release.")
        exercise.dictated("  Afterwards I added a checklist ")
        assertEquals("I owned the release. Afterwards I added a checklist", (exercise.state.value as Loadable.Ready).value.draft)
    }

    @Test
    fun `a scenario answered wrongly explains why the best response works`() = runBlocking<Unit> {
        val env = open()
        val id = freeScenarioId(env)
        val scenario = ScenarioState(env)
        scenario.load(id)
        val responses = (scenario.state.value as Loadable.Ready).value.scenario.responses
        val best = bestResponse(id)
        val wrong = responses.indices.first { it != best }
        scenario.choose(wrong)
        val feedback = requireNotNull((scenario.state.value as Loadable.Ready).value.feedback)
        assertFalse(feedback.correct)
        assertEquals(best, feedback.correctChoice.toInt())
        requireNotNull(feedback.bestAnnotation)
    }

    @Test
    fun `completing the daily challenge starts a streak that survives a restart`() = runBlocking<Unit> {
        val env = open()
        completeChallenge(env)
        val home = HomeState(env)
        home.refresh()
        val today = (home.state.value as Loadable.Ready).value.today
        assertTrue(today.challengeCompleted)
        assertEquals(1u, today.streak)

        clock.advance(TestSupport.DAY_MS)
        val next = HomeState(reopen())
        next.refresh()
        val tomorrow = (next.state.value as Loadable.Ready).value.today
        assertEquals("2026-03-03", tomorrow.learningDay)
        assertEquals(1u, tomorrow.streak, "yesterday's streak still counts today")
        assertFalse(tomorrow.challengeCompleted)
    }

    @Test
    fun `a test-signed purchase unlocks, is acknowledged, and stays unlocked after a restart`() = runBlocking<Unit> {
        val env = open()
        val locked = env.core.quizList().first { it.locked }.id
        val unlock = UnlockState(env)
        val (json, sig) = TestSupport.signedPurchase("token-1")
        unlock.purchased(StorePurchase(json, sig, "token-1"))
        val e = requireNotNull(unlock.state.value.entitlement)
        assertTrue(e.unlocked)
        assertTrue(e.needsAcknowledgement)
        assertEquals("token-1", e.purchaseToken)
        unlock.acknowledged("token-1")
        assertFalse(unlock.state.value.entitlement!!.needsAcknowledgement)

        val after = reopen()
        assertTrue(after.core.entitlement().unlocked)
        assertEquals(locked, after.core.question(locked).id, "the locked question is now readable")
        assertTrue(after.core.quizList().none { it.locked })
    }

    @Test
    fun `a tampered purchase is refused and unlocks nothing`() = runBlocking<Unit> {
        val env = open()
        val unlock = UnlockState(env)
        val (json, sig) = TestSupport.signedPurchase("token-2")
        unlock.purchased(StorePurchase(json.replace("token-2", "token-3"), sig, "token-3"))
        assertTrue(unlock.state.value.error is UiError.Purchase)
        assertFalse(env.core.entitlement().unlocked)
    }

    @Test
    fun `restore keeps the unlock when the store is unreachable and revokes it after a refund`() = runBlocking<Unit> {
        val env = open()
        val unlock = UnlockState(env)
        val (json, sig) = TestSupport.signedPurchase("token-4")
        val purchase = StorePurchase(json, sig, "token-4")
        unlock.restore(OwnedPurchases.Listed(listOf(purchase)))
        assertTrue(unlock.state.value.entitlement!!.unlocked, "restore hands owned purchases over")

        unlock.restore(OwnedPurchases.Failed)
        assertTrue(unlock.state.value.entitlement!!.unlocked, "offline: nothing revoked")

        unlock.restore(OwnedPurchases.Listed(emptyList()))
        assertFalse(unlock.state.value.entitlement!!.unlocked, "refunded: revoked")
        assertFalse(reopen().core.entitlement().unlocked)
    }

    @Test
    fun `a restore after acknowledgement does not ask to acknowledge again`() = runBlocking<Unit> {
        val unlock = UnlockState(open())
        val (json, sig) = TestSupport.signedPurchase("token-5")
        val purchase = StorePurchase(json, sig, "token-5")
        unlock.purchased(purchase)
        unlock.acknowledged("token-5")
        unlock.restore(OwnedPurchases.Listed(listOf(purchase)))
        val e = requireNotNull(unlock.state.value.entitlement)
        assertTrue(e.unlocked)
        assertFalse(e.needsAcknowledgement, "Play's JSON still says acknowledged=false; the core keeps ours")
    }

    @Test
    fun `a story built part by part is versioned and kept`() = runBlocking<Unit> {
        val story = StoryState(open())
        story.create("The migration that broke search")
        story.setPart(StoryPart.SITUATION, "Last spring I led the move of our search index to a new cluster.")
        story.setPart(StoryPart.ACTION, "I skipped the load test to hit the date, and search failed for an hour.")
        story.setPart(
            StoryPart.TAKEAWAY,
            "I learned that a date is never worth an untested cutover. Since then every migration I run has a " +
                "rehearsal and a rollback plan, and I wrote our team's checklist so the habit outlives me.",
        )
        val checks = story.state.value.checks
        assertEquals(setOf(StoryPart.SITUATION, StoryPart.ACTION, StoryPart.TAKEAWAY), checks.keys)
        story.saveVersion()
        assertEquals(1, story.state.value.versions.size)
        assertNull(story.state.value.error)

        val again = StoryState(reopen())
        again.refresh()
        val saved = again.state.value.stories.single()
        assertEquals("The migration that broke search", saved.title)
        assertEquals(1u, saved.versions)
        again.open(saved.id)
        assertEquals(3, again.state.value.draft!!.parts.count { it.text.isNotBlank() })
    }

    @Test
    fun `the lesson opens on the overview and moving stays within bounds`() = runBlocking<Unit> {
        val lesson = LessonState(open())
        lesson.load()
        val first = (lesson.state.value as Loadable.Ready).value
        assertEquals("overview", first.section?.id)
        lesson.open(1_000)
        val last = (lesson.state.value as Loadable.Ready).value
        assertEquals(first.sections.last().id, last.section?.id)
    }

    @Test
    fun `stats count exercises and keep their scores in order`() = runBlocking<Unit> {
        val env = open()
        val exercise = ExerciseState(env)
        exercise.load(freeExerciseId(env))
        exercise.edit("I shipped a change without a rollback plan and it took checkout down for an hour. I learned to stage risky changes.")
        exercise.submit()
        val stats = StatsState(env)
        stats.refresh()
        val s = (stats.state.value as Loadable.Ready).value
        assertEquals(1uL, s.exerciseAttempts)
        assertEquals(1, s.scores.size)
        assertNull(s.accuracy, "no multiple-choice answers yet")
    }

    @Test
    fun `progress exported on one phone is imported on another`() = runBlocking<Unit> {
        val env = open()
        completeChallenge(env)
        val transfer = TransferState(env)
        transfer.export()
        val json = (transfer.state.value as Transfer.Exported).json

        val newPhone = dir.resolve("new-phone")
        java.nio.file.Files.createDirectories(newPhone)
        TestSupport.openBundled(newPhone, clock.read()).use { other ->
            val incoming = TransferState(envFor(other, clock, io))
            incoming.import(json)
            val report = (incoming.state.value as Transfer.Imported).report
            assertTrue(report.quizAttempts + report.exerciseAttempts > 0uL)
            assertEquals(env.core.stats(clock.read()).attempts, other.stats(clock.read()).attempts)
            assertEquals(1u, other.today(clock.read()).streak)
        }
    }

    @Test
    fun `a malformed import is refused and changes nothing`() = runBlocking<Unit> {
        val env = open()
        val transfer = TransferState(env)
        transfer.import("{\"not\": \"an export\"}")
        assertTrue((transfer.state.value as Transfer.Failed).error is UiError.Invalid)
        assertEquals(0uL, env.core.stats(clock.read()).attempts)
    }

    private fun freeExerciseId(env: CoreEnv): String = env.core.outline().exercises.first { it.free }.id

    private fun freeScenarioId(env: CoreEnv): String = env.core.outline().scenarios.first { it.free }.id

    /** The best response of a scenario, learned by answering on a separate throwaway learner. */
    private fun bestResponse(id: String): Int {
        val scratch = dir.resolve("scratch")
        java.nio.file.Files.createDirectories(scratch)
        return TestSupport.openBundled(scratch).use { it.answerChoice(id, 0u, 5000u, clock.read()).correctChoice.toInt() }
    }

    private suspend fun completeChallenge(env: CoreEnv) {
        val items = env.core.today(clock.read()).challenge
        items.forEach { item ->
            clock.advance(30_000)
            when (item.itemType) {
                ItemType.QUIZ, ItemType.SCENARIO -> env.core.answerChoice(item.id, 0u, 20_000u, clock.read())
                ItemType.EXERCISE -> env.core.answerText(
                    item.id,
                    "I missed a deadline because I did not flag the risk early. I now raise risks in the first week.",
                    60_000u,
                    clock.read(),
                )
            }
        }
    }
}
