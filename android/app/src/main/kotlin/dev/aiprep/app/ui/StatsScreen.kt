package dev.aiprep.app.ui

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.collectAsState
import androidx.compose.runtime.getValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.geometry.Size
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.DayCountView
import dev.aiprep.ui.Loadable
import dev.aiprep.ui.StatsState
import dev.aiprep.ui.accuracy

@Composable
fun StatsScreen(stats: StatsState) {
    val state by stats.state.collectAsState()
    LaunchedEffect(Unit) { stats.refresh() }
    Column(Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp), verticalArrangement = Arrangement.spacedBy(8.dp)) {
        when (val s = state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(s.error)
            is Loadable.Ready -> {
                val v = s.value
                Text("${v.attempts} answers · ${v.reviews} reviews", style = MaterialTheme.typography.titleMedium)
                v.accuracy?.let { Text("Accuracy: ${(it * 100).toInt()}%", style = MaterialTheme.typography.bodyLarge) }
                v.trueRetention?.let {
                    Text("Remembered ${(it * 100).toInt()}% of reviews (target ${(v.desiredRetention * 100).toInt()}%)", style = MaterialTheme.typography.bodyLarge)
                }
                Text("Last year of reviews", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                Heatmap(v.reviewsByDay)
                Text("Mastery by concept", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                v.mastery.forEach { m ->
                    val mastery = m.mastery
                    Column(Modifier.semantics(mergeDescendants = true) {
                        contentDescription = if (mastery == null) "${m.name}: not practised yet"
                        else "${m.name}: ${(mastery * 100).toInt()} percent mastered, ${m.correct} of ${m.answered} right"
                    }) {
                        Text(m.name, style = MaterialTheme.typography.bodyMedium)
                        if (mastery == null) {
                            Text("Not practised yet", style = MaterialTheme.typography.bodySmall)
                        } else {
                            LinearProgressIndicator(progress = { mastery.toFloat().coerceIn(0f, 1f) }, modifier = Modifier.fillMaxWidth())
                        }
                    }
                }
            }
        }
    }
}

/** A week-per-column heatmap; darker cells mean more reviews that day. */
@Composable
private fun Heatmap(days: List<DayCountView>) {
    val busiest = (days.maxOfOrNull { it.reviews } ?: 0u).coerceAtLeast(1u).toFloat()
    val activeDays = days.count { it.reviews > 0u }
    val color = MaterialTheme.colorScheme.primary
    val empty = MaterialTheme.colorScheme.surfaceVariant
    Canvas(
        Modifier.fillMaxWidth().height(120.dp).semantics {
            contentDescription = "Review heatmap: you reviewed on $activeDays of the last ${days.size} days"
        },
    ) {
        val weeks = (days.size + 6) / 7
        if (weeks == 0) return@Canvas
        val cell = minOf(size.width / weeks, size.height / 7f)
        days.forEachIndexed { i, day ->
            val intensity = day.reviews.toFloat() / busiest
            drawRect(
                color = if (day.reviews == 0u) empty else color.copy(alpha = 0.25f + 0.75f * intensity),
                topLeft = Offset((i / 7) * cell, (i % 7) * cell),
                size = Size(cell * 0.9f, cell * 0.9f),
            )
        }
    }
}
