//! The single door between the core and JavaScript. Functions take and return plain
//! objects (camelCase); failures are thrown as `{code, message}`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::certificate::{inspect_certificate as inspect, CertInput};
use crate::finding::CoreError;
use crate::idp::{check_idp_values as check_idp, IdpInput};
use crate::metadata::parse_metadata as parse_md;
use crate::plan::{setup_plan as plan, PlanInput};
use crate::realm::realm_urls as urls;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // json_compatible: Option::None → null and maps → plain objects, as the panel expects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| err(CoreError::new("internal", format!("Could not pass the result to JavaScript: {e}"))))
}

fn err(e: CoreError) -> JsValue {
    e.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or_else(|_| JsValue::from_str(&e.message))
}

fn now(now_ms: f64) -> Result<i64, JsValue> {
    if now_ms.is_finite() && now_ms.abs() < 1e16 {
        // Checked above: the cast cannot saturate.
        #[allow(clippy::cast_possible_truncation)]
        Ok(now_ms as i64)
    } else {
        Err(err(CoreError::new("bad_time", "nowMs must be a finite number of milliseconds, like Date.now().")))
    }
}

/// Inputs are read field by field rather than through serde's Deserialize: its error
/// formatting alone would pull ~25 KB of float printing into the .wasm.
fn object(value: &JsValue, what: &str) -> Result<(), JsValue> {
    if value.is_object() {
        Ok(())
    } else {
        Err(err(CoreError::new("bad_input", format!("{what} takes an object."))))
    }
}

/// A string field; absent, null or undefined is `None`, any other type is an error.
fn text(obj: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    let v = js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| err(CoreError::new("bad_input", format!("{name} must be a string."))))
}

/// `realmUrls(sid)` → `{realmSid, entityId, replyUrl, normalized}`.
#[wasm_bindgen(js_name = realmUrls)]
pub fn realm_urls(sid: &str) -> Result<JsValue, JsValue> {
    to_js(&urls(sid).map_err(err)?)
}

/// `inspectCertificate(input: string | Uint8Array, nowMs)` → certificate report.
#[wasm_bindgen(js_name = inspectCertificate)]
pub fn inspect_certificate(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let now = now(now_ms)?;
    let report = if let Some(text) = input.as_string() {
        inspect(CertInput::Text(&text), now)
    } else if input.is_instance_of::<js_sys::Uint8Array>() {
        let bytes = js_sys::Uint8Array::new(&input).to_vec();
        inspect(CertInput::Bytes(&bytes), now)
    } else {
        Err(CoreError::new("bad_input", "Give the certificate as text (PEM or base64) or as a Uint8Array (DER)."))
    };
    to_js(&report.map_err(err)?)
}

/// `parseMetadata(xml, nowMs)` → metadata report.
#[wasm_bindgen(js_name = parseMetadata)]
pub fn parse_metadata(xml: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&parse_md(xml, now(now_ms)?).map_err(err)?)
}

/// `checkIdpValues({loginUrl, identifier, metadataXml?}, nowMs)` → checks and findings.
#[wasm_bindgen(js_name = checkIdpValues)]
pub fn check_idp_values(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    object(&input, "checkIdpValues")?;
    let input = IdpInput {
        login_url: text(&input, "loginUrl")?.unwrap_or_default(),
        identifier: text(&input, "identifier")?.unwrap_or_default(),
        metadata_xml: text(&input, "metadataXml")?,
    };
    to_js(&check_idp(&input, now(now_ms)?))
}

/// `setupPlan({realmSid, workspaceId?, appName?, loginUrl?, identifier?, certificate?, nowMs?})`.
#[wasm_bindgen(js_name = setupPlan)]
pub fn setup_plan(input: JsValue) -> Result<JsValue, JsValue> {
    object(&input, "setupPlan")?;
    let now_ms = js_sys::Reflect::get(&input, &JsValue::from_str("nowMs")).ok().and_then(|v| v.as_f64());
    let input = PlanInput {
        realm_sid: text(&input, "realmSid")?.unwrap_or_default(),
        workspace_id: text(&input, "workspaceId")?,
        app_name: text(&input, "appName")?,
        login_url: text(&input, "loginUrl")?,
        identifier: text(&input, "identifier")?,
        certificate: text(&input, "certificate")?,
        now_ms: now_ms.map(now).transpose()?,
    };
    to_js(&plan(&input).map_err(err)?)
}

/// The core's version, to show in the panel and to check the glue matches.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
