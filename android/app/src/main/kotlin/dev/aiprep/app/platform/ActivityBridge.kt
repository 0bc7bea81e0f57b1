package dev.aiprep.app.platform

import android.app.Activity
import androidx.activity.ComponentActivity
import androidx.activity.result.ActivityResultLauncher
import androidx.activity.result.contract.ActivityResultContracts
import java.lang.ref.WeakReference

/**
 * What the platform pieces need from the activity on screen (a window for
 * Play's purchase sheet, a launcher for permission dialogs) without the view
 * model holding the activity: it is attached on create, weakly held, and
 * detached on destroy, so a rotation never leaks the old one.
 */
class ActivityBridge {
    private var activity = WeakReference<ComponentActivity>(null)
    private var launcher: ActivityResultLauncher<String>? = null
    private var pending: ((Boolean) -> Unit)? = null

    val current: Activity? get() = activity.get()

    /** Call from onCreate, before the activity is started (launchers must be registered then). */
    fun attach(host: ComponentActivity) {
        activity = WeakReference(host)
        launcher = host.registerForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
            pending?.invoke(granted)
            pending = null
        }
    }

    fun detach(host: ComponentActivity) {
        if (activity.get() !== host) return
        activity = WeakReference(null)
        launcher = null
    }

    /** Shows the system permission dialog; [onResult] gets false when no activity can show it. */
    fun requestPermission(permission: String, onResult: (Boolean) -> Unit) {
        val launch = launcher ?: return onResult(false)
        pending = onResult
        launch.launch(permission)
    }
}
