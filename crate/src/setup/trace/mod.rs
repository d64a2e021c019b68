//! A sign-in recorded by another tool (a SAML-tracer export, a HAR file) → one timeline, in the
//! order the browser went: Twilio's request, Entra's answer (an error page, an AADSTS code), the
//! response posted to Twilio (and any error Twilio showed), each checked as `request`,
//! `diagnose` and `response` check them; then one verdict: the step to fix, or that it works.
//! Without the setup's values, the product and SID are taken from the request (its Issuer, else
//! its ACS) or the response (its Audience), and the report says so.

mod export;
mod read;
mod verdict;

pub use export::{export_trace, Captured};

pub use read::{read_trace, Exchange, Format, MAX_TRACE_BYTES};

use serde::Serialize;

use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::entra::is_login_host;
use crate::product::{sp_urls, SpUrls};
use crate::saml::request::{check_request, RequestReport};
use crate::saml::response::{check_response, Expectations, ResponseReport};
use crate::setup::diagnose::{is_not_found, read_error, EntraError};
use crate::setup::twilio_errors::{read_twilio_error, TwilioError};
pub use verdict::Verdict;

/// What the trace is judged against. No service provider: the trace's own request names it.
#[derive(Debug, Clone, Default)]
pub struct TraceInput {
    pub service_provider: Option<SpUrls>,
    pub entra_identifier: Option<String>,
    pub certificate_der: Option<Vec<u8>>,
    /// What the diagnosis compares with (saved Reply URLs, Identifiers, the Login URL, the language).
    pub known: crate::setup::diagnose::Known,
}

/// What a stored setup gives the trace: its values, its certificate, the portal's language.
pub fn input_of(setup: &crate::setup::Setup) -> TraceInput {
    use crate::cert::certificate::{decode, CertInput};
    TraceInput {
        service_provider: setup.urls().ok(),
        entra_identifier: Some(setup.entra_identifier.clone()).filter(|i| !i.is_empty()),
        certificate_der: setup
            .certificate_pem
            .as_deref()
            .and_then(|p| decode(CertInput::Text(p)).ok())
            .and_then(|d| d.into_iter().next()),
        known: crate::setup::diagnose::Known {
            lang: setup.portal.lang,
            login_url: Some(setup.login_url.clone()).filter(|l| !l.is_empty()),
            ..crate::setup::diagnose::Known::default()
        },
    }
}

/// What happened at one exchange, as the timeline shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Twilio's AuthnRequest, on its way to Entra.
    Request,
    /// Entra refused the sign-in (an AADSTS code on its page, or in a response's status).
    EntraError,
    /// A page of Entra's sign-in host that does not exist (a 404), after Twilio's request.
    NotFound,
    /// The SAMLResponse posted to Twilio.
    Response,
    /// Twilio refused the response (its error code on its page).
    TwilioError,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// The exchange's place in the file, from 1.
    pub n: usize,
    pub kind: Kind,
    pub method: String,
    pub host: String,
    /// The path, without the query (which holds the SAML message), cut at 200 characters.
    pub path: String,
    pub status: Option<u16>,
    pub summary: String,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceReport {
    pub format: Format,
    pub exchanges: usize,
    /// The setup's values the trace was judged against.
    pub service_provider: Option<SpUrls>,
    /// True when those were taken from the trace itself (no setup given).
    pub inferred: bool,
    pub timeline: Vec<Event>,
    pub verdict: Verdict,
}

/// What each SAML exchange held, checked.
pub(crate) enum Seen {
    Request(RequestReport),
    EntraError(EntraError),
    NotFound,
    Response(Box<ResponseReport>),
    TwilioError(TwilioError),
}

/// Read a trace and judge it at `now_ms`.
pub fn check_trace(text: &str, input: &TraceInput, now_ms: i64) -> Result<TraceReport, CoreError> {
    let (format, exchanges) = read_trace(text)?;
    let (service_provider, inferred) = match &input.service_provider {
        Some(sp) => (Some(sp.clone()), false),
        None => (infer(&exchanges), true),
    };
    let mut seen: Vec<(usize, &Exchange, Seen)> = Vec::new();
    let mut requested = false;
    for (i, x) in exchanges.iter().enumerate() {
        for s in look(x, requested, service_provider.as_ref(), input, now_ms) {
            requested |= matches!(s, Seen::Request(_));
            seen.push((i + 1, x, s));
        }
    }
    if seen.is_empty() {
        return Err(CoreError::new(
            codes::NO_SAML_IN_TRACE,
            format!(
                "This {} holds {} requests and no SAML at all: record again with the recorder running from before \
                    you start the sign-in at Twilio until Twilio's page shows.",
                format_name(format),
                exchanges.len()
            ),
        ));
    }
    let input = &TraceInput {
        known: crate::setup::diagnose::Known { service_provider: service_provider.clone(), ..input.known.clone() },
        ..input.clone()
    };
    let verdict = verdict::judge(&seen, input, service_provider.is_some(), inferred);
    let timeline = seen.iter().map(|(n, x, s)| event(*n, x, s)).collect();
    Ok(TraceReport { format, exchanges: exchanges.len(), service_provider, inferred, timeline, verdict })
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::SamlTracer | Format::SamlTracerLegacy => "SAML-tracer export",
        Format::Har => "HAR file",
    }
}

/// The service provider the trace names: its request's Issuer (else its ACS), else a response's
/// Audience. Console's values come only from its SP metadata, so a Console trace names none.
fn infer(exchanges: &[Exchange]) -> Option<SpUrls> {
    let requests = exchanges.iter().filter_map(|x| request_of(x).and_then(|r| check_request(&r, None).ok()));
    let from_request = requests
        .flat_map(|r| [r.issuer, r.assertion_consumer_service_url])
        .flatten()
        .find_map(|v| sp_urls(&v, None, None).ok());
    from_request.or_else(|| {
        exchanges.iter().filter_map(response_of).find_map(|input| {
            let xml = crate::saml::response::decode_response(&input).ok()?;
            let audience = xml.split("<Audience>").nth(1)?.split("</Audience>").next()?.trim().to_string();
            sp_urls(&audience, None, None).ok()
        })
    })
}

/// A value SAML-tracer's "mask values" replaced: it is no longer base64.
fn masked(value: &str) -> bool {
    !value.chars().all(|c| c.is_ascii_alphanumeric() || "+/=\r\n ".contains(c))
}

/// The SAMLRequest of an exchange, as `check_request` reads it: the sign-in URL (Redirect), the
/// posted value, or the XML SAML-tracer decoded when its masking hid the value.
fn request_of(x: &Exchange) -> Option<String> {
    let value = x.param("SAMLRequest")?;
    if x.method.eq_ignore_ascii_case("GET") {
        return Some(x.url.clone());
    }
    match (&x.saml, masked(value)) {
        (Some(xml), true) => Some(xml.clone()),
        _ => Some(value.to_string()),
    }
}

/// The SAMLResponse of an exchange, as `check_response` reads it: the form body with its
/// RelayState, or the XML SAML-tracer decoded when its masking hid the value.
fn response_of(x: &Exchange) -> Option<String> {
    let value = x.param("SAMLResponse")?;
    if masked(value) {
        return x.saml.clone();
    }
    let mut body = form_urlencoded::Serializer::new(String::new());
    body.append_pair("SAMLResponse", value);
    if let Some(relay) = x.param("RelayState") {
        body.append_pair("RelayState", relay);
    }
    Some(body.finish())
}

/// What one exchange shows, checked.
fn look(x: &Exchange, requested: bool, sp: Option<&SpUrls>, input: &TraceInput, now_ms: i64) -> Vec<Seen> {
    let mut out = Vec::new();
    if let Some(r) = request_of(x).and_then(|r| check_request(&r, sp).ok()) {
        out.push(Seen::Request(r));
    }
    if let Some(body) = response_of(x) {
        if let Some(sp) = sp {
            let expect = Expectations {
                service_provider: sp.clone(),
                entra_identifier: input.entra_identifier.clone(),
                certificate_der: input.certificate_der.clone(),
            };
            if let Ok(r) = check_response(&body, &expect, now_ms) {
                out.push(Seen::Response(Box::new(r)));
            }
        }
    }
    // The request itself may be what lands on a missing page (a wrong Single Sign-On URL).
    let requested = requested || !out.is_empty();
    let page = x.page_text.as_deref().unwrap_or_default();
    if let Some(e) = read_error(page) {
        out.push(Seen::EntraError(e));
    } else if let Some(t) = read_twilio_error(page).filter(|_| !is_login_host(&host(&x.url))) {
        out.push(Seen::TwilioError(t));
    } else if requested && is_login_host(&host(&x.url)) && missing_page(x.status, page) {
        out.push(Seen::NotFound);
    }
    out
}

/// A page that does not exist: a 404, or an error status whose page says so.
fn missing_page(status: Option<u16>, page: &str) -> bool {
    status == Some(404) || (status.is_some_and(|s| s >= 400) && is_not_found(page))
}

fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or_default().to_ascii_lowercase()
}

fn event(n: usize, x: &Exchange, s: &Seen) -> Event {
    let (kind, summary, findings) = match s {
        Seen::Request(r) => (
            Kind::Request,
            format!(
                "Twilio's request ({:?}): Issuer {}, ACS {}",
                r.binding,
                r.issuer.as_deref().unwrap_or("-"),
                r.assertion_consumer_service_url.as_deref().unwrap_or("-")
            ),
            r.findings.clone(),
        ),
        Seen::EntraError(e) => (Kind::EntraError, format!("Entra refused: AADSTS{} {}", e.code, e.message), Vec::new()),
        Seen::NotFound => (Kind::NotFound, "Entra has no such page (404)".to_string(), Vec::new()),
        Seen::Response(r) => (
            Kind::Response,
            format!(
                "The response ({}): Audience {}, NameID {}",
                r.status,
                r.audience.as_deref().unwrap_or("-"),
                r.name_id.as_deref().unwrap_or("-")
            ),
            r.findings.clone(),
        ),
        Seen::TwilioError(t) => (Kind::TwilioError, format!("Twilio refused: {} {}", t.code, t.message), Vec::new()),
    };
    let path = x.url.split_once("://").map_or(x.url.as_str(), |(_, r)| r);
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path: String = path.get(path.find('/').unwrap_or(path.len())..).unwrap_or_default().chars().take(200).collect();
    Event { n, kind, method: x.method.clone(), host: host(&x.url), path, status: x.status, summary, findings }
}

#[cfg(test)]
mod tests;
