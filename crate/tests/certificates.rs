#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Certificates: the real Entra samples as they are, and generated ones for every code.

mod common;
use common::*;
use frontline_sso::cert::certificate::{inspect_certificate, CertInput};
use frontline_sso::common::finding::has_errors;

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
        ["expired", "not_rsa", "ca_certificate", "not_azure_subject", "self_signature_not_checked"]
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
        ("generated/ec_p256.pem", &["not_rsa", "self_signature_not_checked"]),
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
    let other = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";
    let e = inspect_certificate(CertInput::Text(other), now()).unwrap_err();
    assert_eq!(e.code, "not_a_certificate");
    assert!(e.message.contains("PUBLIC KEY"));
}

/// A private key is secret: alone it is refused, beside a certificate it is an error finding,
/// and in both cases the admin is told to rotate it. It is never kept.
#[test]
fn a_private_key_is_never_silently_ignored() {
    for rel in [
        "generated/private_key.pem",
        "generated/private_key_rsa.pem",
        "generated/private_key.der",
        "generated/private_key_b64.txt",
        "generated/key_and_cert.p12",
    ] {
        let e = inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap_err();
        assert_eq!(e.code, "private_key", "{rel}");
        assert!(e.message.contains("secret") && e.message.contains("replace the certificate"), "{rel}: {}", e.message);
    }
    let good = inspect_certificate(CertInput::Bytes(&bytes("generated/good.pem")), now()).unwrap();
    let both = inspect_certificate(CertInput::Bytes(&bytes("generated/good_with_private_key.pem")), now()).unwrap();
    assert_eq!(both.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["private_key_included"]);
    assert_eq!((both.thumbprint_sha1, both.pem), (good.thumbprint_sha1, good.pem));
}

#[test]
fn bytes_after_the_certificate_are_never_hashed() {
    let good = inspect_certificate(CertInput::Bytes(&bytes("generated/good.pem")), now()).unwrap();
    let r = inspect_certificate(CertInput::Bytes(&bytes("generated/good_trailing_data.cer")), now()).unwrap();
    assert_eq!(r.findings.iter().map(|f| f.code).collect::<Vec<_>>(), ["trailing_data"]);
    assert_eq!(
        (r.thumbprint_sha1, r.fingerprint_sha256, r.pem),
        (good.thumbprint_sha1, good.fingerprint_sha256, good.pem)
    );
}

#[test]
fn signature_algorithms_verified_or_said_not_checked() {
    for (rel, want, valid) in [
        ("generated/good.pem", &[][..], Some(true)),
        ("generated/sha512_256_signed.pem", &[], Some(true)),
        ("generated/sha1_signed.pem", &["weak_signature_algorithm"], Some(true)),
        ("generated/sha3_256_signed.pem", &["self_signature_not_checked"], None),
        ("generated/rsa_pss.pem", &[], Some(true)),
        ("generated/rsa_pss_mgf1_sha1.pem", &[], Some(true)),
        ("generated/rsa_pss_sha384_salt0.pem", &[], Some(true)),
        // Issue 27: a damaged RSASSA-PSS signature passed as "not checked", at info level.
        ("generated/rsa_pss_bad_signature.pem", &["bad_self_signature"], Some(false)),
    ] {
        let r = inspect_certificate(CertInput::Bytes(&bytes(rel)), now()).unwrap();
        assert_eq!(r.findings.iter().map(|f| f.code).collect::<Vec<_>>(), want, "{rel}");
        assert_eq!(r.self_signature_valid, valid, "{rel}");
        // What could not be verified is never quietly fine.
        for f in r.findings.iter().filter(|f| f.code == "self_signature_not_checked") {
            assert_eq!(f.severity, frontline_sso::common::finding::Severity::Warning, "{rel}");
        }
    }
}

/// Every identifier in the table, put in a real certificate (inside and outside the signed
/// part), is named and judged; an identifier outside it is a warning, never a pass.
#[test]
fn every_signature_identifier_is_recognised_and_judged() {
    use frontline_sso::cert::sigalg::{Hash, Scheme, ALGORITHMS};
    let der =
        frontline_sso::cert::certificate::decode(CertInput::Bytes(&bytes("generated/good.pem"))).unwrap().remove(0);
    for a in ALGORITHMS {
        let r = inspect_certificate(CertInput::Bytes(&with_signature_oid(&der, a.oid)), now()).unwrap();
        let c: Vec<_> = r.findings.iter().map(|f| f.code).collect();
        assert_eq!(r.signature_algorithm, a.name);
        assert!(!c.contains(&"unknown_signature_algorithm") || a.hash == Hash::Unnamed, "{}: {c:?}", a.name);
        assert_eq!(c.contains(&"weak_signature_algorithm"), a.hash.weak(), "{}: {c:?}", a.name);
        let verified = a.scheme == Scheme::RsaPkcs1
            && matches!(
                a.hash,
                Hash::Sha1
                    | Hash::Sha224
                    | Hash::Sha256
                    | Hash::Sha384
                    | Hash::Sha512
                    | Hash::Sha512_224
                    | Hash::Sha512_256
            );
        // The signature was made with SHA-256, so only that identifier still verifies.
        let want = if !verified { None } else { Some(a.name == "sha256WithRSAEncryption") };
        assert_eq!(r.self_signature_valid, want, "{}", a.name);
        assert_eq!(c.contains(&"self_signature_not_checked"), !verified, "{}: {c:?}", a.name);
        assert!(!c.contains(&"signature_algorithm_mismatch"), "{}", a.name);
    }
    let unknown = inspect_certificate(CertInput::Bytes(&with_signature_oid(&der, &[0x2a, 0x03, 0x04])), now()).unwrap();
    assert_eq!(unknown.signature_algorithm, "OID 2A0304");
    let c: Vec<_> = unknown.findings.iter().map(|f| f.code).collect();
    assert_eq!(c, ["unknown_signature_algorithm"]);
    let sev = unknown.findings[0].severity;
    assert_eq!(sev, frontline_sso::common::finding::Severity::Warning);
}

#[test]
fn an_algorithm_named_twice_differently_is_an_edit() {
    let der =
        frontline_sso::cert::certificate::decode(CertInput::Bytes(&bytes("generated/good.pem"))).unwrap().remove(0);
    let sha384 = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c];
    let outer_only = rebuild(&der, None, Some(&sha384));
    let c: Vec<_> =
        inspect_certificate(CertInput::Bytes(&outer_only), now()).unwrap().findings.iter().map(|f| f.code).collect();
    assert!(c.contains(&"signature_algorithm_mismatch"), "{c:?}");
}

// A minimal DER editor for the tests above: Certificate = SEQ { tbs SEQ, algorithm SEQ, BIT STRING },
// and tbs's third item (after [0] version and serial) is its copy of the algorithm.
fn item(der: &[u8]) -> (u8, &[u8], &[u8]) {
    let (tag, first) = (der[0], der[1]);
    let (len, at) = if first < 0x80 {
        (first as usize, 2)
    } else {
        let n = (first & 0x7f) as usize;
        (der[2..2 + n].iter().fold(0, |a, b| (a << 8) | *b as usize), 2 + n)
    };
    (tag, &der[at..at + len], &der[at + len..])
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let len = content.len();
    let mut out = vec![tag];
    if len < 0x80 {
        out.push(len as u8);
    } else if len < 0x100 {
        out.extend([0x81, len as u8]);
    } else {
        out.extend([0x82, (len >> 8) as u8, len as u8]);
    }
    out.extend_from_slice(content);
    out
}

fn items(mut der: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    while !der.is_empty() {
        let (tag, content, rest) = item(der);
        out.push(tlv(tag, content));
        der = rest;
    }
    out
}

fn rebuild(der: &[u8], inner: Option<&[u8]>, outer: Option<&[u8]>) -> Vec<u8> {
    let alg = |oid: &[u8]| tlv(0x30, &[tlv(0x06, oid), vec![0x05, 0x00]].concat());
    let (_, cert, _) = item(der);
    let mut parts = items(cert);
    let (_, tbs, _) = item(&parts[0]);
    let mut tbs_parts = items(tbs);
    if let Some(oid) = inner {
        tbs_parts[2] = alg(oid);
    }
    parts[0] = tlv(0x30, &tbs_parts.concat());
    if let Some(oid) = outer {
        parts[1] = alg(oid);
    }
    tlv(0x30, &parts.concat())
}

fn with_signature_oid(der: &[u8], oid: &[u8]) -> Vec<u8> {
    rebuild(der, Some(oid), Some(oid))
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
