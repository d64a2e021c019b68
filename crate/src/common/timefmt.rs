//! "Now" always comes from the caller (JS `Date.now()` or the CLI's `--at`), so checks are
//! reproducible and never call a clock that panics on wasm32.

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::common::codes;
use crate::common::finding::CoreError;

pub const MS_PER_DAY: i64 = 86_400_000;

/// RFC 3339 text (UTC, whole seconds) for a Unix time in seconds. Built from `time`'s
/// calendar fields rather than its formatter, which costs ~2 KB of .wasm for the same text.
pub fn rfc3339_from_secs(secs: i64) -> String {
    match OffsetDateTime::from_unix_timestamp(secs) {
        Ok(t) => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        ),
        Err(_) => format!("@{secs}"),
    }
}

/// Milliseconds since the Unix epoch for an RFC 3339 time, as the CLI's `--at` takes it.
pub fn parse_rfc3339_ms(text: &str) -> Result<i64, CoreError> {
    let t = OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|_| {
        CoreError::new(
            codes::BAD_TIME,
            format!("\"{text}\" is not an RFC 3339 time; write it like 2026-06-01T00:00:00Z."),
        )
    })?;
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000)
        .map_err(|_| CoreError::new(codes::BAD_TIME, "That time is out of range."))
}
