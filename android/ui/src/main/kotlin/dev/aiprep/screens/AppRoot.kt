package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.imePadding
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Scaffold
import androidx.compose.material3.Text
import androidx.compose.material3.TopAppBar
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.StorageProblem
import dev.aiprep.ui.Startup

/**
 * The whole app: a top bar with Back, and the current screen. The platform
 * wraps it in [AiprepTheme] and routes its own back gesture to
 * [Navigator.back].
 */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
fun AppRoot(app: AppController) {
    val startup by app.startup.state.collectAsState()
    val stack by app.navigator.stack.collectAsState()
    val route = stack.last()
    // Opens once at start. A failure stays on screen across recreation (a
    // rotation must not flash a spinner and retry by itself): "Try again" retries.
    LaunchedEffect(Unit) { if (app.startup.state.value !is Startup.Failed) app.startup.open() }

    Scaffold(
        topBar = {
            TopAppBar(
                title = { Text(route.title, modifier = Modifier.semantics { heading() }) },
                navigationIcon = {
                    if (stack.size > 1) {
                        IconButton(onClick = { app.navigator.back() }) {
                            Icon(BackArrow, contentDescription = "Back")
                        }
                    }
                },
            )
        },
    ) { padding ->
        // Edge to edge: the keyboard must not cover the field being typed in.
        Box(Modifier.padding(padding).imePadding().fillMaxSize()) {
            when (val s = startup) {
                Startup.Opening -> CircularProgressIndicator(
                    Modifier.align(Alignment.Center).semantics { contentDescription = "Opening your progress" },
                )
                is Startup.Failed -> StartupError(s, onRetry = { app.launch { app.startup.open() } }) {
                    app.launch { app.startup.restoreNewestBackup() }
                }
                is Startup.Ready -> Screen(route, app.holdersFor(s.env), app)
            }
        }
    }
}

@Composable
private fun Screen(route: Route, h: Holders, app: AppController) {
    val go = app.navigator::go
    when (route) {
        is Route.Home -> HomeScreen(h.home, app)
        is Route.Lesson -> LessonScreen(h.lesson, go)
        is Route.Quiz -> QuizScreen(route, h.quiz, app)
        is Route.Scenario -> ScenarioScreen(route, h.scenario, app)
        is Route.Exercise -> ExerciseScreen(route, h.exercise, app)
        is Route.Stories -> StoriesScreen(h.story, app)
        is Route.Story -> StoryScreen(route, h.story, app)
        is Route.Stats -> StatsScreen(h.stats)
        is Route.Unlock -> UnlockScreen(h.unlock, app)
        is Route.Settings -> SettingsScreen(app.platform)
        is Route.Catalog -> CatalogScreen(h.catalog, app)
    }
}

/** Opening failed: say what happened in words a learner can act on, and offer what can be done here. */
@Composable
fun StartupError(failed: Startup.Failed, onRetry: () -> Unit, onRestore: () -> Unit) {
    val message = when (failed.problem) {
        StorageProblem.NOT_A_DATABASE, StorageProblem.DAMAGED ->
            "Your progress file cannot be read. It has been left as it was."
        StorageProblem.NEWER_SCHEMA -> "Your progress was saved by a newer version of the app. Please update the app."
        StorageProblem.DISK_FULL -> "Your device is out of space. Free some space, then try again."
        StorageProblem.INTERRUPTED -> "Opening was interrupted. Nothing was changed."
        StorageProblem.READ_ONLY, StorageProblem.CANNOT_OPEN, StorageProblem.FAILED ->
            "Your progress could not be opened right now."
        null -> "The app could not start."
    }
    val restorable = failed.backups > 0 &&
        failed.problem in setOf(StorageProblem.NOT_A_DATABASE, StorageProblem.DAMAGED, StorageProblem.FAILED)
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(24.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text("Something went wrong", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        Text(message, style = MaterialTheme.typography.bodyLarge)
        PrimaryAction("Try again", onRetry)
        if (restorable) {
            Text(
                "The app keeps a daily copy of your progress. Restoring the newest copy loses at most a day; " +
                    "the unreadable file is kept beside it.",
                style = MaterialTheme.typography.bodyMedium,
            )
            SecondaryAction("Restore the latest backup", onRestore)
        }
    }
}
