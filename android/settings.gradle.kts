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
// bindings and the Rust library per ABI; :app is the Compose UI on top.
include(":core-android", ":app")
