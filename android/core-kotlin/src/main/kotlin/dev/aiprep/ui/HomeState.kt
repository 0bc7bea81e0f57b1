package dev.aiprep.ui

import dev.aiprep.core.EntitlementView
import dev.aiprep.core.ModuleOutline
import dev.aiprep.core.ReviewItem
import dev.aiprep.core.TodayView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class Home(
    val outline: ModuleOutline,
    val today: TodayView,
    val entitlement: EntitlementView,
)

/** Home: today's challenge, streak, due counts and whether the module is unlocked. */
class HomeState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<Home>>(Loadable.Loading)
    val state: StateFlow<Loadable<Home>> = _state.asStateFlow()

    /** The next due review (or a new item within today's allowance); null when all done. */
    suspend fun nextReview(): Outcome<ReviewItem?> = env.call { now -> nextReview(now) }

    suspend fun refresh() {
        _state.value = env.call { now ->
            Home(outline(), today(now), entitlement())
        }.toLoadable()
    }
}
