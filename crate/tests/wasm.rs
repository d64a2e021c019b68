#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)] // test code may panic
//! The JS-facing bindings, run in Node by wasm-bindgen-test: shapes, camelCase, errors.

use frontline_sso::bindings::*;
use serde_json::{json, Value};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const ENTRA_PEM: &str =
    include_str!("../../tests/fixtures/realworld/certs/entra_app_a9054a0f_2023-11-16_to_2026-11-16.pem");
const SSOREADY: &str = include_str!("../../tests/fixtures/realworld/metadata/entra_tenant_a9054a0f_2023_ssoready.xml");
const GOOD_DER: &[u8] = include_bytes!("../../tests/fixtures/generated/good_raw.cer");
const MALFORMED: &str = include_str!("../../tests/fixtures/realworld/unsuitable/malformed_pem_pysaml2.crt");
/// 2026-06-01T00:00:00Z and 2026-11-29T00:00:00Z.
const JUNE: f64 = 1_780_272_000_000.0;
const NOW: f64 = 1_795_910_400_000.0;

fn v(js: Result<JsValue, JsValue>) -> Value {
    serde_wasm_bindgen::from_value(js.expect("ok")).unwrap()
}
fn e(js: Result<JsValue, JsValue>) -> Value {
    serde_wasm_bindgen::from_value(js.expect_err("error")).unwrap()
}
fn obj(value: Value) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}
use serde::Serialize;

#[wasm_bindgen_test]
fn realm_urls_binding() {
    let r = v(realm_urls(" jb0123456789ABCDEF0123456789abcdef "));
    assert_eq!(r["realmSid"], "JB0123456789abcdef0123456789abcdef");
    assert_eq!(r["spEntityId"], "https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef");
    assert_eq!(r["replyUrl"], "https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef");
    assert!(r["normalized"].as_array().unwrap().len() >= 2);
    let err = e(realm_urls("AC0123456789abcdef0123456789abcdef"));
    assert_eq!(err["code"], "account_sid");
    assert!(err["message"].as_str().unwrap().contains("JB"));
}

#[wasm_bindgen_test]
fn inspect_certificate_text_and_bytes() {
    let r = v(inspect_certificate(JsValue::from_str(ENTRA_PEM), JUNE));
    assert_eq!(r["thumbprintSha1"], "A33533A86D6933F8B680EAE64AFFD9BE22AD4725");
    assert_eq!(r["selfSignatureValid"], true);
    assert_eq!(r["findings"], json!([]));
    let expired = v(inspect_certificate(JsValue::from_str(ENTRA_PEM), NOW));
    assert_eq!(
        expired["findings"][0],
        json!({"code": "expired", "severity": "error", "message": expired["findings"][0]["message"]})
    );
    let der = js_sys::Uint8Array::from(GOOD_DER);
    let r = v(inspect_certificate(der.into(), NOW));
    assert_eq!(r["keyBits"], 2048);
    assert_eq!(e(inspect_certificate(JsValue::from_str(MALFORMED), NOW))["code"], "truncated_pem");
    assert_eq!(e(inspect_certificate(JsValue::from_f64(3.0), NOW))["code"], "bad_input");
    assert_eq!(e(inspect_certificate(JsValue::from_str(ENTRA_PEM), f64::NAN))["code"], "bad_time");
}

#[wasm_bindgen_test]
fn parse_metadata_binding() {
    let r = v(parse_metadata(SSOREADY, JUNE));
    assert_eq!(r["entityId"], "https://sts.windows.net/a9054a0f-2011-4e31-b3ac-fd8c354146ec/");
    assert_eq!(r["chosenCertificate"], 0);
    assert_eq!(r["singleSignOnServices"].as_array().unwrap().len(), 2);
    assert_eq!(e(parse_metadata("not xml", NOW))["code"], "not_xml");
}

#[wasm_bindgen_test]
fn check_idp_values_binding() {
    let t = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";
    let input = obj(json!({
        "loginUrl": format!("https://login.microsoftonline.com/{t}/saml2"),
        "entraIdentifier": format!("https://sts.windows.net/{t}/"),
        "metadataXml": SSOREADY,
    }));
    let r = v(check_idp_values(input, JUNE));
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["tenantId"], t);
    assert_eq!(r["cloud"], "global");
    let swapped = obj(json!({
        "loginUrl": format!("https://sts.windows.net/{t}/"),
        "entraIdentifier": format!("https://login.microsoftonline.com/{t}/saml2"),
    }));
    assert_eq!(v(check_idp_values(swapped, NOW))["findings"][0]["code"], "swapped_fields");
    assert_eq!(e(check_idp_values(JsValue::from_str("x"), NOW))["code"], "bad_input");
    assert_eq!(e(check_idp_values(obj(json!({"loginUrl": 5})), NOW))["code"], "bad_input");
}

#[wasm_bindgen_test]
fn product_bindings() {
    const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
    assert_eq!(detect_product(JQ).as_deref(), Some("flex"));
    assert_eq!(detect_product("JB0123456789abcdef0123456789abcdef").as_deref(), Some("frontline"));
    assert_eq!(detect_product("hello"), None);
    let u = v(sp_urls(JQ, "", "ie1"));
    assert_eq!(u["product"], "flex");
    assert_eq!(u["spEntityId"], format!("urn:flex:{JQ}"));
    assert_eq!(u["region"], "ie1");
    assert_eq!(u["findings"][0]["code"], "flex_region");
    assert_eq!(e(sp_urls(JQ, "frontline", ""))["code"], "other_product");
    assert_eq!(e(sp_urls(JQ, "zoom", ""))["code"], "bad_input");
}

#[wasm_bindgen_test]
fn setup_plan_binding() {
    let p = v(setup_plan(obj(
        json!({"realmSid": "JB0123456789abcdef0123456789abcdef", "workspaceId": "owlpress", "nowMs": NOW}),
    )));
    assert_eq!(
        p["azure"]["basicSaml"]["replyUrl"],
        "https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef"
    );
    assert_eq!(
        p["azure"]["claims"][0],
        json!({"name": "email", "namespace": "", "source": "Attribute", "sourceAttribute": "user.mail"})
    );
    assert_eq!(p["azure"]["appRoles"][0]["value"], "agent");
    assert_eq!(p["product"], "frontline");
    assert_eq!(p["twilio"]["workspaceId"], "owlpress");
    assert_eq!(p["twilio"]["ssoUrl"], Value::Null);
    let flex = v(setup_plan(obj(json!({"realmSid": "JQ0123456789abcdef0123456789abcdef", "region": "ie1"}))));
    assert_eq!(flex["product"], "flex");
    assert_eq!(flex["azure"]["appRoles"].as_array().map(Vec::len), Some(3));
    assert_eq!(flex["realm"]["region"], "ie1");
    assert_eq!(e(setup_plan(obj(json!({"realmSid": "PN0123456789abcdef0123456789abcdef"}))))["code"], "wrong_prefix");
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn setup_bindings_round_trip() {
    let s = new_setup("setup-1", NOW).unwrap();
    let s =
        apply_setup_event(s, obj(json!({"type": "setRealmSid", "value": "JB0123456789abcdef0123456789abcdef"})), NOW)
            .unwrap();
    let s = apply_setup_event(s, obj(json!({"type": "markDone", "step": "claims"})), NOW).unwrap();
    let s = apply_setup_event(
        s,
        obj(json!({"type": "observed", "step": "signing", "outcome": "attention", "what": "SHA-1", "where": "portal"})),
        NOW,
    )
    .unwrap();
    let der = js_sys::Uint8Array::from(GOOD_DER);
    let event = js_sys::Object::new();
    js_sys::Reflect::set(&event, &"type".into(), &"setCertificate".into()).unwrap();
    js_sys::Reflect::set(&event, &"bytes".into(), &der).unwrap();
    js_sys::Reflect::set(&event, &"source".into(), &"file good.cer".into()).unwrap();
    let s = apply_setup_event(s, event.into(), NOW).unwrap();
    let view = v(setup_view(s.clone(), NOW));
    assert_eq!(view["done"], 2);
    assert_eq!(view["steps"][3]["status"], "attention");
    assert_eq!(view["steps"][4]["status"], "done");
    assert_eq!(view["realm"]["sid"], "JB0123456789abcdef0123456789abcdef");
    assert_eq!(view["certificate"]["keyBits"], 2048);
    let md = setup_summary(s.clone(), NOW).unwrap();
    assert!(md.contains("2 of 11 done"), "{md}");
    assert_eq!(e(apply_setup_event(s.clone(), obj(json!({"type": "explode"})), NOW))["code"], "bad_event");
    assert_eq!(
        e(apply_setup_event(s.clone(), obj(json!({"type": "markDone", "step": "nope"})), NOW))["code"],
        "unknown_step"
    );
    assert_eq!(e(apply_setup_event(s, obj(json!({"type": "markDone"})), NOW))["code"], "bad_event");
    assert_eq!(e(setup_view(JsValue::from_str("x"), NOW))["code"], "bad_setup");
}

#[wasm_bindgen_test]
fn a_renewal_and_the_apps_ids_survive_the_stored_form() {
    const OCT_2026: f64 = 1_790_812_800_000.0; // 2026-10-01, 46 days before the real certificate ends
    let s = new_setup("s", OCT_2026).unwrap();
    let cert = obj(json!({"type": "setCertificate", "text": ENTRA_PEM, "source": "test"}));
    let s = apply_setup_event(s, cert, OCT_2026).unwrap();
    let s = apply_setup_event(s, obj(json!({"type": "checkCertificate"})), OCT_2026).unwrap();
    // As chrome.storage keeps it: plain JSON, read back field by field.
    let mut stored = v(Ok(s));
    stored["portal"]["app"] = json!({"origin": "https://entra.microsoft.com", "objectId": OBJECT, "appId": APP});
    let view = v(setup_view(obj(stored.clone()), OCT_2026));
    assert_eq!(view["renewal"]["oldThumbprint"], "A33533A86D6933F8B680EAE64AFFD9BE22AD4725");
    assert_eq!(view["renewal"]["oldDaysLeft"], 46);
    assert_eq!((view["next"].as_str(), view["badge"]["level"].as_str()), (Some("renew-add"), Some("certificate")));
    let link = &view["steps"][2]["link"];
    assert_eq!(link["exact"], true);
    let sso =
        format!("https://entra.microsoft.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/SignOn/objectId/{OBJECT}");
    assert_eq!(link["url"], format!("{sso}/appId/{APP}"));
    let done = apply_setup_event(obj(stored), obj(json!({"type": "markDone", "step": "renew-add"})), OCT_2026);
    let done = v(done);
    assert_eq!(done["renewal"]["checklist"]["steps"][0]["manual"], "done");
    assert_eq!(done["portal"]["app"]["appId"], APP);
}

const OBJECT: &str = "c0ffee00-1111-4222-8333-444455556666";
const APP: &str = "a11ce000-7777-4888-9999-aaaabbbbcccc";

#[wasm_bindgen_test]
fn check_response_binding_verifies_the_real_entra_signature() {
    const RESPONSE: &str = include_str!(
        "../../tests/fixtures/realworld/responses/entra_response_a9054a0f_2023_ssoready.SAMLResponse.b64.txt"
    );
    const AT: f64 = 1_700_246_370_000.0; // 2023-11-17T18:39:30Z, from the fixture's params.json
    let expect = obj(json!({"realmSid": "JB0123456789abcdef0123456789abcdef", "certificate": ENTRA_PEM}));
    let r = v(check_response(RESPONSE, expect, AT));
    assert_eq!(r["signatureVerified"], true, "{}", r["signatureNote"]);
    let codes: Vec<_> =
        r["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect();
    for want in ["response_not_signed", "missing_email", "missing_roles"] {
        assert!(codes.iter().any(|c| c == want), "{codes:?}");
    }
    assert_eq!(
        e(check_response("nope!", obj(json!({"realmSid": "JB0123456789abcdef0123456789abcdef"})), AT))["code"],
        "not_base64"
    );
}

#[wasm_bindgen_test]
fn observe_page_by_region_and_page_report_bindings() {
    let setup = new_setup("s", NOW).unwrap();
    let setup = apply_setup_event(
        setup,
        obj(json!({"type": "setRealmSid", "value": "JB0123456789abcdef0123456789abcdef"})),
        NOW,
    )
    .unwrap();
    // Knockout blades share the top page: a search box apart, the edit blade with a new app's row-adders.
    let snap = json!({
        "url": "https://portal.azure.com/#blade=x",
        "title": "Microsoft Azure",
        "regions": [{"name": "Microsoft Azure"}, {"name": "Search", "role": "search", "parent": 0},
                    {"name": "Basic SAML Configuration", "role": "blade", "parent": 0}],
        "headings": [{"text": "Basic SAML Configuration", "level": 2, "region": 2}],
        "fields": [
            {"key": "q", "name": "Search", "role": "combobox", "region": 1, "value": "admin@contoso.test"},
            {"key": "a", "name": "Add identifier", "role": "button", "region": 2},
            {"key": "s", "name": "Save", "role": "button", "region": 2},
        ],
    });
    let r = v(observe_page(setup.clone(), obj(snap.clone()), "azure", "auto", NOW));
    assert_eq!(r["forms"], json!(["basic-saml"]));
    assert_eq!(r["fills"], json!([{"key": "a", "action": "add-row", "value": "", "label": "Add identifier"}]));
    assert_eq!(r["unrecognised"], json!(false));
    let report = v(page_report(
        setup,
        obj(snap),
        "azure",
        "test",
        obj(json!({"extension": "0.1.0"})),
        vec!["basic-saml".into()],
    ));
    assert_eq!(report["host"], "portal.azure.com");
    assert_eq!(report["snapshot"]["fields"][0]["value"], "‹email›");
    assert_eq!(report["versions"]["extension"], "0.1.0");
    assert!(!report.to_string().contains("contoso"));
}

#[wasm_bindgen_test]
fn text_runs_groups_and_select_only_drop_downs_are_read_from_js() {
    let setup = new_setup("s", NOW).unwrap();
    let sid = "JB0123456789abcdef0123456789abcdef";
    // A card of caption/value rows, the SID beside a copy button, read through js_read.
    let snap = json!({
        "url": "https://console.twilio.com/frontline/sso",
        "runs": [
            {"text": "Workspace", "kind": "heading", "section": "", "region": 0},
            {"text": "Company name", "kind": "", "section": "Workspace", "region": 0},
            {"text": "owlpress", "kind": "", "section": "Workspace", "region": 0},
            {"text": "Realm SID", "kind": "", "section": "Workspace", "region": 0},
            {"text": sid, "kind": "", "section": "Workspace", "region": 0},
            {"text": "Copy Realm SID", "kind": "button", "section": "Workspace", "region": 0},
            {"text": "SSO URL", "kind": "", "section": "Workspace", "region": 0, "namesControl": true},
        ],
        "groups": [{"first": 0, "last": 5}, {"first": 1, "last": 2}, {"first": 3, "last": 5}],
        "fields": [
            {"key": "w", "name": "Workspace ID", "role": "textbox"},
            {"key": "i", "name": "Identity provider issuer URL", "role": "textbox"},
            {"key": "u", "name": "SSO URL", "role": "textbox"},
            {"key": "c", "name": "X.509 Certificate", "role": "textbox"},
        ],
    });
    let r = v(observe_page(setup, obj(snap), "twilio", "auto", NOW));
    assert_eq!(r["forms"], json!(["twilio-sso"]));
    assert_eq!(r["setup"]["realmSidInput"], sid);
    assert_eq!(r["setup"]["workspaceId"], "owlpress");

    // An Fx drop-down marked aria-readonly that pops up its list is chosen from.
    let setup = apply_setup_event(new_setup("s", NOW).unwrap(), obj(json!({"type": "setRealmSid", "value": sid})), NOW);
    let snap = json!({
        "url": "https://portal.azure.com/",
        "title": "SAML Signing Certificate",
        "fields": [{"key": "o", "name": "Signing Option", "role": "combobox", "value": "Sign SAML assertion",
                    "readonly": true, "popup": true}],
    });
    let r = v(observe_page(setup.unwrap(), obj(snap), "azure", "auto", NOW));
    assert_eq!(r["fills"][0]["value"], "Sign SAML response and assertion");
}
