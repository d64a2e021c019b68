#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Self-signatures: the pure-Rust verifier (`rsa_pkcs1`) gives `rsa` 0.9's verdict on every
//! certificate in the fixtures, the real samples and the responses, and on each one altered.

mod common;

use frontline_sso::cert::certificate::{decode, decode_base64, CertInput};
use frontline_sso::cert::selfsig::{check_for, Padding, SignatureCheck};
use frontline_sso::cert::sigalg::{self, Hash};
use frontline_sso::cert::{rsa_pkcs1, selfsig};
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::Digest;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// `rsa` 0.9's verdict, as the core gave it before this verifier (PKCS #1 v1.5), and its RSASSA-PSS
/// verifier's where its MGF1 uses the message's hash, as WebCrypto's does. `None` where it cannot judge.
fn rsa09(c: &SignatureCheck) -> Option<bool> {
    let (_, info) = SubjectPublicKeyInfo::from_der(&c.spki).unwrap();
    let Ok(PublicKey::RSA(k)) = info.parsed() else { return None };
    let Ok(key) =
        RsaPublicKey::new_with_max_size(BigUint::from_bytes_be(k.modulus), BigUint::from_bytes_be(k.exponent), 16384)
    else {
        return Some(false);
    };
    macro_rules! scheme {
        ($d:ty) => {
            match c.padding {
                Padding::Pkcs1 => key.verify(Pkcs1v15Sign::new::<$d>(), &<$d>::digest(&c.tbs), &c.signature),
                Padding::Pss { mgf_hash, salt_len } if mgf_hash == c.hash => {
                    let pss = Pss::new_with_salt::<$d>(salt_len as usize);
                    key.verify(pss, &<$d>::digest(&c.tbs), &c.signature)
                }
                Padding::Pss { .. } => return None,
            }
        };
    }
    let verified = match c.hash {
        Hash::Sha1 => scheme!(sha1::Sha1),
        Hash::Sha224 => scheme!(sha2::Sha224),
        Hash::Sha256 => scheme!(sha2::Sha256),
        Hash::Sha384 => scheme!(sha2::Sha384),
        Hash::Sha512 => scheme!(sha2::Sha512),
        Hash::Sha512_224 => scheme!(sha2::Sha512_224),
        Hash::Sha512_256 => scheme!(sha2::Sha512_256),
        _ => return None,
    };
    Some(verified.is_ok())
}

/// Every certificate the fixtures hold: certificate files, and the base64 inside
/// `<X509Certificate>` in metadata and responses.
fn all_certificates() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut files = common::all_fixture_files();
    files.extend(std::fs::read_dir(common::fixture("realworld/unsuitable")).unwrap().map(|e| e.unwrap().path()));
    for path in files {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(ders) = decode(CertInput::Bytes(&bytes)) {
            out.extend(ders.into_iter().map(|d| (name.clone(), d)));
        }
        let text = String::from_utf8_lossy(&bytes);
        for part in text.split("X509Certificate>").skip(1).step_by(2) {
            let b64 = part.rsplit_once("</").map_or(part, |(b, _)| b).trim();
            if let Ok(der) = decode_base64(b64) {
                out.push((format!("{name} (embedded)"), der));
            }
        }
    }
    out
}

fn check(der: &[u8]) -> Option<SignatureCheck> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    let alg = sigalg::lookup(cert.signature_algorithm.algorithm.as_bytes())?;
    check_for(&cert, alg, "fingerprint")
}

#[test]
fn the_rust_verifier_agrees_with_rsa_0_9_on_every_certificate_and_its_alterations() {
    let certs = all_certificates();
    let mut compared = 0;
    for (name, der) in &certs {
        let Some(c) = check(der) else { continue };
        let altered_signature = SignatureCheck { signature: c.signature.iter().rev().copied().collect(), ..c.clone() };
        let mut altered_tbs = c.clone();
        if let Some(b) = altered_tbs.tbs.last_mut() {
            *b ^= 1;
        }
        for (case, c) in [("as is", &c), ("signature reversed", &altered_signature), ("TBS altered", &altered_tbs)] {
            let ours = selfsig::verdict(c.clone());
            if c.padding == Padding::Pkcs1 {
                let direct = rsa_pkcs1::verify(c.hash, &c.spki, &c.tbs, &c.signature);
                assert_eq!(direct, ours, "{name}, {case}: the verdict the core uses");
            }
            match rsa09(c) {
                Some(theirs) => assert_eq!(ours, Some(theirs), "{name}, {case}"),
                // RSASSA-PSS with MGF1 over another hash: `rsa` has no such verifier.
                None => assert!(matches!(c.padding, Padding::Pss { .. }), "{name}, {case}"),
            }
            compared += 1;
        }
    }
    assert!(compared >= 60, "only {compared} certificate cases compared");
}

#[test]
fn verdicts_on_named_certificates() {
    let cases: &[(&str, Option<bool>)] = &[
        ("generated/good.pem", Some(true)),
        ("generated/bad_self_signature.pem", Some(false)),
        ("generated/sha1_signed.pem", Some(true)),
        ("generated/sha512_256_signed.pem", Some(true)),
        ("generated/weak_key_1024.pem", Some(true)),
        ("realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem", Some(true)),
        ("realworld/certs/aad_accesscontrol_2017-02-13_to_2019-02-14.pem", Some(true)),
    ];
    for (file, want) in cases {
        let der = decode(CertInput::Bytes(&common::bytes(file))).unwrap().remove(0);
        let c = check(&der).unwrap();
        assert_eq!(rsa_pkcs1::verify(c.hash, &c.spki, &c.tbs, &c.signature), *want, "{file}");
    }
    // RSASSA-PSS with its parameters from the certificate (issue 27: a damaged one passed as
    // "not checked", at info level).
    for (file, want) in [
        ("generated/rsa_pss.pem", Some(true)),
        ("generated/rsa_pss_mgf1_sha1.pem", Some(true)),
        ("generated/rsa_pss_sha384_salt0.pem", Some(true)),
        ("generated/rsa_pss_bad_signature.pem", Some(false)),
    ] {
        let der = decode(CertInput::Bytes(&common::bytes(file))).unwrap().remove(0);
        let c = check(&der).unwrap();
        assert!(matches!(c.padding, Padding::Pss { .. }), "{file}");
        assert_eq!(selfsig::verdict(c), want, "{file}");
    }
    for file in ["generated/ec_p256.pem", "generated/sha3_256_signed.pem"] {
        let der = decode(CertInput::Bytes(&common::bytes(file))).unwrap().remove(0);
        assert_eq!(check(&der), None, "{file}: not an RSA signature with a SHA-1 or SHA-2 hash");
    }
}
