//! RSASSA-PSS signature verification in pure Rust (RFC 8017 §8.1.2 and §9.1.2), for the CLI and
//! the full module; the extension's first module asks WebCrypto, as for PKCS #1 v1.5. The
//! parameters are the certificate's own: the message hash, MGF1's hash and the salt length.

use crate::cert::rsa_pkcs1::{digest, recover};
use crate::cert::sigalg::Hash;

/// Whether `signature` over `signed` verifies with the RSA key in `spki` under RSASSA-PSS.
/// `None` when it cannot be judged (no RSA key, a hash the core lacks).
pub fn verify(hash: Hash, mgf_hash: Hash, salt_len: usize, spki: &[u8], signed: &[u8], sig: &[u8]) -> Option<bool> {
    let m_hash = digest(hash, signed)?;
    digest(mgf_hash, &[])?;
    let Some((recovered, mod_bits)) = recover(spki, sig)? else {
        return Some(false);
    };
    // EM is emLen = ⌈(modBits − 1) / 8⌉ bytes; RSAVP1 gave k bytes, one more when modBits − 1 is
    // a multiple of 8, and that byte must be zero.
    let em_bits = mod_bits.saturating_sub(1);
    let em_len = em_bits.div_ceil(8);
    let extra = recovered.len().saturating_sub(em_len);
    if recovered.get(..extra).is_some_and(|lead| lead.iter().any(|b| *b != 0)) {
        return Some(false);
    }
    let em = recovered.get(extra..).unwrap_or_default();
    Some(emsa_pss_verify(hash, mgf_hash, salt_len, &m_hash, em, em_bits).unwrap_or(false))
}

/// EMSA-PSS-VERIFY; `None` wherever the encoding is inconsistent.
fn emsa_pss_verify(hash: Hash, mgf_hash: Hash, s_len: usize, m_hash: &[u8], em: &[u8], em_bits: usize) -> Option<bool> {
    let h_len = m_hash.len();
    let em_len = em.len();
    if em_len < h_len + s_len + 2 || em.last() != Some(&0xbc) {
        return Some(false);
    }
    let db_len = em_len - h_len - 1;
    let (masked_db, rest) = em.split_at(db_len);
    let h = rest.get(..h_len)?;
    // The leftmost 8·emLen − emBits bits must be zero.
    let unused = 8 * em_len - em_bits;
    let top_mask = if unused >= 8 { 0 } else { 0xffu8 >> unused };
    if masked_db.first().is_some_and(|b| b & !top_mask != 0) {
        return Some(false);
    }
    let mask = mgf1(mgf_hash, h, db_len)?;
    let mut db: Vec<u8> = masked_db.iter().zip(&mask).map(|(a, b)| a ^ b).collect();
    if let Some(first) = db.first_mut() {
        *first &= top_mask;
    }
    // DB = PS (zeros) || 0x01 || salt.
    let ps_len = db_len - s_len - 1;
    if db.get(..ps_len)?.iter().any(|b| *b != 0) || db.get(ps_len) != Some(&0x01) {
        return Some(false);
    }
    let salt = db.get(ps_len + 1..)?;
    let m_prime: Vec<u8> = [0u8; 8].iter().chain(m_hash).chain(salt).copied().collect();
    Some(digest(hash, &m_prime)? == h)
}

/// MGF1 (RFC 8017 §B.2.1): `len` bytes from `seed`.
fn mgf1(hash: Hash, seed: &[u8], len: usize) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(len + 64);
    let mut counter: u32 = 0;
    while out.len() < len {
        let block: Vec<u8> = seed.iter().copied().chain(counter.to_be_bytes()).collect();
        out.extend(digest(hash, &block)?);
        counter = counter.checked_add(1)?;
    }
    out.truncate(len);
    Some(out)
}
