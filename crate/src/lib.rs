//! Frontline SSO Assistant core: everything about Entra ID ↔ Twilio SAML SSO that can be
//! decided without touching a page. Domain modules know nothing of wasm-bindgen; `bindings` is
//! the single door to JavaScript. The layers, each a folder:
//! - `common`: findings and errors, time;
//! - `entra`, `product`: Microsoft's facts and Twilio's products' facts;
//! - `cert`: certificates and their signatures;
//! - `saml`: SAML XML, XML signatures, metadata, requests and responses;
//! - `setup`: one setup, its checklist, guide, renewal and sign-in diagnosis;
//! - `forms`: the consoles' pages, recognised and planned.

pub mod cert;
pub mod common;
pub mod entra;
pub mod forms;
pub mod product;
pub mod saml;
pub mod setup;

#[cfg(all(not(target_arch = "wasm32"), feature = "fuzzing"))]
pub mod fuzz_checks;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(target_arch = "wasm32")]
mod js_read;
