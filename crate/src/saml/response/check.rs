//! The checks on a decoded SAML response (see mod.rs for why they are feature-gated).

use roxmltree::{Document, Node, ParsingOptions};

use super::{Attribute, Expectations, ResponseReport, MAX_RESPONSE_BYTES, SKEW_MS};
use crate::cert::certificate::{decode_base64, inspect_der};
use crate::common::codes;
use crate::common::finding::{has_errors, message, CoreError, Finding};
use crate::common::timefmt::parse_rfc3339_ms;
use crate::product::frontline::{LONG_EMAIL_CLAIM, SIGNING_ALGORITHM};
use crate::product::{AppRole, Claim, Facts, SpUrls};
use crate::saml::xml::{child, is, value_text, SAML, SAMLP};

mod claims;
mod conditions;
mod name_id;
mod signatures;
mod structure;

use claims::check_attributes;
use conditions::{check_audience, check_issuer, check_times};
use name_id::{check_name_id, check_relay_state};
use signatures::{check_signatures, Signed};
use structure::{check_assertions, check_destination, check_markup, check_status};

const DS: &str = "http://www.w3.org/2000/09/xmldsig#";
const SUCCESS: &str = "urn:oasis:names:tc:SAML:2.0:status:Success";
const FIX_SIGNING: &str = "In Entra → the app → Single sign-on → [SamlCertificates] → Edit, set [SigningOption] to \
        \"[SignResponseAndAssertion]\".";

/// Base64, a URL-encoded form body (`SAMLResponse=…`), or the XML itself → XML text.
pub fn decode_response(input: &str) -> Result<String, CoreError> {
    let text = input.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(codes::EMPTY, "Paste the SAMLResponse: base64, the form body, or the XML."));
    }
    if text.len() > MAX_RESPONSE_BYTES * 2 {
        return Err(too_large());
    }
    if text.starts_with('<') {
        return Ok(text.to_string());
    }
    let b64 = if text.contains("SAMLResponse=") {
        form_urlencoded::parse(text.as_bytes())
            .find(|(k, _)| k == "SAMLResponse")
            .map(|(_, v)| v.into_owned())
            .ok_or_else(|| CoreError::new(codes::NOT_BASE64, "The form body has no SAMLResponse value."))?
    } else {
        text.to_string()
    };
    let bytes = decode_base64(&b64).map_err(|_| {
        CoreError::new(
            codes::NOT_BASE64,
            "This is not a base64 SAMLResponse. Paste the value of the SAMLResponse form \
            field, the whole form body, or the XML.",
        )
    })?;
    let xml = String::from_utf8(bytes)
        .map_err(|_| CoreError::new(codes::NOT_XML, "The SAMLResponse decodes to bytes that are not XML text."))?;
    Ok(xml.trim_start_matches('\u{feff}').to_string())
}

/// Decode and check a SAML response at `now_ms`: each concern checks its part and pushes its
/// findings into one list.
pub fn check_response(input: &str, expect: &Expectations, now_ms: i64) -> Result<ResponseReport, CoreError> {
    let xml = decode_response(input)?;
    if xml.len() > MAX_RESPONSE_BYTES {
        return Err(too_large());
    }
    let doc = parse(&xml)?;
    let resp = doc.root_element();
    if !is(&resp, SAMLP, "Response") {
        return Err(CoreError::new(codes::NOT_SAML_RESPONSE, "This XML is not a SAML Response (samlp:Response)."));
    }
    // The product names the URLs, claims and roles to expect.
    let realm = &expect.service_provider;
    let facts = realm.product.facts();
    if child(resp, SAML, "EncryptedAssertion").is_some() {
        return Err(CoreError::new(
            codes::ENCRYPTED_ASSERTION,
            format!(
                "The assertion is encrypted, so it cannot be checked, and {} does not decrypt it. In Entra → the \
                    app → Single sign-on → Token encryption, turn token encryption off for this app.",
                facts.name
            ),
        ));
    }
    let mut f = Vec::new();
    check_markup(resp, &mut f);
    let (status, status_message, success) = check_status(resp, &mut f);
    let destination = check_destination(resp, realm, &mut f);
    let assertion = check_assertions(resp, success, &mut f);
    let issuer = check_issuer(resp, assertion, expect, &mut f);
    let conditions = assertion.and_then(|a| child(a, SAML, "Conditions"));
    let audience = check_audience(assertion, conditions, realm, &mut f);
    let (not_before, not_on_or_after) = check_times(conditions, now_ms, &mut f);
    let redacted = super::redact::is_redacted(&doc);
    let signed = Signed::of(resp, assertion, redacted);
    let (signature_verified, signature_note, key_info_thumbprint) =
        check_signatures(&xml, &doc, &signed, facts, expect, now_ms, &mut f);
    let attributes = check_attributes(assertion, facts, &mut f);
    if let Some(rule) = &facts.name_id {
        check_name_id(assertion, &attributes, rule, &mut f);
    }
    if facts.relay_state_required {
        check_relay_state(input, &mut f);
    }
    let name_id = text_of(assertion.and_then(|a| a.descendants().find(|n| is(n, SAML, "NameID"))));
    let ok = !has_errors(&f);
    Ok(ResponseReport {
        status: if success { "Success".to_string() } else { status.clone() },
        status_message,
        destination,
        issuer,
        audience,
        name_id,
        not_before,
        not_on_or_after,
        attributes,
        response_signed: signed.resp_sig.is_some(),
        assertion_signed: signed.assertion_sig.is_some(),
        signature_verified,
        signature_note,
        key_info_thumbprint,
        redacted,
        findings: f,
        ok,
    })
}

/// A node's value as the signature covers it.
fn text_of(n: Option<Node<'_, '_>>) -> Option<String> {
    n.and_then(value_text)
}

/// The XML, read with no DTD and a node limit.
fn parse(xml: &str) -> Result<Document<'_>, CoreError> {
    Document::parse_with_options(
        xml,
        ParsingOptions { allow_dtd: false, nodes_limit: 100_000, ..ParsingOptions::default() },
    )
    .map_err(|e| match e {
        roxmltree::Error::DtdDetected => CoreError::new(
            codes::DOCTYPE_NOT_ALLOWED,
            "The response has a DOCTYPE, which \
                Entra never sends. It is refused for safety: no entity is ever expanded.",
        ),
        other => CoreError::new(
            codes::NOT_XML,
            format!(
                "The response is not readable XML (it breaks at line {}, \
                column {}).",
                other.pos().row,
                other.pos().col
            ),
        ),
    })
}

/// The value elements the report shows.
const VALUES: [(&str, &str); 5] =
    [(SAML, "Issuer"), (SAML, "Audience"), (SAML, "NameID"), (SAML, "AttributeValue"), (SAMLP, "StatusMessage")];

/// The last part of a URI: "urn:…:status:Success" → "Success", "…#rsa-sha256" → "rsa-sha256".
fn short(uri: &str) -> &str {
    uri.rsplit([':', '#', '/']).next().unwrap_or(uri)
}

fn too_large() -> CoreError {
    CoreError::new(
        codes::TOO_LARGE,
        format!("This is larger than {} KB, far larger than a SAML response.", MAX_RESPONSE_BYTES / 1024),
    )
}
