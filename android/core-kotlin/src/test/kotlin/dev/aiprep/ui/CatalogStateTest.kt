package dev.aiprep.ui

import dev.aiprep.core.LearnerFixture
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The catalog through the real library and a real database file. */
class CatalogStateTest : LearnerFixture() {

    private fun CatalogState.ready(): Catalog = (state.value as Loadable.Ready).value

    @Test
    fun `the catalog lists every module and a selected one is studied, also after a restart`() = runBlocking<Unit> {
        val catalog = CatalogState(open())
        catalog.refresh()
        val before = catalog.ready()
        assertEquals(listOf("failure-story", "conflict-story", "overfitting"), before.modules.map { it.id })
        assertEquals("failure-story", before.active?.id)
        val overfitting = before.modules.single { it.id == "overfitting" }
        assertEquals("explanation", overfitting.answerKind)
        assertTrue(overfitting.freeItems > 0u && overfitting.lockedItems > 0u)
        assertEquals(overfitting.items, overfitting.freeItems + overfitting.lockedItems)

        assertTrue(catalog.select("overfitting"))
        val after = catalog.ready()
        assertEquals("overfitting", after.active?.id)
        assertNull(after.selecting)
        val home = HomeState(open())
        home.refresh()
        assertEquals("overfitting", (home.state.value as Loadable.Ready).value.outline.moduleId)
    }

    @Test
    fun `the lesson follows the module studied and keeps its place within one module`() = runBlocking<Unit> {
        val env = open()
        val lesson = LessonState(env)
        lesson.load()
        lesson.open(2)
        lesson.load()
        val failure = (lesson.state.value as Loadable.Ready).value
        assertEquals("failure-story", failure.moduleId)
        assertEquals(2, failure.current)
        assertTrue(CatalogState(env).run { refresh(); select("overfitting") })
        lesson.load()
        val overfitting = (lesson.state.value as Loadable.Ready).value
        assertEquals("overfitting", overfitting.moduleId)
        assertEquals(0, overfitting.current)
        assertTrue(overfitting.sections != failure.sections)
    }

    @Test
    fun `an unknown module is refused, shown as an error, and changes nothing`() = runBlocking<Unit> {
        val catalog = CatalogState(open())
        catalog.refresh()
        assertFalse(catalog.select("no-such-module"))
        val shown = catalog.ready()
        assertEquals(UiError.NotFound("no-such-module"), shown.error)
        assertNull(shown.selecting)
        assertEquals("failure-story", shown.active?.id)
    }

    @Test
    fun `an explanation's feedback names its key ideas and where the answer covers them`() = runBlocking<Unit> {
        val env = open()
        assertTrue(CatalogState(env).run { refresh(); select("overfitting") })
        val exercise = ExerciseState(env)
        exercise.load("of-ex-precise-definition")
        val text = "😅 Overfitting means a model scores well on its training data and worse on validation data. " +
            "It has too much capacity, so it fits noise. I would add dropout."
        exercise.edit(text)
        exercise.submit()
        val feedback = requireNotNull((exercise.state.value as Loadable.Ready).value.feedback)
        assertTrue(feedback.isExplanation)
        assertTrue(feedback.analysis.segments.isEmpty())
        val covered = feedback.keyIdeas.filter { it.covered }
        assertEquals(3, covered.size, feedback.keyIdeas.toString())
        covered.forEach { idea ->
            val span = requireNotNull(idea.span)
            assertEquals(idea.text, text.substring(span.start.toInt(), span.end.toInt()), idea.idea)
        }
        assertTrue(feedback.keyIdeas.any { !it.covered })
    }
}
