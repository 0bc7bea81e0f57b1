package dev.aiprep.screens

import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.OutlinedCard
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.ChallengeItem
import dev.aiprep.core.ItemType
import dev.aiprep.ui.HomeState
import dev.aiprep.ui.Outcome

/** The screen an item of [type] opens on. */
internal fun routeFor(type: ItemType, id: String): (Long) -> Route = when (type) {
    ItemType.QUIZ -> { v -> Route.Quiz(id, v) }
    ItemType.SCENARIO -> { v -> Route.Scenario(id, v) }
    ItemType.EXERCISE -> { v -> Route.Exercise(id, v) }
}

@Composable
fun HomeScreen(home: HomeState, app: AppController) {
    val state by home.state.collectAsState()
    val go = app.navigator::go
    // Every visit to Home shows the newest challenge progress and streak.
    LaunchedEffect(Unit) { home.refresh() }
    LoadedColumn(state) { h ->
        val today = h.today
        Text(h.outline.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        Text(h.outline.summary, style = MaterialTheme.typography.bodyLarge)
        SecondaryAction(
            "Browse all modules",
            { go { Route.Catalog(it) } },
            modifier = Modifier.semantics { contentDescription = "Browse all modules; now studying ${h.outline.title}" },
        )
        Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(16.dp).semantics(mergeDescendants = true) {}) {
                Text("Streak: ${plural(today.streak.toInt(), "day")} (best ${today.longestStreak})", style = MaterialTheme.typography.titleMedium)
                Text(
                    "${plural(today.dueReviews.toInt(), "review")} due · ${today.newAvailable} new today",
                    style = MaterialTheme.typography.bodyMedium,
                )
            }
        }
        val total = today.challenge.size
        Text(
            if (today.challengeCompleted) "Today's challenge: done" else "Today's challenge: ${h.challengeDone} of $total done",
            style = MaterialTheme.typography.titleMedium,
            modifier = Modifier.semantics { heading() },
        )
        if (total > 0) {
            LinearProgressIndicator(
                progress = { h.challengeDone.toFloat() / total },
                modifier = Modifier.fillMaxWidth().clearAndSetSemantics {},
            )
        }
        today.challenge.forEach { item -> ChallengeButton(item, h.titleOf(item)) { go(routeFor(item.itemType, item.id)) } }
        if (today.dueReviews > 0u || today.newAvailable > 0u) {
            PrimaryAction("Review now", {
                app.launch {
                    val next = (home.nextReview() as? Outcome.Ok)?.value ?: return@launch
                    go(routeFor(next.itemType, next.id))
                }
            })
        }
        PrimaryAction("Read the lesson", { go { Route.Lesson(it) } })
        PrimaryAction("Take the adaptive quiz", { go { Route.Quiz(null, it) } })
        Text("In practice", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        h.outline.scenarios.forEach { item ->
            val open = item.free || h.entitlement.unlocked
            SecondaryAction(if (open) item.title else "Locked: ${item.title}", { go(if (open) routeFor(ItemType.SCENARIO, item.id) else { v -> Route.Unlock(v) }) })
        }
        Text("Exercises", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        h.outline.exercises.forEach { item ->
            val open = item.free || h.entitlement.unlocked
            SecondaryAction(if (open) item.title else "Locked: ${item.title}", { go(if (open) routeFor(ItemType.EXERCISE, item.id) else { v -> Route.Unlock(v) }) })
        }
        Text("More", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        SecondaryAction("Story workshop", { go { Route.Stories(it) } })
        SecondaryAction("Progress", { go { Route.Stats(it) } })
        if (!h.entitlement.unlocked) SecondaryAction("Unlock the full module", { go { Route.Unlock(it) } })
        SecondaryAction("Settings", { go { Route.Settings(it) } })
    }
}

/** A challenge item as a card: what it is and whether it is done, then its title in full. */
@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun ChallengeButton(item: ChallengeItem, title: String, onOpen: () -> Unit) {
    val kind = when (item.itemType) {
        ItemType.QUIZ -> "Quiz"
        ItemType.SCENARIO -> "Scenario"
        ItemType.EXERCISE -> "Exercise"
    }
    OutlinedCard(onClick = onOpen, enabled = !item.done, modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget)) {
        Column(Modifier.padding(horizontal = 16.dp, vertical = 12.dp)) {
            Text("$kind · ${if (item.done) "Done" else "To do"}", style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.primary)
            Text(title, style = MaterialTheme.typography.bodyLarge)
        }
    }
}
