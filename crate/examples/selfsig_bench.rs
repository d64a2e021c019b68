//! Benchmark (not a test): the CLI's pure-Rust self-signature check against `rsa` 0.9 (the
//! num-bigint-dig verifier it replaced), on the real Entra certificate. Interleaved rounds,
//! medians. Run by `./build.sh bench` (`cargo run --release --example selfsig_bench`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::time::Instant;

use frontline_sso::cert::certificate::{decode, CertInput};
use frontline_sso::cert::rsa_pkcs1;
use frontline_sso::cert::selfsig::{check_for, SignatureCheck};
use frontline_sso::cert::sigalg;
use rsa::{BigUint, Pkcs1v15Sign, RsaPublicKey};
use sha2::{Digest, Sha256};
use x509_parser::prelude::{FromDer, X509Certificate};
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

const CERT: &str = "/../tests/fixtures/realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem";

/// The same work with `rsa` 0.9: read the key from the SPKI, build it, hash, verify.
fn rsa09(c: &SignatureCheck) -> bool {
    let (_, spki) = SubjectPublicKeyInfo::from_der(&c.spki).unwrap();
    let Ok(PublicKey::RSA(k)) = spki.parsed() else { panic!("not RSA") };
    let key =
        RsaPublicKey::new_with_max_size(BigUint::from_bytes_be(k.modulus), BigUint::from_bytes_be(k.exponent), 16384)
            .unwrap();
    key.verify(Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(&c.tbs), &c.signature).is_ok()
}

fn per_call(f: &mut dyn FnMut() -> bool) -> f64 {
    let n = 200;
    let t = Instant::now();
    for _ in 0..n {
        assert!(f());
    }
    t.elapsed().as_secs_f64() * 1e6 / f64::from(n)
}

fn main() {
    let pem = std::fs::read(format!("{}{CERT}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let der = decode(CertInput::Bytes(&pem)).unwrap().remove(0);
    let (_, cert) = X509Certificate::from_der(&der).unwrap();
    let alg = sigalg::lookup(cert.signature_algorithm.algorithm.as_bytes()).unwrap();
    let c = check_for(&cert, alg, "").unwrap();
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        ours.push(per_call(&mut || rsa_pkcs1::verify(c.hash, &c.spki, &c.tbs, &c.signature) == Some(true)));
        theirs.push(per_call(&mut || rsa09(&c)));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (a, b) = (median(&mut ours), median(&mut theirs));
    println!("\nSelf-signature check, native (the CLI), the real Entra certificate, median of 9 rounds");
    println!("  rsa_pkcs1 (crypto-bigint, this core)   {a:8.1} µs");
    println!("  rsa 0.9 (num-bigint-dig, before)       {b:8.1} µs   {:.1}× slower", b / a);
}
