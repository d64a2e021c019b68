#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! The registry of codes (`common/codes.rs`) is the one place a code is spelled: docs/checks.md
//! lists exactly its codes, in its order; every code in it is used; and no constructor in the
//! core takes a code as a string literal.

use std::path::Path;

use frontline_sso::common::codes;

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)).unwrap()
}

/// Every source file of crate/src but the registry, with inline tests cut off.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if name != "tests" {
                    stack.push(path);
                }
            } else if name.ends_with(".rs") && name != "codes.rs" && name != "tests.rs" && name != "fuzz_checks.rs" {
                let text = std::fs::read_to_string(&path).unwrap();
                let text = text.split("#[cfg(test)]").next().unwrap_or_default().to_string();
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn docs_checks_md_lists_exactly_the_registry_in_its_order() {
    let listed: Vec<String> = read("../docs/checks.md")
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |").map(|(c, _)| c.to_string()))
        .filter(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'))
        .collect();
    assert_eq!(listed, codes::ALL);
}

#[test]
fn every_code_is_used_and_none_is_spelled_outside_the_registry() {
    let sources = sources();
    let registry = read("src/common/codes.rs");
    for code in codes::ALL {
        let name = format!("codes::{}", code.to_ascii_uppercase());
        assert!(registry.contains(&format!("{} = \"{code}\"", code.to_ascii_uppercase())), "{code}");
        assert!(sources.iter().any(|(_, t)| t.contains(&name)), "{code} is in the registry but never used");
    }
    for (file, text) in &sources {
        for ctor in ["Finding::error(", "Finding::warning(", "Finding::info(", "Finding::new(", "CoreError::new("] {
            for (i, _) in text.match_indices(ctor) {
                let rest = text[i + ctor.len()..].trim_start();
                assert!(
                    !rest.starts_with('"'),
                    "{file}: {ctor} takes a code as a literal: {}",
                    &rest[..40.min(rest.len())]
                );
            }
        }
    }
}
