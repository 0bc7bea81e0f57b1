package dev.aiprep.screens

import androidx.compose.runtime.CompositionLocalProvider
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.platform.LocalDensity
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import dev.aiprep.core.ItemType
import dev.aiprep.core.StoryPart
import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.io.TempDir

/** A phone-sized window: 360 x 800 dp, drawn at 2 px per dp. */
private const val WIDTH_DP = 360f
private const val HEIGHT_DP = 800f
private const val PX_PER_DP = 2f

/**
 * Every screen with real data from the real core, light and dark, at font
 * scale 1 and 1.3, saved as PNGs and checked through the semantics tree.
 */
@OptIn(ExperimentalTestApi::class)
class ScreensTest {
    @TempDir
    lateinit var dir: Path

    /** One screen: how to bring the learner there, and texts it must show. */
    private class Case(
        val name: String,
        /** Texts that must be on screen (a part of each is enough). */
        val expected: List<String>,
        /** Scroll until this text shows before the picture is taken: the part of the screen under test. */
        val scrollTo: String? = null,
        /** Texts that must not be anywhere on the screen, scrolled out of view or not. */
        val absent: List<String> = emptyList(),
        val prepare: (RealCore) -> AppController,
    )

    private val cases = listOf(
        Case("home", listOf("Streak: 3 days", "Today's challenge: 0 of", "Quiz · To do")) { it.app() },
        Case("lesson", listOf("What you will learn")) { rc ->
            rc.app { v -> Route.Lesson(v) }
        },
        Case("quiz-feedback", listOf("Right answer", "Question 1"), scrollTo = "Next question") { rc ->
            val app = rc.app()
            val id = rc.core.today(rc.clock.get()).challenge.first { it.itemType == ItemType.QUIZ }.id
            app.navigator.go { v -> Route.Quiz(id, v) }
            val quiz = holders(app).quiz
            runBlocking {
                quiz.start(id, app.navigator.current.visit)
                quiz.answer(0)
            }
            app
        },
        Case("scenario-feedback", listOf("Right answer", "Why the best response works"), scrollTo = "Right answer") { rc ->
            val app = rc.app()
            val id = rc.core.outline().scenarios.first { it.free }.id
            app.navigator.go { v -> Route.Scenario(id, v) }
            val scenario = holders(app).scenario
            runBlocking {
                scenario.load(id, app.navigator.current.visit)
                scenario.choose(0)
            }
            app
        },
        Case("exercise-feedback", listOf("score", "Your answer, marked", "How your answer splits", "Strength"), scrollTo = "Your answer, marked") { rc ->
            val app = rc.app()
            val id = rc.core.outline().exercises.first { it.free }.id
            app.navigator.go { v -> Route.Exercise(id, v) }
            val exercise = holders(app).exercise
            runBlocking {
                exercise.load(id, app.navigator.current.visit)
                exercise.edit(RealCore.GOOD_ANSWER)
                exercise.submit()
            }
            app
        },
        Case(
            "exercise-explanation-feedback",
            listOf("Key ideas: 4 of 6 covered", "Covered", "Missing", "Gives an example with numbers", "\u201Cnoise\u201D"),
            scrollTo = "Your answer, marked",
            absent = listOf("How your answer splits", "Takeaway:"),
        ) { rc ->
            val app = rc.app()
            rc.core.selectModule("overfitting")
            app.navigator.go { v -> Route.Exercise(OVERFITTING_EXERCISE, v) }
            val exercise = holders(app).exercise
            runBlocking {
                exercise.load(OVERFITTING_EXERCISE, app.navigator.current.visit)
                exercise.edit(RealCore.OVERFITTING_ANSWER)
                exercise.submit()
            }
            app
        },
        Case("catalog", listOf("Choose what to study", "Studying now · Story answers", "Explanation answers", "free ·", "Related:")) { rc ->
            rc.app { v -> Route.Catalog(v) }
        },
        // The last card, so the lower cards are judged too (only what shows is checked).
        Case("catalog-end", listOf("Explanation answers", "Explaining Overfitting and How You Prevent It"), scrollTo = "Related: Tell Me About a Time You Failed, Tell Me About a Conflict") { rc ->
            rc.app { v -> Route.Catalog(v) }
        },
        Case("stories", listOf("Your stories", "The migration that locked customers out (1 version saved)")) { rc ->
            val app = rc.app()
            val story = holders(app).story
            runBlocking {
                story.create("The migration that locked customers out")
                story.setPart(StoryPart.SITUATION, "Last spring our team moved billing to a new database.")
                story.saveVersion()
            }
            app.navigator.go { v -> Route.Stories(v) }
            app
        },
        Case("story-workshop", listOf("Situation", "Check the takeaway")) { rc ->
            val app = rc.app()
            val story = holders(app).story
            val id = runBlocking {
                val id = story.create("The migration that locked customers out")!!
                story.setPart(StoryPart.SITUATION, "Last spring our team moved billing to a new database.")
                id
            }
            app.navigator.go { v -> Route.Stories(v) }
            app.navigator.go { v -> Route.Story(id, v) }
            app
        },
        Case("progress", listOf("answers", "Accuracy by day", "Mastery by concept"), scrollTo = "Mastery by concept") { rc ->
            rc.app { v -> Route.Stats(v) }
        },
        Case("unlock", listOf("The full module", "Purchases are made in the Android app")) { rc ->
            rc.app { v -> Route.Unlock(v) }
        },
        Case(
            "startup-error",
            listOf("Something went wrong", "cannot be read. It has been left as it was", "Try again", "Restore the latest backup"),
            absent = listOf("einstall"),
        ) { it.appOnUnreadableFile() },
        Case("settings", listOf("Theme", "Remind me to practice", "Reminder time: 7:00 PM")) { rc ->
            rc.app { v -> Route.Settings(v) }
        },
    )

    @TestFactory
    fun `every screen renders soundly in light and dark at two font scales`(): List<DynamicTest> =
        cases.flatMap { case ->
            listOf(ThemeMode.Light to 1f, ThemeMode.Dark to 1f, ThemeMode.Light to 1.3f, ThemeMode.Dark to 1.3f).map { (mode, scale) ->
                val name = "${case.name}-${mode.name.lowercase()}-font${if (scale == 1f) "100" else "130"}"
                DynamicTest.dynamicTest(name) { render(case, mode, scale, name) }
            }
        }

    private fun render(case: Case, mode: ThemeMode, fontScale: Float, name: String) {
        val caseDir = dir.resolve(name)
        RealCore(caseDir).use { rc ->
            rc.practisePastDays(3)
            val app = case.prepare(rc)
            runSkikoComposeUiTest(
                size = Size(WIDTH_DP * PX_PER_DP, HEIGHT_DP * PX_PER_DP),
                density = Density(PX_PER_DP),
            ) {
                setContent {
                    CompositionLocalProvider(LocalDensity provides Density(PX_PER_DP, fontScale)) {
                        AiprepTheme(mode) { AppRoot(app) }
                    }
                }
                for (text in case.expected) {
                    waitUntil("'$text' on $name", 10_000) {
                        onAllNodes(hasText(text, substring = true), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty()
                    }
                }
                for (text in case.absent) {
                    assertTrue(
                        onAllNodes(hasText(text, substring = true), useUnmergedTree = true).fetchSemanticsNodes().isEmpty(),
                        "'$text' must not be on $name",
                    )
                }
                case.scrollTo?.let { onNode(hasText(it, substring = true), useUnmergedTree = true).performScrollTo() }
                waitForIdle()
                val png = savePng(name)
                assertTrue(png.length() > 0)
                assertScreenIsSound(name)
            }
        }
    }
}

/** The overfitting module's first free exercise: turn a slogan into an explanation. */
private const val OVERFITTING_EXERCISE = "of-ex-precise-definition"

/** The holders the app shows, once open. */
internal fun holders(app: AppController) =
    app.holdersFor((app.startup.state.value as dev.aiprep.ui.Startup.Ready).env)
