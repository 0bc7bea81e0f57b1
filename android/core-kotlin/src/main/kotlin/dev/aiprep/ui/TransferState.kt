package dev.aiprep.ui

import dev.aiprep.core.ImportReportView
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

sealed interface Transfer {
    data object Idle : Transfer
    data object Working : Transfer
    /** The export document, ready to hand to the share sheet or a file. */
    data class Exported(val json: String) : Transfer
    data class Imported(val report: ImportReportView) : Transfer
    data class Failed(val error: UiError) : Transfer
}

/**
 * Moving progress to a new phone. Both directions read or write the whole
 * database, so they run on the background dispatcher; the screen shows
 * [Transfer.Working] meanwhile and may [cancel].
 */
class TransferState(private val env: CoreEnv) {
    private val _state = MutableStateFlow<Transfer>(Transfer.Idle)
    val state: StateFlow<Transfer> = _state.asStateFlow()

    suspend fun export() {
        _state.value = Transfer.Working
        _state.value = when (val r = env.call { exportJson() }) {
            is Outcome.Ok -> Transfer.Exported(r.value)
            is Outcome.Err -> Transfer.Failed(r.error)
        }
    }

    /**
     * Stops a running export or import; it then fails with nothing changed.
     * Called from the UI thread: cancelling does not wait for the core's lock.
     */
    fun cancel() {
        env.core.cancelLongWork()
    }

    suspend fun import(json: String) {
        _state.value = Transfer.Working
        _state.value = when (val r = env.call { now -> importJson(json, now) }) {
            is Outcome.Ok -> Transfer.Imported(r.value)
            is Outcome.Err -> Transfer.Failed(r.error)
        }
    }
}
