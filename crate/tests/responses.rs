#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! SAML responses: the real Entra one as it is, and generated ones for every check.

mod common;
use common::*;
use frontline_sso::cert::certificate::{decode, CertInput};
use frontline_sso::product::sp_urls;
use frontline_sso::saml::response::{check_response, Expectations};

const SID: &str = "JB0123456789abcdef0123456789abcdef";

fn der(rel: &str) -> Vec<u8> {
    decode(CertInput::Bytes(&bytes(rel))).unwrap().remove(0)
}

fn generated() -> Expectations {
    Expectations {
        service_provider: sp_urls(SID, None, None).unwrap(),
        entra_identifier: Some("https://sts.windows.net/11111111-2222-4333-8444-555555555555/".into()),
        certificate_der: Some(der("generated/responses/test-signing-cert.pem")),
    }
}

fn codes(name: &str) -> Vec<&'static str> {
    let input = text(&format!("generated/responses/{name}.b64.txt"));
    check_response(&input, &generated(), now()).unwrap().findings.iter().map(|f| f.code).collect()
}

#[test]
fn real_entra_response_as_it_is() {
    let params: serde_json::Value =
        serde_json::from_str(&text("realworld/responses/entra_response_a9054a0f_2023_ssoready.params.json")).unwrap();
    let at = at(params["now"].as_str().unwrap());
    let expect = Expectations {
        service_provider: sp_urls(SID, None, None).unwrap(),
        entra_identifier: Some("https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/".into()),
        certificate_der: Some(der("realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem")),
    };
    for file in ["SAMLResponse.b64.txt", "form-body.txt", "xml"] {
        let r = check_response(
            &text(&format!("realworld/responses/entra_response_a9054a0f_2023_ssoready.{file}")),
            &expect,
            at,
        )
        .unwrap();
        let c: Vec<_> = r.findings.iter().map(|f| f.code).collect();
        for want in ["response_not_signed", "missing_roles", "missing_email"] {
            assert!(c.contains(&want), "{file}: {c:?}");
        }
        // Its Destination and Audience are the fixture's localhost SP, not Twilio's.
        assert!(c.contains(&"destination_mismatch") && c.contains(&"audience_mismatch"));
        assert!(
            !c.contains(&"signature_invalid")
                && !c.contains(&"certificate_mismatch")
                && !c.contains(&"issuer_mismatch")
        );
        assert_eq!(r.signature_verified, Some(true), "{}", r.signature_note);
        assert!(r.assertion_signed && !r.response_signed);
        assert!(r.findings.iter().find(|f| f.code == "missing_email").unwrap().message.contains("emailaddress"));
        assert_eq!(
            r.name_id.as_deref(),
            Some("ulysse.carion_codomaindata.com#EXT#@ulyssecarioncodomaindata.onmicrosoft.com")
        );
    }
}

#[test]
fn every_check_has_a_response_that_fails_it_and_a_correct_one_passes() {
    let good = check_response(&text("generated/responses/good.b64.txt"), &generated(), now()).unwrap();
    assert!(good.ok && good.findings.is_empty(), "{:?}", good.findings);
    assert_eq!(good.signature_verified, Some(true));
    assert_eq!(good.audience.as_deref(), Some(format!("https://iam.twilio.com/v2/saml2/metadata/{SID}").as_str()));
    for (name, want) in [
        ("status_not_success", &["status_not_success"][..]),
        ("destination_mismatch", &["destination_mismatch"]),
        ("audience_mismatch", &["audience_mismatch"]),
        ("issuer_mismatch", &["issuer_mismatch"]),
        ("assertion_expired", &["assertion_expired"]),
        ("assertion_not_yet_valid", &["assertion_not_yet_valid"]),
        ("response_not_signed", &["response_not_signed"]),
        ("assertion_not_signed", &["assertion_not_signed"]),
        ("weak_signature_algorithm", &["weak_signature_algorithm"]),
        ("certificate_mismatch", &["certificate_mismatch", "signature_invalid"]),
        ("signature_invalid", &["signature_invalid"]),
        ("missing_email", &["missing_email"]),
        ("missing_roles", &["missing_roles"]),
        ("role_not_agent", &["role_not_agent"]),
        // Each of these once passed, or was misreported.
        ("comment_in_value", &["xml_comment", "role_not_agent"]),
        ("markup_in_value", &["markup_in_value"]),
        ("no_assertion", &["no_assertion"]),
        ("assertion_misplaced", &["assertion_misplaced", "no_assertion"]),
        ("status_lookalike", &["status_not_success"]),
        ("unreadable_time", &["unreadable_time"]),
        ("two_assertions", &["multiple_assertions"]),
        ("assertion_signature_invalid", &["signature_invalid"]),
        // Issue 27: a response with no Issuer at all was not named as such.
        ("no_issuer", &["no_issuer"]),
    ] {
        assert_eq!(codes(name), want, "{name}");
    }
    let status = check_response(&text("generated/responses/status_not_success.b64.txt"), &generated(), now()).unwrap();
    assert!(status.findings[0].message.contains("AADSTS50105"));
    let spn = check_response(&text("generated/responses/audience_mismatch.b64.txt"), &generated(), now()).unwrap();
    assert!(spn.findings[0].message.contains("spn:") && spn.findings[0].message.contains("application ID"));
    let fix = check_response(&text("generated/responses/response_not_signed.b64.txt"), &generated(), now()).unwrap();
    assert!(fix.findings[0].message.contains("Sign SAML response and assertion"));
}

/// Flex's responses are judged by the SSO connection SID's URLs, its claims and its three roles.
#[test]
fn a_flex_response_is_judged_by_flex_values() {
    let flex = Expectations {
        service_provider: sp_urls("JQ0123456789abcdef0123456789abcdef", None, None).unwrap(),
        ..generated()
    };
    let flex_codes = |name: &str| {
        let input = text(&format!("generated/responses/{name}.b64.txt"));
        let r = check_response(&input, &flex, now()).unwrap();
        assert_eq!(r.signature_verified, Some(true), "{name}: {}", r.signature_note);
        r.findings.iter().map(|f| f.code).collect::<Vec<_>>()
    };
    for (name, want) in [
        ("flex_good", &[][..]),
        ("flex_admin_only", &[]),
        ("flex_missing_full_name", &["missing_claim"]),
        ("flex_role_not_flex", &["role_not_product"]),
        ("flex_frontline_audience", &["audience_mismatch"]),
        ("flex_frontline_destination", &["destination_mismatch"]),
        // Frontline's correct response is not Flex's.
        ("good", &["destination_mismatch", "audience_mismatch", "missing_claim"]),
    ] {
        assert_eq!(flex_codes(name), want, "{name}");
    }
    let r = check_response(&text("generated/responses/flex_role_not_flex.b64.txt"), &flex, now()).unwrap();
    assert!(r.findings[0].message.contains("Supervisor (supervisor)"), "{}", r.findings[0].message);
    let r = check_response(&text("generated/responses/flex_missing_full_name.b64.txt"), &flex, now()).unwrap();
    assert!(r.findings[0].message.contains("full_name") && r.findings[0].message.contains("user.displayname"));
    // A Flex response checked as Frontline's fails on the URLs and the role it lacks.
    let wrong = check_response(&text("generated/responses/flex_good.b64.txt"), &generated(), now()).unwrap();
    assert!(!wrong.ok);
    // Another region: the Destination must be that region's ACS.
    let ie1 = Expectations {
        service_provider: sp_urls("JQ0123456789abcdef0123456789abcdef", None, Some("ie1")).unwrap(),
        ..flex.clone()
    };
    let r = check_response(&text("generated/responses/flex_good.b64.txt"), &ie1, now()).unwrap();
    assert_eq!(r.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["destination_mismatch"]);
}

#[test]
fn a_value_is_reported_as_the_signature_covers_it() {
    let r = check_response(&text("generated/responses/comment_in_value.b64.txt"), &generated(), now()).unwrap();
    assert_eq!(r.signature_verified, Some(true), "{}", r.signature_note);
    let roles = r.attributes.iter().find(|a| a.name == "roles").unwrap();
    assert_eq!(roles.values, ["agent-readonly"], "never the first text node alone");
    assert!(!r.ok);
    let markup = check_response(&text("generated/responses/markup_in_value.b64.txt"), &generated(), now()).unwrap();
    assert_eq!(markup.signature_verified, Some(true), "{}", markup.signature_note);
    assert_eq!(markup.name_id, None, "never a value pieced together from around markup");
}

#[test]
fn a_failed_signature_is_named_for_what_it_signs() {
    for (name, note) in [
        ("assertion_signature_invalid", "the assertion signature does not verify"),
        ("signature_invalid", "the response signature and the assertion signature do not verify"),
        ("certificate_mismatch", "the response signature and the assertion signature do not verify"),
    ] {
        let r = check_response(&text(&format!("generated/responses/{name}.b64.txt")), &generated(), now()).unwrap();
        assert_eq!(r.signature_verified, Some(false), "{name}");
        assert!(r.signature_note.starts_with(note), "{name}: {}", r.signature_note);
    }
}

#[test]
fn a_lookalike_status_is_reported_whole() {
    let r = check_response(&text("generated/responses/status_lookalike.b64.txt"), &generated(), now()).unwrap();
    assert_eq!(r.status, "urn:evil:Success");
    let good = check_response(&text("generated/responses/good.b64.txt"), &generated(), now()).unwrap();
    assert_eq!(good.status, "Success");
}

#[test]
fn without_a_pinned_certificate_nothing_is_verified() {
    let unpinned = Expectations { certificate_der: None, ..generated() };
    for name in ["good", "certificate_mismatch"] {
        let r = check_response(&text(&format!("generated/responses/{name}.b64.txt")), &unpinned, now()).unwrap();
        assert_eq!(r.signature_verified, None, "{name}: the KeyInfo certificate proves nothing");
        assert!(!r.ok, "{name}");
        let f = r.findings.iter().find(|f| f.code == "no_pinned_certificate").unwrap();
        assert!(f.message.contains(r.key_info_thumbprint.as_deref().unwrap()), "{}", f.message);
    }
}

#[test]
fn unreadable_responses_are_typed_errors() {
    let e = |input: &str| check_response(input, &generated(), now()).unwrap_err().code;
    assert_eq!(e(&text("generated/responses/encrypted_assertion.xml")), "encrypted_assertion");
    assert_eq!(e(&text("generated/responses/doctype.xml")), "doctype_not_allowed");
    assert_eq!(e(&text("generated/responses/doctype.b64.txt")), "doctype_not_allowed");
    assert_eq!(e("this is not base64!"), "not_base64");
    assert_eq!(e("<samlp:Response"), "not_xml");
    assert_eq!(e("<a/>"), "not_saml_response");
    assert_eq!(e(""), "empty");
    assert_eq!(e(&"A".repeat(2 * 1024 * 1024)), "too_large");
    assert!(check_response(&text("generated/responses/encrypted_assertion.xml"), &generated(), now())
        .unwrap_err()
        .message
        .contains("token encryption off"));
    let form = text("generated/responses/good.form-body.txt");
    assert!(check_response(&form, &generated(), now()).unwrap().ok);
}

/// Twilio Console's rules (its troubleshooting page's failures): the NameID is the user's email
/// address in the email format, the response and the assertion are signed, nothing is encrypted,
/// the audience is the SP metadata's entity ID, and an SP-initiated test brings back RelayState.
#[test]
fn a_console_response_is_judged_by_the_sp_metadata_and_its_rules() {
    let console = Expectations {
        service_provider: sp_urls(&text("console/twilio-sp-metadata.xml"), None, None).unwrap(),
        ..generated()
    };
    let check = |file: &str| check_response(&text(&format!("generated/responses/{file}")), &console, now());
    let cases: [(&str, &str, &[&str]); 10] = [
        ("an emailAddress NameID, both signed", "console_good.b64.txt", &[]),
        ("the captured form, with RelayState", "console_good.form-body.txt", &[]),
        (
            "an SP-initiated test without RelayState",
            "console_good.no-relay-state.form-body.txt",
            &["relay_state_missing"],
        ),
        ("a UPN NameID: not the email", "console_upn_name_id.b64.txt", &["name_id_not_email"]),
        ("the unspecified format", "console_unspecified_format.b64.txt", &["name_id_format"]),
        ("the response signed, not its assertion", "console_assertion_not_signed.b64.txt", &["assertion_not_signed"]),
        ("a NameID that is no email at all", "console_no_email_claim.b64.txt", &["name_id_not_email"]),
        ("Frontline's response: its URLs", "good.b64.txt", &["destination_mismatch", "audience_mismatch"]),
        ("Flex's response: its URLs", "flex_good.b64.txt", &["destination_mismatch", "audience_mismatch"]),
        ("the response alone: RelayState is not judged", "console_good.xml", &[]),
    ];
    for (name, file, want) in cases {
        let r = check(file).unwrap();
        assert_eq!(r.findings.iter().map(|f| f.code).collect::<Vec<_>>(), want, "{name}");
        assert_eq!(r.signature_verified, Some(true), "{name}: {}", r.signature_note);
    }
    let upn = check("console_upn_name_id.b64.txt").unwrap();
    let msg = &upn.findings[0].message;
    assert!(msg.contains("agent@owlpress.onmicrosoft.com") && msg.contains("agent@owlpress.test"), "{msg}");
    assert!(msg.contains("user.mail") && msg.contains("Unique User Identifier"), "{msg}");
    let relay = check("console_good.no-relay-state.form-body.txt").unwrap();
    assert!(relay.findings[0].message.contains("Test SSO Connection"), "{}", relay.findings[0].message);
    // Token encryption on: nothing can be checked, and the fix is named.
    let encrypted = check("encrypted_assertion.b64.txt").unwrap_err();
    assert_eq!(encrypted.code, "encrypted_assertion");
    assert!(encrypted.message.contains("Twilio Console") && encrypted.message.contains("Token encryption"));
    // The real Entra response: a guest's #EXT# user principal name is named as such.
    let params: serde_json::Value =
        serde_json::from_str(&text("realworld/responses/entra_response_a9054a0f_2023_ssoready.params.json")).unwrap();
    let real = check_response(
        &text("realworld/responses/entra_response_a9054a0f_2023_ssoready.form-body.txt"),
        &console,
        at(params["now"].as_str().unwrap()),
    )
    .unwrap();
    let not_email = real.findings.iter().find(|f| f.code == "name_id_not_email").unwrap();
    assert!(not_email.message.contains("#EXT#"), "{}", not_email.message);
    assert!(real.findings.iter().any(|f| f.code == "relay_state_missing"), "its form has an empty RelayState");
}

/// The real Entra response, redacted for sharing: nothing of the user is left, the findings are the
/// same, and the signature is still judged by the key that made it.
#[test]
fn the_real_response_redacted_keeps_its_findings_and_its_key_and_loses_the_user() {
    use frontline_sso::saml::response::redact::redact;
    let params: serde_json::Value =
        serde_json::from_str(&text("realworld/responses/entra_response_a9054a0f_2023_ssoready.params.json")).unwrap();
    let at = at(params["now"].as_str().unwrap());
    let xml = text("realworld/responses/entra_response_a9054a0f_2023_ssoready.xml");
    let real_cert = der("realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem");
    let frontline = sp_urls(SID, None, None).unwrap();
    let redacted = redact(&xml, frontline.product.facts()).unwrap();
    for personal in ["ulysse", "Ulysse", "Carion", "74a35d48", "live.com"] {
        assert!(!redacted.contains(personal), "{personal} is left");
    }
    assert!(redacted.contains("<X509Certificate>") && redacted.contains("<SignatureValue>"), "the signature stays");
    // (name, the pinned certificate, the signatures' verdict)
    let cases: [(&str, Vec<u8>, Option<bool>); 2] = [
        ("its own certificate: the key is the pinned one", real_cert.clone(), None),
        ("another certificate: the key is not", der("generated/responses/test-signing-cert.pem"), Some(false)),
    ];
    for (name, cert, verified) in cases {
        let expect = Expectations {
            service_provider: frontline.clone(),
            entra_identifier: Some("https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/".into()),
            certificate_der: Some(cert),
        };
        let (before, after) =
            (check_response(&xml, &expect, at).unwrap(), check_response(&redacted, &expect, at).unwrap());
        assert!(after.redacted && !before.redacted, "{name}");
        assert_eq!(after.signature_verified, verified, "{name}: {}", after.signature_note);
        let codes = |r: &frontline_sso::saml::response::ResponseReport| {
            r.findings.iter().map(|f| f.code).filter(|c| *c != "signature_invalid").collect::<Vec<_>>()
        };
        assert_eq!(codes(&after), codes(&before), "{name}: the same findings");
    }
    // Console: the guest's #EXT# name is still named as such.
    let console = Expectations {
        service_provider: sp_urls(&text("console/twilio-sp-metadata.xml"), None, None).unwrap(),
        entra_identifier: None,
        certificate_der: Some(real_cert),
    };
    let redacted = redact(&xml, console.service_provider.product.facts()).unwrap();
    let r = check_response(&redacted, &console, at).unwrap();
    let not_email = r.findings.iter().find(|f| f.code == "name_id_not_email").unwrap();
    assert!(not_email.message.contains("#EXT#"), "{}", not_email.message);
}
