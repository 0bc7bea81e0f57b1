package dev.aiprep.desktop

import dev.aiprep.screens.DeviceSettings
import dev.aiprep.screens.ReminderSetting
import dev.aiprep.screens.ThemeMode
import java.util.prefs.Preferences
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** The theme, kept in the user's Java preferences. The desktop app has no reminder. */
class DesktopSettings(private val prefs: Preferences = Preferences.userRoot().node("dev/aiprep/desktop")) : DeviceSettings {
    private val _themeMode = MutableStateFlow(
        prefs.get(KEY_THEME, null)?.let { runCatching { ThemeMode.valueOf(it) }.getOrNull() } ?: ThemeMode.System,
    )
    override val themeMode: StateFlow<ThemeMode> = _themeMode.asStateFlow()

    override fun setThemeMode(mode: ThemeMode) {
        prefs.put(KEY_THEME, mode.name)
        _themeMode.value = mode
    }

    override val reminder: StateFlow<ReminderSetting>? = null

    override fun setReminder(setting: ReminderSetting) = Unit

    private companion object {
        const val KEY_THEME = "theme"
    }
}
