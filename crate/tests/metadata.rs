#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Federation metadata: the real Entra documents as they are, and generated edge cases.

mod common;
use common::*;
use frontline_sso::saml::metadata::parse_metadata;
use frontline_sso::setup::idp::{check_idp_values, IdpInput};

fn codes(findings: &[frontline_sso::common::finding::Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}

const SSOREADY: &str = "realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml";
const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

#[test]
fn real_app_metadata_with_bom() {
    let xml = text(SSOREADY);
    assert!(xml.starts_with('\u{feff}'));
    let md = parse_metadata(&xml, at("2026-06-01T00:00:00Z")).unwrap();
    assert_eq!(md.entity_id, format!("https://sts.windows.net/{T}/"));
    assert_eq!(md.tenant_id.as_deref(), Some(T));
    assert_eq!(md.sso_url.as_deref(), Some(format!("https://login.microsoftonline.com/{T}/saml2").as_str()));
    assert_eq!(md.single_sign_on_services.len(), 2);
    assert_eq!(md.certificates.len(), 1);
    assert_eq!(md.chosen().unwrap().thumbprint_sha1, "A33533A86D6933F8B680EAE64AFFD9BE22AD4725");
    assert!(md.findings.is_empty(), "{:?}", md.findings);
    let now_md = parse_metadata(&xml, now()).unwrap();
    assert_eq!(codes(&now_md.findings), ["expired"]);
}

#[test]
fn real_tenant_metadata_with_three_certificates() {
    let md =
        parse_metadata(&text("realworld/metadata/aad_tenant_8b966979_2017_jmfixit.xml"), at("2017-06-01T00:00:00Z"))
            .unwrap();
    assert_eq!(md.certificates.len(), 3);
    assert_eq!(md.single_logout_services.len(), 1);
    // Valid on that day, latest notAfter.
    assert_eq!(md.chosen().unwrap().thumbprint_sha1, "6B740DD01652EECE2737E05DAE36C5D18FCB74C3");
    assert_eq!(codes(&md.findings), ["rollover"]);
}

#[test]
fn generated_rollover_picks_the_valid_certificate() {
    let md = parse_metadata(&text("generated/metadata_rollover.xml"), now()).unwrap();
    assert_eq!(md.certificates.len(), 2);
    assert_eq!(md.chosen_certificate, Some(1));
    assert_eq!(codes(&md.findings), ["rollover"]);
    let good = frontline_sso::cert::certificate::inspect_certificate(
        frontline_sso::cert::certificate::CertInput::Bytes(&bytes("generated/good.pem")),
        now(),
    )
    .unwrap();
    assert_eq!(md.chosen().unwrap().thumbprint_sha1, good.thumbprint_sha1);
}

#[test]
fn finding_and_error_codes() {
    let google =
        parse_metadata(&text("realworld/unsuitable/google_workspace_idp_metadata_not-azure_ggtristams.xml"), now())
            .unwrap();
    assert!(codes(&google.findings).contains(&"not_entra"), "{:?}", google.findings);
    let common = parse_metadata(&text("generated/metadata_tenant_independent.xml"), now()).unwrap();
    assert!(codes(&common.findings).contains(&"tenant_independent"));
    let none = parse_metadata(&text("generated/metadata_no_signing_certificate.xml"), now()).unwrap();
    assert_eq!(codes(&none.findings), ["no_signing_certificate"]);
    assert_eq!(parse_metadata(&text("generated/metadata_not_xml.txt"), now()).unwrap_err().code, "not_xml");
    assert_eq!(
        parse_metadata(&text("generated/metadata_doctype_entities.xml"), now()).unwrap_err().code,
        "doctype_not_allowed"
    );
    assert_eq!(parse_metadata("", now()).unwrap_err().code, "empty");
    assert_eq!(parse_metadata("<a/>", now()).unwrap_err().code, "not_metadata");
    let huge = format!("<a>{}</a>", "x".repeat(2 * 1024 * 1024));
    assert_eq!(parse_metadata(&huge, now()).unwrap_err().code, "too_large");
}

#[test]
fn idp_values_against_real_metadata() {
    let input = |login: &str, ident: &str| IdpInput {
        login_url: login.into(),
        entra_identifier: ident.into(),
        metadata_xml: Some(text(SSOREADY)),
    };
    let ok = check_idp_values(
        &input(&format!("https://login.microsoftonline.com/{T}/saml2"), &format!("https://sts.windows.net/{T}/")),
        at("2026-06-01T00:00:00Z"),
    );
    assert!(ok.ok, "{:?}", ok.findings);
    assert_eq!(ok.metadata.as_ref().unwrap().entity_id, format!("https://sts.windows.net/{T}/"));
    let other = "11111111-2222-4333-8444-555555555555";
    let bad = check_idp_values(
        &input(
            &format!("https://login.microsoftonline.com/{other}/saml2"),
            &format!("https://sts.windows.net/{other}/"),
        ),
        at("2026-06-01T00:00:00Z"),
    );
    assert_eq!(codes(&bad.findings), ["metadata_entity_mismatch", "metadata_sso_mismatch"]);
}
