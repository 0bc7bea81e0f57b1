package dev.aiprep.ui

import dev.aiprep.core.PartCheckView
import dev.aiprep.core.StoryDraftView
import dev.aiprep.core.StoryPart
import dev.aiprep.core.StorySummaryView
import dev.aiprep.core.StoryVersionView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class Workshop(
    val stories: List<StorySummaryView> = emptyList(),
    val draft: StoryDraftView? = null,
    /**
     * What the learner has typed for each part of the open story, saved or
     * not; kept here (not in the screen) so it survives the screen.
     */
    val typed: Map<StoryPart, String> = emptyMap(),
    /** The analyzer's check of each part saved in this visit. */
    val checks: Map<StoryPart, PartCheckView> = emptyMap(),
    val versions: List<StoryVersionView> = emptyList(),
    /** The title typed for a new story. */
    val newTitle: String = "",
    /** A call to the core is running; buttons that would start another are disabled. */
    val busy: Boolean = false,
    val error: UiError? = null,
) {
    /** The text shown for [part]: what was typed, else what is saved. */
    fun textOf(part: StoryPart): String =
        typed[part] ?: draft?.parts?.firstOrNull { it.part == part }?.text.orEmpty()
}

/** The story workshop: build one's own failure story part by part, save versions. */
class StoryState(private val env: CoreEnv) {
    private val _state = MutableStateFlow(Workshop())
    val state: StateFlow<Workshop> = _state.asStateFlow()

    suspend fun refresh() {
        update({ env.call { stories() } }) { copy(stories = it) }
    }

    fun editTitle(title: String) {
        _state.value = _state.value.copy(newTitle = title)
    }

    /** Creates a story from the typed title; returns its id, or null on failure. */
    suspend fun create(title: String = _state.value.newTitle): Long? {
        var created: Long? = null
        update({
            env.call { now ->
                val id = storyCreate(title, now)
                Triple(stories(), storyDraft(id), storyVersions(id))
            }
        }) { (stories, draft, versions) ->
            created = draft.id
            copy(stories = stories, draft = draft, typed = emptyMap(), checks = emptyMap(), versions = versions, newTitle = "")
        }
        return created
    }

    /** Opens story [id]; a no-op when it is already open, so typed text is kept. */
    suspend fun open(id: Long) {
        if (_state.value.draft?.id == id) return
        update({ env.call { storyDraft(id) to storyVersions(id) } }) { (draft, versions) ->
            copy(draft = draft, typed = emptyMap(), checks = emptyMap(), versions = versions)
        }
    }

    /** Back to the list of stories. */
    fun close() {
        _state.value = _state.value.copy(draft = null, typed = emptyMap(), checks = emptyMap(), versions = emptyList(), error = null)
    }

    fun edit(part: StoryPart, text: String) {
        _state.value = _state.value.copy(typed = _state.value.typed + (part to text))
    }

    /** Saves and checks [part] (by default what was typed for it). */
    suspend fun setPart(part: StoryPart, text: String = _state.value.textOf(part)) {
        val id = _state.value.draft?.id ?: return
        update({ env.call { now -> storySetPart(id, part, text, now) to storyDraft(id) } }) { (check, draft) ->
            copy(draft = draft, checks = checks + (part to check))
        }
    }

    suspend fun saveVersion() {
        val id = _state.value.draft?.id ?: return
        update({
            env.call { now ->
                storySaveVersion(id, now)
                Triple(stories(), storyDraft(id), storyVersions(id))
            }
        }) { (stories, draft, versions) -> copy(stories = stories, draft = draft, versions = versions) }
    }

    /** Runs [call] unless another is running, then applies its result. */
    private suspend inline fun <T> update(call: () -> Outcome<T>, apply: Workshop.(T) -> Workshop) {
        if (_state.value.busy) return
        _state.value = _state.value.copy(busy = true)
        val r = call()
        _state.value = when (r) {
            is Outcome.Ok -> _state.value.apply(r.value).copy(busy = false, error = null)
            is Outcome.Err -> _state.value.copy(busy = false, error = r.error)
        }
    }
}
