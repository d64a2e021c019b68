//! A test sign-in that fails at Entra: Twilio's request as captured, and the error page
//! diagnosed (request.rs decodes, diagnose.rs decides). Both live in the full module, so the
//! small one refuses these events with a typed error, as it refuses responses. The setup stores
//! what this returns.

use serde::{Deserialize, Serialize};

use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::ids::Step;
use crate::entra::portal::Lang;
use crate::product::SpUrls;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct CapturedRequest {
    pub at: i64,
    pub source: String,
    /// The SAMLRequest as it travelled (URL, form value), at most `request::MAX_REQUEST_BYTES`.
    pub text: String,
}

/// A sign-in Entra refused, and what to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignInFailure {
    pub at: i64,
    pub source: String,
    /// The AADSTS code, when Entra refused the sign-in.
    pub code: Option<u32>,
    /// Twilio's error code, when Twilio refused the response.
    pub twilio_code: Option<u32>,
    pub message: String,
    pub request_id: Option<String>,
    pub correlation_id: Option<String>,
    pub timestamp: Option<String>,
    pub step: Option<Step>,
    pub summary: String,
    pub values: Vec<ComparedValue>,
    pub fix: String,
    pub lookup_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct ComparedValue {
    pub what: String,
    pub expected: String,
    pub actual: String,
}

/// A captured request, and the first thing wrong with it, if any (named before any error page).
#[cfg(feature = "xmldsig")]
pub fn captured(
    text: &str,
    source: &str,
    service_provider: &SpUrls,
    now: i64,
) -> Result<(CapturedRequest, Option<String>), CoreError> {
    use crate::common::finding::Severity;
    let r = crate::saml::request::check_request(text, Some(service_provider))?;
    // Another service provider's sign-in (or one a page forged for another realm) says
    // nothing about this setup: it is refused, and the watch keeps nothing of it.
    let ours = r.issuer.as_deref() == Some(service_provider.sp_entity_id.as_str());
    if !ours {
        return Err(CoreError::new(
            codes::REQUEST_NOT_THIS_SETUP,
            "This SAMLRequest's Issuer is not this setup's Identifier (Entity ID): it is another sign-in, \
            and is not kept. Start the test sign-in from this setup's Twilio page.",
        ));
    }
    let problem = r.findings.iter().find(|f| f.severity == Severity::Error).map(|f| f.message.clone());
    Ok((CapturedRequest { at: now, source: source.to_string(), text: text.to_string() }, problem))
}

/// The failure in `text` (an error page, a copied error, or else a sign-in URL / SAMLRequest),
/// with the request captured before it.
#[cfg(feature = "xmldsig")]
pub fn failed(
    text: &str,
    source: &str,
    service_provider: Option<&SpUrls>,
    lang: Lang,
    login_url: Option<String>,
    before: Option<&CapturedRequest>,
    now: i64,
) -> Result<SignInFailure, CoreError> {
    use crate::saml::request::check_request;
    use crate::setup::diagnose::{diagnose, is_not_found, not_found, read_error, EntraError, Known};
    let error = read_error(text);
    let known = Known { service_provider: service_provider.cloned(), lang, login_url, ..Known::default() };
    // Twilio's own error (it refused the response): its code names the step.
    if let Some(t) = error.is_none().then(|| crate::setup::twilio_errors::read_twilio_error(text)).flatten() {
        let d = crate::setup::twilio_errors::diagnose_twilio(&t, None, &known);
        let e = EntraError { message: t.message, ..EntraError::default() };
        return Ok(failure(d, e, source, now));
    }
    // A page of the sign-in host that does not exist, after Twilio's request: a wrong SSO URL.
    let sent = before.and_then(|c| check_request(&c.text, None).ok());
    if error.is_none() && sent.is_some() && is_not_found(text) {
        return Ok(failure(not_found(sent.as_ref(), &known), EntraError::default(), source, now));
    }
    let request = match error {
        Some(_) => before.and_then(|c| check_request(&c.text, None).ok()),
        None => Some(check_request(text, None).map_err(|_| {
            CoreError::new(
                codes::NO_ERROR_CODE,
                "No AADSTS code or Twilio error code was found: paste Microsoft's whole error (Message and \
                Troubleshooting details), Twilio's error (such as 70251), or the sign-in URL with its SAMLRequest.",
            )
        })?),
    };
    let d = diagnose(error.as_ref(), request.as_ref(), &known);
    Ok(failure(d, error.unwrap_or_default(), source, now))
}

/// A diagnosis, as the setup keeps it.
#[cfg(feature = "xmldsig")]
fn failure(
    d: crate::setup::diagnose::Diagnosis,
    e: crate::setup::diagnose::EntraError,
    source: &str,
    now: i64,
) -> SignInFailure {
    SignInFailure {
        at: now,
        source: source.to_string(),
        code: d.code,
        twilio_code: d.twilio_code,
        message: e.message,
        request_id: e.request_id,
        correlation_id: e.correlation_id,
        timestamp: e.timestamp,
        step: Some(d.step),
        summary: d.summary,
        values: d
            .values
            .into_iter()
            .map(|v| ComparedValue { what: v.what, expected: v.expected, actual: v.actual })
            .collect(),
        fix: d.fix,
        lookup_url: d.lookup_url,
    }
}

#[cfg(not(feature = "xmldsig"))]
pub fn captured(_: &str, _: &str, _: &SpUrls, _: i64) -> Result<(CapturedRequest, Option<String>), CoreError> {
    Err(needs_full_core())
}

#[cfg(not(feature = "xmldsig"))]
pub fn failed(
    _: &str,
    _: &str,
    _: Option<&SpUrls>,
    _: Lang,
    _: Option<String>,
    _: Option<&CapturedRequest>,
    _: i64,
) -> Result<SignInFailure, CoreError> {
    Err(needs_full_core())
}

#[cfg(not(feature = "xmldsig"))]
fn needs_full_core() -> CoreError {
    CoreError::new(
        codes::NEEDS_FULL_CORE,
        "This part of the extension cannot read sign-in requests. Reload the extension from chrome://extensions and \
            try again.",
    )
}
