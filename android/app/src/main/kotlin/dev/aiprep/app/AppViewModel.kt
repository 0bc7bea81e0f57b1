package dev.aiprep.app

import android.app.Application
import android.os.Build
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.SavedStateHandle
import androidx.lifecycle.viewModelScope
import dev.aiprep.app.billing.PlayStore
import dev.aiprep.app.platform.ActivityBridge
import dev.aiprep.app.platform.AndroidDeviceSettings
import dev.aiprep.app.platform.AndroidNotificationPermission
import dev.aiprep.app.platform.SpeechDictation
import dev.aiprep.screens.AppController
import dev.aiprep.screens.Navigator
import dev.aiprep.screens.Platform
import dev.aiprep.ui.Startup
import java.time.ZoneId
import kotlinx.coroutines.flow.filterIsInstance
import kotlinx.coroutines.flow.first
import kotlinx.coroutines.launch

/**
 * Outlives the activity: the shared screens' [AppController] (back stack,
 * state holders with their drafts) and the platform pieces. The back stack
 * is also written to [saved], so process death does not send the learner
 * Home. No activity is held here; [bridge] lends the current one weakly.
 */
class AppViewModel(app: Application, saved: SavedStateHandle) : AndroidViewModel(app) {
    private val startup = (app as AiprepApplication).startup
    val bridge = ActivityBridge()
    val settings = AndroidDeviceSettings(app)
    private val notifications = if (Build.VERSION.SDK_INT >= 33) AndroidNotificationPermission(app, bridge) else null
    private val store = PlayStore(app, window = { bridge.current }, scope = viewModelScope) {
        (startup.state.value as? Startup.Ready)?.let { controller.holdersFor(it.env).unlock }
    }

    val controller = AppController(
        startup = startup,
        navigator = Navigator(saved.get<List<String>>(KEY_ROUTES).orEmpty()),
        platform = Platform(
            settings = settings,
            store = store,
            speech = if (SpeechDictation.isAvailable(app)) SpeechDictation(app, bridge) else null,
            notifications = notifications,
        ),
        scope = viewModelScope,
    )

    init {
        viewModelScope.launch {
            controller.navigator.stack.collect { saved[KEY_ROUTES] = ArrayList(controller.navigator.save()) }
        }
        viewModelScope.launch {
            startup.state.filterIsInstance<Startup.Ready>().first()
            store.start()
        }
    }

    /** Back from elsewhere: the device may have moved zones, or the learner changed a permission. */
    fun onResume() {
        notifications?.refresh()
        val ready = startup.state.value as? Startup.Ready ?: return
        viewModelScope.launch { ready.env.call { setZone(ZoneId.systemDefault().id) } }
    }

    override fun onCleared() {
        store.close()
    }

    private companion object {
        const val KEY_ROUTES = "routes"
    }
}
