package dev.aiprep.ui

import java.time.Duration
import java.time.ZoneId
import java.time.ZonedDateTime
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ReminderTimeTest {
    private val berlin = ZoneId.of("Europe/Berlin")
    private fun at(text: String) = ZonedDateTime.of(java.time.LocalDateTime.parse(text), berlin)

    @Test
    fun `later today, or tomorrow once today's time has passed`() {
        assertEquals(Duration.ofHours(2), ReminderTime.delayUntilNext(at("2026-03-02T17:00"), 19 * 60))
        assertEquals(Duration.ofHours(23), ReminderTime.delayUntilNext(at("2026-03-02T20:00"), 19 * 60))
        assertEquals(Duration.ofDays(1), ReminderTime.delayUntilNext(at("2026-03-02T19:00"), 19 * 60))
    }

    @Test
    fun `the reminder keeps its wall-clock hour across daylight saving changes`() {
        // Berlin springs forward on 2026-03-29: that day has 23 hours.
        val before = at("2026-03-28T19:00")
        val next = before.plus(ReminderTime.delayUntilNext(before, 19 * 60))
        assertEquals(19, next.hour)
        assertEquals(Duration.ofHours(23), ReminderTime.delayUntilNext(before, 19 * 60))
        // 02:30 does not exist that day; the reminder fires after the gap, not a day late.
        val night = at("2026-03-29T01:00")
        assertEquals(Duration.ofMinutes(90), ReminderTime.delayUntilNext(night, 2 * 60 + 30))
    }
}
