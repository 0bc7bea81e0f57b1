// The core as an Android library: the same presentation-layer sources the JVM
// tests exercise (../core-kotlin/src/main/kotlin, not a copy), the UniFFI
// bindings generated with android = true, and libaiprep_bindings.so per ABI
// built by cargo-ndk with 16 KB page alignment.
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

val repoRoot: File = rootDir.parentFile
val cargoTargetDir: File = System.getenv("CARGO_TARGET_DIR")?.let(::File) ?: repoRoot.resolve("target")
val generatedKotlin: File = layout.buildDirectory.dir("generated/uniffi").get().asFile
val jniLibsOut: File = layout.buildDirectory.dir("rustJniLibs").get().asFile
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")

android {
    namespace = "dev.aiprep.core"
    compileSdk = 35
    ndkVersion = "27.2.12479018"

    defaultConfig {
        minSdk = 26
        consumerProguardFiles("consumer-rules.pro")
        ndk { abiFilters += abis }
    }

    sourceSets["main"].apply {
        java.srcDirs(repoRoot.resolve("android/core-kotlin/src/main/kotlin"), generatedKotlin)
        jniLibs.srcDir(jniLibsOut)
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

dependencies {
    // The aar carries JNA's own native dispatch library for each Android ABI.
    api(libs.jna) { artifact { type = "aar" } }
    api(libs.kotlinx.coroutines.core)
    // The android = true bindings annotate API-33 code paths with @RequiresApi.
    implementation(libs.androidx.annotation)
}

// Release library for each ABI. 16 KB max page size: required by Google Play
// for apps targeting Android 15+ on 16 KB page devices.
val cargoNdk by tasks.registering(Exec::class) {
    group = "rust"
    description = "Builds libaiprep_bindings.so for every ABI with cargo-ndk."
    workingDir = repoRoot
    environment("CARGO_TARGET_DIR", cargoTargetDir.absolutePath)
    environment("RUSTFLAGS", "-C link-arg=-Wl,-z,max-page-size=16384")
    commandLine(
        listOf("cargo", "ndk") +
            abis.flatMap { listOf("-t", it) } +
            listOf("--platform", "26", "-o", jniLibsOut.absolutePath, "build", "-p", "aiprep-bindings", "--release"),
    )
    inputs.dir(repoRoot.resolve("core/src"))
    inputs.dir(repoRoot.resolve("core/content"))
    inputs.dir(repoRoot.resolve("bindings/src"))
    outputs.dir(jniLibsOut)
}

// Kotlin bindings from the host build of the same crate (the interface is
// identical on every target), with the Android flavour of the generator.
val cargoHostBuild by tasks.registering(Exec::class) {
    group = "rust"
    workingDir = repoRoot
    environment("CARGO_TARGET_DIR", cargoTargetDir.absolutePath)
    commandLine("cargo", "build", "-p", "aiprep-bindings", "--release")
}

val generateUniffi by tasks.registering(Exec::class) {
    group = "rust"
    description = "Generates the Kotlin bindings with uniffi-bindgen (android = true)."
    dependsOn(cargoHostBuild)
    workingDir = repoRoot
    environment("CARGO_TARGET_DIR", cargoTargetDir.absolutePath)
    commandLine(
        "cargo", "run", "-p", "aiprep-bindings", "--bin", "uniffi-bindgen", "--",
        "generate", cargoTargetDir.resolve("release/libaiprep_bindings.so").absolutePath,
        "--language", "kotlin",
        "--out-dir", generatedKotlin.absolutePath,
        "--config", projectDir.resolve("uniffi-android.toml").absolutePath,
        "--no-format",
    )
    inputs.dir(repoRoot.resolve("bindings/src"))
    outputs.dir(generatedKotlin)
}

tasks.named("preBuild") { dependsOn(cargoNdk, generateUniffi) }

kotlin { jvmToolchain(17) }
