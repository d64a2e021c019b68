//! A certificate's own signature: what to verify, and who verifies it.
//!
//! In the extension the worker verifies it with WebCrypto, natively: RSA in wasm took ~650 µs
//! a certificate, WebCrypto ~40 µs, and leaving the bigint out makes the first module smaller.
//! The core names the checks it could not decide (`take_pending`), telling the worker of each as
//! it queues it (`on_queued`), so WebCrypto runs while the call goes on; the worker hands the
//! verdicts back (`set_verdicts`) and the call is made again. Verdicts are kept per
//! SHA-256 fingerprint of the whole certificate (its TBS, key and signature), so one certificate
//! is verified once. With the `rust-verify` feature (the CLI, the full module) the check is made
//! here, in pure Rust (`rsa_pkcs1.rs`), and nothing is ever pending.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use x509_parser::prelude::X509Certificate;
use x509_parser::public_key::PublicKey;

use crate::sigalg::{Hash, Scheme, SigAlg};

/// One RSA PKCS #1 v1.5 self-signature to verify: WebCrypto's `importKey("spki")` + `verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureCheck {
    /// Upper-case hex SHA-256 of the certificate's DER: the verdict's key.
    pub fingerprint_sha256: String,
    pub hash: Hash,
    /// The SubjectPublicKeyInfo's DER.
    pub spki: Vec<u8>,
    /// The signed bytes: the TBSCertificate's DER.
    pub tbs: Vec<u8>,
    pub signature: Vec<u8>,
}

/// `{fingerprintSha256, hash, webCrypto, spki, tbs, signature}`: bytes as Uint8Array in JS, and
/// `webCrypto` false where WebCrypto has no such hash (the full module verifies those).
impl Serialize for SignatureCheck {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        let mut m = s.serialize_struct("SignatureCheck", 6)?;
        m.serialize_field("fingerprintSha256", &self.fingerprint_sha256)?;
        m.serialize_field("hash", &self.hash.name())?;
        m.serialize_field("webCrypto", &self.hash.in_web_crypto())?;
        m.serialize_field("spki", &Bytes(&self.spki))?;
        m.serialize_field("tbs", &Bytes(&self.tbs))?;
        m.serialize_field("signature", &Bytes(&self.signature))?;
        m.end()
    }
}

/// What can be checked of `cert`'s self-signature: RSA PKCS #1 v1.5 with a SHA-1 or SHA-2 hash.
/// `None` for every other scheme and hash (EC, PSS, SHA-3…), which the report says was not checked.
pub fn check_for(cert: &X509Certificate<'_>, alg: &SigAlg, fingerprint_sha256: &str) -> Option<SignatureCheck> {
    if alg.scheme != Scheme::RsaPkcs1 || alg.hash.pkcs1_prefix().is_none() {
        return None;
    }
    let Ok(PublicKey::RSA(_)) = cert.public_key().parsed() else {
        return None;
    };
    Some(SignatureCheck {
        fingerprint_sha256: fingerprint_sha256.to_string(),
        hash: alg.hash,
        spki: cert.tbs_certificate.subject_pki.raw.to_vec(),
        tbs: cert.tbs_certificate.as_ref().to_vec(),
        signature: cert.signature_value.data.to_vec(),
    })
}

/// The verdict on `check`: verified here with `rust-verify`, else the worker's, once it gave one.
#[cfg(feature = "rust-verify")]
pub fn verdict(check: SignatureCheck) -> Option<bool> {
    crate::rsa_pkcs1::verify(check.hash, &check.spki, &check.tbs, &check.signature)
}

#[cfg(not(feature = "rust-verify"))]
pub use cache::{on_queued, set_verdicts, take_pending, verdict};

/// The worker's verdicts and the checks still waiting for one. A cache of pure results, not
/// state: a new module starts empty (the worker restores the session's verdicts into it).
#[cfg(not(feature = "rust-verify"))]
mod cache {
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    use super::SignatureCheck;

    /// No session meets this many certificates; it keeps a flood of them cheap.
    const MAX_KEPT: usize = 256;

    #[derive(Default)]
    struct Cache {
        verdicts: BTreeMap<String, Option<bool>>,
        pending: Vec<SignatureCheck>,
    }

    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
        /// Told of each check as it is queued, so that WebCrypto starts on its own thread while
        /// the core goes on with the call.
        static ON_QUEUED: Cell<Option<fn(&SignatureCheck)>> = const { Cell::new(None) };
    }

    /// Who to tell when a check is queued (the bindings, which hand it to the worker).
    pub fn on_queued(listener: fn(&SignatureCheck)) {
        ON_QUEUED.with(|l| l.set(Some(listener)));
    }

    /// The verdict if the worker gave one; else the check is queued and the answer is "not yet".
    pub fn verdict(check: SignatureCheck) -> Option<bool> {
        let queued = CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(v) = c.verdicts.get(&check.fingerprint_sha256) {
                return Err(*v);
            }
            let new = !c.pending.iter().any(|p| p.fingerprint_sha256 == check.fingerprint_sha256);
            if new {
                c.pending.push(check.clone());
            }
            Ok(new)
        });
        match queued {
            Err(known) => known,
            Ok(new) => {
                if let Some(listener) = ON_QUEUED.with(Cell::get).filter(|_| new) {
                    listener(&check);
                }
                None
            }
        }
    }

    /// The checks the last calls could not decide; the queue is emptied.
    pub fn take_pending() -> Vec<SignatureCheck> {
        CACHE.with(|c| std::mem::take(&mut c.borrow_mut().pending))
    }

    /// Verdicts by fingerprint (`None`: could not be verified, reported as not checked).
    pub fn set_verdicts(verdicts: &[(String, Option<bool>)]) {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            for (fingerprint, valid) in verdicts {
                if c.verdicts.len() >= MAX_KEPT {
                    c.verdicts.clear();
                }
                c.verdicts.insert(fingerprint.clone(), *valid);
            }
        });
    }
}
