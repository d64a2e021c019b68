//! The fuzz targets' bodies and their invariants, shared by `fuzz/` (cargo-fuzz) and by the
//! native test that replays every corpus file (`crate/tests/fuzz_corpus.rs`). Never in the
//! .wasm. Each function panics on a broken invariant, which is how a fuzzer sees a finding:
//!   - nothing panics on its own;
//!   - a value reported is a value the input holds;
//!   - without a pinned certificate, no signature counts as verified.
#![allow(clippy::panic)] // a failed invariant must stop the fuzzer

use sha1::{Digest, Sha1};

use crate::cert::certificate::{decode, hex_upper, inspect_certificate, CertInput};
use crate::common::timefmt::parse_rfc3339_ms;
use crate::forms::{observe_page, page_report, Console, FillMode, ReportVersions, Snapshot};
use crate::product::frontline::{is_invisible, realm_urls};
use crate::product::{sp_urls, Product};
use crate::saml::metadata::parse_metadata;
use crate::saml::request::{check_request, decode_request};
use crate::saml::response::{check_response, Expectations};
use crate::setup::idp::{check_idp_values, IdpInput};
use crate::setup::{apply_event, new_setup, SetupEvent};

/// The fixed "now" of every target, as in the tests.
fn now() -> i64 {
    parse_rfc3339_ms("2026-11-29T00:00:00Z").unwrap_or_default()
}

/// Text as markup holds it, for "does the input hold this value": comments (which split a
/// text node) and whitespace dropped, since XML normalizes attribute whitespace, and entities
/// decoded.
fn squash(s: &str) -> String {
    let mut bare = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("<!--") {
        let Some(end) = rest.get(at..).and_then(|r| r.find("-->")) else { break };
        bare.push_str(rest.get(..at).unwrap_or_default());
        rest = rest.get(at + end + 3..).unwrap_or_default();
    }
    bare.push_str(rest);
    let decoded = bare
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("<![CDATA[", "")
        .replace("]]>", "")
        .replace("&amp;", "&");
    decoded.chars().filter(|c| !c.is_whitespace()).collect()
}

fn holds(input: &str, value: &str, what: &str) {
    let (hay, needle) = (squash(input), squash(value));
    // Character references (&#x41;) may spell a value in ways `squash` does not decode.
    if !needle.is_empty() && !hay.contains(&needle) && !input.contains("&#") {
        panic!("{what} {value:?} is not in the input");
    }
}

/// Certificates: the thumbprint is the SHA-1 of the PEM's bytes, and those bytes begin one of
/// the certificates the input decodes to (trailing data never counts).
pub fn certificate(data: &[u8]) {
    let input = CertInput::Bytes(data);
    let Ok(r) = inspect_certificate(input, now()) else { return };
    let Ok(ders) = decode(input) else { panic!("inspected, but does not decode") };
    let Ok(own) = decode(CertInput::Text(&r.pem)) else { panic!("the report's PEM does not decode") };
    let Some(own) = own.first() else { panic!("the report's PEM is empty") };
    if hex_upper(&Sha1::digest(own)) != r.thumbprint_sha1 {
        panic!("the thumbprint is not the PEM's");
    }
    if !ders.first().is_some_and(|d| d.starts_with(own)) {
        panic!("the PEM is not the input's first certificate");
    }
}

/// Federation metadata: the entity ID and the sign-in URLs are the document's own.
pub fn metadata(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(m) = parse_metadata(text, now()) else { return };
    holds(text, &m.entity_id, "entityID");
    for e in m.single_sign_on_services.iter().chain(&m.single_logout_services) {
        holds(text, &e.location, "Location");
    }
}

/// Twilio's SP metadata: the entity ID and every ACS location are the document's own, the Reply
/// URL is one of them and https, and the values a Console setup gets are those.
pub fn sp_metadata(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(m) = crate::product::console::metadata_of(text) else { return };
    holds(text, &m.entity_id, "entityID");
    for e in &m.acs {
        holds(text, &e.location, "ACS Location");
    }
    if !m.acs.iter().any(|e| e.location == m.acs_url) || !m.acs_url.to_ascii_lowercase().starts_with("https://") {
        panic!("the Reply URL {} is not one of the ACS listed, or not https", m.acs_url);
    }
    let Ok(u) = sp_urls(text, Some(Product::Console), None) else { panic!("read, but gives no values") };
    if u.sp_entity_id != m.entity_id || u.reply_url != m.acs_url {
        panic!("a Console setup got other values than the metadata's");
    }
}

/// A SAML-tracer export or a HAR file, judged with the fuzz realm and the test certificate: a
/// verdict that it works has a response that passed; every host shown is the file's own.
pub fn trace(data: &[u8]) {
    use crate::setup::trace::{check_trace, Kind, TraceInput};
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = TraceInput {
        service_provider: sp_urls(SID, None, None).ok(),
        certificate_der: Some(test_signing_der()),
        ..TraceInput::default()
    };
    let Ok(r) = check_trace(text, &input, now()) else { return };
    if r.verdict.ok && !r.timeline.iter().any(|e| e.kind == Kind::Response) {
        panic!("a trace works without a response");
    }
    // JSON may spell a host with escapes (\u0041, \/): then it is not looked for as written.
    let lower = text.to_ascii_lowercase();
    for e in &r.timeline {
        if !text.contains('\\') && !lower.contains(&e.host) {
            panic!("the host {} is not in the file", e.host);
        }
    }
}

/// A SAML response, checked with the test signing certificate pinned (`pinned`) or with none.
pub fn response(data: &[u8], pinned: Option<&[u8]>) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let expect = Expectations {
        service_provider: match sp_urls(SID, None, None) {
            Ok(u) => u,
            Err(_) => panic!("the fuzz realm is refused"),
        },
        entra_identifier: Some("https://sts.windows.net/11111111-2222-4333-8444-555555555555/".into()),
        certificate_der: pinned.map(<[u8]>::to_vec),
    };
    let Ok(r) = check_response(text, &expect, now()) else { return };
    if pinned.is_none() && (r.signature_verified == Some(true) || r.ok) {
        panic!("verified without a pinned certificate");
    }
    let Ok(xml) = crate::saml::response::decode_response(text) else { panic!("checked, but does not decode") };
    for (what, v) in [("Issuer", &r.issuer), ("Audience", &r.audience), ("NameID", &r.name_id)] {
        if let Some(v) = v {
            holds(&xml, v, what);
        }
    }
    for a in &r.attributes {
        holds(&xml, &a.name, "attribute name");
        for v in &a.values {
            holds(&xml, v, "attribute value");
        }
    }
    redacted(&xml, &expect);
}

/// A response's copy for sharing holds no value but shapes, the product's roles and empty ones.
fn redacted(xml: &str, expect: &Expectations) {
    use crate::saml::response::redact::{redact, shape_of};
    let facts = expect.service_provider.product.facts();
    let Ok(copy) = redact(xml, facts) else { panic!("a checked response is not redacted") };
    let Ok(r) = check_response(&copy, expect, now()) else { return };
    let kept = |v: &str| v.is_empty() || shape_of(v).is_some() || facts.roles.iter().any(|role| role.value == v);
    for v in r.name_id.iter().chain(r.attributes.iter().flat_map(|a| &a.values)) {
        if !kept(v) {
            panic!("the redacted copy holds {v:?}");
        }
    }
}

/// A Realm SID: the SID reported is the one typed (whatever its case, without the invisible
/// marks the core removes and says it removed), in the URLs built from it.
pub fn realm(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    product_urls(text, &visible);
    let Ok(r) = realm_urls(text) else { return };
    if !visible.to_ascii_lowercase().contains(&r.realm_sid.to_ascii_lowercase()) {
        panic!("the Realm SID {} is not in the input", r.realm_sid);
    }
    if !r.sp_entity_id.ends_with(&r.realm_sid) || !r.reply_url.ends_with(&r.realm_sid) {
        panic!("the URLs are not built from the Realm SID");
    }
}

/// Any product's SID or URL (Flex's too: its connection, region and legacy Account SID): the SID
/// reported is in the input, and both URLs are built from it.
fn product_urls(text: &str, visible: &str) {
    for want in [None, Some(Product::Frontline), Some(Product::Flex)] {
        let Ok(u) = sp_urls(text, want, None) else { continue };
        if u.product == Product::Console {
            continue; // read from SP metadata, not built from a SID: the sp_metadata target's
        }
        if !visible.to_ascii_lowercase().contains(&u.sid.to_ascii_lowercase()) {
            panic!("the SID {} is not in the input", u.sid);
        }
        if !u.sp_entity_id.contains(&u.sid) || !u.reply_url.contains(&u.sid) {
            panic!("the URLs are not built from the SID");
        }
        if want.is_some_and(|w| w != u.product) {
            panic!("a {:?} setup was given another product's URLs", want);
        }
    }
}

/// The IdP values for Twilio: the first line is the Login URL, the second the Identifier, the
/// rest metadata. What the check calls their value is what was typed, trimmed.
pub fn idp(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut lines = text.splitn(3, '\n');
    let input = IdpInput {
        login_url: lines.next().unwrap_or_default().to_string(),
        entra_identifier: lines.next().unwrap_or_default().to_string(),
        metadata_xml: lines.next().map(str::to_string),
    };
    let c = check_idp_values(&input, now());
    for (typed, value, what) in [
        (&input.login_url, &c.login_url.value, "Login URL"),
        (&input.entra_identifier, &c.entra_identifier.value, "Identifier"),
    ] {
        if !typed.contains(value.as_str()) {
            panic!("{what} {value:?} is not in the input");
        }
    }
}

/// A page snapshot (JSON, as page reports carry it) through recognition: whatever the page
/// is said to prove (values read from it) is text the snapshot holds.
pub fn page(data: &[u8], console: Console) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(snap) = serde_json::from_str::<Snapshot>(text) else { return };
    let t = now();
    let Ok(setup) = apply_event(new_setup("fuzz", t), &SetupEvent::SetRealmSid { value: SID.into() }, t) else {
        panic!("the fuzz setup is refused")
    };
    let Ok(r) = observe_page(setup, &snap, console, FillMode::OnDemand, t) else { return };
    let mut held = String::new();
    strings(&serde_json::to_value(&snap).unwrap_or_default(), &mut held);
    let held = held.to_ascii_uppercase();
    let p = &r.setup.portal;
    for (what, v) in [("thumbprint", &p.thumbprint), ("expiration", &p.expiration), ("metadata URL", &p.metadata_url)] {
        if let Some(v) = v {
            holds(&held.replace([':', ' '], ""), &v.to_ascii_uppercase().replace([':', ' '], ""), what);
        }
    }
    for (what, v) in [("Login URL", &r.setup.login_url), ("Identifier", &r.setup.entra_identifier)] {
        holds(&held, &v.to_ascii_uppercase(), what);
    }
}

/// A page report of a hostile snapshot, for a setup with its own values: none of them, in any
/// case, and no URL or e-mail address reaches the report; every text is known wording or a shape.
pub fn page_report_of(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(snap) = serde_json::from_str::<Snapshot>(text) else { return };
    if snap.within_limits().is_err() {
        return; // the worker and the CLI refuse it before a report is made
    }
    let mut setup = new_setup("fuzz", now());
    setup.app_name = "Contoso Frontline".into();
    setup.sp_input = SID.into();
    setup.login_url = format!("https://login.microsoftonline.com/{TENANT}/saml2");
    for console in ["azure", "twilio"] {
        let r = page_report(&snap, &setup, console, "asked for by the admin", ReportVersions::default(), &[]);
        let mut held = String::new();
        strings(&serde_json::to_value(&r.snapshot).unwrap_or_default(), &mut held);
        let held = held.to_lowercase();
        for secret in ["contoso frontline", &SID.to_lowercase(), TENANT, "://"] {
            if held.contains(secret) {
                panic!("{secret:?} reached a report");
            }
        }
        if held.lines().any(|l| l.contains('@') && l.rsplit('@').next().is_some_and(|d| d.contains('.'))) {
            panic!("an e-mail address reached a report");
        }
    }
}

/// Twilio's AuthnRequest, in any binding: what the check reports (the Issuer, the ACS URL, the
/// destination) is in the decoded request.
pub fn request(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(urls) = sp_urls(SID, None, None) else { panic!("the fuzz realm is refused") };
    let Ok(r) = check_request(text, Some(&urls)) else { return };
    let Ok((xml, _)) = decode_request(text) else { panic!("a request checked but not decoded") };
    for (what, v) in [
        ("Issuer", &r.issuer),
        ("ACS URL", &r.assertion_consumer_service_url),
        ("Destination", &r.destination),
        ("ID", &r.id),
    ] {
        if let Some(v) = v {
            holds(&xml, v, what);
        }
    }
}

/// Every string in a JSON value, one per line.
fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const TENANT: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

/// The certificate the generated responses are signed with, to pin in `response_pinned`.
pub fn test_signing_der() -> Vec<u8> {
    const PEM: &str = include_str!("../../tests/fixtures/generated/responses/test-signing-cert.pem");
    decode(CertInput::Text(PEM)).ok().and_then(|d| d.into_iter().next()).unwrap_or_default()
}
