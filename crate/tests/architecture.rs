//! The shape of the core, as a spec: no two groups of `crate/src` use each other, directly or
//! through others, nor two modules within a group; the crate's top level shows its layers; and
//! only the bindings know JavaScript exists.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Every source file of `crate/src`: its path there ("forms/mod.rs") and its text.
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out
}

/// Top-level module → the top-level modules it names through `crate::`.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in sources() {
        let top = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        if top == "lib" || top == "bin" {
            continue;
        }
        let named = graph.entry(top.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let module: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !module.is_empty() && module != top {
                named.insert(module);
            }
        }
    }
    graph
}

/// A path of modules that leads from `from` back to itself, if any.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in graph.get(last).into_iter().flatten() {
            if next == from {
                return Some([path.clone(), vec![next.clone()]].concat());
            }
            if seen.insert(next.clone()) {
                stack.push([path.clone(), vec![next.clone()]].concat());
            }
        }
    }
    None
}

#[test]
fn no_module_uses_one_that_uses_it() {
    let graph = uses();
    assert!(graph.contains_key("entra") && graph.contains_key("product"), "modules not found: {graph:?}");
    for module in graph.keys() {
        if let Some(cycle) = cycle_from(&graph, module) {
            panic!("an import circle: {}", cycle.join(" → "));
        }
    }
}

/// Within one group (`cert/`, `saml/`, `setup/`, …): module → the modules of the same group it
/// names, through `crate::<group>::` or `super::`. The group's root (`mod.rs`) is left out: it
/// declares them all.
fn uses_within(group: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let prefix = format!("crate::{group}::");
    for (rel, text) in sources() {
        let mut parts = rel.split('/');
        if parts.next() != Some(group) {
            continue;
        }
        let module = parts.next().unwrap_or_default().trim_end_matches(".rs").to_string();
        if module == "mod" || module.is_empty() {
            continue;
        }
        // Inline test modules may use anything.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        let named = graph.entry(module.clone()).or_default();
        let direct = !rel.trim_start_matches(&format!("{group}/")).contains('/');
        for needle in [prefix.as_str(), "super::"] {
            if needle == "super::" && !direct {
                continue; // a nested file's super is its own folder
            }
            for (i, _) in text.match_indices(needle) {
                let rest = &text[i + needle.len()..];
                let other: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                let is_module = sources()
                    .iter()
                    .any(|(r, _)| r == &format!("{group}/{other}.rs") || r == &format!("{group}/{other}/mod.rs"));
                if is_module && other != module {
                    named.insert(other);
                }
            }
        }
    }
    graph
}

#[test]
fn within_each_group_no_module_uses_one_that_uses_it() {
    for group in ["cert", "common", "entra", "forms", "product", "saml", "setup"] {
        let graph = uses_within(group);
        assert!(!graph.is_empty(), "{group}: no modules found");
        for module in graph.keys() {
            if let Some(cycle) = cycle_from(&graph, module) {
                panic!("an import circle in {group}/: {}", cycle.join(" → "));
            }
        }
    }
}

#[test]
fn the_crate_shows_its_layers_in_at_most_12_entries() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let entries: Vec<String> =
        fs::read_dir(src).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into()).collect();
    assert!(entries.len() <= 12, "crate/src has {} entries: {entries:?}", entries.len());
}

#[test]
fn only_the_bindings_know_javascript() {
    for (rel, text) in sources() {
        if rel == "bindings.rs" || rel == "lib.rs" || rel.starts_with("js_read/") {
            continue;
        }
        for js in ["wasm_bindgen", "js_sys", "JsValue"] {
            assert!(!text.contains(js), "{rel} names {js}: only bindings.rs and js_read/ may");
        }
    }
}

/// The fuzz targets' bodies are behind the `fuzzing` feature (never in a .wasm); the test run
/// turns it on, so the corpus replay (`fuzz_corpus.rs`) always runs.
#[test]
fn the_fuzz_checks_are_a_feature_the_test_run_turns_on() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let build = std::fs::read_to_string(root.join("../build.sh")).unwrap_or_default();
    assert!(build.contains("cargo test --features fuzzing"), "build.sh runs the native tests without `fuzzing`");
    let lib = std::fs::read_to_string(root.join("src/lib.rs")).unwrap_or_default();
    assert!(lib.contains("feature = \"fuzzing\"))]\npub mod fuzz_checks;"), "fuzz_checks is not behind `fuzzing`");
}
