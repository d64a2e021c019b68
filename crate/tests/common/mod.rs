//! Fixture paths and the fixed "now" every dated test uses.
#![allow(dead_code)]

use std::path::PathBuf;

use frontline_sso::common::timefmt::parse_rfc3339_ms;

pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures").join(rel)
}

pub fn bytes(rel: &str) -> Vec<u8> {
    std::fs::read(fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn text(rel: &str) -> String {
    String::from_utf8(bytes(rel)).unwrap()
}

pub fn at(rfc3339: &str) -> i64 {
    parse_rfc3339_ms(rfc3339).unwrap()
}

/// The date the real-world samples' SOURCES.md judges "expired" by.
pub fn now() -> i64 {
    at("2026-11-29T00:00:00Z")
}

pub fn all_fixture_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![fixture("")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
