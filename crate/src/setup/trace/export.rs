//! The extension's own test sign-in, as a SAML-tracer export (the file support asks for), which
//! SAML-tracer's Import opens: one POST of the SAMLResponse to Twilio's ACS, in the shape its
//! `SAMLTraceIO.restoreFromImport` reads. Redacted unless the admin asks for the values: each
//! NameID and attribute value becomes its shape, in the decoded SAML and in the posted value alike
//! (SAML-tracer's own masking hides the post and leaves the decoded assertion in the clear). The
//! signatures and the certificate stay. No cookie or other header of the browser is ever written.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde_json::json;

use super::read::query;
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::timefmt::rfc3339_from_secs;
use crate::product::SpUrls;
use crate::saml::response::{decode_response, redact::redact, MAX_RESPONSE_BYTES};

/// A test sign-in as the worker captured it: the form Entra posted, where to and when.
#[derive(Debug, Clone, Default)]
pub struct Captured {
    /// The ACS URL the form was posted to.
    pub url: String,
    /// The posted form body: `SAMLResponse=…` and, when there was one, `&RelayState=…`.
    pub form: String,
    pub at_ms: i64,
}

/// The SAML-tracer JSON of a sign-in captured for the setup whose values are `sp`, with its values
/// redacted unless `include_values`.
pub fn export_trace(captured: &Captured, sp: Option<&SpUrls>, include_values: bool) -> Result<String, CoreError> {
    // A sign-in captured before the setup was reset, or for another setup, is not this one's.
    let path = |u: &str| u.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    let sp = sp.filter(|sp| path(&sp.reply_url) == path(&captured.url) && captured.form.contains("SAMLResponse="));
    let Some(sp) = sp else {
        return Err(CoreError::new(
            codes::NO_CAPTURED_SIGN_IN,
            "No test sign-in of this setup was captured since the browser started: run the test sign-in, then \
                export.",
        ));
    };
    let facts = sp.product.facts();
    let xml = decode_response(&captured.form)?;
    if xml.len() > MAX_RESPONSE_BYTES {
        return Err(CoreError::new(codes::TOO_LARGE, "The captured response is too large to export."));
    }
    let xml = if include_values { xml } else { redact(&xml, facts)? };
    let relay = form_urlencoded::parse(captured.form.as_bytes())
        .find(|(k, _)| k == "RelayState")
        .map(|(_, v)| v.chars().take(4096).collect::<String>());
    let mut post = vec![("SAMLResponse".to_string(), STANDARD.encode(xml.as_bytes()))];
    post.extend(relay.map(|r| ("RelayState".to_string(), r)));
    let post_data: serde_json::Map<String, serde_json::Value> =
        post.iter().map(|(k, v)| (k.clone(), json!([v]))).collect();
    let pairs = |p: &[(String, String)]| p.iter().map(|(k, v)| json!([k, v])).collect::<Vec<_>>();
    let timestamp = rfc3339_from_secs(captured.at_ms.div_euclid(1000));
    let export = json!({
        "requests": [{
            "requestId": "1",
            "method": "POST",
            "url": captured.url,
            "protocol": "SAML-P",
            "requestHeaders": [{ "name": "Content-Type", "value": "application/x-www-form-urlencoded" }],
            "get": pairs(&query(&captured.url)),
            "post": pairs(&post),
            "postData": post_data,
            "saml": xml,
            // Twilio's answer is not recorded: the capture reads the request only.
            "responseStatus": 0,
            "responseStatusText": "",
            "responseHeaders": [],
        }],
        "timestamp": timestamp,
    });
    serde_json::to_string_pretty(&export)
        .map_err(|e| CoreError::new(codes::NOT_A_TRACE, format!("The export could not be written ({e}).")))
}
