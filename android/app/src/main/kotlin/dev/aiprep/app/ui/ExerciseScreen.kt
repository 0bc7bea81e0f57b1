package dev.aiprep.app.ui

import android.Manifest
import android.content.pm.PackageManager
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.DisposableEffect
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.platform.LocalContext
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.unit.dp
import androidx.core.content.ContextCompat
import dev.aiprep.ui.ExerciseState
import dev.aiprep.ui.Highlight
import dev.aiprep.ui.Loadable

@Composable
fun ExerciseScreen(id: String, exercise: ExerciseState, model: AppModel, go: (Route) -> Unit) {
    val state by exercise.state.collectAsState()
    val context = LocalContext.current
    var listening by remember { mutableStateOf(false) }
    val dictation = remember { Dictation(context, onText = exercise::dictated, onListening = { listening = it }) }
    DisposableEffect(Unit) { onDispose { dictation.stop() } }
    val askMicrophone = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        if (granted) dictation.start()
    }
    LaunchedEffect(id) { exercise.load(id) }

    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error) { go(Route.Unlock) }
            is Loadable.Ready -> {
                val screen = s.value
                Text(screen.exercise.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(screen.exercise.prompt, style = MaterialTheme.typography.bodyLarge)
                screen.exercise.before?.let { Card(Modifier.fillMaxWidth()) { Text(it, Modifier.padding(12.dp), style = MaterialTheme.typography.bodyMedium) } }
                OutlinedTextField(
                    value = screen.draft,
                    onValueChange = exercise::edit,
                    label = { Text("Your answer") },
                    modifier = Modifier.fillMaxWidth().heightIn(min = 160.dp),
                )
                if (dictation.available) {
                    SecondaryAction(if (listening) "Stop dictation" else "Dictate", {
                        when {
                            listening -> dictation.stop()
                            ContextCompat.checkSelfPermission(context, Manifest.permission.RECORD_AUDIO) == PackageManager.PERMISSION_GRANTED -> dictation.start()
                            else -> askMicrophone.launch(Manifest.permission.RECORD_AUDIO)
                        }
                    })
                }
                PrimaryAction("Get feedback", { model.launch { exercise.submit() } }, enabled = screen.draft.isNotBlank())
                screen.error?.let { ErrorMessage(it) { go(Route.Unlock) } }
                val feedback = screen.feedback
                val submitted = screen.submitted
                if (feedback != null && submitted != null) {
                    val a = feedback.analysis
                    Text("${a.tier.name.lowercase().replaceFirstChar(Char::uppercase)} · score ${a.score}/100", style = MaterialTheme.typography.titleMedium)
                    Text("Takeaway: ${(a.takeawayShare * 100).toInt()}% of the answer (aim for about half)", style = MaterialTheme.typography.bodyMedium)
                    Highlighted(submitted, screen.highlights)
                    screen.highlights.forEach { h ->
                        Card(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {
                            contentDescription = "${if (h.finding.positive) "Strength" else "To improve"}: \"${h.textIn(submitted)}\". ${h.finding.message} ${h.finding.suggestion.orEmpty()}"
                        }) {
                            Column(Modifier.padding(12.dp)) {
                                Text("\u201C${h.textIn(submitted)}\u201D", style = MaterialTheme.typography.labelLarge)
                                Text(h.finding.message, style = MaterialTheme.typography.bodyMedium)
                                h.finding.suggestion?.let { Text("Try: $it", style = MaterialTheme.typography.bodyMedium) }
                            }
                        }
                    }
                    a.findings.filter { it.wholeAnswer }.forEach { Text("• ${it.message}", style = MaterialTheme.typography.bodyMedium) }
                    Text("Model answer", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                    Text(feedback.modelAnswer, style = MaterialTheme.typography.bodyLarge)
                    feedback.checklist.forEach { Text("☐ $it", style = MaterialTheme.typography.bodyMedium) }
                }
            }
        }
    }
}

/** The submitted answer with findings coloured; spans are UTF-16, i.e. Kotlin indices. */
@Composable
private fun Highlighted(text: String, highlights: List<Highlight>) {
    val good = FindingColors.positive()
    val bad = FindingColors.problem()
    Text(annotated(text, highlights, good, bad), style = MaterialTheme.typography.bodyLarge)
}

private fun annotated(text: String, highlights: List<Highlight>, good: Color, bad: Color): AnnotatedString =
    buildAnnotatedString {
        append(text)
        highlights.forEach { h ->
            addStyle(SpanStyle(background = if (h.finding.positive) good else bad), h.range.first, h.range.last + 1)
        }
    }
