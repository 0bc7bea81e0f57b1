package dev.aiprep.screens

import androidx.compose.foundation.Canvas
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.height
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
import androidx.compose.ui.semantics.clearAndSetSemantics
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import dev.aiprep.core.DayAccuracyView
import dev.aiprep.core.DayCountView
import dev.aiprep.ui.StatsState
import dev.aiprep.ui.accuracy

@Composable
fun StatsScreen(stats: StatsState) {
    val state by stats.state.collectAsState()
    LaunchedEffect(Unit) { stats.refresh() }
    LoadedColumn(state, spacing = 8.dp) { v ->
        Text("${plural(v.attempts.toLong(), "answer")} · ${plural(v.reviews.toLong(), "review")}", style = MaterialTheme.typography.titleMedium)
        Text("Time studied: ${plural(v.timeStudiedMs.toLong() / 60_000, "minute")}", style = MaterialTheme.typography.bodyLarge)
        v.accuracy?.let { Text("Accuracy: ${(it * 100).toInt()}%", style = MaterialTheme.typography.bodyLarge) }
        v.trueRetention?.let {
            Text("Remembered ${(it * 100).toInt()}% of reviews (target ${(v.desiredRetention * 100).toInt()}%)", style = MaterialTheme.typography.bodyLarge)
        }
        Text("Accuracy by day", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        AccuracyChart(v.accuracyByDay)
        Text("Last year of reviews", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        Heatmap(v.reviewsByDay)
        Text("Mastery by concept", style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
        v.mastery.forEach { m ->
            val mastery = m.mastery
            Column(
                Modifier.fillMaxWidth().semantics(mergeDescendants = true) {},
                verticalArrangement = Arrangement.spacedBy(2.dp),
            ) {
                Text(m.name, style = MaterialTheme.typography.bodyMedium)
                if (mastery == null) {
                    Text("Not practiced yet", style = MaterialTheme.typography.bodySmall)
                } else {
                    Text("${(mastery * 100).toInt()}% mastered · ${m.correct} of ${m.answered} right", style = MaterialTheme.typography.bodySmall)
                    LinearProgressIndicator(
                        progress = { mastery.toFloat().coerceIn(0f, 1f) },
                        modifier = Modifier.fillMaxWidth().clearAndSetSemantics {},
                    )
                }
            }
        }
    }
}

/** One bar per day with answers: its height is the share answered right. */
@Composable
private fun AccuracyChart(days: List<DayAccuracyView>) {
    val answered = days.filter { it.answered > 0u }
    if (answered.isEmpty()) {
        Text("No answers yet.", style = MaterialTheme.typography.bodyMedium)
        return
    }
    val right = answered.sumOf { it.correct.toInt() }
    val total = answered.sumOf { it.answered.toInt() }
    val bar = MaterialTheme.colorScheme.primary
    val track = MaterialTheme.colorScheme.surfaceVariant
    Canvas(
        Modifier.fillMaxWidth().height(96.dp).semantics {
            contentDescription = "Accuracy chart: $right of $total answers right over ${plural(answered.size, "day")}"
        },
    ) {
        val slot = size.width / answered.size.coerceAtLeast(7)
        answered.forEachIndexed { i, day ->
            val share = day.correct.toFloat() / day.answered.toFloat()
            val x = i * slot + slot * 0.15f
            drawRect(track, topLeft = Offset(x, 0f), size = Size(slot * 0.7f, size.height))
            drawRect(bar, topLeft = Offset(x, size.height * (1 - share)), size = Size(slot * 0.7f, size.height * share))
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
        Modifier.fillMaxWidth().height(56.dp).semantics {
            contentDescription = "Review heatmap: you reviewed on $activeDays of the last ${plural(days.size, "day")}"
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
                size = Size(cell * 0.85f, cell * 0.85f),
            )
        }
    }
}
