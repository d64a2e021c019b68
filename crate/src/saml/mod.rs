//! SAML: reading its XML one way (`xml`), XML signatures (`dsig`), federation metadata,
//! Twilio's AuthnRequest (`request`) and the sign-in response (`response`).

#[cfg(feature = "xmldsig")]
pub mod dsig;
pub mod metadata;
#[cfg(feature = "xmldsig")]
pub mod request;
pub mod response;
pub mod xml;
