package dev.aiprep.ui

import dev.aiprep.core.AnalysisView
import dev.aiprep.core.ExerciseFeedbackView
import dev.aiprep.core.ExerciseView
import dev.aiprep.core.FindingView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ExerciseScreen(
    val exercise: ExerciseView,
    val draft: String = "",
    /** The text that was analysed; highlights index this, not a later draft. */
    val submitted: String? = null,
    val feedback: ExerciseFeedbackView? = null,
    /** The navigation visit this screen belongs to. */
    val visit: Long? = null,
    /** The answer is being analysed; "Get feedback" is disabled meanwhile. */
    val busy: Boolean = false,
    val error: UiError? = null,
) {
    val highlights: List<Highlight>
        get() = feedback?.let { f -> submitted?.let { highlightsOf(it, f.analysis) } }.orEmpty()
}

/**
 * An explanation module's answer is read for its key ideas, not as a story:
 * it has no STAR-T parts or takeaway. Every explanation exercise has key
 * ideas (the pack is refused otherwise) and no story exercise has any.
 */
val ExerciseFeedbackView.isExplanation: Boolean get() = keyIdeas.isNotEmpty()

/** A stretch of the submitted text to colour, as Kotlin string indices. */
data class Highlight(val range: IntRange, val finding: FindingView) {
    fun textIn(text: String): String = text.substring(range.first, range.last + 1)
}

/**
 * Builds highlights from the analyzer's findings. Spans arrive in UTF-16
 * units, which are Kotlin's string indices, so they apply as they are; spans
 * that would not fit the text (never expected) are dropped rather than crash.
 */
fun highlightsOf(text: String, analysis: AnalysisView): List<Highlight> =
    analysis.findings
        .filter { !it.wholeAnswer }
        .mapNotNull { f ->
            val start = f.span.start.toInt()
            val end = f.span.end.toInt()
            if (start in 0 until end && end <= text.length) Highlight(start until end, f) else null
        }

/** A written exercise: type (or dictate) an answer, get highlighted feedback. */
class ExerciseState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<ExerciseScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<ExerciseScreen>> = _state.asStateFlow()
    private var startedAtMs = 0L

    /**
     * Loads exercise [id] for navigation [visit]. A no-op when it is already
     * shown for that visit, so a recreated screen keeps the typed draft.
     */
    suspend fun load(id: String, visit: Long? = null) {
        val shown = (_state.value as? Loadable.Ready)?.value
        if (visit != null && shown?.exercise?.id == id && shown.visit == visit) return
        _state.value = Loadable.Loading
        _state.value = env.call { exercise(id) }.toLoadable().mapReady { ExerciseScreen(it, visit = visit) }
        startedAtMs = env.clock()
    }

    fun edit(text: String) {
        val screen = (_state.value as? Loadable.Ready)?.value ?: return
        _state.value = Loadable.Ready(screen.copy(draft = text))
    }

    /** Appends dictated words to the draft, with a space between. */
    fun dictated(words: String) {
        val screen = (_state.value as? Loadable.Ready)?.value ?: return
        val joined = listOf(screen.draft.trimEnd(), words.trim()).filter { it.isNotEmpty() }.joinToString(" ")
        edit(joined)
    }

    /** Sends the draft for analysis; ignored while an earlier submission is on its way. */
    suspend fun submit() {
        val screen = (_state.value as? Loadable.Ready)?.value ?: return
        if (screen.busy) return
        val text = screen.draft
        _state.value = Loadable.Ready(screen.copy(busy = true))
        val r = env.call { now -> answerText(screen.exercise.id, text, elapsedMs(startedAtMs, now), now) }
        // Typing goes on while the core analyses: keep the newest draft.
        val current = (_state.value as? Loadable.Ready)?.value ?: screen
        _state.value = Loadable.Ready(
            when (r) {
                is Outcome.Ok -> current.copy(submitted = text, feedback = r.value, busy = false, error = null)
                is Outcome.Err -> current.copy(busy = false, error = r.error)
            },
        )
    }
}
