package dev.aiprep.app

import android.content.Context
import androidx.core.content.edit

enum class ThemeMode { System, Light, Dark }

/** Small device-only preferences; learning progress lives in the core's database. */
class Settings(context: Context) {
    private val prefs = context.getSharedPreferences("settings", Context.MODE_PRIVATE)

    var themeMode: ThemeMode
        get() = prefs.getString(KEY_THEME, null)?.let { runCatching { ThemeMode.valueOf(it) }.getOrNull() } ?: ThemeMode.System
        set(value) = prefs.edit { putString(KEY_THEME, value.name) }

    var reminderEnabled: Boolean
        get() = prefs.getBoolean(KEY_REMINDER, true)
        set(value) = prefs.edit { putBoolean(KEY_REMINDER, value) }

    /** Minutes after local midnight. */
    var reminderMinuteOfDay: Int
        get() = prefs.getInt(KEY_REMINDER_AT, 19 * 60)
        set(value) = prefs.edit { putInt(KEY_REMINDER_AT, value.coerceIn(0, 24 * 60 - 1)) }

    private companion object {
        const val KEY_THEME = "theme"
        const val KEY_REMINDER = "reminder_enabled"
        const val KEY_REMINDER_AT = "reminder_minute"
    }
}
