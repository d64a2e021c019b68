#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! Self-signatures: the pure-Rust verifier (`rsa_pkcs1`) gives `rsa` 0.9's verdict on every
//! certificate in the fixtures, the real samples and the responses, and on each one altered.

mod common;

use frontline_sso::certificate::{decode, decode_base64, CertInput};
use frontline_sso::selfsig::{check_for, SignatureCheck};
use frontline_sso::sigalg::{self, Hash};
use frontline_sso::{rsa_pkcs1, selfsig};
use rsa::{BigUint, Pkcs1v15Sign, RsaPublicKey};
use sha2::Digest;
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

/// `rsa` 0.9's verdict, as the core gave it before this verifier.
fn rsa09(c: &SignatureCheck) -> Option<bool> {
    let (_, info) = SubjectPublicKeyInfo::from_der(&c.spki).unwrap();
    let Ok(PublicKey::RSA(k)) = info.parsed() else { return None };
    let (scheme, hashed) = match c.hash {
        Hash::Sha1 => (Pkcs1v15Sign::new::<sha1::Sha1>(), sha1::Sha1::digest(&c.tbs).to_vec()),
        Hash::Sha224 => (Pkcs1v15Sign::new::<sha2::Sha224>(), sha2::Sha224::digest(&c.tbs).to_vec()),
        Hash::Sha256 => (Pkcs1v15Sign::new::<sha2::Sha256>(), sha2::Sha256::digest(&c.tbs).to_vec()),
        Hash::Sha384 => (Pkcs1v15Sign::new::<sha2::Sha384>(), sha2::Sha384::digest(&c.tbs).to_vec()),
        Hash::Sha512 => (Pkcs1v15Sign::new::<sha2::Sha512>(), sha2::Sha512::digest(&c.tbs).to_vec()),
        Hash::Sha512_224 => (Pkcs1v15Sign::new::<sha2::Sha512_224>(), sha2::Sha512_224::digest(&c.tbs).to_vec()),
        Hash::Sha512_256 => (Pkcs1v15Sign::new::<sha2::Sha512_256>(), sha2::Sha512_256::digest(&c.tbs).to_vec()),
        _ => return None,
    };
    let Ok(key) =
        RsaPublicKey::new_with_max_size(BigUint::from_bytes_be(k.modulus), BigUint::from_bytes_be(k.exponent), 16384)
    else {
        return Some(false);
    };
    Some(key.verify(scheme, &hashed, &c.signature).is_ok())
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
            let ours = rsa_pkcs1::verify(c.hash, &c.spki, &c.tbs, &c.signature);
            assert_eq!(ours, rsa09(c), "{name}, {case}");
            assert_eq!(selfsig::verdict(c.clone()), ours, "{name}, {case}: the verdict the core uses");
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
    for file in ["generated/rsa_pss.pem", "generated/ec_p256.pem", "generated/sha3_256_signed.pem"] {
        let der = decode(CertInput::Bytes(&common::bytes(file))).unwrap().remove(0);
        assert_eq!(check(&der), None, "{file}: not an RSA PKCS #1 v1.5 signature with a SHA-1 or SHA-2 hash");
    }
}
