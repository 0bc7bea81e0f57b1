package dev.aiprep.screens

import androidx.compose.foundation.background
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.IntrinsicSize
import androidx.compose.foundation.layout.fillMaxHeight
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.layout.width
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
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.AnnotatedString
import androidx.compose.ui.text.SpanStyle
import androidx.compose.ui.text.buildAnnotatedString
import androidx.compose.ui.unit.dp
import dev.aiprep.core.AnalysisView
import dev.aiprep.core.KeyIdeaView
import dev.aiprep.core.StoryPart
import dev.aiprep.ui.ExerciseState
import dev.aiprep.ui.Highlight
import dev.aiprep.ui.Loadable
import dev.aiprep.ui.isExplanation

/** "Situation", "Takeaway". */
internal val StoryPart.label: String get() = name.lowercase().replaceFirstChar(Char::uppercase)

@Composable
fun ExerciseScreen(route: Route.Exercise, exercise: ExerciseState, app: AppController) {
    val state by exercise.state.collectAsState()
    val speech = app.platform.speech
    LaunchedEffect(route.visit) { exercise.load(route.id, route.visit) }
    DisposableEffect(speech) { onDispose { speech?.stop() } }

    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(8.dp),
    ) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error) { app.navigator.go { Route.Unlock(it) } }
            is Loadable.Ready -> {
                val screen = s.value
                Text(screen.exercise.title, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(screen.exercise.prompt, style = MaterialTheme.typography.bodyLarge)
                screen.exercise.before?.let {
                    Card(Modifier.fillMaxWidth()) { Text(it, Modifier.padding(12.dp), style = MaterialTheme.typography.bodyMedium) }
                }
                OutlinedTextField(
                    value = screen.draft,
                    onValueChange = exercise::edit,
                    label = { Text("Your answer") },
                    modifier = Modifier.fillMaxWidth().heightIn(min = 160.dp),
                )
                if (speech != null) {
                    val listening by speech.listening.collectAsState()
                    SecondaryAction(if (listening) "Stop dictation" else "Dictate", {
                        if (listening) speech.stop() else speech.start(exercise::dictated)
                    })
                }
                PrimaryAction(
                    if (screen.busy) "Checking your answer…" else "Get feedback",
                    { app.launch { exercise.submit() } },
                    enabled = screen.draft.isNotBlank() && !screen.busy,
                )
                screen.error?.let { ErrorMessage(it) { app.navigator.go { Route.Unlock(it) } } }
                val feedback = screen.feedback
                val submitted = screen.submitted
                if (feedback != null && submitted != null) {
                    val a = feedback.analysis
                    // An explanation has no story parts: no takeaway share and no STAR-T split, its key ideas instead.
                    val explanation = feedback.isExplanation
                    Text("${a.tier.name.lowercase().replaceFirstChar(Char::uppercase)} · score ${a.score}/100", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                    val length = "${plural(a.wordCount.toInt(), "word")}, about ${plural(a.speakingSeconds.toInt(), "second")} spoken."
                    Text(
                        if (explanation) length else "$length Takeaway: ${(a.takeawayShare * 100).toInt()}% of the answer (aim for ${a.suggestedTakeawayWords}).",
                        style = MaterialTheme.typography.bodyMedium,
                    )
                    if (explanation) KeyIdeas(feedback.keyIdeas)
                    Text("Your answer, marked", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                    Highlighted(submitted, screen.highlights)
                    screen.highlights.forEach { h -> FindingCard(h, submitted) }
                    a.findings.filter { it.wholeAnswer }.forEach { Text("• ${it.message}", style = MaterialTheme.typography.bodyMedium) }
                    if (!explanation) StarSplit(submitted, a)
                    Text("Model answer", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                    Text(feedback.modelAnswer, style = MaterialTheme.typography.bodyLarge)
                    Text("Checklist", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                    feedback.checklist.forEach { Text("☐ $it", style = MaterialTheme.typography.bodyMedium) }
                }
            }
        }
    }
}

@Composable
private fun FindingCard(h: Highlight, submitted: String) {
    val kind = if (h.finding.positive) "Strength" else "To improve"
    Card(
        Modifier.fillMaxWidth().semantics(mergeDescendants = true) {
            contentDescription = "$kind: \"${h.textIn(submitted)}\". ${h.finding.message} ${h.finding.suggestion.orEmpty()}".trim()
        },
    ) {
        Row(Modifier.padding(12.dp).height(IntrinsicSize.Min)) {
            // A bar in the highlight's colour; the words "Strength" or "To improve" say the same.
            Box(Modifier.width(6.dp).fillMaxHeight().background(if (h.finding.positive) MeaningColors.positive else MeaningColors.problem))
            Column(Modifier.padding(start = 10.dp)) {
                Text(kind, style = MaterialTheme.typography.labelLarge)
                Text("\u201C${h.textIn(submitted)}\u201D", style = MaterialTheme.typography.bodyMedium)
                Text(h.finding.message, style = MaterialTheme.typography.bodyMedium)
                h.finding.suggestion?.let { Text("Try: $it", style = MaterialTheme.typography.bodyMedium) }
            }
        }
    }
}

/** Each key idea of an explanation, covered (with the words that covered it) or missing. */
@Composable
private fun KeyIdeas(ideas: List<KeyIdeaView>) {
    val covered = ideas.count { it.covered }
    Text("Key ideas: $covered of ${ideas.size} covered", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    ideas.forEach { idea ->
        val status = if (idea.covered) "Covered" else "Missing"
        Card(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {}) {
            Row(Modifier.padding(12.dp).height(IntrinsicSize.Min)) {
                // The bar's colour says what the word "Covered" or "Missing" says.
                Box(Modifier.width(6.dp).fillMaxHeight().background(if (idea.covered) MeaningColors.positive else MeaningColors.problem))
                Column(Modifier.padding(start = 10.dp)) {
                    Text(status, style = MaterialTheme.typography.labelLarge)
                    Text(idea.idea, style = MaterialTheme.typography.bodyMedium)
                    if (idea.text.isNotBlank()) Text("\u201C${idea.text}\u201D", style = MaterialTheme.typography.bodyMedium)
                }
            }
        }
    }
}

/** The answer cut into its STAR-T parts as the analyzer read it, and the parts it found missing. */
@Composable
private fun StarSplit(submitted: String, a: AnalysisView) {
    Text("How your answer splits", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
    a.segments.forEach { seg ->
        val start = seg.span.start.toInt()
        val end = seg.span.end.toInt()
        if (start in 0 until end && end <= submitted.length) {
            Column(Modifier.fillMaxWidth().semantics(mergeDescendants = true) {}) {
                Text(seg.part.label, style = MaterialTheme.typography.labelLarge)
                Text(submitted.substring(start, end).trim(), style = MaterialTheme.typography.bodyMedium)
            }
        }
    }
    if (a.missingParts.isNotEmpty()) {
        Text("Missing: ${a.missingParts.joinToString { it.label }}", style = MaterialTheme.typography.bodyMedium)
    }
}

/** The submitted answer with findings coloured; spans are UTF-16, i.e. Kotlin indices. */
@Composable
private fun Highlighted(text: String, highlights: List<Highlight>) {
    Text(annotated(text, highlights, MeaningColors.positive, MeaningColors.problem), style = MaterialTheme.typography.bodyLarge)
}

private fun annotated(text: String, highlights: List<Highlight>, good: Color, bad: Color): AnnotatedString =
    buildAnnotatedString {
        append(text)
        highlights.forEach { h ->
            addStyle(SpanStyle(background = if (h.finding.positive) good else bad), h.range.first, h.range.last + 1)
        }
    }
