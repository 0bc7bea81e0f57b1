package dev.aiprep.screens

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * Where the learner is. [visit] numbers each time a screen is opened, so a
 * state holder tells a recreated screen (same visit: keep the draft) from a
 * new visit (start afresh).
 */
sealed interface Route {
    val visit: Long
    val title: String

    data class Home(override val visit: Long = 0) : Route { override val title get() = "Interview Prep" }
    data class Lesson(override val visit: Long = 0) : Route { override val title get() = "Lesson" }
    /** The adaptive quiz, opening on [firstId] when it comes from today's challenge. */
    data class Quiz(val firstId: String? = null, override val visit: Long = 0) : Route { override val title get() = "Quiz" }
    data class Scenario(val id: String, override val visit: Long = 0) : Route { override val title get() = "Scenario" }
    data class Exercise(val id: String, override val visit: Long = 0) : Route { override val title get() = "Exercise" }
    data class Stories(override val visit: Long = 0) : Route { override val title get() = "Story workshop" }
    data class Story(val id: Long, override val visit: Long = 0) : Route { override val title get() = "Your story" }
    data class Stats(override val visit: Long = 0) : Route { override val title get() = "Progress" }
    data class Unlock(override val visit: Long = 0) : Route { override val title get() = "Full module" }
    data class Settings(override val visit: Long = 0) : Route { override val title get() = "Settings" }
    data class Catalog(override val visit: Long = 0) : Route { override val title get() = "All modules" }

    /** One line per route, for saved instance state (a Bundle holds strings). */
    fun encode(): String = when (this) {
        is Home -> "home|$visit"
        is Lesson -> "lesson|$visit"
        is Quiz -> "quiz|$visit|${firstId.orEmpty()}"
        is Scenario -> "scenario|$visit|$id"
        is Exercise -> "exercise|$visit|$id"
        is Stories -> "stories|$visit"
        is Story -> "story|$visit|$id"
        is Stats -> "stats|$visit"
        is Unlock -> "unlock|$visit"
        is Settings -> "settings|$visit"
        is Catalog -> "catalog|$visit"
    }

    companion object {
        /** The route [encode] wrote, or null for a line this version does not know. */
        fun decode(line: String): Route? {
            val parts = line.split('|', limit = 3)
            val visit = parts.getOrNull(1)?.toLongOrNull() ?: return null
            val arg = parts.getOrNull(2)
            return when (parts[0]) {
                "home" -> Home(visit)
                "lesson" -> Lesson(visit)
                "quiz" -> Quiz(arg?.ifEmpty { null }, visit)
                "scenario" -> arg?.let { Scenario(it, visit) }
                "exercise" -> arg?.let { Exercise(it, visit) }
                "stories" -> Stories(visit)
                "story" -> arg?.toLongOrNull()?.let { Story(it, visit) }
                "stats" -> Stats(visit)
                "unlock" -> Unlock(visit)
                "settings" -> Settings(visit)
                "catalog" -> Catalog(visit)
                else -> null
            }
        }
    }
}

/**
 * The back stack, a plain object the platform keeps across recreation (an
 * Android ViewModel; the desktop window) and can write to saved state with
 * [save] and [restore] so process death does not send the learner Home.
 */
class Navigator(saved: List<String> = emptyList()) {
    private val _stack = MutableStateFlow(restoreStack(saved))
    val stack: StateFlow<List<Route>> = _stack.asStateFlow()
    private var visits = _stack.value.maxOf { it.visit }

    val current: Route get() = _stack.value.last()
    val canGoBack: Boolean get() = _stack.value.size > 1

    /** Opens a screen; [route]'s visit is replaced by a fresh one. */
    fun go(route: (visit: Long) -> Route) {
        visits += 1
        _stack.value = _stack.value + route(visits)
    }

    /** Replaces the current screen (e.g. a new story replaces the list entry point). */
    fun replace(route: (visit: Long) -> Route) {
        visits += 1
        _stack.value = _stack.value.dropLast(1) + route(visits)
    }

    /** Returns false when already Home (the platform may then close the app). */
    fun back(): Boolean {
        if (!canGoBack) return false
        _stack.value = _stack.value.dropLast(1)
        return true
    }

    fun save(): List<String> = _stack.value.map(Route::encode)

    private companion object {
        fun restoreStack(saved: List<String>): List<Route> {
            val routes = saved.mapNotNull(Route::decode)
            return if (routes.firstOrNull() is Route.Home) routes else listOf(Route.Home())
        }
    }
}
