//! What every layer shares: findings and typed errors (`finding`), and RFC 3339 time (`timefmt`).

pub mod codes;
pub mod finding;
pub mod timefmt;
