package dev.aiprep.app.reminder

import android.Manifest
import android.annotation.SuppressLint
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Build
import androidx.core.app.NotificationCompat
import androidx.core.app.NotificationManagerCompat
import androidx.core.content.ContextCompat
import androidx.work.CoroutineWorker
import androidx.work.WorkerParameters
import dev.aiprep.app.AiprepApplication
import dev.aiprep.app.MainActivity
import dev.aiprep.app.R
import dev.aiprep.ui.Outcome
import dev.aiprep.ui.Startup

/** Posts the daily reminder unless today's challenge is already done, then aims the next one. */
class ReminderWorker(context: Context, params: WorkerParameters) : CoroutineWorker(context, params) {
    override suspend fun doWork(): Result {
        if (canNotify() && !challengeDoneToday()) post()
        ReminderScheduler(applicationContext).scheduleNextFromReminder()
        return Result.success()
    }

    /** False when the core cannot say (e.g. the file cannot be opened): a reminder then does no harm. */
    private suspend fun challengeDoneToday(): Boolean {
        val startup = (applicationContext as AiprepApplication).startup
        startup.open()
        val ready = startup.state.value as? Startup.Ready ?: return false
        val today = ready.env.call { now -> today(now) }
        return today is Outcome.Ok && today.value.challengeCompleted
    }

    /** Android 13+ needs the runtime permission; without it we stay silent. */
    private fun canNotify(): Boolean =
        Build.VERSION.SDK_INT < Build.VERSION_CODES.TIRAMISU ||
            ContextCompat.checkSelfPermission(applicationContext, Manifest.permission.POST_NOTIFICATIONS) ==
            PackageManager.PERMISSION_GRANTED

    // Checked by canNotify() just before; a late withdrawal is caught below.
    @SuppressLint("MissingPermission")
    private fun post() {
        val context = applicationContext
        val manager = context.getSystemService(NotificationManager::class.java)
        manager.createNotificationChannel(
            NotificationChannel(CHANNEL_ID, context.getString(R.string.reminder_channel), NotificationManager.IMPORTANCE_DEFAULT),
        )
        val open = PendingIntent.getActivity(
            context,
            0,
            Intent(context, MainActivity::class.java).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK or Intent.FLAG_ACTIVITY_CLEAR_TOP),
            PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT,
        )
        val notification = NotificationCompat.Builder(context, CHANNEL_ID)
            .setSmallIcon(R.drawable.ic_notification)
            .setContentTitle(context.getString(R.string.reminder_title))
            .setContentText(context.getString(R.string.reminder_text))
            .setContentIntent(open)
            .setAutoCancel(true)
            .build()
        try {
            NotificationManagerCompat.from(context).notify(NOTIFICATION_ID, notification)
        } catch (_: SecurityException) {
            // Permission withdrawn between the check and the post: skip this one.
        }
    }

    private companion object {
        const val CHANNEL_ID = "daily-reminder"
        const val NOTIFICATION_ID = 1
    }
}
