//! Checks of the Android build that can run without an Android SDK: the
//! Gradle build uses the Kotlin, Compose, coroutines and JNA versions the
//! Maven build tests with; the shared screens stay free of platform imports;
//! the app keeps no screens of its own and implements every platform piece
//! the screens ask for.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

fn android() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../android")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// `<name>value</name>` inside a pom's `<properties>`.
fn pom_property(pom: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = pom.find(&open)? + open.len();
    let end = pom[start..].find('<')? + start;
    Some(pom[start..end].trim().to_string())
}

fn kotlin_sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "kt") {
                let text = read(&path);
                found.push((path, text));
            }
        }
    }
    found.sort();
    found
}

/// Whether `text` lists `name` after `:` or `,`, as a class's supertypes do.
fn names_supertype(text: &str, name: &str) -> bool {
    [": ", ", "].iter().any(|lead| {
        text.match_indices(&format!("{lead}{name}"))
            .any(|(at, found)| {
                let next = text[at + found.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || "_(.?".contains(c))
            })
    })
}

#[test]
fn gradle_uses_the_versions_maven_tests_with() {
    let catalog: toml::Table =
        toml::from_str(&read(&android().join("gradle/libs.versions.toml"))).unwrap();
    let gradle = catalog["versions"].as_table().unwrap();
    let poms = ["core-kotlin/pom.xml", "ui/pom.xml"].map(|p| (p, read(&android().join(p))));
    let pairs = BTreeMap::from([
        ("kotlin", "kotlin.version"),
        ("compose-multiplatform", "compose.version"),
        ("coroutines", "coroutines.version"),
        ("jna", "jna.version"),
    ]);
    let mut checked = 0;
    for (gradle_key, pom_key) in pairs {
        let in_gradle = gradle[gradle_key].as_str().unwrap();
        for (pom_path, pom) in &poms {
            if let Some(in_maven) = pom_property(pom, pom_key) {
                assert_eq!(
                    in_gradle, in_maven,
                    "{gradle_key} differs between Gradle and {pom_path}"
                );
                checked += 1;
            }
        }
    }
    // Kotlin in both poms, Compose and coroutines in ui, JNA in core-kotlin.
    assert!(
        checked >= 5,
        "only {checked} versions were found in the poms"
    );
}

#[test]
fn the_shared_screens_import_nothing_platform_specific() {
    let sources = kotlin_sources(&android().join("ui/src/main/kotlin"));
    assert!(sources.len() >= 10, "the shared screens were not found");
    // Desktop-only Compose (windows, AWT) and Android's SDK both break the other target.
    let forbidden = [
        "import android.",
        "import androidx.activity",
        "import androidx.compose.ui.window",
        "import java.awt",
        "import javax.swing",
    ];
    for (path, text) in &sources {
        for line in text.lines().filter(|l| l.starts_with("import ")) {
            assert!(
                !forbidden.iter().any(|f| line.starts_with(f)),
                "{} imports a platform API: {line}",
                path.display()
            );
        }
    }
}

#[test]
fn the_app_draws_no_screen_and_implements_every_platform_piece() {
    let app = kotlin_sources(&android().join("app/src/main/kotlin"));
    for (path, text) in &app {
        assert!(
            !text.contains("@Composable"),
            "{} draws UI; screens belong in android/ui",
            path.display()
        );
    }
    let platform = read(&android().join("ui/src/main/kotlin/dev/aiprep/screens/Platform.kt"));
    let pieces: Vec<&str> = platform
        .lines()
        .filter_map(|l| l.strip_prefix("interface "))
        .map(|rest| rest.split([' ', '{']).next().unwrap())
        .collect();
    assert_eq!(
        pieces.len(),
        4,
        "Platform.kt's interfaces changed: {pieces:?}"
    );
    for piece in pieces {
        let implemented = app
            .iter()
            .any(|(_, text)| text.contains("class ") && names_supertype(text, piece));
        assert!(implemented, "android/app has no class implementing {piece}");
    }
}
