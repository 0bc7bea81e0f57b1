// The shared screens (dev.aiprep.screens) for the Android app. The sources in
// src/main/kotlin use only APIs that Jetpack Compose and Compose Multiplatform
// have in common; Maven (ui/pom.xml) builds the same sources for desktop and
// screenshot-tests them. Gradle builds the Android target only: the desktop
// target's bindings come from the Maven build of core-kotlin.
plugins {
    alias(libs.plugins.kotlin.multiplatform)
    alias(libs.plugins.android.library)
    alias(libs.plugins.compose.multiplatform)
    alias(libs.plugins.kotlin.compose)
}

kotlin {
    androidTarget()
    jvmToolchain(17)

    sourceSets {
        androidMain {
            kotlin.srcDir("src/main/kotlin")
            dependencies {
                api(project(":core-android"))
                implementation(compose.runtime)
                implementation(compose.foundation)
                implementation(compose.ui)
                implementation(compose.material3)
            }
        }
    }
}

android {
    namespace = "dev.aiprep.screens"
    compileSdk = 35
    defaultConfig { minSdk = 26 }
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}
