package dev.aiprep.screens

import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.SolidColor
import androidx.compose.ui.graphics.vector.ImageVector
import androidx.compose.ui.graphics.vector.path
import androidx.compose.ui.unit.dp

/**
 * The one icon the app draws: Material's back arrow, as a vector here so the
 * shared module needs no icon library (whose desktop and Android artifacts
 * version apart). Mirrored in right-to-left layouts by [ImageVector.autoMirror].
 */
val BackArrow: ImageVector = ImageVector.Builder(
    name = "BackArrow",
    defaultWidth = 24.dp,
    defaultHeight = 24.dp,
    viewportWidth = 24f,
    viewportHeight = 24f,
    autoMirror = true,
).path(fill = SolidColor(Color.Black)) {
    moveTo(20f, 11f)
    horizontalLineTo(7.83f)
    lineToRelative(5.59f, -5.59f)
    lineTo(12f, 4f)
    lineToRelative(-8f, 8f)
    lineToRelative(8f, 8f)
    lineToRelative(1.41f, -1.41f)
    lineTo(7.83f, 13f)
    horizontalLineTo(20f)
    close()
}.build()
