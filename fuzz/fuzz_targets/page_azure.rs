#![no_main]
use frontline_sso::forms::Console;
libfuzzer_sys::fuzz_target!(|data: &[u8]| frontline_sso::fuzz_checks::page(data, Console::Azure));
