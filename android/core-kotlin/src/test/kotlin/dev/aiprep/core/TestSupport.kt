package dev.aiprep.core

import java.nio.file.Path
import java.nio.file.Paths

/** Where the test fixtures live and how tests open the core. */
object TestSupport {
    const val ZONE = "Europe/Berlin"

    /** A small pack shipped with the tests, so they do not depend on the bundled module's size. */
    val fixturePack: String = Paths.get(
        requireNotNull(TestSupport::class.java.getResource("/fixture-pack.toml")).toURI(),
    ).toString()

    fun openFixture(dir: Path, name: String = "progress.sqlite3"): AppCore =
        AppCore.openWithPack(dir.resolve(name).toString(), ZONE, fixturePack)
}
