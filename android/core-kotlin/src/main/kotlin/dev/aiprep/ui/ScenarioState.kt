package dev.aiprep.ui

import dev.aiprep.core.ChoiceFeedbackView
import dev.aiprep.core.ScenarioView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ScenarioScreen(
    val scenario: ScenarioView,
    val feedback: ChoiceFeedbackView? = null,
    /** The navigation visit this screen belongs to. */
    val visit: Long? = null,
    /** The answer is on its way; further taps are ignored. */
    val busy: Boolean = false,
    val error: UiError? = null,
)

/** An "in practice" scenario: pick a response, then read why each works or not. */
class ScenarioState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<ScenarioScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<ScenarioScreen>> = _state.asStateFlow()
    private var shownAtMs = 0L

    /** Loads scenario [id] for navigation [visit]; a no-op when already showing it for that visit. */
    suspend fun load(id: String, visit: Long? = null) {
        val shown = (_state.value as? Loadable.Ready)?.value
        if (visit != null && shown?.scenario?.id == id && shown.visit == visit) return
        _state.value = Loadable.Loading
        _state.value = env.call { scenario(id) }.toLoadable().mapReady { ScenarioScreen(it, visit = visit) }
        shownAtMs = env.clock()
    }

    /** Picks response [index]; ignored once answered or while the answer is on its way. */
    suspend fun choose(index: Int) {
        val screen = (_state.value as? Loadable.Ready)?.value ?: return
        if (screen.feedback != null || screen.busy) return
        _state.value = Loadable.Ready(screen.copy(busy = true))
        val r = env.call { now -> answerChoice(screen.scenario.id, index.toUInt(), elapsedMs(shownAtMs, now), now) }
        _state.value = Loadable.Ready(
            when (r) {
                is Outcome.Ok -> screen.copy(feedback = r.value, error = null)
                is Outcome.Err -> screen.copy(error = r.error)
            },
        )
    }
}
