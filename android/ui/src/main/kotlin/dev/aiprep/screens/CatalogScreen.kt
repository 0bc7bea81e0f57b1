package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Card
import androidx.compose.material3.ExperimentalMaterial3Api
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedCard
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.selected
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.ModuleCardView
import dev.aiprep.ui.CatalogState

/** Every module as a card; tapping one studies it and returns Home, which then shows it. */
@Composable
fun CatalogScreen(catalog: CatalogState, app: AppController) {
    val state by catalog.state.collectAsState()
    LaunchedEffect(Unit) { catalog.refresh() }
    LoadedColumn(state) { c ->
        Text("Choose what to study", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        Text(
            "Your progress in every module is kept. Reviews come from all of them; new items from the one you study.",
            style = MaterialTheme.typography.bodyMedium,
        )
        c.error?.let { ErrorMessage(it) }
        c.modules.forEach { module ->
            ModuleCard(module, enabled = c.selecting == null) {
                app.launch { if (catalog.select(module.id)) app.navigator.back() }
            }
        }
    }
}

/** "Story answers", "Explanation answers": how the module's written answers are read. */
private val ModuleCardView.answerKindLabel: String
    get() = when (answerKind) {
        "explanation" -> "Explanation answers"
        "story" -> "Story answers"
        else -> answerKind.replaceFirstChar(Char::uppercase) + " answers"
    }

@OptIn(ExperimentalMaterial3Api::class)
@Composable
private fun ModuleCard(module: ModuleCardView, enabled: Boolean, onSelect: () -> Unit) {
    val modifier = Modifier.fillMaxWidth().heightIn(min = TouchTarget).semantics { selected = module.active }
    // The module studied now stands out filled; the others are outlined.
    val body: @Composable () -> Unit = { ModuleCardBody(module) }
    if (module.active) {
        Card(onClick = onSelect, enabled = enabled, modifier = modifier) { body() }
    } else {
        OutlinedCard(onClick = onSelect, enabled = enabled, modifier = modifier) { body() }
    }
}

@Composable
private fun ModuleCardBody(module: ModuleCardView) {
    Column(Modifier.padding(horizontal = 16.dp, vertical = 12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
        val status = if (module.active) "Studying now · ${module.answerKindLabel}" else module.answerKindLabel
        Text(status, style = MaterialTheme.typography.labelLarge, color = MaterialTheme.colorScheme.primary)
        Text(module.title, style = MaterialTheme.typography.titleMedium)
        Text(module.summary, style = MaterialTheme.typography.bodyMedium)
        Text(
            "${(module.progress * 100).toInt()}% started: ${module.itemsStarted} of ${plural(module.items.toInt(), "item")}, " +
                "${module.itemsMature} mature",
            style = MaterialTheme.typography.bodyMedium,
        )
        LinearProgressIndicator(
            progress = { module.progress.toFloat().coerceIn(0f, 1f) },
            modifier = Modifier.fillMaxWidth().clearAndSetSemantics {},
        )
        Text(
            module.mastery?.let { "Mastery: ${(it * 100).toInt()}%" } ?: "Mastery: not practiced yet",
            style = MaterialTheme.typography.bodyMedium,
        )
        Text(
            if (module.lockedItems == 0u) {
                "All ${plural(module.items.toInt(), "item")} open"
            } else {
                "${module.freeItems} free · ${module.lockedItems} locked"
            },
            style = MaterialTheme.typography.bodyMedium,
        )
        if (module.relatedTitles.isNotEmpty()) {
            Text("Related: ${module.relatedTitles.joinToString()}", style = MaterialTheme.typography.bodySmall)
        }
    }
}
