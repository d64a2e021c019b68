#![cfg(all(not(target_arch = "wasm32"), feature = "fuzzing"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Every file in fuzz/corpus/, through the same target body and invariants the fuzzer runs
//! (src/fuzz_checks.rs): CI catches a regression on anything a fuzzer once found, without fuzzing.

use std::path::PathBuf;

use frontline_sso::forms::Console;
use frontline_sso::fuzz_checks as fc;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{target}: an empty corpus replays nothing");
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// A fuzz target's body: it panics when an invariant breaks.
type Target<'a> = dyn Fn(&[u8]) + 'a;

#[test]
fn every_corpus_file_keeps_every_invariant() {
    let pinned = fc::test_signing_der();
    assert!(!pinned.is_empty());
    let targets: &[(&str, &Target)] = &[
        ("certificate", &fc::certificate),
        ("metadata", &fc::metadata),
        ("response_pinned", &|d| fc::response(d, Some(&pinned))),
        ("response_unpinned", &|d| fc::response(d, None)),
        ("realm", &fc::realm),
        ("idp", &fc::idp),
        ("page_azure", &|d| fc::page(d, Console::Azure)),
        ("page_twilio", &|d| fc::page(d, Console::Twilio)),
        ("page_report", &fc::page_report_of),
        ("request", &fc::request),
        ("sp_metadata", &fc::sp_metadata),
        ("trace", &fc::trace),
    ];
    for (target, run) in targets {
        for (path, data) in corpus(target) {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(&data)));
            assert!(outcome.is_ok(), "{target}: {} breaks an invariant", path.display());
        }
    }
}

#[test]
fn the_fuzz_targets_are_the_ones_build_sh_runs() {
    let script = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../build.sh")).unwrap();
    let manifest =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../fuzz/Cargo.toml")).unwrap();
    let line = script.lines().find(|l| l.starts_with("FUZZ_TARGETS=(")).unwrap();
    for t in line.trim_start_matches("FUZZ_TARGETS=(").trim_end_matches(')').split(' ') {
        assert!(manifest.contains(&format!("name = \"{t}\"")), "{t} is not a target in fuzz/Cargo.toml");
        assert!(!corpus(t).is_empty());
    }
}
