//! A setup as the core wrote it to chrome.storage, field by field; older shapes take defaults.

use wasm_bindgen::JsValue;

use super::{absent, get, int, list, opt_int, opt_str, status, string, strings, R};
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::ids::{FormId, Step};
use crate::entra::links::AppIds;
use crate::entra::portal::Lang;
use crate::setup::checklist::{Checklist, Evidence, StepState};
use crate::setup::renewal::Renewal;
use crate::setup::{CapturedRequest, ComparedValue, SignInFailure};
use crate::setup::{Conflict, PortalCapture, Setup, SignIn, SignInAttribute, StoredFinding};

/// A setup as stored in chrome.storage (the core wrote it; older shapes take defaults).
pub fn setup(o: &JsValue) -> R<Setup> {
    const W: &str = "stored setup";
    if !o.is_object() {
        return Err(CoreError::new(codes::BAD_SETUP, "The stored setup could not be read: it is not an object."));
    }
    let p = get(o, "portal");
    let portal = PortalCapture {
        thumbprint: opt_str(&p, "thumbprint", W)?,
        expiration: opt_str(&p, "expiration", W)?,
        metadata_url: opt_str(&p, "metadataUrl", W)?,
        lang: opt_str(&p, "lang", W)?.and_then(|c| Lang::from_code(&c)).unwrap_or_default(),
        app: app_ids(&get(&p, "app"))?,
    };
    // A conflict or step this version does not know is dropped, as `normalized` drops steps.
    let mut conflicts = Vec::new();
    for c in list(o, "conflicts", W)? {
        let (Some(form), Some(step)) = (FormId::parse(&string(&c, "form", W)?), Step::parse(&string(&c, "step", W)?))
        else {
            continue;
        };
        conflicts.push(Conflict {
            id: string(&c, "id", W)?,
            form,
            step,
            field: string(&c, "field", W)?,
            current: string(&c, "current", W)?,
            wanted: string(&c, "wanted", W)?,
            at: int(&c, "at", W)?,
        });
    }
    Ok(Setup {
        id: string(o, "id", W)?,
        created_at: int(o, "createdAt", W)?,
        updated_at: int(o, "updatedAt", W)?,
        // Setups stored before products existed are Frontline's.
        product: opt_str(o, "product", W)?.map(|p| super::product(&p)).transpose()?,
        sp_input: string(o, "realmSidInput", W)?,
        region: string(o, "region", W)?,
        workspace_id: string(o, "workspaceId", W)?,
        app_name: string(o, "appName", W)?,
        login_url: string(o, "loginUrl", W)?,
        // Stored as "identifier" in 0.1.0.
        entra_identifier: match opt_str(o, "entraIdentifier", W)? {
            Some(v) => v,
            None => string(o, "identifier", W)?,
        },
        certificate_pem: opt_str(o, "certificatePem", W)?,
        certificate_source: opt_str(o, "certificateSource", W)?,
        portal,
        conflicts,
        replace: strings(o, "replace", W)?,
        sign_in: sign_in(&get(o, "signIn"))?,
        sign_in_request: captured_request(&get(o, "signInRequest"))?,
        sign_in_failure: sign_in_failure(&get(o, "signInFailure"))?,
        checklist: checklist(&get(o, "checklist"))?,
        renewal: renewal(&get(o, "renewal"))?,
    })
}

/// The test sign-in's stored check, if one was made.
fn sign_in(si: &JsValue) -> R<Option<SignIn>> {
    const W: &str = "stored setup";
    if absent(si) {
        return Ok(None);
    }
    Ok(Some(SignIn {
        at: int(si, "at", W)?,
        source: string(si, "source", W)?,
        status: string(si, "status", W)?,
        issuer: opt_str(si, "issuer", W)?,
        audience: opt_str(si, "audience", W)?,
        name_id: opt_str(si, "nameId", W)?,
        attributes: list(si, "attributes", W)?
            .iter()
            .map(|a| Ok(SignInAttribute { name: string(a, "name", W)?, values: strings(a, "values", W)? }))
            .collect::<R<Vec<_>>>()?,
        signature_note: string(si, "signatureNote", W)?,
        findings: list(si, "findings", W)?
            .iter()
            .map(|f| {
                Ok(StoredFinding {
                    code: string(f, "code", W)?,
                    severity: string(f, "severity", W)?,
                    message: string(f, "message", W)?,
                })
            })
            .collect::<R<Vec<_>>>()?,
    }))
}

fn captured_request(c: &JsValue) -> R<Option<CapturedRequest>> {
    const W: &str = "stored sign-in request";
    if absent(c) {
        return Ok(None);
    }
    Ok(Some(CapturedRequest { at: int(c, "at", W)?, source: string(c, "source", W)?, text: string(c, "text", W)? }))
}

fn sign_in_failure(f: &JsValue) -> R<Option<SignInFailure>> {
    const W: &str = "stored sign-in failure";
    if absent(f) {
        return Ok(None);
    }
    Ok(Some(SignInFailure {
        at: int(f, "at", W)?,
        source: string(f, "source", W)?,
        code: opt_int(f, "code", W)?.and_then(|c| u32::try_from(c).ok()),
        twilio_code: opt_int(f, "twilioCode", W)?.and_then(|c| u32::try_from(c).ok()),
        message: string(f, "message", W)?,
        request_id: opt_str(f, "requestId", W)?,
        correlation_id: opt_str(f, "correlationId", W)?,
        timestamp: opt_str(f, "timestamp", W)?,
        step: opt_str(f, "step", W)?.and_then(|s| Step::parse(&s)),
        summary: string(f, "summary", W)?,
        values: list(f, "values", W)?
            .iter()
            .map(|v| {
                Ok(ComparedValue {
                    what: string(v, "what", W)?,
                    expected: string(v, "expected", W)?,
                    actual: string(v, "actual", W)?,
                })
            })
            .collect::<R<Vec<_>>>()?,
        fix: string(f, "fix", W)?,
        lookup_url: opt_str(f, "lookupUrl", W)?,
    }))
}

fn app_ids(a: &JsValue) -> R<Option<AppIds>> {
    const W: &str = "stored app ids";
    if absent(a) {
        return Ok(None);
    }
    Ok(Some(AppIds {
        origin: string(a, "origin", W)?,
        object_id: opt_str(a, "objectId", W)?,
        app_id: string(a, "appId", W)?,
    }))
}

fn renewal(r: &JsValue) -> R<Option<Renewal>> {
    const W: &str = "stored renewal";
    if absent(r) {
        return Ok(None);
    }
    Ok(Some(Renewal {
        started_at: int(r, "startedAt", W)?,
        old_thumbprint: string(r, "oldThumbprint", W)?,
        old_not_after: string(r, "oldNotAfter", W)?,
        old_expires_at: opt_int(r, "oldExpiresAt", W)?.unwrap_or_default(),
        new_thumbprint: opt_str(r, "newThumbprint", W)?,
        checklist: checklist(&get(r, "checklist"))?,
    }))
}

/// A checklist's steps; a step this version does not know is dropped.
fn checklist(c: &JsValue) -> R<Checklist> {
    const W: &str = "stored checklist";
    let steps = list(c, "steps", W)?
        .iter()
        .filter_map(|s| Some((Step::parse(&string(s, "id", W).ok()?)?, s)))
        .map(|(id, s)| {
            Ok(StepState {
                id,
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
                            missing_claims: strings(e, "missingClaims", W)?,
                        })
                    })
                    .collect::<R<Vec<_>>>()?,
                updated_at: opt_int(s, "updatedAt", W)?,
                done_at: opt_int(s, "doneAt", W)?,
            })
        })
        .collect::<R<Vec<_>>>()?;
    Ok(Checklist { steps })
}
