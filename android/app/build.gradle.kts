// The Android app: an Activity, Play Billing, the daily reminder and dictation
// around the shared screens of :ui. No screen is written here.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.android)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "dev.aiprep.app"
    compileSdk = 35

    defaultConfig {
        applicationId = "dev.aiprep.app"
        minSdk = 26
        targetSdk = 35
        versionCode = 1
        versionName = "0.1.0"
        // Play Console's base64 public key; purchases are verified offline
        // against it by the Rust core. Empty: the unlock screen says so.
        buildConfigField(
            "String",
            "PLAY_PUBLIC_KEY",
            "\"${providers.gradleProperty("aiprep.playPublicKey").getOrElse("")}\"",
        )
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            isShrinkResources = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"))
        }
    }

    buildFeatures {
        compose = true
        buildConfig = true
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    packaging {
        // Keep .so files page-aligned and uncompressed in the APK (16 KB devices).
        jniLibs.useLegacyPackaging = false
    }
}

dependencies {
    implementation(project(":ui"))
    implementation(project(":core-android"))

    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.lifecycle.viewmodel)
    implementation(libs.androidx.lifecycle.viewmodel.savedstate)
    implementation(libs.kotlinx.coroutines.android)
    implementation(libs.androidx.work)
    implementation(libs.billing)
}

kotlin { jvmToolchain(17) }
