package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.ColumnScope
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.Button
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.LiveRegionMode
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.liveRegion
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.text.style.TextAlign
import androidx.compose.ui.unit.Dp
import androidx.compose.ui.unit.dp
import dev.aiprep.ui.Loadable
import dev.aiprep.ui.UiError

/** Material's minimum touch target; every tappable control here is at least this big. */
val TouchTarget = 48.dp

@Composable
fun PrimaryAction(label: String, onClick: () -> Unit, enabled: Boolean = true, modifier: Modifier = Modifier) {
    Button(onClick = onClick, enabled = enabled, modifier = modifier.fillMaxWidth().heightIn(min = TouchTarget)) {
        Text(label, textAlign = TextAlign.Center)
    }
}

@Composable
fun SecondaryAction(label: String, onClick: () -> Unit, enabled: Boolean = true, modifier: Modifier = Modifier) {
    OutlinedButton(onClick = onClick, enabled = enabled, modifier = modifier.fillMaxWidth().heightIn(min = TouchTarget)) {
        Text(label, textAlign = TextAlign.Center)
    }
}

/** A scrolling screen that shows progress, the failure, or [content] once [state] is loaded. */
@Composable
fun <T> LoadedColumn(state: Loadable<T>, spacing: Dp = 12.dp, content: @Composable ColumnScope.(T) -> Unit) {
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(spacing),
    ) {
        when (state) {
            Loadable.Loading -> Loading()
            is Loadable.Failed -> ErrorMessage(state.error)
            is Loadable.Ready -> content(state.value)
        }
    }
}

@Composable
fun Loading() {
    Box(Modifier.padding(24.dp)) {
        CircularProgressIndicator(Modifier.semantics { contentDescription = "Loading" })
    }
}

/** "1 answer", "2 answers". */
fun plural(count: Number, one: String, many: String = one + "s"): String =
    "$count ${if (count.toLong() == 1L) one else many}"

/** Explains a failure in words a learner can act on. */
@Composable
fun ErrorMessage(error: UiError, onUnlock: (() -> Unit)? = null) {
    val text = when (error) {
        is UiError.Locked -> "This part is in the full module."
        is UiError.NotFound -> "This item is no longer in the module."
        is UiError.Invalid -> error.reason
        is UiError.Storage -> "Your progress could not be saved. Check free storage and try again."
        is UiError.Purchase -> if (error.pending) {
            "Your payment is still pending. The module unlocks once it clears."
        } else {
            "The purchase could not be verified."
        }
        UiError.Closed -> "Please restart the app."
        UiError.Bug -> "Something went wrong. Please try again."
    }
    Text(
        text,
        color = MaterialTheme.colorScheme.error,
        style = MaterialTheme.typography.bodyLarge,
        modifier = Modifier.padding(vertical = 8.dp).semantics { liveRegion = LiveRegionMode.Polite },
    )
    if (error is UiError.Locked && onUnlock != null) SecondaryAction("See the full module", onUnlock)
}
