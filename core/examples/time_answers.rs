use std::time::Instant;
fn main() {
    let mut rows = Vec::new();
    for entry in std::fs::read_dir("tests/gold").unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        for a in v
            .get("answer")
            .and_then(|a| a.as_array())
            .cloned()
            .unwrap_or_default()
        {
            let text = a["text"].as_str().unwrap().to_string();
            let form = a
                .get("form")
                .and_then(|f| f.as_str())
                .unwrap_or("")
                .to_string();
            let id = a["id"].as_str().unwrap().to_string();
            rows.push((id, form, text));
        }
    }
    if let Ok(only) = std::env::var("ONLY") {
        rows.retain(|r| r.0 == only);
        let t = &rows[0].2;
        for _ in 0..20000 {
            std::hint::black_box(aiprep_core::analyzer::analyze(std::hint::black_box(t)).unwrap());
        }
        return;
    }
    let mut out = Vec::new();
    let mut total = 0.0;
    for (id, form, text) in &rows {
        let n = 200;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(
                aiprep_core::analyzer::analyze(std::hint::black_box(text)).unwrap(),
            );
        }
        let us = t.elapsed().as_secs_f64() * 1e6 / n as f64;
        total += us;
        let words = text.split_whitespace().count();
        out.push((us / words as f64, us, words, id.clone(), form.clone()));
    }
    println!(
        "mean {:.1} us over {}",
        total / rows.len() as f64,
        rows.len()
    );
    out.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    for r in out.iter().take(15) {
        println!(
            "{:.3} us/word {:.1} us {} words {} {}",
            r.0, r.1, r.2, r.3, r.4
        );
    }
    let mut by_form: std::collections::BTreeMap<String, (f64, usize)> = Default::default();
    for r in &out {
        let e = by_form.entry(r.4.clone()).or_default();
        e.0 += r.0;
        e.1 += 1;
    }
    for (f, (s, c)) in by_form {
        println!("{f}: {:.3} us/word", s / c as f64);
    }
}
