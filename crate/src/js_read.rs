//! Reading the two large inputs (stored setups, page snapshots) from JS objects field by
//! field. serde's `Deserialize` would do it in one line, but its error formatting links float
//! printing and its visitors weigh ~27 KB gzipped in the .wasm. Missing fields take their
//! defaults, as `#[serde(default)]` does; a wrong type is an error.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsValue;

use crate::checklist::{Checklist, Evidence, Status, StepState};
use crate::finding::CoreError;
use crate::forms::{Field, Heading, Region, Snapshot, Table, TextPair};
use crate::setup::{Conflict, PortalCapture, Setup, SignIn, SignInAttribute, StoredFinding};

type R<T> = Result<T, CoreError>;

fn get(o: &JsValue, k: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
}

fn bad(what: &str, k: &str, want: &str) -> CoreError {
    CoreError::new("bad_input", format!("{what}: {k} must be {want}."))
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

/// A region index; absent is the frame itself.
fn region(o: &JsValue) -> R<u32> {
    Ok(opt_int(o, "region", "page snapshot")?.and_then(|r| u32::try_from(r).ok()).unwrap_or(0))
}

/// A page snapshot from the content script.
pub fn snapshot(o: &JsValue) -> R<Snapshot> {
    const W: &str = "page snapshot";
    if !o.is_object() {
        return Err(CoreError::new("bad_snapshot", "The page snapshot must be an object."));
    }
    let fields = list(o, "fields", W)?
        .iter()
        .map(|f| {
            Ok(Field {
                key: string(f, "key", W)?,
                name: string(f, "name", W)?,
                section: string(f, "section", W)?,
                role: string(f, "role", W)?,
                value: string(f, "value", W)?,
                checked: boolean(f, "checked"),
                disabled: boolean(f, "disabled"),
                readonly: boolean(f, "readonly"),
                row: opt_int(f, "row", W)?.and_then(|r| u32::try_from(r).ok()),
                region: region(f)?,
            })
        })
        .collect::<R<Vec<_>>>()?;
    let texts = list(o, "texts", W)?
        .iter()
        .map(|t| {
            Ok(TextPair {
                section: string(t, "section", W)?,
                label: string(t, "label", W)?,
                value: string(t, "value", W)?,
                region: region(t)?,
            })
        })
        .collect::<R<Vec<_>>>()?;
    let tables = list(o, "tables", W)?
        .iter()
        .map(|t| {
            let rows = list(t, "rows", W)?
                .iter()
                .map(|r| {
                    Array::from(r)
                        .iter()
                        .map(|c| c.as_string().ok_or_else(|| bad(W, "rows", "lists of strings")))
                        .collect()
                })
                .collect::<R<Vec<Vec<String>>>>()?;
            Ok(Table { name: string(t, "name", W)?, headers: strings(t, "headers", W)?, rows, region: region(t)? })
        })
        .collect::<R<Vec<_>>>()?;
    // A heading is `{text, level, region}`; a plain string (older content scripts) is one too.
    let headings = list(o, "headings", W)?
        .iter()
        .map(|h| match h.as_string() {
            Some(text) => Ok(Heading { text, level: 0, region: 0 }),
            None => Ok(Heading {
                text: string(h, "text", W)?,
                level: opt_int(h, "level", W)?.and_then(|l| u8::try_from(l).ok()).unwrap_or(0),
                region: region(h)?,
            }),
        })
        .collect::<R<Vec<_>>>()?;
    let regions = list(o, "regions", W)?
        .iter()
        .map(|r| {
            Ok(Region {
                name: string(r, "name", W)?,
                role: string(r, "role", W)?,
                parent: opt_int(r, "parent", W)?.and_then(|p| u32::try_from(p).ok()),
            })
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Snapshot {
        url: string(o, "url", W)?,
        title: string(o, "title", W)?,
        headings,
        fields,
        texts,
        tables,
        notices: strings(o, "notices", W)?,
        regions,
    })
}

/// A setup as stored in chrome.storage (the core wrote it; older shapes take defaults).
pub fn setup(o: &JsValue) -> R<Setup> {
    const W: &str = "stored setup";
    if !o.is_object() {
        return Err(CoreError::new("bad_setup", "The stored setup could not be read: it is not an object."));
    }
    let p = get(o, "portal");
    let portal = PortalCapture {
        thumbprint: opt_str(&p, "thumbprint", W)?,
        expiration: opt_str(&p, "expiration", W)?,
        metadata_url: opt_str(&p, "metadataUrl", W)?,
    };
    let conflicts = list(o, "conflicts", W)?
        .iter()
        .map(|c| {
            Ok(Conflict {
                id: string(c, "id", W)?,
                form: string(c, "form", W)?,
                step: string(c, "step", W)?,
                field: string(c, "field", W)?,
                current: string(c, "current", W)?,
                wanted: string(c, "wanted", W)?,
                at: int(c, "at", W)?,
            })
        })
        .collect::<R<Vec<_>>>()?;
    let si = get(o, "signIn");
    let sign_in = if absent(&si) {
        None
    } else {
        Some(SignIn {
            at: int(&si, "at", W)?,
            source: string(&si, "source", W)?,
            status: string(&si, "status", W)?,
            issuer: opt_str(&si, "issuer", W)?,
            audience: opt_str(&si, "audience", W)?,
            name_id: opt_str(&si, "nameId", W)?,
            attributes: list(&si, "attributes", W)?
                .iter()
                .map(|a| Ok(SignInAttribute { name: string(a, "name", W)?, values: strings(a, "values", W)? }))
                .collect::<R<Vec<_>>>()?,
            signature_note: string(&si, "signatureNote", W)?,
            findings: list(&si, "findings", W)?
                .iter()
                .map(|f| {
                    Ok(StoredFinding {
                        code: string(f, "code", W)?,
                        severity: string(f, "severity", W)?,
                        message: string(f, "message", W)?,
                    })
                })
                .collect::<R<Vec<_>>>()?,
        })
    };
    let steps = list(&get(o, "checklist"), "steps", W)?
        .iter()
        .map(|s| {
            Ok(StepState {
                id: string(s, "id", W)?,
                observed: status(s, "observed", W)?.unwrap_or_default(),
                manual: status(s, "manual", W)?,
                evidence: list(s, "evidence", W)?
                    .iter()
                    .map(|e| {
                        Ok(Evidence {
                            outcome: status(e, "outcome", W)?.unwrap_or_default(),
                            what: string(e, "what", W)?,
                            place: string(e, "where", W)?,
                            at: int(e, "at", W)?,
                        })
                    })
                    .collect::<R<Vec<_>>>()?,
                updated_at: opt_int(s, "updatedAt", W)?,
                done_at: opt_int(s, "doneAt", W)?,
            })
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Setup {
        id: string(o, "id", W)?,
        created_at: int(o, "createdAt", W)?,
        updated_at: int(o, "updatedAt", W)?,
        realm_sid_input: string(o, "realmSidInput", W)?,
        workspace_id: string(o, "workspaceId", W)?,
        app_name: string(o, "appName", W)?,
        login_url: string(o, "loginUrl", W)?,
        identifier: string(o, "identifier", W)?,
        certificate_pem: opt_str(o, "certificatePem", W)?,
        certificate_source: opt_str(o, "certificateSource", W)?,
        portal,
        conflicts,
        replace: strings(o, "replace", W)?,
        sign_in,
        checklist: Checklist { steps },
    })
}
