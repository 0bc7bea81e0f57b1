package dev.aiprep.app.ui

import android.app.Activity
import androidx.activity.compose.BackHandler
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.ArrowBack
import androidx.compose.runtime.Composable
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateListOf
import androidx.compose.runtime.remember
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.app.ThemeMode
import dev.aiprep.core.StorageProblem
import dev.aiprep.core.CoreException

/** Where the learner is; a small back stack instead of a navigation library. */
sealed interface Route {
    val title: String

    data object Home : Route { override val title = "Interview Prep" }
    data object Lesson : Route { override val title = "Lesson" }
    /** The adaptive quiz, opening on [firstId] when it comes from today's challenge. */
    data class Quiz(val firstId: String? = null) : Route { override val title = "Quiz" }
    data class Scenario(val id: String) : Route { override val title = "Scenario" }
    data class Exercise(val id: String) : Route { override val title = "Exercise" }
    data object Story : Route { override val title = "Story workshop" }
    data object Stats : Route { override val title = "Progress" }
    data object Unlock : Route { override val title = "Full module" }
    data object Settings : Route { override val title = "Settings" }
}

@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AppRoot(model: AppModel, activity: Activity, themeMode: ThemeMode, onThemeMode: (ThemeMode) -> Unit) {
    val startup by model.startup.collectAsState()
    val stack = remember { mutableStateListOf<Route>(Route.Home) }
    val route = stack.last()
    val go: (Route) -> Unit = { stack.add(it) }
    BackHandler(enabled = stack.size > 1) { stack.removeAt(stack.lastIndex) }

    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(route.title) },
                navigationIcon = {
                    if (stack.size > 1) {
                        IconButton(onClick = { stack.removeAt(stack.lastIndex) }) {
                            Icon(Icons.AutoMirrored.Filled.ArrowBack, contentDescription = "Back")
                        }
                    }
                },
            )
        },
    ) { padding ->
        Box(Modifier.padding(padding).fillMaxSize()) {
            when (val s = startup) {
                Startup.Opening -> CircularProgressIndicator(
                    Modifier.align(Alignment.Center).semantics { contentDescription = "Opening your progress" },
                )
                is Startup.Failed -> StartupError(s.error)
                is Startup.Ready -> {
                    val h = s.holders
                    when (route) {
                        Route.Home -> HomeScreen(h.home, model, go)
                        Route.Lesson -> LessonScreen(h.lesson, go)
                        is Route.Quiz -> QuizScreen(route.firstId, h.quiz, model, go)
                        is Route.Scenario -> ScenarioScreen(route.id, h.scenario, model, go)
                        is Route.Exercise -> ExerciseScreen(route.id, h.exercise, model, go)
                        Route.Story -> StoryScreen(h.story, model)
                        Route.Stats -> StatsScreen(h.stats)
                        Route.Unlock -> UnlockScreen(h.unlock, s.billing, model, activity)
                        Route.Settings -> SettingsScreen(themeMode, onThemeMode)
                    }
                }
            }
        }
    }
}

@Composable
private fun StartupError(error: Throwable) {
    val message = when ((error as? CoreException.Storage)?.problem) {
        StorageProblem.NOT_A_DATABASE, StorageProblem.DAMAGED ->
            "Your progress file cannot be read. It has been left as it was; reinstalling from a backup may recover it."
        StorageProblem.NEWER_SCHEMA -> "Your progress was saved by a newer version of the app. Please update the app."
        StorageProblem.DISK_FULL -> "Your device is out of space. Free some space and open the app again."
        StorageProblem.INTERRUPTED -> "Cancelled. Nothing was changed."
        StorageProblem.READ_ONLY, StorageProblem.CANNOT_OPEN, StorageProblem.FAILED ->
            "Your progress could not be opened. Please restart the device and try again."
        null -> "The app could not start. Please try again."
    }
    Column(Modifier.padding(24.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text("Something went wrong", style = MaterialTheme.typography.headlineSmall)
        Text(message, style = MaterialTheme.typography.bodyLarge)
    }
}
