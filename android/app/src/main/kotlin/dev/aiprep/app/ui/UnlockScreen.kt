package dev.aiprep.app.ui

import android.app.Activity
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.padding
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
import dev.aiprep.app.billing.BillingGateway
import dev.aiprep.ui.UnlockState

@Composable
fun UnlockScreen(unlock: UnlockState, billing: BillingGateway, model: AppModel, activity: Activity) {
    val s by unlock.state.collectAsState()
    LaunchedEffect(Unit) { unlock.refresh() }
    Column(Modifier.fillMaxSize().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Text("The full module", style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
        if (s.entitlement?.unlocked == true) {
            Text("Unlocked. Thank you! Everything is available, offline, for good.", style = MaterialTheme.typography.bodyLarge)
        } else {
            Text(
                "One purchase unlocks every scenario, exercise and quiz question. No subscription, no account; it works offline.",
                style = MaterialTheme.typography.bodyLarge,
            )
            PrimaryAction("Unlock", { model.launch { billing.buy(activity) } })
            SecondaryAction("Restore purchase", { model.launch { billing.connectAndRestore() } })
        }
        s.error?.let { ErrorMessage(it) }
    }
}
