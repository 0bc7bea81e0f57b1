@file:OptIn(androidx.compose.ui.test.ExperimentalTestApi::class)

package dev.aiprep.screens

import androidx.compose.ui.geometry.Rect
import androidx.compose.ui.graphics.toAwtImage
import androidx.compose.ui.semantics.SemanticsActions
import androidx.compose.ui.semantics.SemanticsNode
import androidx.compose.ui.semantics.SemanticsProperties
import androidx.compose.ui.semantics.getOrNull
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasClickAction
import androidx.compose.ui.test.onRoot
import androidx.compose.ui.text.TextLayoutResult
import java.io.File
import javax.imageio.ImageIO
import org.junit.jupiter.api.Assertions.assertTrue

/** Where PNGs go: target/screenshots (set by the pom), else a temp dir. */
val screenshotDir: File = File(System.getProperty("aiprep.screenshots") ?: System.getProperty("java.io.tmpdir")).also { it.mkdirs() }

/** Saves what the test renders as `<name>.png`. */
fun SkikoComposeUiTest.savePng(name: String): File {
    val file = File(screenshotDir, "$name.png")
    ImageIO.write(onRoot().captureToImage().toAwtImage(), "png", file)
    return file
}

private fun SkikoComposeUiTest.allNodes(): List<SemanticsNode> {
    val root = onRoot(useUnmergedTree = true).fetchSemanticsNode()
    val out = mutableListOf<SemanticsNode>()
    fun walk(n: SemanticsNode) {
        out += n
        n.children.forEach(::walk)
    }
    walk(root)
    return out
}

private fun SemanticsNode.label(): String =
    (config.getOrNull(SemanticsProperties.Text)?.joinToString { it.text }
        ?: config.getOrNull(SemanticsProperties.ContentDescription)?.joinToString()
        ?: "node $id").take(60)

/**
 * What every screen must satisfy, read from the semantics tree of what is
 * on screen (nodes scrolled out of the window are not judged):
 * - no text overflows its box (it would be cut off or ellipsized) and
 *   none sticks out of the window sideways;
 * - everything tappable is at least 48 x 48 dp;
 * - everything tappable says what it is, in text or a content description
 *   (an icon button without one is silent to a screen reader).
 */
fun SkikoComposeUiTest.assertScreenIsSound(screen: String) {
    val root = onRoot(useUnmergedTree = true).fetchSemanticsNode().boundsInRoot
    val minTouch = with(density) { TouchTarget.toPx() } - 0.5f
    val edge = 1f
    val problems = mutableListOf<String>()
    val visible = allNodes().filter { n ->
        val b = n.boundsInRoot
        b.width > 0f && b.height > 0f && b.top >= root.top && b.bottom <= root.bottom - edge
    }
    for (n in visible) {
        val b: Rect = n.boundsInRoot
        if (n.config.contains(SemanticsProperties.Text)) {
            if (b.left < root.left - edge || b.right > root.right + edge) problems += "text outside the window: ${n.label()} at $b"
            val layouts = mutableListOf<TextLayoutResult>()
            n.config.getOrNull(SemanticsActions.GetTextLayoutResult)?.action?.invoke(layouts)
            // The laid-out text against the box it got (a pixel of rounding aside): more
            // lines than allowed, or wider or taller than the box, means cut-off text.
            layouts.firstOrNull { it.overflows() }?.let {
                problems += "text overflows its box: ${n.label()} (text ${it.widestLine()}x${it.multiParagraph.height}, box ${it.size}, lines ${it.lineCount})"
            }
        }
    }
    // Merged nodes: a button's label comes from the texts and icons inside it.
    for (n in onAllNodes(hasClickAction()).fetchSemanticsNodes()) {
        val b = n.boundsInRoot
        // Bounds are clipped to what shows: a node cut by the window's edge or scrolled away is not judged.
        if (b.width <= 0f || b.height <= 0f || b.top < root.top || b.bottom > root.bottom - edge) continue
        // Material widens small controls' touch area beyond their drawn size; that area is what counts.
        val w = maxOf(b.width, n.touchBoundsInRoot.width)
        val h = maxOf(b.height, n.touchBoundsInRoot.height)
        if (w < minTouch || h < minTouch) {
            problems += "touch target ${w / density.density}x${h / density.density} dp: ${n.label()}"
        }
        val said = n.config.getOrNull(SemanticsProperties.ContentDescription).orEmpty().any { it.isNotBlank() } ||
            n.config.getOrNull(SemanticsProperties.Text).orEmpty().any { it.isNotBlank() }
        if (!said) problems += "tappable without a label: node ${n.id} at $b"
    }
    assertTrue(problems.isEmpty(), "$screen:\n" + problems.joinToString("\n"))
}

private fun TextLayoutResult.overflows(): Boolean =
    multiParagraph.didExceedMaxLines ||
        widestLine() > size.width + 1f ||
        multiParagraph.height > size.height + 1f

/** The paragraph's own width is its constraint; the lines tell how wide the text is. */
private fun TextLayoutResult.widestLine(): Float = (0 until lineCount).maxOfOrNull { getLineRight(it) - getLineLeft(it) } ?: 0f
