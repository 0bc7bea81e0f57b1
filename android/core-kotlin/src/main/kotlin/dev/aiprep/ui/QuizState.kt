package dev.aiprep.ui

import dev.aiprep.core.AppCore
import dev.aiprep.core.ChoiceFeedbackView
import dev.aiprep.core.QuestionView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** One adaptive quiz session as the screen shows it. */
data class QuizSession(
    /** The navigation visit this session belongs to; a new visit starts a new session. */
    val visit: Long? = null,
    val question: QuestionView? = null,
    /** Set once the current question is answered. */
    val feedback: ChoiceFeedbackView? = null,
    val asked: List<String> = emptyList(),
    val correct: Int = 0,
    val finished: Boolean = false,
    /** A call to the core is running; controls that would start another are disabled. */
    val busy: Boolean = false,
    val error: UiError? = null,
)

/**
 * The adaptive quiz: the core picks each next question from the learner's
 * estimated ability and never repeats one within a session. Time spent on a
 * question is measured here and passed to the core, which grades with it.
 */
class QuizState(private val env: CoreEnv, private val maxQuestions: Int = 10) {
    private val _state = MutableStateFlow(QuizSession())
    val state: StateFlow<QuizSession> = _state.asStateFlow()
    private var shownAtMs = 0L

    /**
     * Starts a fresh session for navigation [visit], unless the session
     * already belongs to it (the screen was recreated, e.g. on rotation).
     * [firstId] opens on that question (a daily challenge item); otherwise
     * the core picks the first one too.
     */
    suspend fun start(firstId: String? = null, visit: Long? = null) {
        if (visit != null && _state.value.visit == visit) return
        _state.value = QuizSession(visit = visit)
        show { now -> (firstId ?: nextQuestion(emptyList(), now))?.let { question(it) } }
    }

    /** Starts another session within the same visit. */
    suspend fun restart() {
        _state.value = QuizSession(visit = _state.value.visit)
        show { now -> nextQuestion(emptyList(), now)?.let { question(it) } }
    }

    /** Moves on to the next question, or finishes the session. */
    suspend fun next() {
        val session = _state.value
        if (session.busy) return
        if (session.asked.size >= maxQuestions) {
            _state.value = session.copy(question = null, feedback = null, finished = true)
            return
        }
        show { now -> nextQuestion(session.asked, now)?.let { question(it) } }
    }

    private suspend fun show(pick: AppCore.(Long) -> QuestionView?) {
        val session = _state.value.copy(busy = true)
        _state.value = session
        _state.value = when (val r = env.call(pick)) {
            is Outcome.Ok -> {
                val question = r.value
                shownAtMs = env.clock()
                if (question == null) {
                    session.copy(question = null, feedback = null, finished = true, busy = false)
                } else {
                    session.copy(question = question, feedback = null, asked = session.asked + question.id, busy = false, error = null)
                }
            }
            is Outcome.Err -> session.copy(busy = false, error = r.error)
        }
    }

    /**
     * Answers the current question with option [choice] (0-based). Ignored
     * once answered and while an answer is on its way, so a double tap sends
     * one answer.
     */
    suspend fun answer(choice: Int) {
        val session = _state.value
        val question = session.question ?: return
        if (session.feedback != null || session.busy) return
        _state.value = session.copy(busy = true)
        val r = env.call { now ->
            answerChoice(question.id, choice.toUInt(), elapsedMs(shownAtMs, now), now)
        }
        _state.value = when (r) {
            is Outcome.Ok -> session.copy(
                feedback = r.value,
                correct = session.correct + if (r.value.correct) 1 else 0,
                error = null,
            )
            is Outcome.Err -> session.copy(error = r.error)
        }
    }
}
