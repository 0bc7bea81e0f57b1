package dev.aiprep.screens

import androidx.compose.foundation.background
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
import androidx.compose.foundation.shape.RoundedCornerShape
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.semantics.stateDescription
import androidx.compose.ui.unit.dp
import dev.aiprep.core.ChoiceFeedbackView
import dev.aiprep.ui.Loadable
import dev.aiprep.ui.QuizState
import dev.aiprep.ui.ScenarioState

@Composable
fun QuizScreen(route: Route.Quiz, quiz: QuizState, app: AppController) {
    val s by quiz.state.collectAsState()
    LaunchedEffect(route.visit) { quiz.start(route.firstId, route.visit) }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        s.error?.let { ErrorMessage(it) { app.navigator.go { v -> Route.Unlock(v) } } }
        if (s.finished) {
            Text("Session done: ${s.correct} of ${s.asked.size} right", style = MaterialTheme.typography.headlineSmall)
            PrimaryAction("Start another session", { app.launch { quiz.restart() } }, enabled = !s.busy)
            return@Column
        }
        val question = s.question
        if (question == null) {
            if (s.error == null) Loading()
            return@Column
        }
        Text("Question ${s.asked.size} · ${s.correct} right so far", style = MaterialTheme.typography.labelLarge)
        Text(question.question, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        Options(question.options, s.feedback, enabled = !s.busy) { app.launch { quiz.answer(it) } }
        s.feedback?.let { f ->
            Feedback(f)
            PrimaryAction("Next question", { app.launch { quiz.next() } }, enabled = !s.busy)
        }
    }
}

@Composable
fun ScenarioScreen(route: Route.Scenario, scenario: ScenarioState, app: AppController) {
    val state by scenario.state.collectAsState()
    LaunchedEffect(route.visit) { scenario.load(route.id, route.visit) }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error) { app.navigator.go { v -> Route.Unlock(v) } }
            is Loadable.Ready -> {
                val screen = s.value
                Text(screen.scenario.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(screen.scenario.prompt, style = MaterialTheme.typography.bodyLarge)
                Text("How would you respond?", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                Options(screen.scenario.responses, screen.feedback, enabled = !screen.busy) { app.launch { scenario.choose(it) } }
                screen.error?.let { ErrorMessage(it) }
                screen.feedback?.let { Feedback(it) }
            }
        }
    }
}

/** What an option turned out to be, once answered. */
private enum class Verdict(val label: String) { Right("Right answer"), ChosenWrong("Your answer, not the best one") }

/**
 * Answer options as one radio group. After answering, the right option and
 * the learner's (if different) are marked on screen, in colour and in words,
 * and read out the same way.
 */
@Composable
private fun Options(options: List<String>, feedback: ChoiceFeedbackView?, enabled: Boolean, onChoose: (Int) -> Unit) {
    Column(Modifier.selectableGroup(), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        options.forEachIndexed { i, option ->
            val verdict = when {
                feedback == null -> null
                i == feedback.correctChoice.toInt() -> Verdict.Right
                i == feedback.chosen.toInt() -> Verdict.ChosenWrong
                else -> null
            }
            val background = when (verdict) {
                Verdict.Right -> MeaningColors.positive
                Verdict.ChosenWrong -> MeaningColors.problem
                null -> Color.Transparent
            }
            val selected = feedback?.chosen?.toInt() == i
            Row(
                Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                    .background(background, RoundedCornerShape(8.dp))
                    .selectable(selected = selected, enabled = feedback == null && enabled, role = Role.RadioButton) { onChoose(i) }
                    .semantics { verdict?.let { stateDescription = it.label } }
                    .padding(horizontal = 8.dp, vertical = 4.dp),
                verticalAlignment = Alignment.CenterVertically,
            ) {
                RadioButton(selected = selected, onClick = null)
                Column(Modifier.padding(start = 8.dp)) {
                    Text(option, style = MaterialTheme.typography.bodyLarge)
                    verdict?.let { Text(it.label, style = MaterialTheme.typography.labelLarge) }
                }
            }
        }
    }
}

@Composable
private fun Feedback(f: ChoiceFeedbackView) {
    Card(Modifier.fillMaxWidth().semantics { liveRegion = LiveRegionMode.Polite }) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(if (f.correct) "Right" else "Not quite", style = MaterialTheme.typography.titleMedium)
            Text(f.explanation, style = MaterialTheme.typography.bodyLarge)
            f.bestAnnotation?.let { Text("Why the best response works: $it", style = MaterialTheme.typography.bodyMedium) }
            if (f.challengeCompleted) Text("Today's challenge complete!", style = MaterialTheme.typography.labelLarge)
        }
    }
}
