//! Twilio's SAML AuthnRequest, on its way to Entra: decode it (a sign-in URL with its
//! `SAMLRequest` parameter, a form body, or the bare value; raw DEFLATE for the HTTP-Redirect
//! binding, plain base64 for POST) and check what Twilio asks for against the realm, before any
//! error page. Built with the full module only, like the response checks.

use miniz_oxide::inflate::decompress_to_vec_with_limit;
use roxmltree::{Document, Node, ParsingOptions};
use serde::Serialize;

use crate::cert::certificate::decode_base64;
use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::entra::LOGIN_HOSTS;
use crate::product::SpUrls;
use crate::saml::xml::{child, is, value_text, SAML, SAMLP};

/// Twilio's requests are about 1 KB; the caps keep hostile input cheap.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// How the request travelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Binding {
    /// HTTP-Redirect: the query string, raw DEFLATE then base64.
    Redirect,
    /// HTTP-POST: a form field, base64 of the XML.
    Post,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestReport {
    pub binding: Binding,
    pub id: Option<String>,
    pub issuer: Option<String>,
    pub assertion_consumer_service_url: Option<String>,
    pub protocol_binding: Option<String>,
    pub destination: Option<String>,
    pub issue_instant: Option<String>,
    pub name_id_format: Option<String>,
    pub requested_authn_context: Vec<String>,
    pub force_authn: Option<bool>,
    pub is_passive: Option<bool>,
    pub findings: Vec<Finding>,
}

/// Decode an AuthnRequest and check it against the setup's service-provider URLs (none: no
/// realm checks).
pub fn check_request(input: &str, service_provider: Option<&SpUrls>) -> Result<RequestReport, CoreError> {
    let (xml, binding) = decode_request(input)?;
    let doc = Document::parse_with_options(
        &xml,
        ParsingOptions { allow_dtd: false, nodes_limit: 10_000, ..ParsingOptions::default() },
    )
    .map_err(|e| match e {
        roxmltree::Error::DtdDetected => {
            CoreError::new(codes::DOCTYPE_NOT_ALLOWED, "The request holds a DOCTYPE, which a SAML request never has.")
        }
        other => CoreError::new(codes::NOT_XML, format!("The request is not well-formed XML: {other}.")),
    })?;
    let root = doc.root_element();
    if !is(&root, SAMLP, "AuthnRequest") {
        return Err(CoreError::new(
            codes::NOT_AUTHN_REQUEST,
            "This is not a SAML AuthnRequest: paste the sign-in URL with its SAMLRequest parameter, or its value.",
        ));
    }
    let attr = |n: Node, name: &str| n.attribute(name).map(str::to_string);
    let flag = |name: &str| root.attribute(name).map(|v| v == "true" || v == "1");
    let policy = child(root, SAMLP, "NameIDPolicy");
    let context = child(root, SAMLP, "RequestedAuthnContext");
    let mut r = RequestReport {
        binding,
        id: attr(root, "ID"),
        issuer: child(root, SAML, "Issuer").and_then(value_text),
        assertion_consumer_service_url: attr(root, "AssertionConsumerServiceURL"),
        protocol_binding: attr(root, "ProtocolBinding"),
        destination: attr(root, "Destination"),
        issue_instant: attr(root, "IssueInstant"),
        name_id_format: policy.and_then(|p| attr(p, "Format")),
        requested_authn_context: context
            .map(|c| c.children().filter(|n| is(n, SAML, "AuthnContextClassRef")).filter_map(value_text).collect())
            .unwrap_or_default(),
        force_authn: flag("ForceAuthn"),
        is_passive: flag("IsPassive"),
        findings: Vec::new(),
    };
    r.findings = judge(&r, service_provider);
    Ok(r)
}

/// The XML of a request, and how it came: a URL or form body with `SAMLRequest=`, or the value.
pub fn decode_request(input: &str) -> Result<(String, Binding), CoreError> {
    let text = input.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(CoreError::new(
            codes::EMPTY,
            "Paste the sign-in URL with its SAMLRequest parameter, or its value.",
        ));
    }
    if text.len() > MAX_REQUEST_BYTES {
        return Err(too_large());
    }
    if text.starts_with('<') {
        return Ok((text.to_string(), Binding::Post));
    }
    let query = text.split_once('?').map_or(text, |(_, q)| q);
    let value = if query.contains("SAMLRequest=") {
        form_urlencoded::parse(query.as_bytes())
            .find(|(k, _)| k == "SAMLRequest")
            .map(|(_, v)| v.into_owned())
            .ok_or_else(|| CoreError::new(codes::NOT_BASE64, "The URL has no SAMLRequest value."))?
    } else if text.contains('%') {
        // A value copied out of a URL is still URL-encoded ("%2B" for "+").
        let pair = format!("v={text}");
        form_urlencoded::parse(pair.as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default()
    } else {
        text.to_string()
    };
    let bytes = decode_base64(&value).map_err(|_| {
        CoreError::new(codes::NOT_BASE64, "This is not a SAMLRequest: paste the whole sign-in URL, or its value.")
    })?;
    // POST carries the XML itself; the Redirect binding deflates it first.
    let (raw, binding) = if bytes.first() == Some(&b'<') || bytes.starts_with(b"\xef\xbb\xbf<") {
        (bytes, Binding::Post)
    } else {
        let inflated = decompress_to_vec_with_limit(&bytes, MAX_REQUEST_BYTES).map_err(|_| {
            CoreError::new(codes::NOT_DEFLATE, "The SAMLRequest is neither XML nor DEFLATE-compressed XML.")
        })?;
        (inflated, Binding::Redirect)
    };
    let xml = String::from_utf8(raw)
        .map_err(|_| CoreError::new(codes::NOT_XML, "The SAMLRequest decodes to bytes that are not XML text."))?;
    Ok((xml.trim_start_matches('\u{feff}').to_string(), binding))
}

/// What Twilio asks of Entra, against what this realm's app must have.
fn judge(r: &RequestReport, service_provider: Option<&SpUrls>) -> Vec<Finding> {
    let mut f = Vec::new();
    if let Some(urls) = service_provider {
        let sid_name = urls.product.facts().sid_name;
        let issuer = r.issuer.as_deref().unwrap_or_default();
        if issuer != urls.sp_entity_id {
            f.push(Finding::error(
                codes::REQUEST_ISSUER_MISMATCH,
                format!(
                    "Twilio signs in as \"{issuer}\", but this setup's Identifier (Entity ID) is \"{}\": Entra looks \
                    the app up by it (AADSTS700016). Check the {sid_name}.",
                    urls.sp_entity_id
                ),
            ));
        }
        let acs = r.assertion_consumer_service_url.as_deref().unwrap_or_default();
        if !acs.is_empty() && acs != urls.reply_url {
            f.push(Finding::error(
                codes::REQUEST_ACS_MISMATCH,
                format!(
                    "Twilio asks Entra to post to \"{acs}\", but this setup's Reply URL is \"{}\" (AADSTS50011).",
                    urls.reply_url
                ),
            ));
        }
    }
    let known_host = |url: &str| {
        let host = url.split("://").nth(1).and_then(|rest| rest.split(['/', '?', '#']).next()).unwrap_or_default();
        LOGIN_HOSTS.iter().any(|(h, _)| host.eq_ignore_ascii_case(h))
    };
    if let Some(d) = r.destination.as_deref().filter(|d| !known_host(d)) {
        f.push(Finding::warning(
            codes::REQUEST_DESTINATION_UNKNOWN,
            format!("The request goes to \"{d}\", which is not a Microsoft sign-in host: check Twilio's SSO URL."),
        ));
    }
    if !r.requested_authn_context.is_empty() {
        f.push(Finding::info(
            codes::REQUEST_AUTHN_CONTEXT,
            format!(
                "Twilio asks for a sign-in method ({}); if Entra answers AADSTS75011, the user signed in another way.",
                r.requested_authn_context.join(", ")
            ),
        ));
    }
    f
}

fn too_large() -> CoreError {
    CoreError::new(
        codes::TOO_LARGE,
        format!("This is larger than {} KB, far larger than a SAML request.", MAX_REQUEST_BYTES / 1024),
    )
}
