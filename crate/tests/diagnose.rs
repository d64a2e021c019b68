#![cfg(all(not(target_arch = "wasm32"), feature = "xmldsig"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! A sign-in that fails at Entra: the AADSTS error, Twilio's request and the realm's values
//! become one diagnosis, for each code admins meet most.

use frontline_sso::common::ids::Step;
use frontline_sso::saml::request::check_request;
use frontline_sso::setup::diagnose::{diagnose, read_error, Known};

/// The service-provider URLs a SID names (in a region), as a setup resolves them.
fn sp(sid: &str, region: Option<&str>) -> Option<frontline_sso::product::SpUrls> {
    frontline_sso::product::sp_urls(sid, None, region).ok()
}

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const OTHER: &str = "JBffffffffffffffffffffffffffffffff";

/// A generated fixture's text, trimmed.
fn generated(rel: &str) -> String {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/generated");
    std::fs::read_to_string(fixtures.join(rel)).unwrap().trim().to_string()
}

/// The moment the generated responses are valid at.
fn generated_now() -> i64 {
    frontline_sso::common::timefmt::parse_rfc3339_ms("2026-11-29T00:00:00Z").unwrap()
}

/// A Frontline setup with its SID and the generated responses' signing certificate pinned.
fn pinned_setup(now: i64) -> frontline_sso::setup::Setup {
    use frontline_sso::setup::{apply_event, new_setup, SetupEvent};
    let events = [
        SetupEvent::SetRealmSid { value: SID.into() },
        SetupEvent::SetCertificate {
            text: Some(generated("responses/test-signing-cert.pem")),
            bytes: None,
            source: "test".into(),
        },
    ];
    events.iter().fold(new_setup("a", now), |s, e| apply_event(s, e, now).unwrap())
}

/// The page's "Troubleshooting details", as an admin copies them.
fn page(code: u32, message: &str) -> String {
    format!(
        "Sorry, but we're having trouble signing you in.\n\nAADSTS{code}: {message}\n\nTroubleshooting details\n\
         Request Id: 5a8e0f7c-0000-4000-8000-000000000001\nCorrelation Id: 7f1e2d3c-0000-4000-8000-000000000002\n\
         Timestamp: 2026-11-30T10:00:00Z\nMessage: AADSTS{code}: {message}\n"
    )
}

fn request_xml(sid_issuer: &str, sid_acs: &str) -> String {
    format!(
        "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" \
         xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r\" \
         AssertionConsumerServiceURL=\"https://iam.twilio.com/v2/saml2/authenticate/{sid_acs}\">\
         <saml:Issuer>https://iam.twilio.com/v2/saml2/metadata/{sid_issuer}</saml:Issuer></samlp:AuthnRequest>"
    )
}

#[test]
fn the_troubleshooting_details_are_read_from_the_page_text() {
    let e = read_error(&page(50011, "The redirect URI 'x' specified in the request does not match.")).unwrap();
    assert_eq!(e.code, 50011);
    assert_eq!(e.message, "The redirect URI 'x' specified in the request does not match.");
    assert_eq!(e.request_id.as_deref(), Some("5a8e0f7c-0000-4000-8000-000000000001"));
    assert_eq!(e.timestamp.as_deref(), Some("2026-11-30T10:00:00Z"));
    assert_eq!(read_error("Sorry, something went wrong."), None, "no code, no error");
}

#[test]
fn each_code_names_its_step_and_the_values_side_by_side() {
    let known = Known {
        service_provider: sp(SID, None),
        reply_urls: vec![format!("https://iam.twilio.com/v2/saml2/authenticate/{OTHER}")],
        identifiers: vec![],
        ..Known::default()
    };
    let wrong_acs = check_request(&request_xml(SID, OTHER), sp(SID, None).as_ref()).unwrap();
    let wrong_issuer = check_request(&request_xml(OTHER, SID), sp(SID, None).as_ref()).unwrap();
    for (code, request, step, values) in [
        (50011, Some(&wrong_acs), Step::BasicSaml, 2),
        (700016, Some(&wrong_issuer), Step::BasicSaml, 2),
        (650056, Some(&wrong_issuer), Step::BasicSaml, 2),
        (50105, None, Step::AssignUsers, 0),
        (75011, None, Step::TestSignIn, 0),
        (501241, None, Step::Claims, 0),
        (76021, None, Step::Signing, 0),
        (750054, None, Step::TwilioSso, 0),
        (75016, None, Step::TwilioSso, 0),
        (900236, None, Step::TwilioSso, 0),
        (75005, None, Step::TwilioSso, 0),
        (90014, None, Step::TwilioSso, 0),
    ] {
        let e = read_error(&page(code, "as Microsoft words it")).unwrap();
        let d = diagnose(Some(&e), request, &known);
        assert_eq!((d.code, d.step), (Some(code), step), "AADSTS{code}");
        assert_eq!(d.values.len(), values, "AADSTS{code}: {:?}", d.values);
        assert!(!d.fix.is_empty() && !d.fix.contains('['), "AADSTS{code}: labels put in: {}", d.fix);
        assert_eq!(d.lookup_url, Some(format!("https://login.microsoftonline.com/error?code={code}")));
    }
    let d = diagnose(Some(&read_error(&page(50011, "x")).unwrap()), Some(&wrong_acs), &known);
    let asked = &d.values[0];
    assert_eq!(asked.expected, format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"));
    assert_eq!(asked.actual, format!("https://iam.twilio.com/v2/saml2/authenticate/{OTHER}"));
}

#[test]
fn an_unknown_code_is_named_with_its_lookup_url() {
    let e = read_error(&page(53003, "Access has been blocked by Conditional Access policies.")).unwrap();
    let d = diagnose(Some(&e), None, &Known { service_provider: sp(SID, None), ..Known::default() });
    assert_eq!(d.step, Step::TestSignIn);
    assert!(d.summary.contains("Conditional Access"), "{}", d.summary);
    assert_eq!(d.lookup_url.as_deref(), Some("https://login.microsoftonline.com/error?code=53003"));
}

#[test]
fn without_an_error_the_request_alone_is_judged() {
    let known = Known { service_provider: sp(SID, None), ..Known::default() };
    let d = diagnose(None, Some(&check_request(&request_xml(SID, OTHER), sp(SID, None).as_ref()).unwrap()), &known);
    assert_eq!((d.code, d.step), (None, Step::BasicSaml));
    assert!(d.summary.contains("Reply URL"), "{}", d.summary);
}

#[test]
fn in_the_setup_a_captured_request_and_an_error_page_become_the_test_sign_ins_diagnosis() {
    use frontline_sso::setup::checklist::Status;
    use frontline_sso::setup::{apply_event, new_setup, SetupEvent};
    let url = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/generated/requests/wrong_acs.redirect-url.txt"),
    )
    .unwrap();
    let s = apply_event(new_setup("a", 0), &SetupEvent::SetRealmSid { value: SID.into() }, 1).unwrap();
    let s =
        apply_event(s, &SetupEvent::SignInRequest { text: url.trim().into(), source: "captured".into() }, 2).unwrap();
    let step = s.checklist.step(Step::TestSignIn).unwrap();
    assert_eq!(step.status(), Status::Attention, "named before any error page");
    assert!(step.evidence.last().unwrap().what.starts_with("Twilio's request: Twilio asks Entra to post to"));
    let page = page(50011, "The redirect URI specified in the request does not match.");
    let s = apply_event(s, &SetupEvent::SignInFailure { text: page, source: "error page".into() }, 3).unwrap();
    let f = s.sign_in_failure.clone().unwrap();
    assert_eq!((f.code, f.step), (Some(50011), Some(Step::BasicSaml)));
    assert_eq!(f.values[0].actual, format!("https://iam.twilio.com/v2/saml2/authenticate/{OTHER}"));
    assert_eq!(f.request_id.as_deref(), Some("5a8e0f7c-0000-4000-8000-000000000001"));
    let md = frontline_sso::setup::summary_markdown(&s, 3);
    assert!(md.contains("## Sign-in refused — AADSTS50011") && md.contains("Request Id: 5a8e0f7c"), "{md}");
    let s = apply_event(s, &SetupEvent::ClearSignInFailure, 4).unwrap();
    assert_eq!(s.sign_in_failure, None, "Mark as fixed sets it aside");
    let nothing = apply_event(s, &SetupEvent::SignInFailure { text: "Sorry.".into(), source: "pasted".into() }, 5);
    assert_eq!(nothing.unwrap_err().code, "no_error_code");
}

/// Flex's request is judged by the SSO connection SID's URLs, in its region.
#[test]
fn a_flex_request_is_judged_by_flex_urls() {
    const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
    let flex = |region: &str| {
        format!(
            "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" \
             xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r\" \
             AssertionConsumerServiceURL=\"https://login.flex.{region}.twilio.com/login/callback?connection={JQ}\">\
             <saml:Issuer>urn:flex:{JQ}</saml:Issuer></samlp:AuthnRequest>"
        )
    };
    let codes = |xml: &str, sid: &str, region: Option<&str>| -> Vec<&'static str> {
        check_request(xml, sp(sid, region).as_ref()).unwrap().findings.iter().map(|f| f.code).collect()
    };
    for (name, xml, sid, region, want) in [
        ("Flex's own request", flex("us1"), JQ, None, &[][..]),
        ("in its region", flex("ie1"), JQ, Some("ie1"), &[]),
        ("from another region", flex("ie1"), JQ, None, &["request_acs_mismatch"]),
        (
            "Flex's request for a Frontline setup",
            flex("us1"),
            SID,
            None,
            &["request_issuer_mismatch", "request_acs_mismatch"],
        ),
        (
            "Frontline's request for a Flex setup",
            request_xml(SID, SID),
            JQ,
            None,
            &["request_issuer_mismatch", "request_acs_mismatch"],
        ),
    ] {
        assert_eq!(codes(&xml, sid, region), want, "{name}");
    }
    let issuer = check_request(&request_xml(SID, SID), sp(JQ, None).as_ref()).unwrap();
    assert!(issuer.findings[0].message.contains("Check the SSO connection SID"), "{}", issuer.findings[0].message);
    let known = Known { service_provider: sp(JQ, Some("ie1")), ..Known::default() };
    let d = diagnose(read_error(&page(50011, "The redirect URI does not match.")).as_ref(), Some(&issuer), &known);
    assert!(d.values.iter().any(|v| v.expected.contains("login.flex.ie1.twilio.com")), "{:?}", d.values);
}

#[test]
fn the_error_text_is_cut_at_16_kb_even_inside_a_character() {
    // Byte 16,384 falls inside "é": the cut must not give up and read all of it (issue 27).
    let filler = format!("{}é", "x".repeat(16 * 1024 - 1));
    let cases = [
        ("a code past the cut, the cut inside a character", format!("{filler}AADSTS50011"), None),
        ("a code before the cut", format!("AADSTS50011 {filler}"), Some(50011)),
    ];
    for (name, text, want) in cases {
        assert_eq!(read_error(&text).map(|e| e.code), want, "{name}");
    }
}

/// What the sign-in watch may believe of a request (issue 27: a forged request replaced the
/// captured one and turned a verified sign-in to "attention").
#[test]
fn a_request_never_undoes_a_verified_sign_in_and_another_issuer_is_refused() {
    use frontline_sso::setup::checklist::Status;
    use frontline_sso::setup::{apply_event, SetupEvent};
    let read = generated;
    let now = generated_now();
    let idp = SetupEvent::SetIdpValues {
        login_url: None,
        entra_identifier: Some("https://sts.windows.net/11111111-2222-4333-8444-555555555555/".into()),
        place: None,
    };
    let s = apply_event(pinned_setup(now), &idp, now).unwrap();
    // A page forged a request for another service provider: refused, nothing kept.
    let forged = SetupEvent::SignInRequest { text: read("requests/wrong_issuer.redirect-url.txt"), source: "x".into() };
    assert_eq!(apply_event(s.clone(), &forged, now).unwrap_err().code, "request_not_this_setup");
    // A verified sign-in, then a request that would have named a problem: the step stays done.
    let good = SetupEvent::SignInResponse { text: read("responses/good.b64.txt"), source: "captured".into() };
    let s = apply_event(s, &good, now).unwrap();
    assert!(s.signed_in_verified(), "{:?}", s.sign_in);
    let late = SetupEvent::SignInRequest { text: read("requests/wrong_acs.redirect-url.txt"), source: "x".into() };
    let s = apply_event(s, &late, now).unwrap();
    assert_eq!(s.checklist.step(Step::TestSignIn).unwrap().status(), Status::Done);
}

/// Twilio Console's "404 at the IdP" (its troubleshooting page): after the profile's request, a
/// page of the sign-in host that does not exist names the profile's Single Sign-On URL.
#[test]
fn a_not_found_page_after_twilios_request_names_the_sso_url_in_twilio() {
    use frontline_sso::setup::checklist::Status;
    use frontline_sso::setup::{apply_event, new_setup, SetupEvent};
    let metadata = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/console/twilio-sp-metadata.xml"),
    )
    .unwrap();
    let tenant = "11111111-2222-4333-8444-555555555555";
    let login = format!("https://login.microsoftonline.com/{tenant}/saml2");
    let wrong = format!("https://login.microsoftonline.com/{tenant}/saml");
    let request = format!(
        "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" \
         xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_t\" Destination=\"{wrong}\" \
         AssertionConsumerServiceURL=\"https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a\">\
         <saml:Issuer>urn:auth0:twilio:sso-3f2a9c41d0b84e7a</saml:Issuer></samlp:AuthnRequest>"
    );
    let b64 = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, request);
    let mut s = new_setup("c", 0);
    for e in [
        SetupEvent::SetProduct(frontline_sso::product::Product::Console),
        SetupEvent::SetRealmSid { value: metadata },
        SetupEvent::SetIdpValues { login_url: Some(login.clone()), entra_identifier: None, place: None },
        SetupEvent::SignInRequest {
            text: format!("SAMLRequest={}", b64.replace('+', "%2B")),
            source: "captured".into(),
        },
    ] {
        s = apply_event(s, &e, 1).unwrap();
    }
    // (name, page text, a diagnosis of the SSO URL?)
    let cases = [
        ("an HTTP 404 page", "404 - File or directory not found.", true),
        ("a page that says it cannot be found", "The page you're looking for can't be found.", true),
        ("a page with neither a code nor a 404", "Sorry.", false),
    ];
    for (name, text, want) in cases {
        let r =
            apply_event(s.clone(), &SetupEvent::SignInFailure { text: text.into(), source: "error page".into() }, 2);
        match (r, want) {
            (Ok(after), true) => {
                let f = after.sign_in_failure.clone().unwrap();
                assert_eq!((f.code, f.step), (None, Some(Step::TwilioSso)), "{name}");
                assert_eq!(
                    (f.values[0].expected.as_str(), f.values[0].actual.as_str()),
                    (login.as_str(), wrong.as_str())
                );
                assert!(f.fix.contains("Login URL") && f.summary.contains("404"), "{name}: {}", f.fix);
                assert_eq!(after.checklist.step(Step::TestSignIn).unwrap().status(), Status::Attention);
            }
            (Err(e), false) => assert_eq!(e.code, "no_error_code", "{name}"),
            (r, _) => panic!("{name}: {r:?}"),
        }
    }
}

/// Twilio's own error, pasted or read: its code names the step, and its page in Twilio's dictionary.
#[test]
fn a_pasted_twilio_error_becomes_the_diagnosis() {
    use frontline_sso::setup::{apply_event, new_setup, SetupEvent};
    let s = apply_event(new_setup("a", 0), &SetupEvent::SetRealmSid { value: SID.into() }, 1).unwrap();
    let cases = [
        ("70251", "Error 70251: no valid certificate for identity realm", Step::TwilioSso, "certificate"),
        ("70004", "70004 invalid issuer", Step::TwilioSso, "trailing slash"),
        ("another code", "Twilio error 70999: something new", Step::TestSignIn, "70999"),
    ];
    for (name, text, step, says) in cases {
        let e = SetupEvent::SignInFailure { text: text.into(), source: "pasted".into() };
        let f = apply_event(s.clone(), &e, 2).unwrap().sign_in_failure.unwrap();
        assert_eq!((f.code, f.step), (None, Some(step)), "{name}");
        assert!(f.twilio_code.is_some(), "{name}");
        assert!(f.summary.contains(says) || f.fix.contains(says), "{name}: {} {}", f.summary, f.fix);
        let view = frontline_sso::setup::view(&apply_event(s.clone(), &e, 2).unwrap(), 2);
        let url = view.sign_in_failure.unwrap().lookup_url.unwrap();
        assert!(url.starts_with("https://www.twilio.com/docs/api/errors/70"), "{name}: {url}");
    }
}

/// An export for support, redacted, passes every check it allows but proves no sign-in: pasted or
/// read as a trace, the test sign-in stays to do; with its values, it is done.
#[test]
fn a_redacted_copy_never_makes_the_test_sign_in_done() {
    use frontline_sso::product::sp_urls;
    use frontline_sso::saml::response::redact::redact;
    use frontline_sso::setup::checklist::Status;
    use frontline_sso::setup::trace::{export_trace, Captured};
    use frontline_sso::setup::{apply_event, SetupEvent};
    let read = generated;
    let now = generated_now();
    let setup = pinned_setup(now);
    let sp = sp_urls(SID, None, None).unwrap();
    let b64 = read("responses/good.b64.txt");
    let form = format!("SAMLResponse={}", b64.replace('+', "%2B").replace('/', "%2F").replace('=', "%3D"));
    let captured = Captured { url: sp.reply_url.clone(), form, at_ms: now };
    let redacted_xml = redact(&read("responses/good.xml"), sp.product.facts()).unwrap();
    let trace = |include| export_trace(&captured, Some(&sp), include).unwrap();
    // (name, the event, the step's status)
    let cases: [(&str, SetupEvent, Status); 4] = [
        ("a redacted response, pasted", SetupEvent::SignInResponse { text: redacted_xml, source: "pasted".into() }, {
            Status::Attention
        }),
        ("a redacted export, read", SetupEvent::SignInTrace { text: trace(false), source: "x".into() }, {
            Status::Attention
        }),
        ("the export with its values", SetupEvent::SignInTrace { text: trace(true), source: "x".into() }, Status::Done),
        (
            "the response itself",
            SetupEvent::SignInResponse { text: b64.clone(), source: "pasted".into() },
            Status::Done,
        ),
    ];
    let verified = apply_event(setup.clone(), &cases[3].1, now).unwrap();
    for (name, event, status) in cases {
        let s = apply_event(setup.clone(), &event, now).unwrap();
        let step = s.checklist.step(Step::TestSignIn).unwrap();
        assert_eq!(step.status(), status, "{name}");
        assert!(!s.signed_in_verified() || status == Status::Done, "{name}");
        // After a verified sign-in, a copy of it (redacted or not) leaves it verified.
        let after = apply_event(verified.clone(), &event, now).unwrap();
        assert!(after.signed_in_verified(), "{name}, after a verified sign-in");
    }
}
