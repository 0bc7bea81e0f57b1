package dev.aiprep.ui

import dev.aiprep.core.ModuleCardView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

data class Catalog(
    /** Every installed module, in the core's display order. */
    val modules: List<ModuleCardView>,
    /** The module being switched to; the cards are disabled meanwhile. */
    val selecting: String? = null,
    val error: UiError? = null,
) {
    val active: ModuleCardView? get() = modules.firstOrNull { it.active }
}

/** The catalog: every module with the learner's progress, and switching the one studied. */
class CatalogState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Loadable<Catalog>>(Loadable.Loading)
    val state: StateFlow<Loadable<Catalog>> = _state.asStateFlow()

    suspend fun refresh() {
        _state.value = env.call { modules() }.toLoadable().mapReady { Catalog(it) }
    }

    /**
     * Studies module [id] from now on. Returns true once the core switched (the
     * cards are reloaded to show it active); false on failure, shown as the
     * catalog's error, or while another switch is under way.
     */
    suspend fun select(id: String): Boolean {
        val catalog = (_state.value as? Loadable.Ready)?.value ?: return false
        if (catalog.selecting != null) return false
        _state.value = Loadable.Ready(catalog.copy(selecting = id, error = null))
        val r = env.call {
            selectModule(id)
            modules()
        }
        _state.value = Loadable.Ready(
            when (r) {
                is Outcome.Ok -> Catalog(r.value)
                is Outcome.Err -> catalog.copy(selecting = null, error = r.error)
            },
        )
        return r is Outcome.Ok
    }
}
