//! The single door between the core and JavaScript. Functions take and return plain objects
//! (camelCase); failures are thrown as `{code, message}`. Each is one line: `js_read` reads the
//! input, a domain module decides, `to_js` writes the result.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::cert::{certificate, selfsig};
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::entra::{self, portal};
use crate::js_read as read;
use crate::product::{self, frontline};
use crate::saml::{metadata, response};
use crate::setup::idp;
use crate::{forms, setup};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // json_compatible: Option::None → null and maps → plain objects, as the panel expects.
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| err(CoreError::new(codes::INTERNAL, format!("Could not pass the result to JavaScript: {e}"))))
}

fn err(e: CoreError) -> JsValue {
    e.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or_else(|_| JsValue::from_str(&e.message))
}

/// A core result, thrown as `{code, message}` when it is an error.
fn js<T>(r: Result<T, CoreError>) -> Result<T, JsValue> {
    r.map_err(err)
}

/// `portalLabel(name, lang)` → the Azure portal's wording of a label, e.g. ("MetadataUrl", "de").
#[wasm_bindgen(js_name = portalLabel)]
pub fn portal_label(name: &str, lang: &str) -> Option<String> {
    portal::wording(name, lang).map(str::to_string)
}

/// `snapshotLimits()` → how much of a page snapshot is ever handled (limits.js says the same).
#[wasm_bindgen(js_name = snapshotLimits)]
pub fn snapshot_limits() -> Result<JsValue, JsValue> {
    to_js(&forms::SNAPSHOT_LIMITS)
}

/// `signInHosts()` → Microsoft's sign-in host names, as the core knows them (hosts.js lists the same).
#[wasm_bindgen(js_name = signInHosts)]
pub fn sign_in_hosts() -> Vec<String> {
    entra::LOGIN_HOSTS.iter().map(|(h, _)| h.to_string()).collect()
}

/// `portalHosts()` → the portals a link may open (hosts.js's AZURE_HOSTS hold them too).
#[wasm_bindgen(js_name = portalHosts)]
pub fn portal_hosts() -> Vec<String> {
    entra::links::PORTAL_HOSTS.iter().map(|h| h.to_string()).collect()
}

/// `realmUrls(sid)` → `{realmSid, spEntityId, replyUrl, normalized}`.
#[wasm_bindgen(js_name = realmUrls)]
pub fn realm_urls(sid: &str) -> Result<JsValue, JsValue> {
    to_js(&js(frontline::realm_urls(sid))?)
}

/// `spUrls(input, product, region)` → `{product, sid, spEntityId, replyUrl, region, legacy, normalized, findings}`.
/// `product` is the setup's ("frontline", "flex") or "" to take the one the input names; `region` is Flex's or "".
#[wasm_bindgen(js_name = spUrls)]
pub fn sp_urls(input: &str, product: &str, region: &str) -> Result<JsValue, JsValue> {
    let want = js(Some(product).filter(|p| !p.is_empty()).map(read::product).transpose())?;
    to_js(&js(product::sp_urls(input, want, Some(region).filter(|r| !r.is_empty())))?)
}

/// `detectProduct(input)` → "frontline", "flex", or undefined: the product a pasted SID or URL names.
#[wasm_bindgen(js_name = detectProduct)]
pub fn detect_product(input: &str) -> Option<String> {
    product::detect(input).map(|p| p.slug().to_string())
}

/// `takePendingSignatures()` → the self-signatures the last calls could not decide, for WebCrypto:
/// `[{fingerprintSha256, hash, webCrypto, spki, tbs, signature}]`. Emptied by the call.
#[cfg(not(feature = "rust-verify"))]
#[wasm_bindgen(js_name = takePendingSignatures)]
pub fn take_pending_signatures() -> Result<JsValue, JsValue> {
    checks_to_js(&selfsig::take_pending())
}

/// Bytes as Uint8Array, as WebCrypto takes them (json_compatible would copy them into Arrays).
#[cfg(not(feature = "rust-verify"))]
fn checks_to_js<T: Serialize>(checks: &T) -> Result<JsValue, JsValue> {
    let bytes = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    checks.serialize(&bytes).map_err(|e| err(CoreError::new(codes::INTERNAL, e.to_string())))
}

#[cfg(not(feature = "rust-verify"))]
thread_local! {
    static ON_CHECK: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// `onSignatureCheck(fn)`: `fn(check)` is called as each check is queued, in the middle of the
/// core's call, so that the worker starts WebCrypto at once and it runs while the core goes on.
#[cfg(not(feature = "rust-verify"))]
#[wasm_bindgen(js_name = onSignatureCheck)]
pub fn on_signature_check(listener: js_sys::Function) {
    ON_CHECK.with(|l| l.replace(Some(listener)));
    selfsig::on_queued(|check| {
        ON_CHECK.with(|l| {
            if let (Some(f), Ok(c)) = (l.borrow().as_ref(), checks_to_js(check)) {
                // The listener only starts work; the check stays pending either way.
                let _ = f.call1(&JsValue::NULL, &c);
            }
        });
    });
}

/// `setSignatureVerdicts([{fingerprintSha256, valid}])`: the worker's verdicts, or the session's.
#[cfg(not(feature = "rust-verify"))]
#[wasm_bindgen(js_name = setSignatureVerdicts)]
pub fn set_signature_verdicts(verdicts: JsValue) -> Result<(), JsValue> {
    selfsig::set_verdicts(&js(read::verdicts(&verdicts))?);
    Ok(())
}

/// `verifySelfSignature(check)` → true, false or null: a check WebCrypto cannot make, in pure Rust.
#[cfg(feature = "rust-verify")]
#[wasm_bindgen(js_name = verifySelfSignature)]
pub fn verify_self_signature(check: JsValue) -> Result<Option<bool>, JsValue> {
    Ok(selfsig::verdict(js(read::signature_check(&check))?))
}

/// `inspectCertificate(input: string | Uint8Array, nowMs)` → certificate report.
#[wasm_bindgen(js_name = inspectCertificate)]
pub fn inspect_certificate(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let (source, now) = (js(read::cert_input(&input))?, js(read::now(now_ms))?);
    to_js(&js(certificate::inspect_certificate(source.as_input(), now))?)
}

/// `parseMetadata(xml, nowMs)` → metadata report.
#[wasm_bindgen(js_name = parseMetadata)]
pub fn parse_metadata(xml: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&js(metadata::parse_metadata(xml, js(read::now(now_ms))?))?)
}

/// `checkIdpValues({loginUrl, entraIdentifier, metadataXml?}, nowMs)` → checks and findings.
#[wasm_bindgen(js_name = checkIdpValues)]
pub fn check_idp_values(input: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&idp::check_idp_values(&js(read::idp_input(&input))?, js(read::now(now_ms))?))
}

/// `setupPlan({realmSid, product?, region?, workspaceId?, appName?, loginUrl?, entraIdentifier?, certificate?,
/// nowMs?})`. Full module only: the worker builds everything it shows from the setup itself.
#[cfg(feature = "xmldsig")]
#[wasm_bindgen(js_name = setupPlan)]
pub fn setup_plan(input: JsValue) -> Result<JsValue, JsValue> {
    to_js(&js(crate::setup::plan::setup_plan(&js(read::plan_input(&input))?))?)
}

/// The core's version, to show in the panel and to check the glue matches.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// `newSetup(id, nowMs)` → an empty setup with all 11 steps to do.
#[wasm_bindgen(js_name = newSetup)]
pub fn new_setup(id: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&setup::new_setup(id, js(read::now(now_ms))?))
}

/// `applySetupEvent(setup, event, nowMs)` → the new setup; throws `{code, message}` and
/// changes nothing when the event cannot apply. Events come from extension/events.js.
#[wasm_bindgen(js_name = applySetupEvent)]
pub fn apply_setup_event(setup: JsValue, event: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let (s, e, now) = (js(read::setup(&setup))?, js(read::event(&event))?, js(read::now(now_ms))?);
    to_js(&js(setup::apply_event(s, &e, now))?)
}

/// `setupUrls(setup)` → the setup's `{product, sid, spEntityId, replyUrl, region, …}`, in its product and region.
#[wasm_bindgen(js_name = setupUrls)]
pub fn setup_urls(setup: JsValue) -> Result<JsValue, JsValue> {
    to_js(&js(js(read::setup(&setup))?.urls())?)
}

/// `setupView(setup, nowMs)` → everything the panel renders.
#[wasm_bindgen(js_name = setupView)]
pub fn setup_view(setup: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    to_js(&setup::view(&js(read::setup(&setup))?, js(read::now(now_ms))?))
}

/// `setupSummary(setup, nowMs)` → Markdown with every value and every step's status.
#[wasm_bindgen(js_name = setupSummary)]
pub fn setup_summary(setup: JsValue, now_ms: f64) -> Result<String, JsValue> {
    Ok(setup::summary_markdown(&js(read::setup(&setup))?, js(read::now(now_ms))?))
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
    let (s, snap) = (js(read::setup(&setup))?, js(read::snapshot(&snapshot))?);
    let (console, mode, now) = (js(read::console(console))?, read::fill_mode(mode), js(read::now(now_ms))?);
    to_js(&js(forms::observe_page(s, &snap, console, mode, now))?)
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
    let (s, snap) = (js(read::setup(&setup))?, js(read::snapshot(&snapshot))?);
    js(read::console(console))?;
    let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    to_js(&forms::page_report(&snap, &s, console, reason, js(read::versions(&versions))?, &forms))
}

/// `checkRequest(input, realmSid)` → Twilio's AuthnRequest, decoded (a sign-in URL, a form body
/// or the value; either binding) and checked against the realm. Full module only.
#[cfg(feature = "xmldsig")]
#[wasm_bindgen(js_name = checkRequest)]
pub fn check_request(input: &str, realm_sid: &str) -> Result<JsValue, JsValue> {
    // A realm that names no SID leaves the realm checks out, as none given.
    let service_provider = crate::product::sp_urls(realm_sid, None, None).ok();
    to_js(&js(crate::saml::request::check_request(input, service_provider.as_ref()))?)
}

/// `setupLabel(setup)` → what names a setup in the panel's list: its SID, or (Console) its SP
/// metadata's entity ID; else what was typed, cut short; empty for a new one.
#[wasm_bindgen(js_name = setupLabel)]
pub fn setup_label(setup: JsValue) -> Result<String, JsValue> {
    Ok(js(read::setup(&setup))?.label())
}

/// `checkTrace(text, setup, nowMs)` → a SAML-tracer export or a HAR file, as a timeline and a
/// verdict against the stored setup. Full module only.
#[cfg(feature = "xmldsig")]
#[wasm_bindgen(js_name = checkTrace)]
pub fn check_trace(text: &str, setup: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let (setup, now) = (js(read::setup(&setup))?, js(read::now(now_ms))?);
    let input = crate::setup::trace::input_of(&setup);
    to_js(&js(crate::setup::trace::check_trace(text, &input, now))?)
}

/// `exportTrace(captured, setup, includeValues)` → the captured test sign-in as SAML-tracer JSON,
/// its NameID and attribute values redacted unless `includeValues`. Full module only.
#[cfg(feature = "xmldsig")]
#[wasm_bindgen(js_name = exportTrace)]
pub fn export_trace(captured: JsValue, setup: JsValue, include_values: bool) -> Result<String, JsValue> {
    let (captured, setup) = (js(read::captured(&captured))?, js(read::setup(&setup))?);
    js(crate::setup::trace::export_trace(&captured, setup.urls().ok().as_ref(), include_values))
}

/// `checkResponse(input, {realmSid, entraIdentifier?, certificate?}, nowMs)` → response report.
/// `input` is a SAMLResponse as base64, a URL-encoded form body, or XML; `certificate` PEM.
#[wasm_bindgen(js_name = checkResponse)]
pub fn check_response(input: &str, expect: JsValue, now_ms: f64) -> Result<JsValue, JsValue> {
    let (expect, now) = (js(read::expectations(&expect))?, js(read::now(now_ms))?);
    to_js(&js(response::check_response(input, &expect, now))?)
}
