package dev.aiprep.app.ui

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.viewModelScope
import dev.aiprep.app.AiprepApplication
import dev.aiprep.app.billing.BillingGateway
import dev.aiprep.ui.CoreEnv
import dev.aiprep.ui.ExerciseState
import dev.aiprep.ui.HomeState
import dev.aiprep.ui.LessonState
import dev.aiprep.ui.QuizState
import dev.aiprep.ui.ScenarioState
import dev.aiprep.ui.StatsState
import dev.aiprep.ui.StoryState
import dev.aiprep.ui.UnlockState
import java.time.ZoneId
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.launch

/** The platform-free state holders of core-kotlin, once the core has opened. */
class Holders(val env: CoreEnv) {
    val home = HomeState(env)
    val lesson = LessonState(env)
    val quiz = QuizState(env)
    val scenario = ScenarioState(env)
    val exercise = ExerciseState(env)
    val story = StoryState(env)
    val stats = StatsState(env)
    val unlock = UnlockState(env)
}

sealed interface Startup {
    data object Opening : Startup
    data class Ready(val holders: Holders, val billing: BillingGateway) : Startup
    /** Opening failed (e.g. the database is damaged); the file was left untouched. */
    data class Failed(val error: Throwable) : Startup
}

/** Survives rotation; launches the holders' suspend functions in its scope. */
class AppModel(app: Application) : AndroidViewModel(app) {
    private val _startup = MutableStateFlow<Startup>(Startup.Opening)
    val startup: StateFlow<Startup> = _startup

    init {
        viewModelScope.launch {
            (app as AiprepApplication).env.await()
                .onSuccess { env ->
                    val holders = Holders(env)
                    val billing = BillingGateway(app, holders.unlock, viewModelScope)
                    _startup.value = Startup.Ready(holders, billing)
                    holders.home.refresh()
                    billing.connectAndRestore()
                    holders.home.refresh()
                }
                .onFailure { _startup.value = Startup.Failed(it) }
        }
    }

    fun launch(block: suspend () -> Unit) {
        viewModelScope.launch { block() }
    }

    /** The device may have moved zones while the app was away. */
    fun syncZone() {
        val ready = _startup.value as? Startup.Ready ?: return
        launch { ready.holders.env.call { setZone(ZoneId.systemDefault().id) } }
    }
}
