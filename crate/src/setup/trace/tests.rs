#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)] // test code may panic

use super::*;
use crate::cert::certificate::{decode, CertInput};
use crate::common::ids::Step;

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
const CERT: &str = include_str!("../../../../tests/fixtures/generated/responses/test-signing-cert.pem");
/// 2026-11-29T00:00:00Z: the generated responses are valid then.
const NOW: i64 = 1_795_910_400_000;

fn trace(name: &str) -> String {
    let path = format!("{}/../tests/fixtures/generated/traces/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn input(sid: Option<&str>) -> TraceInput {
    TraceInput {
        service_provider: sid.map(|s| sp_urls(s, None, None).unwrap()),
        entra_identifier: Some("https://sts.windows.net/11111111-2222-4333-8444-555555555555/".into()),
        certificate_der: decode(CertInput::Text(CERT)).unwrap().into_iter().next(),
        ..TraceInput::default()
    }
}

#[test]
fn each_recorded_sign_in_gives_its_timeline_and_verdict() {
    use Kind::{Request, Response};
    // (name, file, the setup's SID or none, the timeline's kinds, works?, the step to fix)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a [Kind], bool, Option<Step>);
    let cases: [Case; 9] = [
        ("a good sign-in", "good.saml-tracer.json", Some(SID), &[Request, Response], true, None),
        ("a good sign-in, SID from the trace", "good.saml-tracer.json", None, &[Request, Response], true, None),
        ("before SAML-tracer 1.0", "good_legacy.saml-tracer.json", Some(SID), &[Request, Response], true, None),
        (
            "values masked: the decoded SAML is read",
            "good_masked.saml-tracer.json",
            Some(SID),
            &[Request, Response],
            true,
            None,
        ),
        (
            "AADSTS50011: another Reply URL",
            "aadsts50011.saml-tracer.json",
            Some(SID),
            &[Request],
            false,
            Some(Step::BasicSaml),
        ),
        (
            "AADSTS700016: another Issuer",
            "aadsts700016.saml-tracer.json",
            Some(SID),
            &[Request],
            false,
            Some(Step::BasicSaml),
        ),
        (
            "signed with another certificate",
            "wrong_certificate.saml-tracer.json",
            Some(SID),
            &[Request, Response],
            false,
            Some(Step::TwilioSso),
        ),
        (
            "Flex without full_name",
            "flex_missing_full_name.saml-tracer.json",
            Some(JQ),
            &[Request, Response],
            false,
            Some(Step::Claims),
        ),
        (
            "Flex, its connection from the trace",
            "flex_missing_full_name.saml-tracer.json",
            None,
            &[Request, Response],
            false,
            Some(Step::Claims),
        ),
    ];
    for (name, file, sid, kinds, ok, step) in cases {
        let r = check_trace(&trace(file), &input(sid), NOW).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(r.timeline.iter().map(|e| e.kind).collect::<Vec<_>>(), kinds, "{name}");
        assert_eq!((r.verdict.ok, r.verdict.step), (ok, step), "{name}: {}", r.verdict.summary);
        assert_eq!(r.inferred, sid.is_none(), "{name}");
        assert!(r.timeline.iter().all(|e| !e.path.contains("SAML")), "{name}: no SAML message in a path");
    }
    let flex = check_trace(&trace("flex_missing_full_name.saml-tracer.json"), &input(None), NOW).unwrap();
    assert_eq!(flex.service_provider.unwrap().sid, JQ, "the connection named by the request");
    let acs = check_trace(&trace("aadsts50011.saml-tracer.json"), &input(Some(SID)), NOW).unwrap();
    assert!(acs.verdict.summary.contains("Reply URL"), "{}", acs.verdict.summary);
    assert_eq!(acs.verdict.values.len(), 1, "{:?}", acs.verdict.values);
}

#[test]
fn without_a_certificate_the_signatures_are_not_judged_and_the_verdict_says_so() {
    let r =
        check_trace(&trace("good.saml-tracer.json"), &TraceInput { certificate_der: None, ..input(Some(SID)) }, NOW)
            .unwrap();
    assert!(r.verdict.ok && r.verdict.summary.contains("not judged"), "{}", r.verdict.summary);
}

#[test]
fn what_is_not_a_trace_is_named_quickly() {
    let good = trace("good.saml-tracer.json");
    let cut = good.get(..good.len() / 2).unwrap();
    let huge = " ".repeat(MAX_TRACE_BYTES + 1);
    let cases: [(&str, &str, &str); 6] = [
        ("no SAML at all", &trace("no_saml.saml-tracer.json"), "no_saml_in_trace"),
        ("cut short", cut, "not_a_trace"),
        ("another JSON", "{\"hello\": 1}", "not_a_trace"),
        ("not JSON", "<html>", "not_a_trace"),
        ("empty", "  ", "empty"),
        ("too large", &huge, "too_large"),
    ];
    for (name, text, code) in cases {
        let e = check_trace(text, &input(Some(SID)), NOW).unwrap_err();
        assert_eq!(e.code, code, "{name}: {}", e.message);
    }
    assert!(check_trace(cut, &input(Some(SID)), NOW).unwrap_err().message.contains("cut short"));
}

#[test]
fn a_har_file_keeps_entras_error_page_and_twilios() {
    let entry = |method: &str, url: &str, status: u16, text: &str, body: &str| {
        serde_json::json!({
            "request": {
                "method": method,
                "url": url,
                "postData": { "mimeType": "application/x-www-form-urlencoded", "text": body }
            },
            "response": { "status": status, "content": { "mimeType": "text/html", "text": text } }
        })
    };
    let request = std::fs::read_to_string(format!(
        "{}/../tests/fixtures/generated/requests/good.redirect-url.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let har = |page: &str, status: u16| {
        serde_json::json!({ "log": { "version": "1.2", "entries": [
            entry("GET", request.trim(), status, page, ""),
        ] } })
        .to_string()
    };
    type Case = (&'static str, String, Option<u32>, Option<u32>, Step);
    let cases: [Case; 3] = [
        (
            "Entra's error page",
            har(
                "Sorry, but we're having trouble signing you in.\nAADSTS50105: The signed in user is not assigned.",
                200,
            ),
            Some(50105),
            None,
            Step::AssignUsers,
        ),
        ("a 404 at Entra", har("404 - File or directory not found.", 404), None, None, Step::TwilioSso),
        (
            "Twilio's error, on Twilio's page",
            {
                let mut v: serde_json::Value = serde_json::from_str(&har("", 200)).unwrap();
                v["log"]["entries"].as_array_mut().unwrap().push(entry(
                    "POST",
                    &format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"),
                    400,
                    "Error 70251: no valid certificate for identity realm",
                    "RelayState=x",
                ));
                v.to_string()
            },
            None,
            Some(70251),
            Step::TwilioSso,
        ),
    ];
    for (name, text, code, twilio, step) in cases {
        let r = check_trace(&text, &input(Some(SID)), NOW).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(r.format, Format::Har, "{name}");
        assert_eq!((r.verdict.code, r.verdict.twilio_code, r.verdict.step), (code, twilio, Some(step)), "{name}");
    }
}

/// A HAR the test browser recorded (tests/fixtures/record-har.mjs), judged at its own time.
#[test]
fn a_har_recorded_by_the_browser_gives_the_same_verdict() {
    let har = trace("frontline_good.har");
    let json: serde_json::Value = serde_json::from_str(&har).unwrap();
    let started = json["log"]["entries"][0]["startedDateTime"].as_str().unwrap();
    let at = crate::common::timefmt::parse_rfc3339_ms(started).unwrap() + 60_000;
    for (name, sid) in [("with the SID", Some(SID)), ("the SID from the trace", None)] {
        let r = check_trace(&har, &input(sid), at).unwrap();
        assert_eq!(r.format, Format::Har, "{name}");
        assert_eq!(r.timeline.iter().map(|e| e.kind).collect::<Vec<_>>(), [Kind::Request, Kind::Response], "{name}");
        assert!(r.verdict.ok, "{name}: {}", r.verdict.summary);
    }
}

/// A captured sign-in: the generated response's form, posted to the setup's Reply URL.
fn captured(response: &str, relay: Option<&str>, sp: &SpUrls) -> Captured {
    let path = format!("{}/../tests/fixtures/generated/responses/{response}.b64.txt", env!("CARGO_MANIFEST_DIR"));
    let b64 = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut form = form_urlencoded::Serializer::new(String::new());
    form.append_pair("SAMLResponse", b64.trim());
    if let Some(r) = relay {
        form.append_pair("RelayState", r);
    }
    Captured { url: sp.reply_url.clone(), form: form.finish(), at_ms: NOW }
}

fn console_sp() -> SpUrls {
    let path = format!("{}/../tests/fixtures/console/twilio-sp-metadata.xml", env!("CARGO_MANIFEST_DIR"));
    sp_urls(&std::fs::read_to_string(path).unwrap(), None, None).unwrap()
}

#[test]
fn an_exported_sign_in_read_back_gives_the_same_verdict_redacted_or_not() {
    let (frontline, flex, console) =
        (sp_urls(SID, None, None).unwrap(), sp_urls(JQ, None, None).unwrap(), console_sp());
    // (name, the captured response, its RelayState, the setup, works?, the step to fix)
    type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a SpUrls, bool, Option<Step>);
    let cases: [Case; 7] = [
        ("a good Frontline sign-in", "good", None, &frontline, true, None),
        ("a good Flex sign-in, its roles kept", "flex_good", None, &flex, true, None),
        ("signed with another certificate", "certificate_mismatch", None, &frontline, false, Some(Step::TwilioSso)),
        ("Flex without full_name", "flex_missing_full_name", None, &flex, false, Some(Step::Claims)),
        ("Flex, a role that is not Flex's", "flex_role_not_flex", None, &flex, false, Some(Step::AssignUsers)),
        ("Console: the NameID is the UPN, not the email", "console_upn_name_id", Some("r"), &console, false, {
            Some(Step::NameId)
        }),
        ("Console: no RelayState came back", "console_good", None, &console, false, Some(Step::TestSignIn)),
    ];
    for (name, response, relay, sp, ok, step) in cases {
        let input = TraceInput { service_provider: Some(sp.clone()), ..input(None) };
        let judged = |include: bool| {
            let text = export_trace(&captured(response, relay, sp), Some(sp), include).unwrap();
            (check_trace(&text, &input, NOW).unwrap_or_else(|e| panic!("{name}: {e:?}")), text)
        };
        let ((values, _), (redacted, text)) = (judged(true), judged(false));
        assert_eq!((values.verdict.ok, values.verdict.step), (ok, step), "{name}: {}", values.verdict.summary);
        assert_eq!((redacted.verdict.ok, redacted.verdict.step), (ok, step), "{name}: {}", redacted.verdict.summary);
        assert_eq!(redacted.format, Format::SamlTracer, "{name}");
        for personal in ["owlpress", "Ada Agent", "11111111-2222-4333-8444-555555555555</", "Cookie"] {
            assert!(!text.contains(personal), "{name}: the redacted export holds {personal:?}");
        }
        if ok {
            assert!(redacted.verdict.summary.contains("redacted"), "{name}: {}", redacted.verdict.summary);
        }
    }
}

#[test]
fn a_redacted_copy_cannot_show_a_value_altered_after_signing_and_says_so() {
    let sp = sp_urls(SID, None, None).unwrap();
    let export = |include| export_trace(&captured("assertion_signature_invalid", None, &sp), Some(&sp), include);
    let values = check_trace(&export(true).unwrap(), &input(Some(SID)), NOW).unwrap();
    assert!(!values.verdict.ok, "with its values, the altered assertion fails: {}", values.verdict.summary);
    let redacted = check_trace(&export(false).unwrap(), &input(Some(SID)), NOW).unwrap();
    assert!(redacted.verdict.summary.contains("not by what they signed"), "{}", redacted.verdict.summary);
}

#[test]
fn only_this_setups_captured_sign_in_is_exported() {
    let sp = sp_urls(SID, None, None).unwrap();
    let other = sp_urls("JB11111111111111111111111111111111", None, None).unwrap();
    let good = captured("good", None, &sp);
    // (name, the capture, the setup's values, the error's code)
    let cases: [(&str, Captured, Option<&SpUrls>, &str); 5] = [
        ("nothing captured", Captured::default(), Some(&sp), "no_captured_sign_in"),
        ("captured for another setup", good.clone(), Some(&other), "no_captured_sign_in"),
        ("a setup without its values", good.clone(), None, "no_captured_sign_in"),
        ("no response", Captured { form: "RelayState=x".into(), ..good.clone() }, Some(&sp), "no_captured_sign_in"),
        ("not a response", Captured { form: "SAMLResponse=PGEvPg%3D%3D".into(), ..good }, Some(&sp), {
            "not_saml_response"
        }),
    ];
    for (name, c, sp, code) in cases {
        assert_eq!(export_trace(&c, sp, false).unwrap_err().code, code, "{name}");
    }
}
