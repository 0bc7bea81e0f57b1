package dev.aiprep.ui

import dev.aiprep.core.LessonSectionView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class Lesson(
    /** The module the lesson is of: another one studied means another lesson. */
    val moduleId: String,
    val sections: List<LessonSectionView>,
    val current: Int,
) {
    val section: LessonSectionView? get() = sections.getOrNull(current)
}

/** The lesson reader: sections in order, locked items shown as locks. */
class LessonState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<Lesson>>(Loadable.Loading)
    val state: StateFlow<Loadable<Lesson>> = _state.asStateFlow()

    /**
     * Loads the lesson of the module studied now, with locks as the unlock
     * stands now. The reading position stays when it is the module shown.
     */
    suspend fun load() {
        val shown = (_state.value as? Loadable.Ready)?.value
        _state.value = env.call { Lesson(outline().moduleId, lesson(), 0) }.toLoadable().mapReady { fresh ->
            if (shown?.moduleId == fresh.moduleId) fresh.copy(current = shown.current.coerceIn(0, (fresh.sections.size - 1).coerceAtLeast(0))) else fresh
        }
    }

    /** Moves to section [index], clamped to the lesson. */
    fun open(index: Int) {
        val ready = _state.value as? Loadable.Ready ?: return
        val lesson = ready.value
        _state.value = Loadable.Ready(lesson.copy(current = index.coerceIn(0, (lesson.sections.size - 1).coerceAtLeast(0))))
    }
}

internal fun <A, B> Loadable<A>.mapReady(f: (A) -> B): Loadable<B> = when (this) {
    is Loadable.Ready -> Loadable.Ready(f(value))
    is Loadable.Failed -> this
    Loadable.Loading -> Loadable.Loading
}
