package dev.aiprep.app.reminder

import android.content.Context
import androidx.work.ExistingWorkPolicy
import androidx.work.OneTimeWorkRequestBuilder
import androidx.work.WorkManager
import dev.aiprep.app.platform.AndroidDeviceSettings
import dev.aiprep.ui.ReminderTime
import java.time.ZonedDateTime
import java.util.concurrent.TimeUnit

/**
 * The daily reminder as a chain of one-time works, each scheduling the next.
 * A periodic work would drift across DST and zone changes; a one-time work
 * aimed at the next local reminder time does not, and is re-aimed whenever
 * the clock, the zone or the reminder time changes (see [RescheduleReceiver]).
 */
class ReminderScheduler(private val context: Context) {
    private val work = WorkManager.getInstance(context)

    /** Schedules the next reminder unless one is already waiting. */
    fun ensureScheduled() = schedule(ExistingWorkPolicy.KEEP)

    /** Re-aims the next reminder from outside the chain, e.g. a zone change or a new reminder time. */
    fun reschedule() = schedule(ExistingWorkPolicy.REPLACE)

    /**
     * Called by the running reminder itself. REPLACE there would cancel the
     * very work that is running; APPEND_OR_REPLACE queues the next one behind it.
     */
    fun scheduleNextFromReminder() = schedule(ExistingWorkPolicy.APPEND_OR_REPLACE)

    private fun schedule(policy: ExistingWorkPolicy) {
        val reminder = AndroidDeviceSettings(context).reminder.value
        if (!reminder.enabled) {
            work.cancelUniqueWork(WORK_NAME)
            return
        }
        val delay = ReminderTime.delayUntilNext(ZonedDateTime.now(), reminder.minuteOfDay)
        val request = OneTimeWorkRequestBuilder<ReminderWorker>()
            .setInitialDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
            .build()
        work.enqueueUniqueWork(WORK_NAME, policy, request)
    }

    companion object {
        const val WORK_NAME = "daily-reminder"
    }
}
