package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.PaddingValues
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.LessonBlock
import dev.aiprep.ui.LessonState
import dev.aiprep.ui.Loadable

@Composable
fun LessonScreen(lesson: LessonState, go: ((Long) -> Route) -> Unit) {
    val state by lesson.state.collectAsState()
    // Every visit reloads: the learner may have switched modules or unlocked since.
    LaunchedEffect(Unit) { lesson.load() }
    when (val s = state) {
        Loadable.Loading -> Loading()
        is Loadable.Failed -> ErrorMessage(s.error)
        is Loadable.Ready -> LazyColumn(
            Modifier.fillMaxSize(),
            contentPadding = PaddingValues(16.dp),
            verticalArrangement = Arrangement.spacedBy(8.dp),
        ) {
            items(s.value.sections, key = { it.id }) { section ->
                Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                    Text(section.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                    section.blocks.forEach { block -> LessonBlockView(block) { go { Route.Unlock(it) } } }
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
        is LessonBlock.Bullets -> Column(verticalArrangement = Arrangement.spacedBy(4.dp)) {
            block.items.forEach { Text("• $it", style = MaterialTheme.typography.bodyLarge) }
        }
        is LessonBlock.Example -> Card(Modifier.fillMaxWidth()) {
            Column(Modifier.padding(12.dp)) {
                Text(block.label, style = MaterialTheme.typography.labelLarge)
                Text(block.text, style = MaterialTheme.typography.bodyMedium)
            }
        }
        is LessonBlock.Locked -> SecondaryAction("Locked, in the full module: ${block.title}", onUnlock)
    }
}
