//! The small inputs the bindings take: "now", plain option objects, setup events, the console
//! and fill mode names. Each is read field by field, so an error names the field.

use wasm_bindgen::{JsCast, JsValue};

use super::{get, opt_str, R};
use crate::cert::certificate::{decode, CertInput};
use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::ids::Step;
use crate::forms::{Console, FillMode, ReportVersions};
use crate::product::Product;
use crate::saml::response::Expectations;
use crate::setup::checklist::{ChecklistEvent, Status};
use crate::setup::idp::IdpInput;
#[cfg(feature = "xmldsig")]
use crate::setup::plan::PlanInput;
use crate::setup::SetupEvent;

/// Milliseconds since 1970, as `Date.now()` gives them.
pub fn now(ms: f64) -> R<i64> {
    if ms.is_finite() && ms.abs() < 1e16 {
        // Checked above: the cast cannot saturate.
        #[allow(clippy::cast_possible_truncation)]
        Ok(ms as i64)
    } else {
        Err(CoreError::new(codes::BAD_TIME, "nowMs must be a finite number of milliseconds, like Date.now()."))
    }
}

fn object(v: &JsValue, what: &str) -> R<()> {
    if v.is_object() {
        Ok(())
    } else {
        Err(CoreError::new(codes::BAD_INPUT, format!("{what} takes an object.")))
    }
}

/// A string field: absent, null or undefined is None; any other type is an error.
fn text(o: &JsValue, name: &str) -> R<Option<String>> {
    opt_str(o, name, "input")
}

/// `{loginUrl, entraIdentifier, metadataXml?}`
pub fn idp_input(v: &JsValue) -> R<IdpInput> {
    object(v, "checkIdpValues")?;
    Ok(IdpInput {
        login_url: text(v, "loginUrl")?.unwrap_or_default(),
        entra_identifier: text(v, "entraIdentifier")?.unwrap_or_default(),
        metadata_xml: text(v, "metadataXml")?,
    })
}

/// `{realmSid, workspaceId?, appName?, loginUrl?, entraIdentifier?, certificate?, nowMs?}`
#[cfg(feature = "xmldsig")]
pub fn plan_input(v: &JsValue) -> R<PlanInput> {
    object(v, "setupPlan")?;
    let now_ms = get(v, "nowMs").as_f64();
    Ok(PlanInput {
        realm_sid: text(v, "realmSid")?.unwrap_or_default(),
        product: text(v, "product")?.as_deref().map(product).transpose()?,
        region: text(v, "region")?,
        workspace_id: text(v, "workspaceId")?,
        app_name: text(v, "appName")?,
        login_url: text(v, "loginUrl")?,
        entra_identifier: text(v, "entraIdentifier")?,
        certificate: text(v, "certificate")?,
        now_ms: now_ms.map(now).transpose()?,
    })
}

/// A product's name: "frontline" or "flex".
pub fn product(slug: &str) -> R<Product> {
    Product::from_slug(slug)
        .ok_or_else(|| CoreError::new(codes::BAD_INPUT, format!("\"{slug}\" is not a product: use frontline or flex.")))
}

/// A certificate as text (PEM or base64) or as bytes (DER).
pub enum CertSource {
    Text(String),
    Bytes(Vec<u8>),
}

impl CertSource {
    pub fn as_input(&self) -> CertInput<'_> {
        match self {
            CertSource::Text(t) => CertInput::Text(t),
            CertSource::Bytes(b) => CertInput::Bytes(b),
        }
    }
}

pub fn cert_input(v: &JsValue) -> R<CertSource> {
    if let Some(text) = v.as_string() {
        Ok(CertSource::Text(text))
    } else if v.is_instance_of::<js_sys::Uint8Array>() {
        Ok(CertSource::Bytes(js_sys::Uint8Array::new(v).to_vec()))
    } else {
        Err(CoreError::new(codes::BAD_INPUT, "Give the certificate as text (PEM or base64) or as a Uint8Array (DER)."))
    }
}

/// `{realmSid, entraIdentifier?, certificate?}`: the certificate is the pinned one, as PEM.
pub fn expectations(v: &JsValue) -> R<Expectations> {
    object(v, "checkResponse's expectations")?;
    let certificate_der = match text(v, "certificate")? {
        Some(pem) => decode(CertInput::Text(&pem))?.into_iter().next(),
        None => None,
    };
    let realm_sid = text(v, "realmSid")?.unwrap_or_default();
    Ok(Expectations {
        service_provider: crate::product::sp_urls(&realm_sid, None, text(v, "region")?.as_deref())?,
        entra_identifier: text(v, "entraIdentifier")?,
        certificate_der,
    })
}

/// `{url, form, atMs}`: the test sign-in the worker captured; none (null) is an empty one, which
/// the export names as such.
#[cfg(feature = "xmldsig")]
pub fn captured(v: &JsValue) -> R<crate::setup::trace::Captured> {
    if v.is_null() || v.is_undefined() {
        return Ok(crate::setup::trace::Captured::default());
    }
    object(v, "exportTrace's capture")?;
    let at = get(v, "atMs").as_f64().unwrap_or_default();
    Ok(crate::setup::trace::Captured {
        url: text(v, "url")?.unwrap_or_default(),
        form: text(v, "form")?.unwrap_or_default(),
        at_ms: now(at)?,
    })
}

/// `{extension, browser}`: the core adds its own version.
pub fn versions(v: &JsValue) -> R<ReportVersions> {
    let core = env!("CARGO_PKG_VERSION").to_string();
    if !v.is_object() {
        return Ok(ReportVersions { core, ..ReportVersions::default() });
    }
    Ok(ReportVersions {
        extension: text(v, "extension")?.unwrap_or_default(),
        core,
        browser: text(v, "browser")?.unwrap_or_default(),
    })
}

pub fn console(name: &str) -> R<Console> {
    match name {
        "azure" => Ok(Console::Azure),
        "twilio" => Ok(Console::Twilio),
        _ => Err(CoreError::new(codes::BAD_INPUT, "console must be azure or twilio.")),
    }
}

/// "auto", "onDemand", or anything else: record only, fill nothing.
pub fn fill_mode(name: &str) -> FillMode {
    match name {
        "auto" => FillMode::Auto,
        "onDemand" => FillMode::OnDemand,
        _ => FillMode::Off,
    }
}

fn required(e: &JsValue, name: &str) -> R<String> {
    text(e, name)?.ok_or_else(|| CoreError::new(codes::BAD_EVENT, format!("The event needs {name}.")))
}

fn step(e: &JsValue) -> R<Step> {
    let id = required(e, "step")?;
    Step::parse(&id).ok_or_else(|| CoreError::new(codes::UNKNOWN_STEP, format!("There is no checklist step \"{id}\".")))
}

/// `{type, ...}` → a setup event, as extension/events.js builds them. Read by hand: serde's
/// tagged enums buffer the whole object and weigh more in the .wasm.
pub fn event(e: &JsValue) -> R<SetupEvent> {
    object(e, "applySetupEvent's event")?;
    let kind = required(e, "type")?;
    let source = || Ok::<_, CoreError>(text(e, "source")?.unwrap_or_default());
    Ok(match kind.as_str() {
        "setProduct" => SetupEvent::SetProduct(product(&required(e, "product")?)?),
        "setRealmSid" => SetupEvent::SetRealmSid { value: required(e, "value")? },
        "setRegion" => SetupEvent::SetRegion { value: required(e, "value")? },
        "setWorkspaceId" => SetupEvent::SetWorkspaceId { value: required(e, "value")? },
        "setAppName" => SetupEvent::SetAppName { value: required(e, "value")? },
        "setIdpValues" => SetupEvent::SetIdpValues {
            login_url: text(e, "loginUrl")?,
            entra_identifier: text(e, "entraIdentifier")?,
            place: text(e, "where")?,
        },
        "setCertificate" => {
            let bytes = get(e, "bytes");
            let bytes = (bytes.is_instance_of::<js_sys::Uint8Array>() || js_sys::Array::is_array(&bytes))
                .then(|| js_sys::Uint8Array::new(&bytes).to_vec());
            SetupEvent::SetCertificate { text: text(e, "text")?, bytes, source: source()? }
        }
        "clearCertificate" => SetupEvent::ClearCertificate,
        "checkCertificate" => SetupEvent::CheckCertificate,
        "certificateFromMetadata" => {
            SetupEvent::CertificateFromMetadata { xml: required(e, "xml")?, source: source()? }
        }
        "approveReplace" => SetupEvent::ApproveReplace { id: required(e, "id")? },
        "signInResponse" => SetupEvent::SignInResponse { text: required(e, "text")?, source: source()? },
        "signInRequest" => SetupEvent::SignInRequest { text: required(e, "text")?, source: source()? },
        "signInFailure" => SetupEvent::SignInFailure { text: required(e, "text")?, source: source()? },
        "signInTrace" => SetupEvent::SignInTrace { text: required(e, "text")?, source: source()? },
        "clearSignInFailure" => SetupEvent::ClearSignInFailure,
        "observed" => {
            let outcome = required(e, "outcome")?;
            SetupEvent::Checklist(ChecklistEvent::Observed {
                step: step(e)?,
                outcome: Status::parse(&outcome).ok_or_else(|| {
                    CoreError::new(codes::BAD_EVENT, "outcome must be todo, in-progress, done or attention.")
                })?,
                what: required(e, "what")?,
                place: required(e, "where")?,
                missing_claims: Vec::new(),
            })
        }
        "markDone" => SetupEvent::Checklist(ChecklistEvent::MarkDone { step: step(e)? }),
        "undo" => SetupEvent::Checklist(ChecklistEvent::Undo { step: step(e)? }),
        other => return Err(CoreError::new(codes::BAD_EVENT, format!("Unknown event type \"{other}\"."))),
    })
}
