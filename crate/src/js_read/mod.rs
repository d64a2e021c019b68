//! Reading the two large inputs (stored setups, page snapshots) from JS objects field by
//! field. serde's `Deserialize` would do it in one line, but its error formatting links float
//! printing and its visitors weigh ~27 KB gzipped in the .wasm. Missing fields take their
//! defaults, as `#[serde(default)]` does; a wrong type is an error.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use crate::common::codes;
use crate::common::finding::CoreError;
use crate::setup::checklist::Status;

mod inputs;
mod setup;
mod snapshot;
mod verdicts;

#[cfg(feature = "xmldsig")]
pub use inputs::{captured, plan_input};
pub use inputs::{cert_input, console, event, expectations, fill_mode, idp_input, now, product, versions};
pub use setup::setup;
pub use snapshot::snapshot;
#[cfg(feature = "rust-verify")]
pub use verdicts::signature_check;
#[cfg(not(feature = "rust-verify"))]
pub use verdicts::verdicts;

type R<T> = Result<T, CoreError>;

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn bad(what: &str, k: &str, want: &str) -> CoreError {
    CoreError::new(codes::BAD_INPUT, format!("{what}: {k} must be {want}."))
}

fn opt_str(o: &JsValue, k: &str, what: &str) -> R<Option<String>> {
    let v = get(o, k);
    if absent(&v) {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| bad(what, k, "a string"))
}

fn string(o: &JsValue, k: &str, what: &str) -> R<String> {
    Ok(opt_str(o, k, what)?.unwrap_or_default())
}

fn opt_int(o: &JsValue, k: &str, what: &str) -> R<Option<i64>> {
    let v = get(o, k);
    if absent(&v) {
        return Ok(None);
    }
    match v.as_f64() {
        // Timestamps and indices: whole numbers well inside i64.
        #[allow(clippy::cast_possible_truncation)]
        Some(n) if n.is_finite() && n.abs() < 9.0e15 => Ok(Some(n as i64)),
        _ => Err(bad(what, k, "a number")),
    }
}

fn int(o: &JsValue, k: &str, what: &str) -> R<i64> {
    Ok(opt_int(o, k, what)?.unwrap_or_default())
}

fn boolean(o: &JsValue, k: &str) -> bool {
    get(o, k).as_bool().unwrap_or(false)
}

fn list(o: &JsValue, k: &str, what: &str) -> R<Vec<JsValue>> {
    let v = get(o, k);
    if absent(&v) {
        return Ok(Vec::new());
    }
    if !Array::is_array(&v) {
        return Err(bad(what, k, "a list"));
    }
    Ok(Array::from(&v).iter().collect())
}

fn strings(o: &JsValue, k: &str, what: &str) -> R<Vec<String>> {
    list(o, k, what)?.into_iter().map(|v| v.as_string().ok_or_else(|| bad(what, k, "a list of strings"))).collect()
}

fn status(o: &JsValue, k: &str, what: &str) -> R<Option<Status>> {
    match opt_str(o, k, what)? {
        None => Ok(None),
        Some(s) => Status::parse(&s).map(Some).ok_or_else(|| bad(what, k, "todo, in-progress, done or attention")),
    }
}
