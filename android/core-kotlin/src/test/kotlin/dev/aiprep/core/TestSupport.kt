package dev.aiprep.core

import dev.aiprep.ui.CoreEnv
import java.nio.file.Path
import java.nio.file.Paths
import java.security.KeyPair
import java.security.KeyPairGenerator
import java.security.Signature
import java.time.Instant
import java.util.Base64
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicLong
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.asCoroutineDispatcher
import org.junit.jupiter.api.AfterEach
import org.junit.jupiter.api.BeforeEach
import org.junit.jupiter.api.io.TempDir

/** Fixtures shared by the tests: paths, a controllable clock, a test store key. */
object TestSupport {
    const val ZONE = "Europe/Berlin"
    val START: Long = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli()
    const val DAY_MS = 24L * 60 * 60 * 1000

    /** A small pack shipped with the tests, for loading content from a path. */
    val fixturePack: String = Paths.get(
        requireNotNull(TestSupport::class.java.getResource("/fixture-pack.toml")).toURI(),
    ).toString()

    /** A store key made for this test run: purchases signed with it are "test-signed". */
    val storeKeys: KeyPair = KeyPairGenerator.getInstance("RSA").apply { initialize(2048) }.generateKeyPair()
    val storePublicKey: String = Base64.getEncoder().encodeToString(storeKeys.public.encoded)

    fun options(dir: Path, now: Long = START, pack: String? = null) = OpenOptions(
        dbPath = dir.resolve("progress.sqlite3").toString(),
        zone = ZONE,
        nowMs = now,
        packPath = pack,
        storePublicKey = storePublicKey,
    )

    fun openFixture(dir: Path): AppCore = AppCore.openWith(options(dir, pack = fixturePack))

    /** The bundled module, with the test store key. */
    fun openBundled(dir: Path, now: Long = START): AppCore = AppCore.openWith(options(dir, now))

    /** A Play-style purchase of the unlock product, signed like Play signs it. */
    fun signedPurchase(token: String, product: String = "aiprep_lifetime_unlock"): Pair<String, String> {
        val json = """{"orderId":"GPA.1234-5678-9012-34567","packageName":"dev.aiprep.app",""" +
            """"productId":"$product","purchaseTime":$START,"purchaseState":0,""" +
            """"purchaseToken":"$token","quantity":1,"acknowledged":false}"""
        val signer = Signature.getInstance("SHA1withRSA")
        signer.initSign(storeKeys.private)
        signer.update(json.toByteArray())
        return json to Base64.getEncoder().encodeToString(signer.sign())
    }
}

/** A clock the test moves by hand. */
class TestClock(start: Long = TestSupport.START) {
    private val now = AtomicLong(start)
    fun read(): Long = now.get()
    fun advance(ms: Long) {
        now.addAndGet(ms)
    }
}

/** A one-thread dispatcher standing in for Dispatchers.IO, so tests can see where calls run. */
fun coreThread(): ExecutorCoroutineDispatcher =
    Executors.newSingleThreadExecutor { r -> Thread(r, "core-io") }.asCoroutineDispatcher()

fun envFor(core: AppCore, clock: TestClock, io: ExecutorCoroutineDispatcher) = CoreEnv(core, io, clock::read)

/**
 * A test with one learner on a real database file in a fresh directory, a
 * hand-moved clock and a one-thread core dispatcher; [open] (re)opens it, as
 * an app restart does.
 */
abstract class LearnerFixture {
    @TempDir
    lateinit var dir: Path

    protected val clock = TestClock()
    protected lateinit var io: ExecutorCoroutineDispatcher
    protected var core: AppCore? = null

    @BeforeEach
    fun startCoreThread() {
        io = coreThread()
    }

    @AfterEach
    fun closeCore() {
        core?.close()
        io.close()
    }

    protected fun open(): CoreEnv {
        core?.close()
        val opened = TestSupport.openBundled(dir, clock.read())
        core = opened
        return envFor(opened, clock, io)
    }
}
