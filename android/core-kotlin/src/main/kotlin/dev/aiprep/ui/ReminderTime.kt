package dev.aiprep.ui

import java.time.Duration
import java.time.LocalTime
import java.time.ZonedDateTime

/** When the daily reminder fires next; platform-free so it is tested on the JVM. */
object ReminderTime {
    /**
     * Time from [now] to the next local [minuteOfDay] (minutes after midnight),
     * tomorrow's if today's has passed. Local wall time, so the reminder keeps
     * its hour across DST; a time that does not exist on a spring-forward day
     * fires just after the gap.
     */
    fun delayUntilNext(now: ZonedDateTime, minuteOfDay: Int): Duration {
        val minute = minuteOfDay.coerceIn(0, 24 * 60 - 1)
        val at = LocalTime.of(minute / 60, minute % 60)
        var next = now.with(at)
        if (!next.isAfter(now)) next = now.toLocalDate().plusDays(1).atTime(at).atZone(now.zone)
        return Duration.between(now, next)
    }
}
