#![no_main]
use std::sync::OnceLock;

// The key the generated responses are signed with: a mutation that still verifies is found.
static PINNED: OnceLock<Vec<u8>> = OnceLock::new();

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let der = PINNED.get_or_init(frontline_sso::fuzz_checks::test_signing_der);
    frontline_sso::fuzz_checks::response(data, Some(der));
});
