package dev.aiprep.screens

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material3.MaterialTheme
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
import dev.aiprep.ui.UnlockState

@Composable
fun UnlockScreen(unlock: UnlockState, app: AppController) {
    val s by unlock.state.collectAsState()
    val store = app.platform.store
    LaunchedEffect(Unit) { unlock.refresh() }
    Column(
        Modifier.fillMaxSize().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        Text("The full module", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        when {
            s.entitlement?.unlocked == true ->
                Text("Unlocked. Thank you! Everything is available, offline, for good.", style = MaterialTheme.typography.bodyLarge)
            store == null -> {
                Text(
                    "One purchase unlocks every scenario, exercise and quiz question. No subscription, no account; it works offline.",
                    style = MaterialTheme.typography.bodyLarge,
                )
                Text("Purchases are made in the Android app. This version has the free part of the module.", style = MaterialTheme.typography.bodyMedium)
            }
            else -> StoreActions(store, app)
        }
        s.error?.let { ErrorMessage(it) }
    }
}

@Composable
private fun StoreActions(store: Store, app: AppController) {
    val price by store.price.collectAsState()
    val problem by store.problem.collectAsState()
    // One store call at a time: a second tap on Unlock would open a second sheet.
    var busy by remember { mutableStateOf(false) }
    fun run(block: suspend () -> Unit) {
        if (busy) return
        busy = true
        app.launch {
            try {
                block()
            } finally {
                busy = false
            }
        }
    }
    Text(
        "One purchase unlocks every scenario, exercise and quiz question. No subscription, no account; it works offline.",
        style = MaterialTheme.typography.bodyLarge,
    )
    PrimaryAction(price?.let { "Unlock for $it" } ?: "Unlock", { run { store.buy() } }, enabled = !busy)
    SecondaryAction("Restore purchase", { run { store.restore() } }, enabled = !busy)
    problem?.let {
        val text = when (it) {
            StoreProblem.Unavailable -> "The store cannot be reached. Check your connection and try again."
            StoreProblem.ProductMissing -> "The unlock is not on sale in your store right now."
            StoreProblem.Cancelled -> "The purchase was canceled. Nothing was charged."
            StoreProblem.AlreadyOwned -> "You already own the unlock; it has been restored."
            StoreProblem.Failed -> "The store reported a problem. Please try again."
        }
        Text(text, style = MaterialTheme.typography.bodyMedium)
    }
}
