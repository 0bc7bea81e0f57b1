package dev.aiprep.app.ui

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.StoryPart
import dev.aiprep.ui.StoryState

@Composable
fun StoryScreen(story: StoryState, model: AppModel) {
    val s by story.state.collectAsState()
    LaunchedEffect(Unit) { story.refresh() }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        s.error?.let { ErrorMessage(it) }
        val draft = s.draft
        if (draft == null) {
            var title by remember { mutableStateOf("") }
            Text("Your stories", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
            s.stories.forEach { summary ->
                SecondaryAction("${summary.title} (${summary.versions} saved)", { model.launch { story.open(summary.id) } })
            }
            OutlinedTextField(title, { title = it }, label = { Text("New story title") }, modifier = Modifier.fillMaxWidth())
            PrimaryAction("Start a story", { model.launch { story.create(title) } }, enabled = title.isNotBlank())
            return@Column
        }
        Text(draft.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        draft.tier?.let { Text("Whole story: ${it.name.lowercase()} · score ${draft.score}", style = MaterialTheme.typography.titleMedium) }
        StoryPart.entries.forEach { part ->
            val saved = draft.parts.firstOrNull { it.part == part }?.text.orEmpty()
            var text by remember(draft.id, part) { mutableStateOf(saved) }
            Text(part.name.lowercase().replaceFirstChar(Char::uppercase), style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
            OutlinedTextField(text, { text = it }, label = { Text("Write the ${part.name.lowercase()}") }, modifier = Modifier.fillMaxWidth())
            SecondaryAction("Check the ${part.name.lowercase()}", { model.launch { story.setPart(part, text) } }, enabled = text.isNotBlank())
            s.checks[part]?.let { check ->
                check.soundsLike?.takeIf { it != part }?.let {
                    Text("This reads more like the ${it.name.lowercase()}.", style = MaterialTheme.typography.bodyMedium)
                }
                check.findings.forEach { Text("• ${it.message}", style = MaterialTheme.typography.bodyMedium) }
            }
        }
        PrimaryAction("Save this version", { model.launch { story.saveVersion() } })
        s.versions.forEach { v ->
            Text("Version ${v.version}: ${v.tier}, score ${v.score}", style = MaterialTheme.typography.bodyMedium)
        }
    }
}
