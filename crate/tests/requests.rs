#![cfg(all(not(target_arch = "wasm32"), feature = "xmldsig"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Twilio's AuthnRequest, as it travels to Entra: decoded from either binding and checked
//! against the realm before any error page.

use base64::Engine;
use frontline_sso::saml::request::{check_request, Binding};

/// The service-provider URLs a SID names (in a region), as a setup resolves them.
fn sp(sid: &str, region: Option<&str>) -> Option<frontline_sso::product::SpUrls> {
    frontline_sso::product::sp_urls(sid, None, region).ok()
}

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const TENANT: &str = "11111111-2222-4333-8444-555555555555";

fn request(issuer: &str, acs: &str) -> String {
    format!(
        "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" \
         xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_abc\" Version=\"2.0\" \
         IssueInstant=\"2026-11-30T10:00:00Z\" Destination=\"https://login.microsoftonline.com/{TENANT}/saml2\" \
         AssertionConsumerServiceURL=\"{acs}\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\">\
         <saml:Issuer>{issuer}</saml:Issuer>\
         <samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress\" AllowCreate=\"true\"/>\
         </samlp:AuthnRequest>"
    )
}

fn good() -> String {
    request(
        &format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"),
        &format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"),
    )
}

/// The HTTP-Redirect binding: raw DEFLATE, base64, URL-encoded in the sign-in URL.
fn redirect_url(xml: &str) -> String {
    let deflated = miniz_oxide::deflate::compress_to_vec(xml.as_bytes(), 6);
    let b64 = base64::engine::general_purpose::STANDARD.encode(deflated);
    let q: String = form_urlencoded::byte_serialize(b64.as_bytes()).collect();
    format!("https://login.microsoftonline.com/{TENANT}/saml2?SAMLRequest={q}&RelayState=x")
}

fn post_value(xml: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(xml)
}

fn codes(input: &str) -> Vec<&'static str> {
    check_request(input, sp(SID, None).as_ref()).unwrap().findings.iter().map(|f| f.code).collect()
}

#[test]
fn both_bindings_and_every_form_of_input_decode_to_the_same_request() {
    let xml = good();
    for (name, input, binding) in [
        ("the sign-in URL (Redirect)", redirect_url(&xml), Binding::Redirect),
        (
            "the bare Redirect value",
            redirect_url(&xml).split("SAMLRequest=").nth(1).unwrap().replace("&RelayState=x", ""),
            Binding::Redirect,
        ),
        (
            "a POST form body",
            format!("SAMLRequest={}", form_urlencoded::byte_serialize(post_value(&xml).as_bytes()).collect::<String>()),
            Binding::Post,
        ),
        ("the bare POST value", post_value(&xml), Binding::Post),
        ("the XML", xml.clone(), Binding::Post),
    ] {
        let r = check_request(&input, sp(SID, None).as_ref()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(r.binding, binding, "{name}");
        assert_eq!(r.id.as_deref(), Some("_abc"), "{name}");
        assert_eq!(r.issuer, Some(format!("https://iam.twilio.com/v2/saml2/metadata/{SID}")), "{name}");
        assert_eq!(r.name_id_format.as_deref(), Some("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"));
        assert!(r.findings.is_empty(), "{name}: {:?}", r.findings);
    }
}

#[test]
fn a_wrong_issuer_or_reply_url_is_named_before_any_error_page() {
    let other = "JBffffffffffffffffffffffffffffffff";
    let metadata = |sid: &str| format!("https://iam.twilio.com/v2/saml2/metadata/{sid}");
    let acs = |sid: &str| format!("https://iam.twilio.com/v2/saml2/authenticate/{sid}");
    for (name, xml, want) in [
        ("another realm's Issuer", request(&metadata(other), &acs(SID)), vec!["request_issuer_mismatch"]),
        ("another realm's ACS", request(&metadata(SID), &acs(other)), vec!["request_acs_mismatch"]),
        (
            "a trailing slash on the ACS",
            request(&metadata(SID), &format!("{}/", acs(SID))),
            vec!["request_acs_mismatch"],
        ),
        (
            "an Issuer split by a comment is read whole",
            request(&format!("https://iam.twilio.com/v2/saml2/<!--x-->metadata/{SID}"), &acs(SID)),
            vec![],
        ),
        (
            "a destination that is not Microsoft's",
            good().replace("login.microsoftonline.com", "login.example.test"),
            vec!["request_destination_unknown"],
        ),
    ] {
        assert_eq!(codes(&redirect_url(&xml)), want, "{name}");
    }
}

#[test]
fn hostile_or_foreign_input_is_a_typed_error() {
    let big = "A".repeat(70 * 1024);
    let bomb = redirect_url(&format!("{}<!--{}-->", good(), " ".repeat(200_000)));
    for (name, input, code) in [
        ("nothing", String::new(), "empty"),
        ("not base64", "SAMLRequest=%%%".to_string(), "not_base64"),
        ("not deflate", post_value("\u{1}\u{2}\u{3}"), "not_deflate"),
        ("a DOCTYPE", format!("<!DOCTYPE x [<!ENTITY e \"e\">]>{}", good()), "doctype_not_allowed"),
        (
            "a response, not a request",
            "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>".into(),
            "not_authn_request",
        ),
        ("too large", big, "too_large"),
        ("inflates past the cap", bomb, "not_deflate"),
    ] {
        assert_eq!(check_request(&input, sp(SID, None).as_ref()).unwrap_err().code, code, "{name}");
    }
}
