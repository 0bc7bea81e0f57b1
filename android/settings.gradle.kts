// Android build of aiprep. Build from this directory with the Android SDK,
// the NDK, cargo-ndk and Rust's Android targets installed; see README.md.
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "aiprep-android"
// :core-android packages the platform-free core-kotlin sources, the generated
// bindings and the Rust library per ABI; :ui is the shared Compose screens
// (the same sources Maven builds and screenshot-tests for desktop); :app is
// the Android glue (Activity, Play Billing, reminder, dictation) around them.
include(":core-android", ":ui", ":app")
