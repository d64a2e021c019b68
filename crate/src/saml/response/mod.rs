//! The SAML response Entra posts to Twilio at sign-in: decode it (base64, form body or XML),
//! read it without ever expanding entities, and check it against the configuration.
//!
//! The checks live in `check.rs`, built only with the `xmldsig` feature: a check without
//! signature verification would be half an answer, and leaving it out of the worker's small
//! module saves ~18 KB gzipped. The extension sends sign-ins to the full module.

use serde::Serialize;

#[cfg(not(feature = "xmldsig"))]
use crate::common::codes;
use crate::common::finding::Finding;
use crate::product::SpUrls;

#[cfg(feature = "xmldsig")]
mod check;
#[cfg(feature = "xmldsig")]
pub use check::{check_response, decode_response};
#[cfg(feature = "xmldsig")]
pub mod redact;

/// Real responses are 5–15 KB; the cap keeps hostile input cheap.
pub const MAX_RESPONSE_BYTES: usize = 512 * 1024;
/// Clock skew allowed around the assertion's validity window.
pub const SKEW_MS: i64 = 5 * 60 * 1000;

/// What the check compares the response with.
#[derive(Debug, Clone)]
pub struct Expectations {
    /// The setup's resolved service-provider URLs (its product, SID and region): the Reply URL
    /// the response must be sent to, the Entity ID it must be for, the claims and roles to expect.
    pub service_provider: SpUrls,
    /// The Microsoft Entra Identifier (Twilio's Identity Provider Issuer), when known.
    pub entra_identifier: Option<String>,
    /// DER of the configured signing certificate, when known.
    pub certificate_der: Option<Vec<u8>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attribute {
    pub name: String,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseReport {
    pub status: String,
    pub status_message: Option<String>,
    pub destination: Option<String>,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub name_id: Option<String>,
    pub not_before: Option<String>,
    pub not_on_or_after: Option<String>,
    pub attributes: Vec<Attribute>,
    pub response_signed: bool,
    pub assertion_signed: bool,
    /// `Some(true)` when every signature present verified with the expected key.
    pub signature_verified: Option<bool>,
    /// How the signatures were checked, in plain words.
    pub signature_note: String,
    /// SHA-1 thumbprint of the certificate in the response's KeyInfo.
    pub key_info_thumbprint: Option<String>,
    /// Its NameID or attribute values are shapes (`‹email›`), as an export for sharing has them:
    /// the signed values are not the ones Entra signed, so only the signatures' key is judged.
    pub redacted: bool,
    pub findings: Vec<Finding>,
    /// No error findings: sign-in works as configured.
    pub ok: bool,
}

/// The small build (no `xmldsig`) refuses, with a typed error, instead of checking without
/// verifying signatures.
#[cfg(not(feature = "xmldsig"))]
pub fn check_response(
    _input: &str,
    _expect: &Expectations,
    _now_ms: i64,
) -> Result<ResponseReport, crate::common::finding::CoreError> {
    Err(crate::common::finding::CoreError::new(
        codes::NEEDS_FULL_CORE,
        "This part of the extension cannot check sign-in responses. Reload the extension from chrome://extensions and \
            try again.",
    ))
}
