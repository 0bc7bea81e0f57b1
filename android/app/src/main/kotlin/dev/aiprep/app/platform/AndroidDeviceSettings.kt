package dev.aiprep.app.platform

import android.content.Context
import androidx.core.content.edit
import dev.aiprep.app.reminder.ReminderScheduler
import dev.aiprep.screens.DeviceSettings
import dev.aiprep.screens.ReminderSetting
import dev.aiprep.screens.ThemeMode
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

private const val DEFAULT_REMINDER_MINUTE = 19 * 60

/** Theme and reminder in SharedPreferences; learning progress lives in the core's database. */
class AndroidDeviceSettings(context: Context) : DeviceSettings {
    private val appContext = context.applicationContext
    private val prefs = appContext.getSharedPreferences("settings", Context.MODE_PRIVATE)

    private val _themeMode = MutableStateFlow(
        prefs.getString(KEY_THEME, null)?.let { runCatching { ThemeMode.valueOf(it) }.getOrNull() } ?: ThemeMode.System,
    )
    override val themeMode: StateFlow<ThemeMode> = _themeMode.asStateFlow()

    override fun setThemeMode(mode: ThemeMode) {
        prefs.edit { putString(KEY_THEME, mode.name) }
        _themeMode.value = mode
    }

    private val _reminder = MutableStateFlow(
        ReminderSetting(
            enabled = prefs.getBoolean(KEY_REMINDER, true),
            minuteOfDay = prefs.getInt(KEY_REMINDER_AT, DEFAULT_REMINDER_MINUTE).coerceIn(0, 24 * 60 - 1),
        ),
    )
    override val reminder: StateFlow<ReminderSetting> = _reminder.asStateFlow()

    /** Saves the reminder and re-aims the next one at the new time (or cancels it). */
    override fun setReminder(setting: ReminderSetting) {
        val clean = setting.copy(minuteOfDay = setting.minuteOfDay.coerceIn(0, 24 * 60 - 1))
        prefs.edit {
            putBoolean(KEY_REMINDER, clean.enabled)
            putInt(KEY_REMINDER_AT, clean.minuteOfDay)
        }
        _reminder.value = clean
        ReminderScheduler(appContext).reschedule()
    }

    private companion object {
        const val KEY_THEME = "theme"
        const val KEY_REMINDER = "reminder_enabled"
        const val KEY_REMINDER_AT = "reminder_minute"
    }
}
