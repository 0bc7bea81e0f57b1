package dev.aiprep.screens

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
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.StoryPart
import dev.aiprep.ui.StoryState

/** The list of the learner's stories and a field to start a new one. */
@Composable
fun StoriesScreen(story: StoryState, app: AppController) {
    val s by story.state.collectAsState()
    LaunchedEffect(Unit) {
        story.close()
        story.refresh()
    }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        s.error?.let { ErrorMessage(it) }
        Text("Your stories", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        if (s.stories.isEmpty()) {
            Text(
                "Write your own failure story here, one part at a time. Each part is checked as you save it.",
                style = MaterialTheme.typography.bodyLarge,
            )
        }
        s.stories.forEach { summary ->
            SecondaryAction("${summary.title} (${plural(summary.versions.toInt(), "version")} saved)", {
                app.navigator.go { Route.Story(summary.id, it) }
            })
        }
        OutlinedTextField(s.newTitle, story::editTitle, label = { Text("New story title") }, modifier = Modifier.fillMaxWidth())
        PrimaryAction("Start a story", {
            app.launch { story.create()?.let { id -> app.navigator.go { Route.Story(id, it) } } }
        }, enabled = s.newTitle.isNotBlank() && !s.busy)
    }
}

/** One story, part by part; what is typed lives in [StoryState], not here. */
@Composable
fun StoryScreen(route: Route.Story, story: StoryState, app: AppController) {
    val s by story.state.collectAsState()
    LaunchedEffect(route.id) { story.open(route.id) }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        s.error?.let { ErrorMessage(it) }
        val draft = s.draft
        if (draft == null || draft.id != route.id) {
            if (s.error == null) Loading()
            return@Column
        }
        Text(draft.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        draft.tier?.let { Text("Whole story: ${it.name.lowercase()} · score ${draft.score}", style = MaterialTheme.typography.titleMedium) }
        if (draft.missingParts.isNotEmpty()) {
            Text("Still to write: ${draft.missingParts.joinToString { it.label.lowercase() }}", style = MaterialTheme.typography.bodyMedium)
        }
        StoryPart.entries.forEach { part ->
            val text = s.textOf(part)
            Text(part.label, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
            OutlinedTextField(text, { story.edit(part, it) }, label = { Text("Write the ${part.label.lowercase()}") }, modifier = Modifier.fillMaxWidth())
            SecondaryAction("Check the ${part.label.lowercase()}", { app.launch { story.setPart(part) } }, enabled = text.isNotBlank() && !s.busy)
            s.checks[part]?.let { check ->
                check.soundsLike?.takeIf { it != part }?.let {
                    Text("This reads more like the ${it.label.lowercase()}.", style = MaterialTheme.typography.bodyMedium)
                }
                check.findings.forEach { Text("• ${it.message}", style = MaterialTheme.typography.bodyMedium) }
            }
        }
        PrimaryAction("Save this version", { app.launch { story.saveVersion() } }, enabled = !s.busy)
        if (s.versions.isNotEmpty()) {
            Text("Saved versions", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        }
        s.versions.forEach { v ->
            Text("Version ${v.version}: ${v.tier}, score ${v.score}", style = MaterialTheme.typography.bodyMedium)
        }
    }
}
