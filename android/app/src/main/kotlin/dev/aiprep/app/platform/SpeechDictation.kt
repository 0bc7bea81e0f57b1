package dev.aiprep.app.platform

import android.Manifest
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.os.Bundle
import android.speech.RecognitionListener
import android.speech.RecognizerIntent
import android.speech.SpeechRecognizer
import androidx.core.content.ContextCompat
import dev.aiprep.screens.SpeechInput
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow

/**
 * Dictation with the platform recognizer, preferring on-device recognition so
 * the learner's answer need not leave the phone where the device supports it.
 * The microphone permission is asked on the first tap, not at start. Called on
 * the main thread, as SpeechRecognizer requires.
 */
class SpeechDictation(context: Context, private val bridge: ActivityBridge) : SpeechInput {
    private val appContext = context.applicationContext
    private var recognizer: SpeechRecognizer? = null
    private val _listening = MutableStateFlow(false)
    override val listening: StateFlow<Boolean> = _listening.asStateFlow()

    override fun start(onText: (String) -> Unit) {
        if (ContextCompat.checkSelfPermission(appContext, Manifest.permission.RECORD_AUDIO) == PackageManager.PERMISSION_GRANTED) {
            listen(onText)
        } else {
            bridge.requestPermission(Manifest.permission.RECORD_AUDIO) { granted -> if (granted) listen(onText) }
        }
    }

    override fun stop() {
        recognizer?.destroy()
        recognizer = null
        _listening.value = false
    }

    private fun listen(onText: (String) -> Unit) {
        stop()
        val r = SpeechRecognizer.createSpeechRecognizer(appContext)
        r.setRecognitionListener(Listener(onText))
        r.startListening(
            Intent(RecognizerIntent.ACTION_RECOGNIZE_SPEECH)
                .putExtra(RecognizerIntent.EXTRA_LANGUAGE_MODEL, RecognizerIntent.LANGUAGE_MODEL_FREE_FORM)
                .putExtra(RecognizerIntent.EXTRA_PREFER_OFFLINE, true)
                .putExtra(RecognizerIntent.EXTRA_PARTIAL_RESULTS, false),
        )
        recognizer = r
        _listening.value = true
    }

    private inner class Listener(private val onText: (String) -> Unit) : RecognitionListener {
        override fun onResults(results: Bundle) {
            results.getStringArrayList(SpeechRecognizer.RESULTS_RECOGNITION)?.firstOrNull()?.let(onText)
            stop()
        }

        override fun onError(error: Int) = stop()
        override fun onReadyForSpeech(params: Bundle?) = Unit
        override fun onBeginningOfSpeech() = Unit
        override fun onRmsChanged(rmsdB: Float) = Unit
        override fun onBufferReceived(buffer: ByteArray?) = Unit
        override fun onEndOfSpeech() = Unit
        override fun onPartialResults(partialResults: Bundle?) = Unit
        override fun onEvent(eventType: Int, params: Bundle?) = Unit
    }

    companion object {
        fun isAvailable(context: Context): Boolean = SpeechRecognizer.isRecognitionAvailable(context)
    }
}
