package dev.aiprep.app

import android.Manifest
import android.content.pm.PackageManager
import android.os.Build
import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.result.contract.ActivityResultContracts
import androidx.activity.viewModels
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.setValue
import androidx.core.content.ContextCompat
import dev.aiprep.app.reminder.ReminderScheduler
import dev.aiprep.app.ui.AiprepTheme
import dev.aiprep.app.ui.AppModel
import dev.aiprep.app.ui.AppRoot

class MainActivity : ComponentActivity() {
    private val model: AppModel by viewModels()
    private val askNotifications =
        registerForActivityResult(ActivityResultContracts.RequestPermission()) { ReminderScheduler(this).reschedule() }

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        val settings = Settings(this)
        var themeMode by mutableStateOf(settings.themeMode)
        setContent {
            AiprepTheme(themeMode) {
                AppRoot(
                    model = model,
                    activity = this,
                    themeMode = themeMode,
                    onThemeMode = {
                        settings.themeMode = it
                        themeMode = it
                    },
                )
            }
        }
        // Android 13+: the daily reminder needs the runtime notification permission.
        if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU && settings.reminderEnabled &&
            ContextCompat.checkSelfPermission(this, Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            askNotifications.launch(Manifest.permission.POST_NOTIFICATIONS)
        }
    }

    override fun onResume() {
        super.onResume()
        model.syncZone()
    }
}
