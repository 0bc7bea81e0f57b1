package dev.aiprep.app

import android.os.Bundle
import androidx.activity.ComponentActivity
import androidx.activity.compose.BackHandler
import androidx.activity.compose.setContent
import androidx.activity.enableEdgeToEdge
import androidx.activity.viewModels
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import dev.aiprep.screens.AiprepTheme
import dev.aiprep.screens.AppRoot

/** Hosts the shared screens; everything that must survive it lives in [AppViewModel]. */
class MainActivity : ComponentActivity() {
    private val model: AppViewModel by viewModels()

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        enableEdgeToEdge()
        model.bridge.attach(this)
        val controller = model.controller
        setContent {
            val themeMode by model.settings.themeMode.collectAsState()
            val stack by controller.navigator.stack.collectAsState()
            // Home is the root: there the system back gesture leaves the app.
            BackHandler(enabled = stack.size > 1) { controller.navigator.back() }
            AiprepTheme(themeMode) { AppRoot(controller) }
        }
    }

    override fun onResume() {
        super.onResume()
        model.onResume()
    }

    override fun onDestroy() {
        model.bridge.detach(this)
        super.onDestroy()
    }
}
