//! Twilio Admin Center's SSO profile page, in its words. No public screenshot shows its labels in
//! full: these are the names Twilio's SSO guides use for the IdP's three values ("Issuer ID/Entity
//! Id", "Single sign-on URL/Login URL", the X.509 certificate), all inferred. A page that names its
//! fields otherwise is not filled; the panel then offers a page report. The SP values the page
//! shows are recognised by being the setup's own (or by the metadata shown whole), not by words.

/// One thing the page names, by every wording it is known by.
pub type Words = &'static [&'static str];

pub const ISSUER: Words = &[
    "Issuer ID",
    "Issuer",
    "Entity ID",
    "IdP Entity ID",
    "Identity Provider Entity ID",
    "Identity provider issuer",
    "Issuer URL",
];
pub const SSO_URL: Words = &[
    "Single Sign-On URL",
    "Single sign-on URL",
    "SSO URL",
    "Login URL",
    "IdP SSO URL",
    "Identity Provider SSO URL",
    "Sign-in URL",
];
pub const CERTIFICATE: Words =
    &["X.509 Certificate", "X.509 certificate", "Public x509 Certificate", "Certificate", "IdP Certificate"];
/// Headings, notices or buttons that only the SSO profile page shows.
pub const PROFILE_MARKERS: Words = &[
    "SSO Profile",
    "SSO profile",
    "SP Metadata",
    "SP metadata",
    "Twilio as SP Metadata",
    "Service provider metadata",
    "Test SSO Connection",
];
/// A notice or heading holding this word says the profile was saved.
pub const SAVED: &str = "saved";
pub const PLACE: &str = "Twilio Admin Center — SSO profile";
