package dev.aiprep.ui

import dev.aiprep.core.ChoiceFeedbackView
import dev.aiprep.core.ScenarioView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class ScenarioScreen(
    val scenario: ScenarioView,
    val feedback: ChoiceFeedbackView? = null,
)

/** An "in practice" scenario: pick a response, then read why each works or not. */
class ScenarioState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<ScenarioScreen>>(Loadable.Loading)
    val state: StateFlow<Loadable<ScenarioScreen>> = _state.asStateFlow()
    private var shownAtMs = 0L

    suspend fun load(id: String) {
        _state.value = env.call { scenario(id) }.toLoadable().mapReady { ScenarioScreen(it) }
        shownAtMs = env.clock()
    }

    suspend fun choose(index: Int) {
        val screen = (_state.value as? Loadable.Ready)?.value ?: return
        if (screen.feedback != null) return
        val r = env.call { now ->
            val elapsed = (now - shownAtMs).coerceIn(0, UInt.MAX_VALUE.toLong()).toUInt()
            answerChoice(screen.scenario.id, index.toUInt(), elapsed, now)
        }
        _state.value = when (r) {
            is Outcome.Ok -> Loadable.Ready(screen.copy(feedback = r.value))
            is Outcome.Err -> Loadable.Failed(r.error)
        }
    }
}
