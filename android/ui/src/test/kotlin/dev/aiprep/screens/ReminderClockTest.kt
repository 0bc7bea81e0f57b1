package dev.aiprep.screens

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

class ReminderClockTest {
    @Test
    fun `reminder times read on a 12-hour clock, midnight and noon included`() {
        assertEquals("12:00 AM", formatMinuteOfDay(0))
        assertEquals("9:05 AM", formatMinuteOfDay(9 * 60 + 5))
        assertEquals("12:00 PM", formatMinuteOfDay(12 * 60))
        assertEquals("7:00 PM", formatMinuteOfDay(19 * 60))
        assertEquals("11:59 PM", formatMinuteOfDay(24 * 60 - 1))
    }
}
