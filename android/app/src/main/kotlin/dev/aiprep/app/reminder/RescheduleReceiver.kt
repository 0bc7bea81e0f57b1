package dev.aiprep.app.reminder

import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent

/** Re-aims the reminder after boot, a zone change, a clock change or an update. */
class RescheduleReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        when (intent.action) {
            Intent.ACTION_BOOT_COMPLETED,
            Intent.ACTION_TIMEZONE_CHANGED,
            Intent.ACTION_TIME_CHANGED,
            Intent.ACTION_MY_PACKAGE_REPLACED,
            -> ReminderScheduler(context).reschedule()
        }
    }
}
