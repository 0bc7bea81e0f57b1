package dev.aiprep.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.selection.selectable
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Switch
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.app.Settings
import dev.aiprep.app.ThemeMode
import dev.aiprep.app.reminder.ReminderScheduler

@Composable
fun SettingsScreen(themeMode: ThemeMode, onThemeMode: (ThemeMode) -> Unit) {
    val context = LocalContext.current
    val settings = remember { Settings(context) }
    var reminder by remember { mutableStateOf(settings.reminderEnabled) }
    Column(Modifier.padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Text("Theme", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        ThemeMode.entries.forEach { mode ->
            Row(
                Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                    .selectable(selected = mode == themeMode, role = Role.RadioButton) { onThemeMode(mode) },
            ) {
                RadioButton(selected = mode == themeMode, onClick = null)
                Text(mode.name, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 8.dp))
            }
        }
        Row(
            Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                .selectable(selected = reminder, role = Role.Switch) {
                    reminder = !reminder
                    settings.reminderEnabled = reminder
                    ReminderScheduler(context).reschedule()
                },
        ) {
            Text("Daily reminder at %02d:%02d".format(settings.reminderMinuteOfDay / 60, settings.reminderMinuteOfDay % 60), style = MaterialTheme.typography.bodyLarge, modifier = Modifier.weight(1f))
            Switch(checked = reminder, onCheckedChange = null)
        }
    }
}
