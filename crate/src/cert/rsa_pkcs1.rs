//! RSA PKCS #1 v1.5 signature verification in pure Rust, for the CLI and the full module (the
//! extension's first module leaves it to WebCrypto, see `selfsig.rs`). The recovered encoding is
//! compared whole with the one expected (RFC 8017 §8.2.2), never parsed. crypto-bigint's
//! Montgomery form is several times faster than num-bigint-dig, which `rsa` 0.9 used
//! (`./build.sh bench`).

use crypto_bigint::modular::{BoxedMontyForm, BoxedMontyParams};
use crypto_bigint::{BoxedUint, Odd};
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512, Sha512_224, Sha512_256};
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey;
use x509_parser::x509::SubjectPublicKeyInfo;

use crate::cert::der;
use crate::cert::sigalg::Hash;

/// The largest modulus taken, as `rsa` did: beyond it a key is refused, not computed.
const MAX_MODULUS_BYTES: usize = 16384 / 8;
/// Public exponents from 2 to 2^33 − 1, as `rsa` took them.
const MAX_EXPONENT: u64 = (1 << 33) - 1;

/// Whether `signature` over `signed` verifies with the RSA key in `spki`. `None` when it cannot be
/// judged (no RSA key, a hash with no PKCS #1 identifier); `Some(false)` for a key no RSA
/// implementation would take.
pub fn verify(hash: Hash, spki: &[u8], signed: &[u8], signature: &[u8]) -> Option<bool> {
    let prefix = hash.pkcs1_prefix()?;
    let digest = digest(hash, signed)?;
    let Some((recovered, _)) = recover(spki, signature)? else {
        return Some(false);
    };
    let k = recovered.len();
    if k < prefix.len() + digest.len() + 11 {
        return Some(false);
    }
    // EM = 0x00 0x01 PS(0xff…) 0x00 DigestInfo, k bytes.
    let pad = k - prefix.len() - digest.len() - 3;
    let expected: Vec<u8> = [0x00, 0x01]
        .into_iter()
        .chain(std::iter::repeat_n(0xff, pad))
        .chain([0x00])
        .chain(prefix.iter().copied())
        .chain(digest)
        .collect();
    Some(recovered == expected)
}

/// The RSA public operation on `signature` with the key in `spki` (RSAVP1): the k bytes it
/// recovers and the modulus's bit length. `None` when the key is not RSA; `Some(None)` for a
/// key or a signature no RSA implementation would take.
pub(crate) fn recover(spki: &[u8], signature: &[u8]) -> Option<Option<(Vec<u8>, usize)>> {
    let Ok((_, info)) = SubjectPublicKeyInfo::from_der(spki) else {
        return Some(None);
    };
    let Ok(PublicKey::RSA(key)) = info.parsed() else {
        return None;
    };
    let (n, e) = (der::unsigned(key.modulus), der::unsigned(key.exponent));
    let k = n.len();
    let exponent = e.iter().try_fold(0u64, |acc, b| acc.checked_mul(256).map(|a| a | u64::from(*b)));
    let Some(exponent) = exponent.filter(|x| (2..=MAX_EXPONENT).contains(x)) else {
        return Some(None);
    };
    if k == 0 || k > MAX_MODULUS_BYTES || signature.len() != k {
        return Some(None);
    }
    let bits = 8 * k - n.first().map_or(8, |b| b.leading_zeros() as usize);
    Some(rsa_public(n, exponent, signature).map(|m| (m, bits)))
}

/// `signature`^e mod n as k big-endian bytes; `None` when n is even or the signature not below n.
fn rsa_public(n: &[u8], exponent: u64, signature: &[u8]) -> Option<Vec<u8>> {
    let modulus = BoxedUint::from_be_slice_vartime(n);
    let bits = modulus.bits_precision();
    let s = BoxedUint::from_be_slice(signature, bits).ok()?;
    if s >= modulus {
        return None;
    }
    let params = BoxedMontyParams::new_vartime(Odd::new(modulus).into_option()?);
    let e = BoxedUint::from(exponent);
    let m = BoxedMontyForm::new(s, &params).pow_bounded_exp(&e, 64 - exponent.leading_zeros()).retrieve();
    let bytes = m.to_be_bytes();
    let lead = bytes.len().checked_sub(n.len())?;
    bytes.get(lead..).map(<[u8]>::to_vec)
}

pub(crate) fn digest(hash: Hash, data: &[u8]) -> Option<Vec<u8>> {
    Some(match hash {
        Hash::Sha1 => Sha1::digest(data).to_vec(),
        Hash::Sha224 => Sha224::digest(data).to_vec(),
        Hash::Sha256 => Sha256::digest(data).to_vec(),
        Hash::Sha384 => Sha384::digest(data).to_vec(),
        Hash::Sha512 => Sha512::digest(data).to_vec(),
        Hash::Sha512_224 => Sha512_224::digest(data).to_vec(),
        Hash::Sha512_256 => Sha512_256::digest(data).to_vec(),
        _ => return None,
    })
}
