package dev.aiprep.ui

import dev.aiprep.core.EntitlementView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/** A purchase as the store reports it: the signed JSON, its signature and token. */
data class StorePurchase(val originalJson: String, val signature: String, val token: String)

/** The result of asking the store which purchases the account owns. */
sealed interface OwnedPurchases {
    data class Listed(val purchases: List<StorePurchase>) : OwnedPurchases
    /** Offline or store unavailable: nothing may be revoked on this basis. */
    data object Failed : OwnedPurchases
}

data class UnlockScreen(
    val entitlement: EntitlementView? = null,
    val error: UiError? = null,
)

/**
 * The one-time unlock. The store library (Play Billing on Android) stays
 * outside; this holder hands its purchases to the core, which verifies the
 * signature offline and decides the entitlement.
 */
class UnlockState(private val env: CoreEnv) {
    private val _state = MutableStateFlow(UnlockScreen())
    val state: StateFlow<UnlockScreen> = _state.asStateFlow()

    suspend fun refresh() = set(env.call { entitlement() })

    /** A purchase completed (or was re-delivered); returns the entitlement. */
    suspend fun purchased(p: StorePurchase) = set(env.call { now -> unlock(p.originalJson, p.signature, now) })

    /** The store confirmed our acknowledgement of [token]. */
    suspend fun acknowledged(token: String) = set(env.call { now -> acknowledgePurchase(token, now) })

    /**
     * Restore after reinstall or on start: hand every owned purchase to the
     * core, and revoke the stored one only when a successful query no longer
     * lists it (a refund). A failed query changes nothing, so an offline
     * learner never loses what they paid for.
     */
    suspend fun restore(owned: OwnedPurchases) {
        if (owned is OwnedPurchases.Failed) return refresh()
        owned as OwnedPurchases.Listed
        set(env.call { now ->
            owned.purchases.forEach { unlock(it.originalJson, it.signature, now) }
            val current = entitlement()
            val token = current.purchaseToken
            if (token != null && owned.purchases.none { it.token == token }) revokePurchase(token, now) else current
        })
    }

    private fun set(r: Outcome<EntitlementView>) {
        _state.value = when (r) {
            is Outcome.Ok -> UnlockScreen(entitlement = r.value)
            is Outcome.Err -> _state.value.copy(error = r.error)
        }
    }
}
