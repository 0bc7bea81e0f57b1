package dev.aiprep.screens

import dev.aiprep.ui.CatalogState
import dev.aiprep.ui.CoreEnv
import dev.aiprep.ui.ExerciseState
import dev.aiprep.ui.HomeState
import dev.aiprep.ui.LessonState
import dev.aiprep.ui.QuizState
import dev.aiprep.ui.ScenarioState
import dev.aiprep.ui.StartupState
import dev.aiprep.ui.StatsState
import dev.aiprep.ui.StoryState
import dev.aiprep.ui.UnlockState
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Job
import kotlinx.coroutines.launch

/** The platform-free state holders of core-kotlin, once the core has opened. */
class Holders(val env: CoreEnv) {
    val home = HomeState(env)
    val lesson = LessonState(env)
    val quiz = QuizState(env)
    val scenario = ScenarioState(env)
    val exercise = ExerciseState(env)
    val story = StoryState(env)
    val stats = StatsState(env)
    val unlock = UnlockState(env)
    val catalog = CatalogState(env)
}

/**
 * Everything the screens read and drive, owned by something that outlives a
 * screen (Android's ViewModel, the desktop window). Work started from a tap
 * runs in [scope], so an answer in flight survives a rotation.
 */
class AppController(
    val startup: StartupState,
    val navigator: Navigator,
    val platform: Platform,
    private val scope: CoroutineScope,
) {
    private var holders: Holders? = null

    /** The holders for [env], made once per opened core. */
    fun holdersFor(env: CoreEnv): Holders = holders?.takeIf { it.env === env } ?: Holders(env).also { holders = it }

    fun launch(block: suspend () -> Unit): Job = scope.launch { block() }
}
