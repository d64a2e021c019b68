//! The worker's self-signature verdicts (first module), and a check handed back for the pure-Rust
//! verifier (full module).

#[cfg(feature = "rust-verify")]
pub use read_check::signature_check;
#[cfg(not(feature = "rust-verify"))]
pub use read_verdicts::verdicts;

/// The most verdicts one call may carry: the session's whole cache (selfsig.js keeps 256).
#[cfg(not(feature = "rust-verify"))]
const MAX_VERDICTS: usize = 256;

#[cfg(not(feature = "rust-verify"))]
mod read_verdicts {
    use js_sys::Array;
    use wasm_bindgen::JsValue;

    use super::super::{absent, bad, get, string, R};
    use super::MAX_VERDICTS;
    use crate::common::codes;
    use crate::common::finding::CoreError;

    /// `[{fingerprintSha256, valid: true | false | null}]`.
    pub fn verdicts(v: &JsValue) -> R<Vec<(String, Option<bool>)>> {
        const WHAT: &str = "a verdict";
        if !Array::is_array(v) || Array::from(v).length() as usize > MAX_VERDICTS {
            return Err(CoreError::new(
                codes::BAD_INPUT,
                format!("Verdicts come as a list of at most {MAX_VERDICTS}."),
            ));
        }
        Array::from(v)
            .iter()
            .map(|item| {
                let valid = get(&item, "valid");
                let valid = match valid.as_bool() {
                    Some(b) => Some(b),
                    None if absent(&valid) => None,
                    None => return Err(bad(WHAT, "valid", "a boolean or null")),
                };
                Ok((string(&item, "fingerprintSha256", WHAT)?, valid))
            })
            .collect()
    }
}

#[cfg(feature = "rust-verify")]
mod read_check {
    use wasm_bindgen::{JsCast, JsValue};

    use super::super::{bad, get, int, opt_str, string, R};
    use crate::cert::selfsig::{Padding, SignatureCheck};
    use crate::cert::sigalg::Hash;

    /// `{hash, padding, mgfHash, saltLength, spki, tbs, signature}`, as `takePendingSignatures` gave it.
    pub fn signature_check(v: &JsValue) -> R<SignatureCheck> {
        const WHAT: &str = "a signature check";
        let named = |k: &str| Hash::named(&string(v, k, WHAT)?).ok_or_else(|| bad(WHAT, k, "a SHA-1 or SHA-2 name"));
        let hash = named("hash")?;
        let padding = match opt_str(v, "padding", WHAT)?.as_deref() {
            None | Some("pkcs1") => Padding::Pkcs1,
            Some("pss") => {
                let salt =
                    u32::try_from(int(v, "saltLength", WHAT)?).map_err(|_| bad(WHAT, "saltLength", "a length"))?;
                Padding::Pss { mgf_hash: named("mgfHash")?, salt_len: salt }
            }
            Some(_) => return Err(bad(WHAT, "padding", "\"pkcs1\" or \"pss\"")),
        };
        let bytes = |k: &str| {
            let b = get(v, k);
            b.is_instance_of::<js_sys::Uint8Array>()
                .then(|| js_sys::Uint8Array::new(&b).to_vec())
                .ok_or_else(|| bad(WHAT, k, "a Uint8Array"))
        };
        Ok(SignatureCheck {
            fingerprint_sha256: string(v, "fingerprintSha256", WHAT)?,
            hash,
            padding,
            spki: bytes("spki")?,
            tbs: bytes("tbs")?,
            signature: bytes("signature")?,
        })
    }
}
