//! What every layer shares: findings and typed errors (`finding`), RFC 3339 time (`timefmt`), the
//! typed ids of steps and forms (`ids`), and reading XML safely (`xml`).

pub mod codes;
pub mod finding;
pub mod ids;
pub mod timefmt;
pub mod xml;
