package dev.aiprep.app.ui

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color
import dev.aiprep.app.ThemeMode

private val Light = lightColorScheme(
    primary = Color(0xFF1F5FAD),
    secondary = Color(0xFF4E6A2E),
    tertiary = Color(0xFF8A4B00),
)

private val Dark = darkColorScheme(
    primary = Color(0xFFA6C8FF),
    secondary = Color(0xFFB6D38F),
    tertiary = Color(0xFFFFB870),
)

/** Highlight colours for analyzer findings, readable on both themes. */
object FindingColors {
    @Composable
    fun positive(): Color = if (MaterialTheme.colorScheme.background.luminance() < 0.5f) Color(0xFF2E5E2E) else Color(0xFFCDEBC8)

    @Composable
    fun problem(): Color = if (MaterialTheme.colorScheme.background.luminance() < 0.5f) Color(0xFF6B4A00) else Color(0xFFFFE1A8)
}

private fun Color.luminance(): Float = 0.2126f * red + 0.7152f * green + 0.0722f * blue

@Composable
fun AiprepTheme(mode: ThemeMode, content: @Composable () -> Unit) {
    val dark = when (mode) {
        ThemeMode.System -> isSystemInDarkTheme()
        ThemeMode.Light -> false
        ThemeMode.Dark -> true
    }
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
