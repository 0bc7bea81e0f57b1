package dev.aiprep.app.platform

import android.Manifest
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.provider.Settings
import androidx.annotation.RequiresApi
import androidx.core.content.ContextCompat
import androidx.core.content.edit
import dev.aiprep.app.reminder.ReminderScheduler
import dev.aiprep.screens.NotificationPermission
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * POST_NOTIFICATIONS (Android 13+). The settings screen asks only after
 * saying why; once the system stops showing its dialog (denied twice), the
 * app's notification settings open instead, since a silent "denied" would
 * leave the learner's tap doing nothing.
 */
@RequiresApi(33)
class AndroidNotificationPermission(
    context: Context,
    private val bridge: ActivityBridge,
) : NotificationPermission {
    private val appContext = context.applicationContext
    private val prefs = appContext.getSharedPreferences("permissions", Context.MODE_PRIVATE)
    private val _granted = MutableStateFlow(check())
    override val granted: StateFlow<Boolean> = _granted.asStateFlow()

    /** The learner may have changed it in system settings while away. */
    fun refresh() {
        _granted.value = check()
    }

    override fun request() {
        val activity = bridge.current ?: return
        // Asked before and no rationale allowed: the system would return "denied" without a dialog.
        if (prefs.getBoolean(KEY_ASKED, false) &&
            !activity.shouldShowRequestPermissionRationale(Manifest.permission.POST_NOTIFICATIONS)
        ) {
            activity.startActivity(
                Intent(Settings.ACTION_APP_NOTIFICATION_SETTINGS).putExtra(Settings.EXTRA_APP_PACKAGE, activity.packageName),
            )
            return
        }
        prefs.edit { putBoolean(KEY_ASKED, true) }
        bridge.requestPermission(Manifest.permission.POST_NOTIFICATIONS) { granted ->
            _granted.value = granted
            if (granted) ReminderScheduler(appContext).reschedule()
        }
    }

    private fun check(): Boolean =
        ContextCompat.checkSelfPermission(appContext, Manifest.permission.POST_NOTIFICATIONS) == PackageManager.PERMISSION_GRANTED

    private companion object {
        const val KEY_ASKED = "notifications_asked"
    }
}
