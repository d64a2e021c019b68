//! Certificate signature algorithms: every registered RSA signature identifier (the PKCS #1
//! ones, OIW's and TeleTrusT's legacy aliases, NIST's SHA-3 ones) and the common non-RSA ones,
//! each with how the core judges it. An identifier missing here is reported, never passed.

/// The hash a signature algorithm names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Md2,
    Md4,
    Md5,
    Mdc2,
    /// The withdrawn original SHA ("SHA-0").
    Sha0,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3,
    Ripemd128,
    Ripemd160,
    Ripemd256,
    /// The identifier names no hash (rsaEncryption used as a signature algorithm, ISO 9796-2).
    Unnamed,
    /// Named in the algorithm's parameters (RSASSA-PSS) or built in (EdDSA).
    InParameters,
}

impl Hash {
    /// Broken or too short for a signature today.
    pub fn weak(self) -> bool {
        matches!(self, Hash::Md2 | Hash::Md4 | Hash::Md5 | Hash::Mdc2 | Hash::Sha0 | Hash::Sha1 | Hash::Ripemd128)
    }

    /// The hash's name as WebCrypto spells it, for the SHA-1 and SHA-2 hashes.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Hash::Sha1 => "SHA-1",
            Hash::Sha224 => "SHA-224",
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
            Hash::Sha512_224 => "SHA-512/224",
            Hash::Sha512_256 => "SHA-512/256",
            _ => return None,
        })
    }

    /// The hash by its `name()`.
    pub fn named(name: &str) -> Option<Hash> {
        CHECKED.iter().copied().find(|h| h.name() == Some(name))
    }

    /// The hash an AlgorithmIdentifier's OID (content bytes) names, among those verified: how
    /// RSASSA-PSS parameters name theirs.
    pub fn from_oid(oid: &[u8]) -> Option<Hash> {
        const SHA1: &[u8] = &[0x2b, 0x0e, 0x03, 0x02, 0x1a];
        const NIST: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02];
        if oid == SHA1 {
            return Some(Hash::Sha1);
        }
        let id = oid.strip_prefix(NIST).filter(|rest| rest.len() == 1)?.first()?;
        [Hash::Sha256, Hash::Sha384, Hash::Sha512, Hash::Sha224, Hash::Sha512_224, Hash::Sha512_256]
            .get(usize::from(*id).checked_sub(1)?)
            .copied()
    }

    /// WebCrypto's RSASSA-PKCS1-v1_5 and RSA-PSS take these; the others (SHA-224, SHA-512/t) are left to
    /// the full module's pure-Rust verifier.
    pub fn in_web_crypto(self) -> bool {
        matches!(self, Hash::Sha1 | Hash::Sha256 | Hash::Sha384 | Hash::Sha512)
    }

    /// The DER of PKCS #1 v1.5's DigestInfo before the digest (RFC 8017 §9.2, note 1), for the
    /// hashes whose self-signatures are verified.
    pub fn pkcs1_prefix(self) -> Option<&'static [u8]> {
        Some(match self {
            Hash::Sha1 => &[0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14],
            Hash::Sha224 => &SHA224_PREFIX,
            Hash::Sha256 => &SHA256_PREFIX,
            Hash::Sha384 => &SHA384_PREFIX,
            Hash::Sha512 => &SHA512_PREFIX,
            Hash::Sha512_224 => &SHA512_224_PREFIX,
            Hash::Sha512_256 => &SHA512_256_PREFIX,
            _ => return None,
        })
    }
}

/// The hashes whose RSA PKCS #1 v1.5 self-signatures are verified.
const CHECKED: [Hash; 7] =
    [Hash::Sha1, Hash::Sha224, Hash::Sha256, Hash::Sha384, Hash::Sha512, Hash::Sha512_224, Hash::Sha512_256];

/// DigestInfo prefixes of the SHA-2 hashes, NIST arc 2.16.840.1.101.3.4.2.`id`, digest `len` bytes.
const fn sha2_prefix(id: u8, len: u8) -> [u8; 19] {
    [0x30, 17 + len, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, id, 0x05, 0x00, 0x04, len]
}
const SHA224_PREFIX: [u8; 19] = sha2_prefix(4, 28);
const SHA256_PREFIX: [u8; 19] = sha2_prefix(1, 32);
const SHA384_PREFIX: [u8; 19] = sha2_prefix(2, 48);
const SHA512_PREFIX: [u8; 19] = sha2_prefix(3, 64);
const SHA512_224_PREFIX: [u8; 19] = sha2_prefix(5, 28);
const SHA512_256_PREFIX: [u8; 19] = sha2_prefix(6, 32);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// RSA PKCS #1 v1.5: the core verifies it for the SHA-1 and SHA-2 hashes.
    RsaPkcs1,
    RsaPss,
    /// RSA signatures with ISO/IEC 9796-2 padding.
    RsaIso9796,
    Ecdsa,
    Dsa,
    EdDsa,
}

/// One signature algorithm identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SigAlg {
    /// The OID's DER content bytes.
    pub oid: &'static [u8],
    pub name: &'static str,
    pub scheme: Scheme,
    pub hash: Hash,
}

const fn alg(oid: &'static [u8], name: &'static str, scheme: Scheme, hash: Hash) -> SigAlg {
    SigAlg { oid, name, scheme, hash }
}

use Hash::*;
use Scheme::*;

/// 1.2.840.113549.1.1.x, PKCS #1.
macro_rules! pkcs1 {
    ($x:expr) => {
        &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, $x]
    };
}
/// 1.3.14.3.2.x, OIW's Security SIG algorithms.
macro_rules! oiw {
    ($x:expr) => {
        &[0x2b, 0x0e, 0x03, 0x02, $x]
    };
}
/// 2.16.840.1.101.3.4.3.x, NIST's signature algorithms.
macro_rules! nist {
    ($x:expr) => {
        &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x03, $x]
    };
}

pub const ALGORITHMS: &[SigAlg] = &[
    alg(pkcs1!(0x0b), "sha256WithRSAEncryption", RsaPkcs1, Sha256),
    alg(pkcs1!(0x0c), "sha384WithRSAEncryption", RsaPkcs1, Sha384),
    alg(pkcs1!(0x0d), "sha512WithRSAEncryption", RsaPkcs1, Sha512),
    alg(pkcs1!(0x0e), "sha224WithRSAEncryption", RsaPkcs1, Sha224),
    alg(pkcs1!(0x0f), "sha512-224WithRSAEncryption", RsaPkcs1, Sha512_224),
    alg(pkcs1!(0x10), "sha512-256WithRSAEncryption", RsaPkcs1, Sha512_256),
    alg(pkcs1!(0x05), "sha1WithRSAEncryption", RsaPkcs1, Sha1),
    alg(pkcs1!(0x04), "md5WithRSAEncryption", RsaPkcs1, Md5),
    alg(pkcs1!(0x03), "md4WithRSAEncryption", RsaPkcs1, Md4),
    alg(pkcs1!(0x02), "md2WithRSAEncryption", RsaPkcs1, Md2),
    alg(pkcs1!(0x0a), "RSASSA-PSS", RsaPss, InParameters),
    alg(pkcs1!(0x01), "rsaEncryption (as a signature algorithm)", RsaPkcs1, Unnamed),
    alg(oiw!(0x1d), "sha1WithRSASignature (OIW)", RsaPkcs1, Sha1),
    alg(oiw!(0x0f), "shaWithRSASignature (OIW, SHA-0)", RsaPkcs1, Sha0),
    alg(oiw!(0x19), "md5WithRSASignature (OIW)", RsaPkcs1, Md5),
    alg(oiw!(0x03), "md5WithRSA (OIW)", RsaPkcs1, Md5),
    alg(oiw!(0x02), "md4WithRSA (OIW)", RsaPkcs1, Md4),
    alg(oiw!(0x04), "md4WithRSAEncryption (OIW)", RsaPkcs1, Md4),
    alg(oiw!(0x18), "md2WithRSASignature (OIW)", RsaPkcs1, Md2),
    alg(oiw!(0x0e), "mdc2WithRSASignature (OIW)", RsaPkcs1, Mdc2),
    alg(oiw!(0x0b), "rsaSignature (OIW, ISO/IEC 9796-2)", RsaIso9796, Unnamed),
    alg(&[0x2b, 0x0e, 0x07, 0x02, 0x03, 0x01], "md2WithRSA (OIW)", RsaPkcs1, Md2),
    alg(&[0x2b, 0x24, 0x03, 0x03, 0x01, 0x02], "rsaSignatureWithRIPEMD160 (TeleTrusT)", RsaPkcs1, Ripemd160),
    alg(&[0x2b, 0x24, 0x03, 0x03, 0x01, 0x03], "rsaSignatureWithRIPEMD128 (TeleTrusT)", RsaPkcs1, Ripemd128),
    alg(&[0x2b, 0x24, 0x03, 0x03, 0x01, 0x04], "rsaSignatureWithRIPEMD256 (TeleTrusT)", RsaPkcs1, Ripemd256),
    alg(nist!(0x0d), "id-rsassa-pkcs1-v1_5-with-sha3-224", RsaPkcs1, Sha3),
    alg(nist!(0x0e), "id-rsassa-pkcs1-v1_5-with-sha3-256", RsaPkcs1, Sha3),
    alg(nist!(0x0f), "id-rsassa-pkcs1-v1_5-with-sha3-384", RsaPkcs1, Sha3),
    alg(nist!(0x10), "id-rsassa-pkcs1-v1_5-with-sha3-512", RsaPkcs1, Sha3),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01], "ecdsa-with-SHA1", Ecdsa, Sha1),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01], "ecdsa-with-SHA224", Ecdsa, Sha224),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02], "ecdsa-with-SHA256", Ecdsa, Sha256),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03], "ecdsa-with-SHA384", Ecdsa, Sha384),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04], "ecdsa-with-SHA512", Ecdsa, Sha512),
    alg(&[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x03], "dsa-with-SHA1", Dsa, Sha1),
    alg(nist!(0x01), "dsa-with-SHA224", Dsa, Sha224),
    alg(nist!(0x02), "dsa-with-SHA256", Dsa, Sha256),
    alg(&[0x2b, 0x65, 0x70], "Ed25519", EdDsa, InParameters),
    alg(&[0x2b, 0x65, 0x71], "Ed448", EdDsa, InParameters),
];

/// The algorithm with these OID content bytes, if the core knows it.
pub fn lookup(oid: &[u8]) -> Option<&'static SigAlg> {
    ALGORITHMS.iter().find(|a| a.oid == oid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_identifier_is_listed_once() {
        for (i, a) in ALGORITHMS.iter().enumerate() {
            assert!(ALGORITHMS.iter().skip(i + 1).all(|b| b.oid != a.oid && b.name != a.name), "{}", a.name);
        }
    }
}
