package dev.aiprep.ui

import dev.aiprep.core.StatsView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** Progress: attempts, accuracy, retention, the review heatmap and concept mastery. */
class StatsState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<StatsView>>(Loadable.Loading)
    val state: StateFlow<Loadable<StatsView>> = _state.asStateFlow()

    suspend fun refresh() {
        _state.value = env.call { now -> stats(now) }.toLoadable()
    }
}

/** Share of answers that were right, or null before the first answer. */
val StatsView.accuracy: Double?
    get() = if (choiceAttempts == 0uL) null else correct.toDouble() / choiceAttempts.toDouble()
