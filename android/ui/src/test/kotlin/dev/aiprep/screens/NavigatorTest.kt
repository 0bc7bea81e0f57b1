package dev.aiprep.screens

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** The back stack as a platform saves it across process death. */
class NavigatorTest {
    @Test
    fun `a saved stack with the catalog comes back as it was`() {
        val navigator = Navigator()
        navigator.go { Route.Catalog(it) }
        val saved = navigator.save()
        assertEquals(listOf("home|0", "catalog|1"), saved)
        val restored = Navigator(saved)
        assertEquals(listOf(Route.Home(0), Route.Catalog(1)), restored.stack.value)
        // Visits go on from the restored ones, so a new screen is a new visit.
        restored.go { Route.Stats(it) }
        assertEquals(Route.Stats(2), restored.current)
    }
}
