package dev.aiprep.app.billing

import android.app.Activity
import android.content.Context
import com.android.billingclient.api.AcknowledgePurchaseParams
import com.android.billingclient.api.BillingClient
import com.android.billingclient.api.BillingClient.BillingResponseCode
import com.android.billingclient.api.BillingClientStateListener
import com.android.billingclient.api.BillingFlowParams
import com.android.billingclient.api.BillingResult
import com.android.billingclient.api.PendingPurchasesParams
import com.android.billingclient.api.ProductDetails
import com.android.billingclient.api.Purchase
import com.android.billingclient.api.QueryProductDetailsParams
import com.android.billingclient.api.QueryPurchasesParams
import com.android.billingclient.api.acknowledgePurchase
import com.android.billingclient.api.queryProductDetails
import com.android.billingclient.api.queryPurchasesAsync
import dev.aiprep.screens.Store
import dev.aiprep.screens.StoreProblem
import dev.aiprep.ui.OwnedPurchases
import dev.aiprep.ui.StorePurchase
import dev.aiprep.ui.UnlockState
import kotlin.coroutines.resume
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock

/**
 * Play Billing for the one-time unlock, as the shared screens' [Store]. Play
 * only delivers purchases; every decision (is the signature valid, is it
 * ours, is it unlocked) is the core's, reached through [UnlockState].
 * Acknowledgement happens after the core has stored the purchase, so a crash
 * in between re-delivers rather than loses it.
 *
 * [window] gives the activity on screen at the moment of a purchase (never
 * kept here); [unlock] the core's unlock state once the core is open.
 */
class PlayStore(
    context: Context,
    private val window: () -> Activity?,
    private val scope: CoroutineScope,
    private val unlock: suspend () -> UnlockState?,
) : Store, AutoCloseable {
    private val _price = MutableStateFlow<String?>(null)
    override val price: StateFlow<String?> = _price.asStateFlow()
    private val _problem = MutableStateFlow<StoreProblem?>(null)
    override val problem: StateFlow<StoreProblem?> = _problem.asStateFlow()

    // Play allows one connection attempt at a time; a second startConnection
    // while the first is pending fails.
    private val connecting = Mutex()
    private var product: ProductDetails? = null

    private val client: BillingClient = BillingClient.newBuilder(context.applicationContext)
        .setListener { result, purchases -> onPurchasesUpdated(result, purchases) }
        .enablePendingPurchases(PendingPurchasesParams.newBuilder().enableOneTimeProducts().build())
        .build()

    /** At start: learn the price, hand owned purchases to the core and revoke refunded ones. */
    suspend fun start() {
        if (!connect()) return
        productDetails()
        restoreOwned()
    }

    override suspend fun buy() {
        _problem.value = null
        if (!connect()) {
            _problem.value = StoreProblem.Unavailable
            return
        }
        val details = productDetails() ?: return
        val activity = window() ?: run {
            _problem.value = StoreProblem.Failed
            return
        }
        val result = client.launchBillingFlow(
            activity,
            BillingFlowParams.newBuilder()
                .setProductDetailsParamsList(
                    listOf(BillingFlowParams.ProductDetailsParams.newBuilder().setProductDetails(details).build()),
                ).build(),
        )
        // OK means the sheet opened; its outcome arrives in onPurchasesUpdated.
        if (result.responseCode != BillingResponseCode.OK) onStoreRefused(result.responseCode)
    }

    override suspend fun restore() {
        _problem.value = null
        if (!connect()) {
            _problem.value = StoreProblem.Unavailable
            return
        }
        restoreOwned()
    }

    override fun close() = client.endConnection()

    private suspend fun restoreOwned() {
        val core = unlock() ?: return
        val result = client.queryPurchasesAsync(
            QueryPurchasesParams.newBuilder().setProductType(BillingClient.ProductType.INAPP).build(),
        )
        // A failed query must never revoke: the core keeps what it has.
        val owned = if (result.billingResult.responseCode == BillingResponseCode.OK) {
            OwnedPurchases.Listed(result.purchasesList.filter(::isCompleted).map(::toStore))
        } else {
            _problem.value = StoreProblem.Unavailable
            OwnedPurchases.Failed
        }
        core.restore(owned)
        acknowledgeIfNeeded(core)
    }

    private suspend fun productDetails(): ProductDetails? {
        product?.let { return it }
        val result = client.queryProductDetails(
            QueryProductDetailsParams.newBuilder()
                .setProductList(
                    listOf(
                        QueryProductDetailsParams.Product.newBuilder()
                            .setProductId(PRODUCT_ID)
                            .setProductType(BillingClient.ProductType.INAPP)
                            .build(),
                    ),
                ).build(),
        )
        val details = result.productDetailsList?.firstOrNull { it.productId == PRODUCT_ID }
        if (details == null) {
            _problem.value = if (result.billingResult.responseCode == BillingResponseCode.OK) {
                StoreProblem.ProductMissing
            } else {
                StoreProblem.Unavailable
            }
            return null
        }
        product = details
        _price.value = details.oneTimePurchaseOfferDetails?.formattedPrice
        return details
    }

    private fun onPurchasesUpdated(result: BillingResult, purchases: List<Purchase>?) {
        if (result.responseCode != BillingResponseCode.OK) {
            onStoreRefused(result.responseCode)
            return
        }
        scope.launch {
            val core = unlock() ?: return@launch
            // Pending purchases are handed over once Play reports them completed.
            purchases.orEmpty().filter(::isCompleted).forEach { core.purchased(toStore(it)) }
            acknowledgeIfNeeded(core)
        }
    }

    private fun onStoreRefused(code: Int) {
        when (code) {
            BillingResponseCode.USER_CANCELED -> _problem.value = StoreProblem.Cancelled
            // Bought on another device or before a reinstall: restore it, then say so.
            BillingResponseCode.ITEM_ALREADY_OWNED -> scope.launch {
                restoreOwned()
                _problem.value = StoreProblem.AlreadyOwned
            }
            BillingResponseCode.SERVICE_DISCONNECTED,
            BillingResponseCode.SERVICE_UNAVAILABLE,
            BillingResponseCode.BILLING_UNAVAILABLE,
            BillingResponseCode.NETWORK_ERROR,
            -> _problem.value = StoreProblem.Unavailable
            BillingResponseCode.ITEM_UNAVAILABLE -> _problem.value = StoreProblem.ProductMissing
            else -> _problem.value = StoreProblem.Failed
        }
    }

    /** Acknowledges the purchase the core relies on, within Play's refund window. */
    private suspend fun acknowledgeIfNeeded(core: UnlockState) {
        val entitlement = core.state.value.entitlement ?: return
        val token = entitlement.purchaseToken ?: return
        if (!entitlement.needsAcknowledgement) return
        val result = client.acknowledgePurchase(AcknowledgePurchaseParams.newBuilder().setPurchaseToken(token).build())
        if (result.responseCode == BillingResponseCode.OK) core.acknowledged(token)
    }

    private suspend fun connect(): Boolean = connecting.withLock {
        if (client.isReady) return@withLock true
        suspendCancellableCoroutine { cont ->
            client.startConnection(object : BillingClientStateListener {
                override fun onBillingSetupFinished(result: BillingResult) {
                    if (cont.isActive) cont.resume(result.responseCode == BillingResponseCode.OK)
                }

                override fun onBillingServiceDisconnected() {
                    // The next call reconnects: isReady is false again.
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
