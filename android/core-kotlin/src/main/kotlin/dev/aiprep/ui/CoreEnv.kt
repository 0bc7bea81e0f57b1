package dev.aiprep.ui

import dev.aiprep.core.AppCore
import dev.aiprep.core.CoreException
import dev.aiprep.core.InternalException
import dev.aiprep.core.StorageProblem
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.withContext

/**
 * What every state holder needs: the core, the dispatcher its blocking calls
 * run on (never the UI thread), and the clock, which the core never reads
 * itself. Tests inject a fixed clock and their own dispatcher.
 */
class CoreEnv(
    val core: AppCore,
    val io: CoroutineDispatcher,
    val clock: () -> Long = System::currentTimeMillis,
) {
    /** Runs one core call on [io] with the current time, turning failures into [UiError]. */
    suspend fun <T> call(block: AppCore.(nowMs: Long) -> T): Outcome<T> = withContext(io) {
        try {
            Outcome.Ok(core.block(clock()))
        } catch (e: CoreException) {
            Outcome.Err(UiError.from(e))
        } catch (e: InternalException) {
            Outcome.Err(UiError.Bug)
        }
    }
}

sealed interface Outcome<out T> {
    data class Ok<T>(val value: T) : Outcome<T>
    data class Err(val error: UiError) : Outcome<Nothing>
}

/** The failures a screen shows differently; messages carry no learner text. */
sealed interface UiError {
    data class NotFound(val id: String) : UiError
    /** Show the unlock screen. */
    data class Locked(val id: String) : UiError
    data class Invalid(val reason: String) : UiError
    data class Storage(val problem: StorageProblem) : UiError
    data class Purchase(val reason: String, val pending: Boolean) : UiError
    data object Closed : UiError
    /** A bug in the core (a caught panic): offer to retry. */
    data object Bug : UiError

    companion object {
        fun from(e: CoreException): UiError = when (e) {
            is CoreException.NotFound -> NotFound(e.id)
            is CoreException.Locked -> Locked(e.id)
            is CoreException.InvalidInput -> Invalid(e.reason)
            is CoreException.Storage -> Storage(e.problem)
            is CoreException.Purchase -> Purchase(e.reason, e.pending)
            is CoreException.Closed -> Closed
        }
    }
}

/** What a screen holds while it loads, once loaded, or after a failure. */
sealed interface Loadable<out T> {
    data object Loading : Loadable<Nothing>
    data class Ready<T>(val value: T) : Loadable<T>
    data class Failed(val error: UiError) : Loadable<Nothing>
}

fun <T> Outcome<T>.toLoadable(): Loadable<T> = when (this) {
    is Outcome.Ok -> Loadable.Ready(value)
    is Outcome.Err -> Loadable.Failed(error)
}

/** Milliseconds from [startMs] to [nowMs] as the core takes them, clamped to its range. */
internal fun elapsedMs(startMs: Long, nowMs: Long): UInt = (nowMs - startMs).coerceIn(0, UInt.MAX_VALUE.toLong()).toUInt()
