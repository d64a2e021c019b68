//! Certificates: decoding and judging them (`certificate`), their signature algorithms
//! (`sigalg`), their own signatures (`selfsig`, verified by WebCrypto in the worker or by
//! `rsa_pkcs1` / `rsa_pss` in pure Rust), and the DER read by hand (`der`).

pub mod certificate;
pub mod der;
#[cfg(feature = "rust-verify")]
pub mod rsa_pkcs1;
#[cfg(feature = "rust-verify")]
pub mod rsa_pss;
pub mod selfsig;
pub mod sigalg;
