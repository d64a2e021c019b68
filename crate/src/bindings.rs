//! The single door between the core and JavaScript. Functions take and return plain
//! objects (camelCase); failures are thrown as `{code, message}`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::certificate::{inspect_certificate as inspect, CertInput};
use crate::checklist::{ChecklistEvent, Status};
use crate::finding::CoreError;
use crate::forms::{self, Console, FillMode, ReportVersions};
use crate::idp::{check_idp_values as check_idp, IdpInput};
use crate::js_read;
use crate::metadata::parse_metadata as parse_md;
use crate::plan::{setup_plan as plan, PlanInput};
use crate::realm::realm_urls as urls;
use crate::response::{self, Expectations};
use crate::setup::{self, Setup, SetupEvent};

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

/// Plain inputs are read field by field: it keeps their errors precise ("loginUrl must be a
/// string"). Stored setups and events, which are larger, go through serde.
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

fn setup_from(value: JsValue) -> Result<Setup, JsValue> {
    // A stored setup from chrome.storage; missing fields take defaults, so older shapes load.
    js_read::setup(&value).map_err(err)
}

fn required(obj: &JsValue, name: &str) -> Result<String, JsValue> {
    text(obj, name)?.ok_or_else(|| err(CoreError::new("bad_event", format!("The event needs {name}."))))
}

/// `{type, ...}` → event. Read by hand: serde's tagged enums buffer their input, and that
/// machinery alone cost ~35 KB of .wasm.
fn event_from(e: &JsValue) -> Result<SetupEvent, JsValue> {
    object(e, "applySetupEvent's event")?;
    let kind = required(e, "type")?;
    let step = || required(e, "step");
    Ok(match kind.as_str() {
        "setRealmSid" => SetupEvent::SetRealmSid { value: required(e, "value")? },
        "setWorkspaceId" => SetupEvent::SetWorkspaceId { value: required(e, "value")? },
        "setAppName" => SetupEvent::SetAppName { value: required(e, "value")? },
        "setIdpValues" => SetupEvent::SetIdpValues {
            login_url: text(e, "loginUrl")?,
            identifier: text(e, "identifier")?,
            place: text(e, "where")?,
        },
        "setCertificate" => {
            let bytes = js_sys::Reflect::get(e, &JsValue::from_str("bytes")).unwrap_or(JsValue::UNDEFINED);
            let bytes = if bytes.is_instance_of::<js_sys::Uint8Array>() || js_sys::Array::is_array(&bytes) {
                Some(js_sys::Uint8Array::new(&bytes).to_vec())
            } else {
                None
            };
            SetupEvent::SetCertificate { text: text(e, "text")?, bytes, source: text(e, "source")?.unwrap_or_default() }
        }
        "clearCertificate" => SetupEvent::ClearCertificate,
        "certificateFromMetadata" => SetupEvent::CertificateFromMetadata {
            xml: required(e, "xml")?,
            source: text(e, "source")?.unwrap_or_default(),
        },
        "approveReplace" => SetupEvent::ApproveReplace { id: required(e, "id")? },
        "signInResponse" => {
            SetupEvent::SignInResponse { text: required(e, "text")?, source: text(e, "source")?.unwrap_or_default() }
        }
        "observed" => {
            let outcome = required(e, "outcome")?;
            SetupEvent::Checklist(ChecklistEvent::Observed {
                step: step()?,
                outcome: Status::parse(&outcome).ok_or_else(|| {
                    err(CoreError::new("bad_event", "outcome must be todo, in-progress, done or attention."))
                })?,
                what: required(e, "what")?,
                place: required(e, "where")?,
            })
        }
        "markDone" => SetupEvent::Checklist(ChecklistEvent::MarkDone { step: step()? }),
        "undo" => SetupEvent::Checklist(ChecklistEvent::Undo { step: step()? }),
        other => return Err(err(CoreError::new("bad_event", format!("Unknown event type \"{other}\".")))),
    })
}

/// `newSetup(id, nowMs)` → an empty setup with all 11 steps to do.
#[wasm_bindgen(js_name = newSetup)]
pub fn new_setup(id: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&setup::new_setup(id, now(now_ms)?))
}

/// `applySetupEvent(setup, event, nowMs)` → the new setup; throws `{code, message}` and
/// changes nothing when the event cannot apply.
#[wasm_bindgen(js_name = applySetupEvent)]
pub fn apply_setup_event(setup: JsValue, event: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let s = setup_from(setup)?;
    let e = event_from(&event)?;
    to_js(&setup::apply_event(s, &e, now(now_ms)?).map_err(err)?)
}

/// `setupView(setup, nowMs)` → everything the panel renders.
#[wasm_bindgen(js_name = setupView)]
pub fn setup_view(setup: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&setup::view(&setup_from(setup)?, now(now_ms)?))
}

/// `setupSummary(setup, nowMs)` → Markdown with every value and every step's status.
#[wasm_bindgen(js_name = setupSummary)]
pub fn setup_summary(setup: JsValue, now_ms: f64) -> Result<String, JsValue> {
    Ok(setup::summary_markdown(&setup_from(setup)?, now(now_ms)?))
}

fn console_from(console: &str) -> Result<Console, JsValue> {
    match console {
        "azure" => Ok(Console::Azure),
        "twilio" => Ok(Console::Twilio),
        _ => Err(err(CoreError::new("bad_input", "console must be azure or twilio."))),
    }
}

/// `observePage(setup, snapshot, console, mode, nowMs)` → `{form, forms, fills, changed, setup}`.
/// `console` is "azure" or "twilio"; `mode` is "auto", "onDemand" or "off" (record, fill nothing).
#[wasm_bindgen(js_name = observePage)]
pub fn observe_page(
    setup: JsValue,
    snapshot: JsValue,
    console: &str,
    mode: &str,
    now_ms: f64,
) -> Result<JsValue, JsValue> {
    let s = setup_from(setup)?;
    let snap = js_read::snapshot(&snapshot).map_err(err)?;
    let mode = match mode {
        "auto" => FillMode::Auto,
        "onDemand" => FillMode::OnDemand,
        _ => FillMode::Off,
    };
    to_js(&forms::observe_page(s, &snap, console_from(console)?, mode, now(now_ms)?).map_err(err)?)
}

/// `pageReport(setup, snapshot, console, reason, {extension, browser}, forms)` → the snapshot
/// with every value replaced by its shape, for a bug report (see forms/report.rs).
#[wasm_bindgen(js_name = pageReport)]
pub fn page_report(
    setup: JsValue,
    snapshot: JsValue,
    console: &str,
    reason: &str,
    versions: JsValue,
    forms: Vec<String>,
) -> Result<JsValue, JsValue> {
    let s = setup_from(setup)?;
    let snap = js_read::snapshot(&snapshot).map_err(err)?;
    console_from(console)?;
    let v = if versions.is_object() {
        ReportVersions {
            extension: text(&versions, "extension")?.unwrap_or_default(),
            core: env!("CARGO_PKG_VERSION").into(),
            browser: text(&versions, "browser")?.unwrap_or_default(),
        }
    } else {
        ReportVersions { core: env!("CARGO_PKG_VERSION").into(), ..ReportVersions::default() }
    };
    let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    to_js(&forms::page_report(&snap, &s, console, reason, v, &forms))
}

/// `checkResponse(input, {realmSid, identifier?, certificate?}, nowMs)` → response report.
/// `input` is a SAMLResponse as base64, a URL-encoded form body, or XML; `certificate` PEM.
#[wasm_bindgen(js_name = checkResponse)]
pub fn check_response(input: &str, expect: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    object(&expect, "checkResponse's expectations")?;
    let certificate_der = match text(&expect, "certificate")? {
        Some(pem) => {
            crate::certificate::decode(crate::certificate::CertInput::Text(&pem)).map_err(err)?.into_iter().next()
        }
        None => None,
    };
    let expect = Expectations {
        realm_sid: text(&expect, "realmSid")?.unwrap_or_default(),
        identifier: text(&expect, "identifier")?,
        certificate_der,
    };
    to_js(&response::check_response(input, &expect, now(now_ms)?).map_err(err)?)
}
