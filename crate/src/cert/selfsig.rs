//! A certificate's own signature: what to verify, and who verifies it.
//!
//! In the extension the worker verifies it with WebCrypto, natively: RSA in wasm took ~650 µs
//! a certificate, WebCrypto ~40 µs, and leaving the bigint out makes the first module smaller.
//! The core names the checks it could not decide (`take_pending`), telling the worker of each as
//! it queues it (`on_queued`), so WebCrypto runs while the call goes on; the worker hands the
//! verdicts back (`set_verdicts`) and the call is made again. Verdicts are kept per
//! SHA-256 fingerprint of the whole certificate (its TBS, key and signature), so one certificate
//! is verified once. With the `rust-verify` feature (the CLI, the full module) the check is made
//! here, in pure Rust (`rsa_pkcs1.rs`, `rsa_pss.rs`), and nothing is ever pending.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use x509_parser::prelude::X509Certificate;
use x509_parser::public_key::PublicKey;

use crate::cert::sigalg::{Hash, Scheme, SigAlg};

/// How the RSA signature is padded, with what the certificate says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Padding {
    /// PKCS #1 v1.5.
    Pkcs1,
    /// RSASSA-PSS: MGF1 with its own hash (WebCrypto takes only the message's), and the salt length.
    Pss { mgf_hash: Hash, salt_len: u32 },
}

/// The largest PSS salt taken: a salt never outgrows the largest key (16,384 bits).
const MAX_SALT: u32 = 2048;
/// id-mgf1, 1.2.840.113549.1.1.8: the only mask generation RFC 4055 defines.
const MGF1: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08];

/// One RSA self-signature to verify: WebCrypto's `importKey("spki")` + `verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureCheck {
    /// Upper-case hex SHA-256 of the certificate's DER: the verdict's key.
    pub fingerprint_sha256: String,
    pub hash: Hash,
    pub padding: Padding,
    /// The SubjectPublicKeyInfo's DER.
    pub spki: Vec<u8>,
    /// The signed bytes: the TBSCertificate's DER.
    pub tbs: Vec<u8>,
    pub signature: Vec<u8>,
}

/// `{fingerprintSha256, hash, padding, mgfHash, saltLength, webCrypto, spki, tbs, signature}`:
/// bytes as Uint8Array in JS, `padding` "pkcs1" or "pss", and `webCrypto` false where WebCrypto
/// has no such hash or PSS with another MGF1 hash (the full module verifies those).
impl Serialize for SignatureCheck {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        let (padding, mgf_hash, salt) = match self.padding {
            Padding::Pkcs1 => ("pkcs1", None, 0),
            Padding::Pss { mgf_hash, salt_len } => ("pss", Some(mgf_hash), salt_len),
        };
        let web_crypto = self.hash.in_web_crypto() && mgf_hash.is_none_or(|h| h == self.hash);
        let mut m = s.serialize_struct("SignatureCheck", 9)?;
        m.serialize_field("fingerprintSha256", &self.fingerprint_sha256)?;
        m.serialize_field("hash", &self.hash.name())?;
        m.serialize_field("padding", padding)?;
        m.serialize_field("mgfHash", &mgf_hash.and_then(Hash::name))?;
        m.serialize_field("saltLength", &salt)?;
        m.serialize_field("webCrypto", &web_crypto)?;
        m.serialize_field("spki", &Bytes(&self.spki))?;
        m.serialize_field("tbs", &Bytes(&self.tbs))?;
        m.serialize_field("signature", &Bytes(&self.signature))?;
        m.end()
    }
}

/// What can be checked of `cert`'s self-signature: RSA PKCS #1 v1.5 or RSASSA-PSS (MGF1, trailer
/// field 1) with SHA-1 or SHA-2 hashes. `None` for every other scheme and hash (EC, SHA-3…),
/// which the report warns was not checked.
pub fn check_for(cert: &X509Certificate<'_>, alg: &SigAlg, fingerprint_sha256: &str) -> Option<SignatureCheck> {
    let (hash, padding) = match alg.scheme {
        Scheme::RsaPkcs1 if alg.hash.pkcs1_prefix().is_some() => (alg.hash, Padding::Pkcs1),
        Scheme::RsaPss => pss_params(cert)?,
        _ => return None,
    };
    let Ok(PublicKey::RSA(_)) = cert.public_key().parsed() else {
        return None;
    };
    Some(SignatureCheck {
        fingerprint_sha256: fingerprint_sha256.to_string(),
        hash,
        padding,
        spki: cert.tbs_certificate.subject_pki.raw.to_vec(),
        tbs: cert.tbs_certificate.as_ref().to_vec(),
        signature: cert.signature_value.data.to_vec(),
    })
}

/// RSASSA-PSS's parameters, from the certificate's signature algorithm (RFC 4055 §3.1): `None`
/// for a hash the core lacks, a mask other than MGF1, a trailer other than 1, or a huge salt.
fn pss_params(cert: &X509Certificate<'_>) -> Option<(Hash, Padding)> {
    use x509_parser::signature_algorithm::SignatureAlgorithm;
    let Ok(SignatureAlgorithm::RSASSA_PSS(p)) = SignatureAlgorithm::try_from(&cert.signature_algorithm) else {
        return None;
    };
    let hash = Hash::from_oid(p.hash_algorithm_oid().as_bytes())?;
    let mgf = p.mask_gen_algorithm().ok()?;
    if mgf.mgf.as_bytes() != MGF1 || p.trailer_field() != 1 || p.salt_length() > MAX_SALT {
        return None;
    }
    let mgf_hash = Hash::from_oid(mgf.hash.as_bytes())?;
    Some((hash, Padding::Pss { mgf_hash, salt_len: p.salt_length() }))
}

/// The verdict on `check`: verified here with `rust-verify`, else the worker's, once it gave one.
#[cfg(feature = "rust-verify")]
pub fn verdict(check: SignatureCheck) -> Option<bool> {
    let SignatureCheck { hash, padding, spki, tbs, signature, .. } = check;
    match padding {
        Padding::Pkcs1 => crate::cert::rsa_pkcs1::verify(hash, &spki, &tbs, &signature),
        Padding::Pss { mgf_hash, salt_len } => {
            let salt = usize::try_from(salt_len).ok()?;
            crate::cert::rsa_pss::verify(hash, mgf_hash, salt, &spki, &tbs, &signature)
        }
    }
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
