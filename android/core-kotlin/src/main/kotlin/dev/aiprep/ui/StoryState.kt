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
    /** The analyzer's check of each part saved in this visit. */
    val checks: Map<StoryPart, PartCheckView> = emptyMap(),
    val versions: List<StoryVersionView> = emptyList(),
    val error: UiError? = null,
)

/** The story workshop: build one's own failure story part by part, save versions. */
class StoryState(private val env: CoreEnv) {
    private val _state = MutableStateFlow(Workshop())
    val state: StateFlow<Workshop> = _state.asStateFlow()

    suspend fun refresh() {
        update(env.call { stories() }) { copy(stories = it) }
    }

    suspend fun create(title: String) {
        val r = env.call { now ->
            val id = storyCreate(title, now)
            Triple(stories(), storyDraft(id), storyVersions(id))
        }
        update(r) { (stories, draft, versions) ->
            copy(stories = stories, draft = draft, checks = emptyMap(), versions = versions)
        }
    }

    suspend fun open(id: Long) {
        update(env.call { storyDraft(id) to storyVersions(id) }) { (draft, versions) ->
            copy(draft = draft, checks = emptyMap(), versions = versions)
        }
    }

    suspend fun setPart(part: StoryPart, text: String) {
        val id = _state.value.draft?.id ?: return
        update(env.call { now -> storySetPart(id, part, text, now) to storyDraft(id) }) { (check, draft) ->
            copy(draft = draft, checks = checks + (part to check))
        }
    }

    suspend fun saveVersion() {
        val id = _state.value.draft?.id ?: return
        update(env.call { now ->
            storySaveVersion(id, now)
            Triple(stories(), storyDraft(id), storyVersions(id))
        }) { (stories, draft, versions) -> copy(stories = stories, draft = draft, versions = versions) }
    }

    private inline fun <T> update(r: Outcome<T>, apply: Workshop.(T) -> Workshop) {
        _state.value = when (r) {
            is Outcome.Ok -> _state.value.apply(r.value).copy(error = null)
            is Outcome.Err -> _state.value.copy(error = r.error)
        }
    }
}
