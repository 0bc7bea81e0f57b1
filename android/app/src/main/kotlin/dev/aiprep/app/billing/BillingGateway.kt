package dev.aiprep.app.billing

import android.app.Activity
import android.content.Context
import com.android.billingclient.api.AcknowledgePurchaseParams
import com.android.billingclient.api.BillingClient
import com.android.billingclient.api.BillingClientStateListener
import com.android.billingclient.api.BillingFlowParams
import com.android.billingclient.api.BillingResult
import com.android.billingclient.api.PendingPurchasesParams
import com.android.billingclient.api.Purchase
import com.android.billingclient.api.QueryProductDetailsParams
import com.android.billingclient.api.QueryPurchasesParams
import com.android.billingclient.api.acknowledgePurchase
import com.android.billingclient.api.queryProductDetails
import com.android.billingclient.api.queryPurchasesAsync
import dev.aiprep.ui.OwnedPurchases
import dev.aiprep.ui.StorePurchase
import dev.aiprep.ui.UnlockState
import kotlin.coroutines.resume
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.launch
import kotlinx.coroutines.suspendCancellableCoroutine

/**
 * Play Billing for the one-time unlock. Play only delivers purchases; every
 * decision (is the signature valid, is it ours, is it unlocked) is the core's,
 * reached through [UnlockState]. Acknowledgement happens after the core has
 * stored the purchase, so a crash in between re-delivers rather than loses it.
 */
class BillingGateway(
    context: Context,
    private val unlock: UnlockState,
    private val scope: CoroutineScope,
) {
    private val client: BillingClient = BillingClient.newBuilder(context)
        .setListener { result, purchases -> onPurchasesUpdated(result, purchases) }
        .enablePendingPurchases(PendingPurchasesParams.newBuilder().enableOneTimeProducts().build())
        .build()

    /** Connects, then restores: owned purchases are handed over, refunds revoked. */
    suspend fun connectAndRestore() {
        if (!connect()) {
            unlock.restore(OwnedPurchases.Failed)
            return
        }
        val result = client.queryPurchasesAsync(
            QueryPurchasesParams.newBuilder().setProductType(BillingClient.ProductType.INAPP).build(),
        )
        val owned = if (result.billingResult.responseCode == BillingClient.BillingResponseCode.OK) {
            OwnedPurchases.Listed(result.purchasesList.filter(::isCompleted).map(::toStore))
        } else {
            OwnedPurchases.Failed
        }
        unlock.restore(owned)
        acknowledgeIfNeeded()
    }

    /** Opens Play's purchase sheet for the unlock product. */
    suspend fun buy(activity: Activity) {
        if (!connect()) return
        val details = client.queryProductDetails(
            QueryProductDetailsParams.newBuilder()
                .setProductList(
                    listOf(
                        QueryProductDetailsParams.Product.newBuilder()
                            .setProductId(PRODUCT_ID)
                            .setProductType(BillingClient.ProductType.INAPP)
                            .build(),
                    ),
                ).build(),
        ).productDetailsList?.firstOrNull() ?: return
        client.launchBillingFlow(
            activity,
            BillingFlowParams.newBuilder()
                .setProductDetailsParamsList(
                    listOf(BillingFlowParams.ProductDetailsParams.newBuilder().setProductDetails(details).build()),
                ).build(),
        )
    }

    private fun onPurchasesUpdated(result: BillingResult, purchases: List<Purchase>?) {
        if (result.responseCode != BillingClient.BillingResponseCode.OK || purchases == null) return
        scope.launch {
            // Pending purchases are handed over once Play reports them completed.
            purchases.filter(::isCompleted).forEach { unlock.purchased(toStore(it)) }
            acknowledgeIfNeeded()
        }
    }

    /** Acknowledges the purchase the core relies on, within Play's refund window. */
    private suspend fun acknowledgeIfNeeded() {
        val entitlement = unlock.state.value.entitlement ?: return
        val token = entitlement.purchaseToken ?: return
        if (!entitlement.needsAcknowledgement) return
        val result = client.acknowledgePurchase(AcknowledgePurchaseParams.newBuilder().setPurchaseToken(token).build())
        if (result.responseCode == BillingClient.BillingResponseCode.OK) unlock.acknowledged(token)
    }

    private suspend fun connect(): Boolean {
        if (client.isReady) return true
        return suspendCancellableCoroutine { cont ->
            client.startConnection(object : BillingClientStateListener {
                override fun onBillingSetupFinished(result: BillingResult) {
                    if (cont.isActive) cont.resume(result.responseCode == BillingClient.BillingResponseCode.OK)
                }

                override fun onBillingServiceDisconnected() {
                    if (cont.isActive) cont.resume(false)
                }
            })
        }
    }

    private fun isCompleted(p: Purchase) = p.purchaseState == Purchase.PurchaseState.PURCHASED

    private fun toStore(p: Purchase) = StorePurchase(p.originalJson, p.signature, p.purchaseToken)

    companion object {
        /** Must match the product the core verifies against. */
        const val PRODUCT_ID = "aiprep_lifetime_unlock"
    }
}
