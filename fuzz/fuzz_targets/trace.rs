#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| frontline_sso::fuzz_checks::trace(data));
