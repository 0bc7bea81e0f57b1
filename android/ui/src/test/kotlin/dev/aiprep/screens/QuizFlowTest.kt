package dev.aiprep.screens

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.test.ComposeUiTest
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SemanticsMatcher
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.hasContentDescription
import androidx.compose.ui.test.hasText
import androidx.compose.ui.test.isHeading
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import dev.aiprep.core.LessonBlock
import java.nio.file.Path
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The learner's path through the Compose test API, on a real core: from
 * Home into today's quiz, an answer by click, the feedback on screen, and
 * back Home with the challenge moved on; and from Home into the catalog,
 * a module picked, back Home on that module, and its lesson.
 */
@OptIn(ExperimentalTestApi::class)
class QuizFlowTest {
    @TempDir
    lateinit var dir: Path

    private val option = SemanticsMatcher.expectValue(SemanticsProperties.Role, Role.RadioButton)

    private fun ComposeUiTest.waitForText(text: String) =
        waitUntil("'$text' on screen", 10_000) {
            onAllNodes(hasText(text, substring = true), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty()
        }

    private fun flow(body: ComposeUiTest.(RealCore) -> Unit) = RealCore(dir).use { rc ->
        val app = rc.app()
        runSkikoComposeUiTest(size = Size(720f, 1600f), density = Density(2f)) {
            setContent { AiprepTheme(ThemeMode.Light) { AppRoot(app) } }
            body(rc)
        }
    }

    private fun ComposeUiTest.openTodaysQuiz() {
        waitForText("Today's challenge: 0 of")
        // Today's challenge holds several quizzes; the first opens the quiz session.
        onAllNodes(hasText("Quiz · To do", substring = true), useUnmergedTree = true)[0].performScrollTo().performClick()
        waitForText("Question 1")
    }

    @Test
    fun `an answered quiz question shows its verdict and moves today's challenge on`() = flow { rc ->
        openTodaysQuiz()
        onAllNodes(option)[0].performClick()
        // The right option is always marked; a wrong pick is marked as the learner's.
        waitForText("Right answer")
        val chosenWrong = onAllNodes(hasText("Your answer, not the best one"), useUnmergedTree = true).fetchSemanticsNodes().size
        val right = onAllNodes(hasText("Right answer"), useUnmergedTree = true).fetchSemanticsNodes().size
        assertEquals(1, right)
        assertEquals(chosenWrong == 0, rc.core.stats(rc.clock.get()).correct == 1uL)
        onNode(hasContentDescription("Back")).performClick()
        waitForText("Today's challenge: 1 of")
        assertEquals(1, onAllNodes(hasText("Quiz · Done", substring = true), useUnmergedTree = true).fetchSemanticsNodes().size)
    }

    @Test
    fun `a module picked in the catalog is the one home and the lesson show`() = flow { rc ->
        val overfitting = rc.core.modules().single { it.id == "overfitting" }
        val failureLesson = rc.core.lesson()
        waitForText("Today's challenge: 0 of")
        // A lesson read before the switch must not be the one shown after it.
        onNode(hasText("Read the lesson") and hasClickAction()).performScrollTo().performClick()
        waitForText(failureLesson.first().title)
        onNode(hasContentDescription("Back")).performClick()
        waitForText("Today's challenge: 0 of")
        onNode(hasText("Browse all modules") and hasClickAction()).performScrollTo().performClick()
        waitForText("Choose what to study")
        onNode(hasText(overfitting.title) and hasClickAction()).performScrollTo().performClick()
        // Selecting returns Home, which now shows the overfitting module.
        waitUntil("home shows ${overfitting.title}", 10_000) {
            onAllNodes(hasText(overfitting.title) and isHeading(), useUnmergedTree = true).fetchSemanticsNodes().isNotEmpty()
        }
        onNode(hasText("Today's challenge", substring = true), useUnmergedTree = true).assertExists()
        assertTrue(onAllNodes(hasContentDescription("Back")).fetchSemanticsNodes().isEmpty(), "Home is the only screen left")
        assertEquals("overfitting", rc.core.outline().moduleId)
        assertTrue(rc.core.modules().single { it.id == "overfitting" }.active)
        val lesson = rc.core.lesson()
        val opening = lesson.first().blocks.filterIsInstance<LessonBlock.Paragraph>().first().text
        assertTrue(failureLesson.none { section -> section.blocks.any { it is LessonBlock.Paragraph && it.text == opening } })
        onNode(hasText("Read the lesson") and hasClickAction()).performScrollTo().performClick()
        waitForText(opening.take(40))
    }

    @Test
    fun `a double tap on an option sends one answer`() = flow { rc ->
        openTodaysQuiz()
        val first = onAllNodes(option)[0]
        first.performClick()
        first.performClick()
        waitForText("Right answer")
        waitForIdle()
        assertEquals(1uL, rc.core.stats(rc.clock.get()).attempts)
    }
}
