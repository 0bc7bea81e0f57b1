package dev.aiprep.ui

import dev.aiprep.core.AppCore
import dev.aiprep.core.ChallengeItem
import dev.aiprep.core.CoreException
import dev.aiprep.core.EntitlementView
import dev.aiprep.core.ItemType
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
    /** What to call each of today's challenge items (a title or the question), by id. */
    val titles: Map<String, String> = emptyMap(),
) {
    fun titleOf(item: ChallengeItem): String = titles[item.id] ?: when (item.itemType) {
        ItemType.QUIZ -> "A quiz question"
        ItemType.SCENARIO -> "A scenario"
        ItemType.EXERCISE -> "An exercise"
    }

    /** How many of today's challenge items are done. */
    val challengeDone: Int get() = today.challenge.count { it.done }
}

/** Home: today's challenge, streak, due counts and whether the module is unlocked. */
class HomeState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<Home>>(Loadable.Loading)
    val state: StateFlow<Loadable<Home>> = _state.asStateFlow()

    /** The next due review (or a new item within today's allowance); null when all done. */
    suspend fun nextReview(): Outcome<ReviewItem?> = env.call { now -> nextReview(now) }

    suspend fun refresh() {
        _state.value = env.call { now ->
            val outline = outline()
            val today = today(now)
            Home(outline, today, entitlement(), challengeTitles(outline, today.challenge))
        }.toLoadable()
    }
}

/** Titles from the outline; a quiz item is named by its question, which the outline does not carry. */
private fun AppCore.challengeTitles(outline: ModuleOutline, items: List<ChallengeItem>): Map<String, String> {
    val headers = (outline.scenarios + outline.exercises).associate { it.id to it.title }
    return items.mapNotNull { item ->
        val title = when (item.itemType) {
            ItemType.QUIZ -> try {
                question(item.id).question
            } catch (_: CoreException) {
                null // locked or gone: the generic name stands
            }
            ItemType.SCENARIO, ItemType.EXERCISE -> headers[item.id]
        }
        title?.let { item.id to it }
    }.toMap()
}
