package dev.aiprep.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.ChoiceFeedbackView
import dev.aiprep.core.ItemType
import dev.aiprep.core.LessonBlock
import dev.aiprep.ui.HomeState
import dev.aiprep.ui.LessonState
import dev.aiprep.ui.Loadable
import dev.aiprep.ui.Outcome
import dev.aiprep.ui.QuizState
import dev.aiprep.ui.ScenarioState

@Composable
fun HomeScreen(home: HomeState, model: AppModel, go: (Route) -> Unit) {
    val state by home.state.collectAsState()
    LaunchedEffect(Unit) { home.refresh() }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error)
            is Loadable.Ready -> {
                val (outline, today, entitlement) = s.value
                Text(outline.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(outline.summary, style = MaterialTheme.typography.bodyLarge)
                Card(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {
                    contentDescription = "Streak ${today.streak} days, longest ${today.longestStreak}. ${today.dueReviews} reviews due, ${today.newAvailable} new items available."
                }) {
                    Column(Modifier.padding(16.dp)) {
                        Text("Streak: ${today.streak} days (best ${today.longestStreak})", style = MaterialTheme.typography.titleMedium)
                        Text("Due reviews: ${today.dueReviews} · New today: ${today.newAvailable}", style = MaterialTheme.typography.bodyMedium)
                    }
                }
                Text(if (today.challengeCompleted) "Today's challenge: done" else "Today's challenge", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                today.challenge.forEach { item ->
                    val label = "${if (item.done) "Done" else "To do"}: ${item.itemType.name.lowercase()} ${item.id}"
                    SecondaryAction(label, onClick = {
                        when (item.itemType) {
                            ItemType.QUIZ -> go(Route.Quiz(item.id))
                            ItemType.SCENARIO -> go(Route.Scenario(item.id))
                            ItemType.EXERCISE -> go(Route.Exercise(item.id))
                        }
                    }, enabled = !item.done)
                }
                if (today.dueReviews > 0u || today.newAvailable > 0u) {
                    PrimaryAction("Review now", {
                        model.launch {
                            val next = (home.nextReview() as? Outcome.Ok)?.value ?: return@launch
                            go(
                                when (next.itemType) {
                                    ItemType.QUIZ -> Route.Quiz(next.id)
                                    ItemType.SCENARIO -> Route.Scenario(next.id)
                                    ItemType.EXERCISE -> Route.Exercise(next.id)
                                },
                            )
                        }
                    })
                }
                PrimaryAction("Read the lesson", { go(Route.Lesson) })
                PrimaryAction("Take the adaptive quiz", { go(Route.Quiz()) })
                Text("In practice", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                outline.scenarios.forEach { item ->
                    val open = item.free || entitlement.unlocked
                    SecondaryAction(if (open) item.title else "Locked: ${item.title}", { go(if (open) Route.Scenario(item.id) else Route.Unlock) })
                }
                Text("Exercises", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                outline.exercises.forEach { item ->
                    val open = item.free || entitlement.unlocked
                    SecondaryAction(if (open) item.title else "Locked: ${item.title}", { go(if (open) Route.Exercise(item.id) else Route.Unlock) })
                }
                SecondaryAction("Story workshop", { go(Route.Story) })
                SecondaryAction("Progress", { go(Route.Stats) })
                if (!entitlement.unlocked) SecondaryAction("Unlock the full module", { go(Route.Unlock) })
                SecondaryAction("Settings", { go(Route.Settings) })
            }
        }
    }
}

@Composable
fun LessonScreen(lesson: LessonState, go: (Route) -> Unit) {
    val state by lesson.state.collectAsState()
    LaunchedEffect(Unit) { lesson.load() }
    when (val s = state) {
        Loadable.Loading -> Loading()
        is Loadable.Failed -> ErrorMessage(s.error)
        is Loadable.Ready -> LazyColumn(Modifier.fillMaxSize().padding(horizontal = 16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
            items(s.value.sections, key = { it.id }) { section ->
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(section.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.padding(top = 16.dp).semantics { heading() })
                    section.blocks.forEach { block -> LessonBlockView(block) { go(Route.Unlock) } }
                }
            }
        }
    }
}

@Composable
private fun LessonBlockView(block: LessonBlock, onUnlock: () -> Unit) {
    when (block) {
        is LessonBlock.Heading -> Text(block.text, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        is LessonBlock.Paragraph -> Text(block.text, style = MaterialTheme.typography.bodyLarge)
        is LessonBlock.Bullets -> Column { block.items.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) } }
        is LessonBlock.Example -> Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(12.dp)) {
                Text(block.label, style = MaterialTheme.typography.labelLarge)
                Text(block.text, style = MaterialTheme.typography.bodyMedium)
            }
        }
        is LessonBlock.Locked -> SecondaryAction("Locked: ${block.title}", onUnlock, modifier = Modifier.semantics {
            contentDescription = "${block.title}, part of the full module. Double tap to see how to unlock."
        })
    }
}

@Composable
fun QuizScreen(firstId: String?, quiz: QuizState, model: AppModel, go: (Route) -> Unit) {
    val s by quiz.state.collectAsState()
    LaunchedEffect(firstId) { quiz.start(firstId) }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        s.error?.let { ErrorMessage(it) { go(Route.Unlock) } }
        if (s.finished) {
            Text("Session done: ${s.correct} of ${s.asked.size} right", style = MaterialTheme.typography.headlineSmall)
            PrimaryAction("Start another session", { model.launch { quiz.start() } })
            return@Column
        }
        val question = s.question
        if (question == null) {
            Loading()
            return@Column
        }
        Text("Question ${s.asked.size} · score ${s.correct}", style = MaterialTheme.typography.labelLarge)
        Text(question.question, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        Options(question.options, s.feedback) { model.launch { quiz.answer(it) } }
        s.feedback?.let { f ->
            Feedback(f)
            PrimaryAction("Next question", { model.launch { quiz.next() } })
        }
    }
}

@Composable
fun ScenarioScreen(id: String, scenario: ScenarioState, model: AppModel, go: (Route) -> Unit) {
    val state by scenario.state.collectAsState()
    LaunchedEffect(id) { scenario.load(id) }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error) { go(Route.Unlock) }
            is Loadable.Ready -> {
                val screen = s.value
                Text(screen.scenario.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(screen.scenario.prompt, style = MaterialTheme.typography.bodyLarge)
                Options(screen.scenario.responses, screen.feedback) { model.launch { scenario.choose(it) } }
                screen.feedback?.let { Feedback(it) }
            }
        }
    }
}

/** Answer options as radio rows; after answering, each says whether it was right. */
@Composable
private fun Options(options: List<String>, feedback: ChoiceFeedbackView?, onChoose: (Int) -> Unit) {
    options.forEachIndexed { i, option ->
        val verdict = when {
            feedback == null -> ""
            i == feedback.correctChoice.toInt() -> ", correct answer"
            i == feedback.chosen.toInt() -> ", your answer, incorrect"
            else -> ""
        }
        Row(
            Modifier.fillMaxWidth().heightIn(min = TouchTarget)
                .selectable(selected = feedback?.chosen?.toInt() == i, enabled = feedback == null, role = Role.RadioButton) { onChoose(i) }
                .semantics(mergeDescendants = true) { contentDescription = "Option ${i + 1}: $option$verdict" },
        ) {
            RadioButton(selected = feedback?.chosen?.toInt() == i, onClick = null)
            Text(option, style = MaterialTheme.typography.bodyLarge, modifier = Modifier.padding(start = 8.dp))
        }
    }
}

@Composable
private fun Feedback(f: ChoiceFeedbackView) {
    Card(Modifier.fillMaxWidth()) {
        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
            Text(if (f.correct) "Right" else "Not quite", style = MaterialTheme.typography.titleMedium)
            Text(f.explanation, style = MaterialTheme.typography.bodyLarge)
            f.bestAnnotation?.let { Text("Why the best response works: $it", style = MaterialTheme.typography.bodyMedium) }
            if (f.challengeCompleted) Text("Today's challenge complete!", style = MaterialTheme.typography.labelLarge)
        }
    }
}
