package dev.aiprep.screens

import androidx.compose.foundation.isSystemInDarkTheme
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.runtime.ReadOnlyComposable
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.luminance

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

/** Colours with a meaning (right/wrong, strength/problem), readable on both themes. */
object MeaningColors {
    private val isDark: Boolean
        @Composable @ReadOnlyComposable
        get() = MaterialTheme.colorScheme.background.luminance() < 0.5f

    /** Background of a strength, a right answer. */
    val positive: Color
        @Composable @ReadOnlyComposable
        get() = if (isDark) Color(0xFF2E5E2E) else Color(0xFFCDEBC8)

    /** Background of a problem to fix, a wrong answer. */
    val problem: Color
        @Composable @ReadOnlyComposable
        get() = if (isDark) Color(0xFF6B4A00) else Color(0xFFFFE1A8)
}

fun ThemeMode.isDark(systemDark: Boolean): Boolean = when (this) {
    ThemeMode.System -> systemDark
    ThemeMode.Light -> false
    ThemeMode.Dark -> true
}

@Composable
fun AiprepTheme(mode: ThemeMode, content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (mode.isDark(isSystemInDarkTheme())) Dark else Light, content = content)
}
