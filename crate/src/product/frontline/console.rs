//! The Twilio Console's words (Frontline's own pages), in one table: the Frontline SSO page's labels in both namings
//! (the console's 2022 screenshot and the Twilio guide), and today's "Single Sign-On URL".
//! "Required: " and other dialect markers are stripped by the collector, not listed here.

/// One thing the console names, by every wording it is known by.
pub type Words = &'static [&'static str];

pub const SSO_URL: Words = &["SSO URL", "Single Sign-On URL", "Single sign-on URL"];
pub const ISSUER: Words = &[
    "Identity provider issuer URL",
    "Identity provider issuer",
    "Identity Provider Issuer",
    "Identity Provider Issuer URL",
];
pub const CERTIFICATE: Words = &["X.509 Certificate", "X.509 certificate"];
pub const WORKSPACE_ID: Words = &["Workspace ID"];
pub const REALM_SID: Words = &["Realm SID"];
pub const COMPANY: Words = &["Company name", "Workspace", "Company"];
/// A notice or heading holding this word says the configuration was saved.
pub const SAVED: &str = "saved";
