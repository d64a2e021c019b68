//! Frontline SSO Assistant core: everything about Entra ID ↔ Twilio Frontline SAML SSO
//! that can be decided without touching a page. Domain modules know nothing of wasm-bindgen;
//! `bindings` is the single door to JavaScript.

pub mod certificate;
pub mod checklist;
pub mod der;
#[cfg(feature = "xmldsig")]
pub mod diagnose;
pub mod entra;
pub mod finding;
pub mod forms;

#[cfg(all(not(target_arch = "wasm32"), feature = "xmldsig"))]
pub mod fuzz_checks;
pub mod guide;
pub mod idp;
pub mod ids;
pub mod metadata;
pub mod plan;
pub mod product;
pub mod renewal;
#[cfg(feature = "xmldsig")]
pub mod request;
pub mod response;
#[cfg(feature = "rust-verify")]
pub mod rsa_pkcs1;
#[cfg(feature = "rust-verify")]
pub mod rsa_pss;
pub mod samlxml;
pub mod selfsig;
pub mod setup;
pub mod sigalg;
pub mod signin_failure;
pub mod timefmt;
#[cfg(feature = "xmldsig")]
pub mod xmldsig;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(target_arch = "wasm32")]
mod js_read;
