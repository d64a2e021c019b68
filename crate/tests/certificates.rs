#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Certificates: the real Entra samples as they are, and generated ones for every code.

mod common;
use common::*;
use frontline_sso::certificate::{inspect_certificate, CertInput};
use frontline_sso::finding::has_errors;

fn codes(rel: &str) -> Vec<&'static str> {
    let r = inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap_or_else(|e| panic!("{rel}: {e}"));
    r.findings.iter().map(|f| f.code).collect()
}

fn error_code(rel: &str) -> &'static str {
    inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap_err().code
}

const ENTRA: &str = "realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem";

#[test]
fn real_entra_certificate_before_expiry() {
    let r = inspect_certificate(CertInput::Text(&text(ENTRA)), at("2026-06-01T00:00:00Z")).unwrap();
    assert!(!has_errors(&r.findings), "{:?}", r.findings);
    assert!(r.findings.is_empty(), "{:?}", r.findings);
    assert_eq!(r.thumbprint_sha1, "A33533A86D6933F8B680EAE64AFFD9BE22AD4725");
    assert_eq!(r.self_signature_valid, Some(true));
    assert_eq!(r.subject, "CN=Microsoft Azure Federated SSO Certificate");
    assert_eq!(r.key_algorithm, "RSA");
    assert_eq!(r.key_bits, 2048);
    assert_eq!(r.signature_algorithm, "sha256WithRSAEncryption");
    assert_eq!(r.not_before, "2023-11-16T20:41:29Z");
    assert_eq!(r.not_after, "2026-11-16T20:41:29Z");
    assert_eq!(r.days_until_expiry, 168);
    assert!(r.pem.starts_with("-----BEGIN CERTIFICATE-----\n") && r.pem.ends_with("-----END CERTIFICATE-----\n"));
    assert!(r.pem.lines().all(|l| l.len() <= 64));
}

#[test]
fn real_entra_certificate_expired_now() {
    assert_eq!(codes(ENTRA), ["expired"]);
    let soon = inspect_certificate(CertInput::Text(&text(ENTRA)), at("2026-10-01T00:00:00Z")).unwrap();
    assert_eq!(soon.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["expires_soon"]);
}

#[test]
fn real_tenant_key() {
    let r = inspect_certificate(
        CertInput::Bytes(&bytes("realworld/certs/aad_accesscontrol_2017-02-13_to_2019-02-14.pem")),
        now(),
    )
    .unwrap();
    assert_eq!(r.thumbprint_sha1, "6B740DD01652EECE2737E05DAE36C5D18FCB74C3");
    assert_eq!(r.self_signature_valid, Some(true));
    assert_eq!(r.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["expired"]);
}

#[test]
fn real_unsuitable_certificates() {
    assert_eq!(
        codes("realworld/unsuitable/okta_sha1_signed.pem"),
        ["expired", "weak_signature_algorithm", "not_azure_subject"]
    );
    assert_eq!(
        codes("realworld/unsuitable/ec_p256_selfsigned_goxmldsig.pem"),
        ["expired", "not_rsa", "ca_certificate", "not_azure_subject"]
    );
    assert_eq!(error_code("realworld/unsuitable/malformed_pem_pysaml2.crt"), "truncated_pem");
}

#[test]
fn every_input_form_of_the_same_certificate() {
    let good = inspect_certificate(CertInput::Bytes(&bytes("generated/good.pem")), now()).unwrap();
    assert!(good.findings.is_empty(), "{:?}", good.findings);
    for rel in [
        "generated/good_76col_crlf_bom.cer",
        "generated/good_oneline.cer",
        "generated/good_bare_base64.txt",
        "generated/good_raw.cer",
    ] {
        let r = inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap_or_else(|e| panic!("{rel}: {e}"));
        assert_eq!(r.thumbprint_sha1, good.thumbprint_sha1, "{rel}");
        assert_eq!(r.pem, good.pem, "{rel}");
        assert!(r.findings.is_empty(), "{rel}: {:?}", r.findings);
    }
    let text_form = inspect_certificate(CertInput::Text(&text("generated/good_76col_crlf_bom.cer")), now()).unwrap();
    assert_eq!(text_form.thumbprint_sha1, good.thumbprint_sha1);
}

#[test]
fn every_finding_code() {
    let cases: &[(&str, &[&str])] = &[
        ("generated/expired.pem", &["expired"]),
        ("generated/not_yet_valid.pem", &["not_yet_valid"]),
        ("generated/expires_soon.pem", &["expires_soon"]),
        ("generated/sha1_signed.pem", &["weak_signature_algorithm"]),
        ("generated/weak_key_1024.pem", &["weak_key"]),
        ("generated/ec_p256.pem", &["not_rsa"]),
        ("generated/bad_self_signature.pem", &["bad_self_signature"]),
        ("generated/not_self_signed.pem", &["not_self_signed"]),
        ("generated/ca_true.pem", &["ca_certificate"]),
        ("generated/two_certificates.pem", &["multiple_certificates"]),
        ("generated/other_subject.pem", &["not_azure_subject"]),
    ];
    for (rel, want) in cases {
        assert_eq!(codes(rel), *want, "{rel}");
    }
    let soon = inspect_certificate(CertInput::Bytes(&bytes("generated/expires_soon.pem")), now()).unwrap();
    assert_eq!(soon.days_until_expiry, 42);
    let sha1 = inspect_certificate(CertInput::Bytes(&bytes("generated/sha1_signed.pem")), now()).unwrap();
    assert_eq!(sha1.self_signature_valid, Some(true), "SHA-1 self-signatures are verified too");
    let weak = inspect_certificate(CertInput::Bytes(&bytes("generated/weak_key_1024.pem")), now()).unwrap();
    assert_eq!((weak.key_bits, weak.self_signature_valid), (1024, Some(true)));
    let two = inspect_certificate(CertInput::Bytes(&bytes("generated/two_certificates.pem")), now()).unwrap();
    assert_eq!(two.certificate_count, 2);
}

#[test]
fn every_error_code() {
    assert_eq!(error_code("generated/empty.txt"), "empty");
    assert_eq!(inspect_certificate(CertInput::Bytes(&[]), now()).unwrap_err().code, "empty");
    assert_eq!(inspect_certificate(CertInput::Text("\u{feff}  \r\n"), now()).unwrap_err().code, "empty");
    assert_eq!(error_code("generated/not_base64.txt"), "not_base64");
    assert_eq!(error_code("generated/truncated.pem"), "truncated_pem");
    assert_eq!(error_code("generated/not_a_certificate.txt"), "not_a_certificate");
    assert_eq!(error_code("generated/random_bytes.bin"), "not_a_certificate");
    let key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    let e = inspect_certificate(CertInput::Text(key), now()).unwrap_err();
    assert_eq!(e.code, "not_a_certificate");
    assert!(e.message.contains("PRIVATE KEY"));
}

#[test]
fn messages_say_what_to_do() {
    for rel in ["generated/expired.pem", "generated/sha1_signed.pem", "generated/ec_p256.pem"] {
        let r = inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap();
        for f in &r.findings {
            assert!(f.message.len() > 40 && f.message.contains("Entra"), "{rel}: {}", f.message);
        }
    }
}
