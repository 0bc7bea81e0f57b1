package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.selectableGroup
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.AlertDialog
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.material3.TimePicker
import androidx.compose.material3.rememberTimePickerState
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp

/** "7:00 PM": the 12-hour clock American learners read. */
fun formatMinuteOfDay(minute: Int): String {
    val hour = minute / 60
    val onDial = if (hour % 12 == 0) 12 else hour % 12
    return "$onDial:${(minute % 60).toString().padStart(2, '0')} ${if (hour < 12) "AM" else "PM"}"
}

@Composable
fun SettingsScreen(platform: Platform) {
    val settings = platform.settings
    val themeMode by settings.themeMode.collectAsState()
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        Text("Theme", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        Column(Modifier.selectableGroup()) {
            ThemeMode.entries.forEach { mode ->
                Row(
                    Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                        .selectable(selected = mode == themeMode, role = Role.RadioButton) { settings.setThemeMode(mode) },
                    verticalAlignment = Alignment.CenterVertically,
                ) {
                    RadioButton(selected = mode == themeMode, onClick = null)
                    val label = when (mode) {
                        ThemeMode.System -> "Same as the device"
                        ThemeMode.Light -> "Light"
                        ThemeMode.Dark -> "Dark"
                    }
                    Text(label, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 8.dp))
                }
            }
        }
        settings.reminder?.let { ReminderSettings(it.collectAsState().value, settings, platform.notifications) }
    }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun ReminderSettings(reminder: ReminderSetting, settings: DeviceSettings, notifications: NotificationPermission?) {
    var picking by rememberSaveable { mutableStateOf(false) }
    var explaining by rememberSaveable { mutableStateOf(false) }
    val granted = notifications?.granted?.collectAsState()?.value ?: true
    Text("Daily reminder", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    Row(
        Modifier.fillMaxWidth().heightIn(min = TouchTarget)
            .toggleable(value = reminder.enabled, role = Role.Switch) { on ->
                settings.setReminder(reminder.copy(enabled = on))
                // Ask for the permission only when the learner turns the reminder on, after saying why.
                if (on && !granted) explaining = true
            },
        verticalAlignment = Alignment.CenterVertically,
    ) {
        Text("Remind me to practice", style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
        Switch(checked = reminder.enabled, onCheckedChange = null)
    }
    SecondaryAction("Reminder time: ${formatMinuteOfDay(reminder.minuteOfDay)}", { picking = true }, enabled = reminder.enabled)
    if (reminder.enabled && !granted) {
        Text("Notifications are off for this app, so the reminder cannot appear.", style = MaterialTheme.typography.bodyMedium)
        SecondaryAction("Allow notifications", { explaining = true })
    }
    if (picking) {
        val state = rememberTimePickerState(reminder.minuteOfDay / 60, reminder.minuteOfDay % 60, is24Hour = false)
        AlertDialog(
            onDismissRequest = { picking = false },
            title = { Text("Reminder time") },
            text = { TimePicker(state) },
            confirmButton = {
                TextButton({
                    settings.setReminder(reminder.copy(minuteOfDay = state.hour * 60 + state.minute))
                    picking = false
                }) { Text("Set") }
            },
            dismissButton = { TextButton({ picking = false }) { Text("Cancel") } },
        )
    }
    if (explaining && notifications != null) {
        AlertDialog(
            onDismissRequest = { explaining = false },
            title = { Text("Allow a daily reminder?") },
            text = {
                Text("The app sends one notification a day, at the time you chose, and only when today's challenge is not done yet.")
            },
            confirmButton = {
                TextButton({
                    explaining = false
                    notifications.request()
                }) { Text("Continue") }
            },
            dismissButton = { TextButton({ explaining = false }) { Text("Not now") } },
        )
    }
}
