package dev.aiprep.screens

import dev.aiprep.core.AppCore
import dev.aiprep.core.ItemType
import dev.aiprep.ui.Startup
import dev.aiprep.ui.StartupState
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicLong
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.runBlocking

/**
 * A real learner: the bundled module in a real SQLite file under [dir],
 * opened through the generated bindings, with a clock the test sets.
 */
class RealCore(private val dir: Path) : AutoCloseable {
    init {
        Files.createDirectories(dir)
    }

    val clock = AtomicLong(START)
    val io = Executors.newSingleThreadExecutor { r -> Thread(r, "core-io").apply { isDaemon = true } }.asCoroutineDispatcher()
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    val settings = MemorySettings()

    val startup = StartupState(dir.resolve("progress.sqlite3"), dir.resolve("backups"), io, clock::get) { path, now ->
        AppCore.open(path, ZONE, now)
    }

    /** The app as a platform would assemble it, opened, on [route] above Home. */
    fun app(route: ((Long) -> Route)? = null): AppController {
        runBlocking { startup.open() }
        check(startup.state.value is Startup.Ready) { "the core did not open: ${startup.state.value}" }
        return AppController(startup, Navigator(), Platform(settings), scope).also { app ->
            route?.let { app.navigator.go(it) }
        }
    }

    val core: AppCore get() = (startup.state.value as Startup.Ready).env.core

    /**
     * The app as it starts on a progress file that is not a database, with a
     * daily backup of this learner beside it: the start-up error screen.
     */
    fun appOnUnreadableFile(): AppController {
        runBlocking { startup.open() }
        val bad = dir.resolve("unreadable")
        val backups = bad.resolve("backups")
        Files.createDirectories(backups)
        core.backupIfDue(backups.toString(), 24u, 5u, clock.get())
        Files.write(bad.resolve("progress.sqlite3"), ByteArray(4096) { 0x5A })
        val failing = StartupState(bad.resolve("progress.sqlite3"), backups, io, clock::get) { path, now ->
            AppCore.open(path, ZONE, now)
        }
        runBlocking { failing.open() }
        check(failing.state.value is Startup.Failed) { "the unreadable file opened: ${failing.state.value}" }
        return AppController(failing, Navigator(), Platform(settings), scope)
    }

    /**
     * History for the charts and the streak: on each of the [days] days
     * before today, today's challenge done, the first option picked for
     * choice items.
     */
    fun practisePastDays(days: Int) {
        val core = AppCore.open(dir.resolve("progress.sqlite3").toString(), ZONE, START - days * DAY_MS)
        core.use {
            for (back in days downTo 1) {
                val now = START - back * DAY_MS
                it.today(now).challenge.filter { item -> !item.done }.forEachIndexed { i, item ->
                    val at = now + i * 60_000L
                    when (item.itemType) {
                        ItemType.QUIZ, ItemType.SCENARIO -> it.answerChoice(item.id, (back % 2).toUInt(), 9_000u, at)
                        ItemType.EXERCISE -> it.answerText(item.id, GOOD_ANSWER, 120_000u, at)
                    }
                }
            }
        }
    }

    override fun close() {
        (startup.state.value as? Startup.Ready)?.env?.core?.close()
        io.close()
    }

    companion object {
        const val ZONE = "America/New_York"
        val START: Long = Instant.parse("2026-03-12T14:00:00Z").toEpochMilli()
        const val DAY_MS = 24L * 60 * 60 * 1000

        /** A story answer with every STAR-T part, in our own words. */
        const val GOOD_ANSWER =
            "Last spring our team moved the billing service to a new database. I owned the cut-over plan. " +
                "I skipped a full rehearsal to keep the date, and the switch locked out customers for forty minutes. " +
                "I rolled back, told support and my manager within the hour, and wrote up what went wrong. " +
                "We rehearsed the next migration twice and it went through with no downtime. " +
                "Since then I treat a rehearsal as part of the work, not an extra, and I ask for one on every risky change."

        /**
         * An explanation of overfitting in our own words that covers its definition, cause,
         * detection and remedies, but states no trade-off and gives no numbers.
         */
        const val OVERFITTING_ANSWER =
            "Overfitting is when a model learns its training data so closely that it also learns the noise, " +
                "so it does well on the examples it saw and poorly on new data. A decision tree grown until every " +
                "leaf is pure is a typical case. I notice it when the training score keeps rising while the score " +
                "on the validation set stalls or falls. To prevent it I gather more data, add regularization, " +
                "or stop training early once the validation loss stops improving."
    }
}

/** Settings held in memory, as a device would keep them. */
class MemorySettings : DeviceSettings {
    override val themeMode = MutableStateFlow(ThemeMode.Light)
    override fun setThemeMode(mode: ThemeMode) {
        themeMode.value = mode
    }

    override val reminder = MutableStateFlow(ReminderSetting(enabled = true, minuteOfDay = 19 * 60))
    override fun setReminder(setting: ReminderSetting) {
        reminder.value = setting
    }
}
