package dev.aiprep.screens

import kotlinx.coroutines.flow.StateFlow

/**
 * What the screens need from the platform, each behind a small interface so
 * this module has no Android (or desktop) import. Android implements them
 * with Play Billing, SpeechRecognizer, WorkManager and SharedPreferences; the
 * desktop app and the tests with plain JVM code.
 */
class Platform(
    val settings: DeviceSettings,
    /** Null where there is no store (the desktop app): the unlock screen says so. */
    val store: Store? = null,
    /** Null where there is no speech recognizer. */
    val speech: SpeechInput? = null,
    /** Null where reminders need no runtime permission. */
    val notifications: NotificationPermission? = null,
)

enum class ThemeMode { System, Light, Dark }

/** Small device-only preferences; learning progress lives in the core's database. */
interface DeviceSettings {
    val themeMode: StateFlow<ThemeMode>
    fun setThemeMode(mode: ThemeMode)

    /** Null where the platform has no daily reminder. */
    val reminder: StateFlow<ReminderSetting>?
    fun setReminder(setting: ReminderSetting)
}

/** The daily reminder: on or off, and when (minutes after local midnight). */
data class ReminderSetting(val enabled: Boolean, val minuteOfDay: Int)

/** The store selling the one-time unlock (Play Billing on Android). */
interface Store {
    /** What the store says the unlock costs, formatted for the learner; null until known. */
    val price: StateFlow<String?>
    /** The store's state when it is not simply ready; null when all is well. */
    val problem: StateFlow<StoreProblem?>
    /** Opens the store's purchase sheet. */
    suspend fun buy()
    /** Asks the store for purchases the account owns and hands them to the core. */
    suspend fun restore()
}

enum class StoreProblem { Unavailable, ProductMissing, Cancelled, AlreadyOwned, Failed }

/** Dictation into an exercise answer. */
interface SpeechInput {
    val listening: StateFlow<Boolean>
    /** Starts listening (asking for the microphone first where needed); words go to [onText]. */
    fun start(onText: (String) -> Unit)
    fun stop()
}

/** The runtime notification permission (Android 13+), asked only after saying why. */
interface NotificationPermission {
    val granted: StateFlow<Boolean>
    fun request()
}
