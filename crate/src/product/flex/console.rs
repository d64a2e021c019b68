//! The Flex Console's words for the page that takes the identity provider's values. Nothing
//! public shows that page's labels: these are the names Twilio's Flex guides and its legacy SSO
//! form use for the three values, all inferred. A page that names its fields otherwise is not
//! filled; the panel then offers a page report. The page that shows the Entity ID and ACS URL
//! is recognised by those values' shapes alone (`connection.rs`), not by words.

/// One thing the console names, by every wording it is known by.
pub type Words = &'static [&'static str];

pub const SSO_URL: Words =
    &["SSO URL", "Single Sign-On URL", "Single sign-on URL", "Identity provider SSO URL", "IdP SSO URL", "Sign-in URL"];
pub const ISSUER: Words = &[
    "Identity Provider Issuer",
    "Identity provider issuer",
    "Identity provider issuer URL",
    "Issuer",
    "IdP issuer",
    "Identity provider entity ID",
    "IdP entity ID",
];
pub const CERTIFICATE: Words = &[
    "X.509 Certificate",
    "X.509 certificate",
    "Certificate",
    "Signing certificate",
    "Identity provider certificate",
    "IdP certificate",
];
/// A notice or heading holding this word says the values were saved.
pub const SAVED: &str = "saved";
/// Where evidence from each page comes from.
pub const SP_VALUES_PLACE: &str = "Flex Console — Set up your identity provider";
pub const IDP_DATA_PLACE: &str = "Flex Console — identity provider data";
