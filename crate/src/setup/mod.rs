//! One setup (one product, and what its service-provider values are made from): what the admin
//! entered or the pages showed, plus its checklist. Events in, new setup out; the view and the
//! summary are derived, never stored. Around it: the checklist, the guide the panel leads with,
//! the plan (the CLI's and the API's), the certificate renewal, the IdP values' check, and a
//! failed sign-in's diagnosis.

mod apply;
pub mod checklist;
#[cfg(feature = "xmldsig")]
pub mod diagnose;
pub mod guide;
pub mod idp;

pub mod plan;
pub mod renewal;
pub mod signin_failure;
mod summary;
#[cfg(feature = "xmldsig")]
pub mod trace;
#[cfg(feature = "xmldsig")]
pub mod twilio_errors;
mod view;

pub use apply::apply_event;
pub use summary::summary_markdown;
pub use view::{view, PortalLabels, SetupView};

use serde::{Deserialize, Serialize};

use crate::common::finding::{CoreError, Severity};
use crate::common::ids::{FormId, Step};
use crate::entra::links::AppIds;
use crate::entra::portal::Lang;
use crate::product::{self, sp_urls, Product, SpUrls};
use crate::setup::checklist::{Checklist, ChecklistEvent, Status};
use crate::setup::renewal::{ListedCert, Renewal};
pub use crate::setup::signin_failure::{CapturedRequest, ComparedValue, SignInFailure};

/// The stored form. Raw inputs are kept as typed, so nothing the admin typed is lost;
/// validity is recomputed by `view`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Setup {
    pub id: String,
    pub created_at: i64,
    pub updated_at: i64,
    /// The Twilio product the admin chose for this setup. Until then, the SID typed names it
    /// (a pasted `JQ…` picks Flex by itself), else Frontline: setups stored before products existed
    /// are Frontline's (see `product()`).
    pub product: Option<Product>,
    /// What the service-provider values are made from, as given (`SpSource`): a Realm SID (JB…), an
    /// SSO connection SID (JQ…) or a URL holding one; or Console's SP metadata, the XML whole.
    /// Stored under its first name.
    #[serde(rename = "realmSidInput")]
    pub sp_input: String,
    /// Flex's region as chosen (empty: us1, or the pasted ACS URL's).
    pub region: String,
    pub workspace_id: String,
    pub app_name: String,
    pub login_url: String,
    pub entra_identifier: String,
    /// Normalized PEM of the certificate the admin gave, if it could be read.
    pub certificate_pem: Option<String>,
    /// Where it came from: "file entra.cer", "paste", "metadata …".
    pub certificate_source: Option<String>,
    /// Read from the portal's SAML Certificates section.
    pub portal: PortalCapture,
    /// Fields that hold a different value than the plan: never overwritten until approved.
    pub conflicts: Vec<Conflict>,
    /// Conflict ids the admin approved with "Replace".
    pub replace: Vec<String>,
    /// The last test sign-in's check (never the raw response).
    pub sign_in: Option<SignIn>,
    /// Twilio's request of the last test sign-in, as captured (a request holds nothing secret).
    pub sign_in_request: Option<CapturedRequest>,
    /// The last sign-in that failed at Entra, diagnosed; cleared by a sign-in that passes.
    pub sign_in_failure: Option<SignInFailure>,
    pub checklist: Checklist,
    /// The certificate rollover under way, from 60 days before the certificate expires.
    pub renewal: Option<Renewal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignIn {
    pub at: i64,
    pub source: String,
    pub status: String,
    pub issuer: Option<String>,
    pub audience: Option<String>,
    pub name_id: Option<String>,
    pub attributes: Vec<SignInAttribute>,
    pub signature_note: String,
    pub findings: Vec<StoredFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct SignInAttribute {
    pub name: String,
    pub values: Vec<String>,
}

/// A finding as stored (findings themselves carry `&'static` codes, for the core's own use).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct StoredFinding {
    pub code: String,
    pub severity: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct PortalCapture {
    pub thumbprint: Option<String>,
    pub expiration: Option<String>,
    pub metadata_url: Option<String>,
    /// The language the Azure portal was last seen in: steps and hints name its places so.
    pub lang: Lang,
    /// The app's ids from the portal's URL, for links into its own blades.
    pub app: Option<AppIds>,
}

/// A field that already holds something else. Shown in the panel with a "Replace" action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// Stable: "<form>/<field>", e.g. "basic-saml/reply-url".
    pub id: String,
    pub form: FormId,
    pub step: Step,
    pub field: String,
    pub current: String,
    pub wanted: String,
    pub at: i64,
}

/// Read from `{type, ...}` objects by `js_read::inputs::event`, which the bindings call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupEvent {
    /// The product the setup is for (the panel's first question, or its one-click switch).
    SetProduct(Product),
    SetRealmSid {
        value: String,
    },
    /// Flex's region.
    SetRegion {
        value: String,
    },
    SetWorkspaceId {
        value: String,
    },
    SetAppName {
        value: String,
    },
    /// Login URL and/or identifier, typed in the panel or captured from the portal.
    SetIdpValues {
        login_url: Option<String>,
        entra_identifier: Option<String>,
        place: Option<String>,
    },
    /// A certificate as text (PEM/base64) or bytes (DER, or text as bytes).
    SetCertificate {
        text: Option<String>,
        bytes: Option<Vec<u8>>,
        source: String,
    },
    ClearCertificate,
    /// The certificate from the app's federation metadata, picked by the portal's thumbprint.
    CertificateFromMetadata {
        xml: String,
        source: String,
    },
    /// Values read from the portal's SAML Certificates section.
    SetPortalCapture {
        thumbprint: Option<String>,
        expiration: Option<String>,
        metadata_url: Option<String>,
    },
    /// The Azure portal's language, from a page recognised in it.
    SetPortalLang(Lang),
    /// The app's ids, from the URL of a portal page that showed one of its forms.
    SetPortalApp(AppIds),
    /// The certificate list of the SAML Certificates edit blade.
    PortalCertificates {
        certs: Vec<ListedCert>,
        place: String,
    },
    /// The daily look at the certificate: starts the renewal when it is due.
    CheckCertificate,
    /// A SAMLResponse from a test sign-in (captured or pasted): checked, and only the result kept.
    SignInResponse {
        text: String,
        source: String,
    },
    /// Twilio's SAMLRequest on its way to Entra, during a test sign-in: checked before any error.
    SignInRequest {
        text: String,
        source: String,
    },
    /// A sign-in that failed at Entra: the error page's text, a copied error, or a sign-in URL.
    SignInFailure {
        text: String,
        source: String,
    },
    /// A sign-in recorded by SAML-tracer or as a HAR file: only its verdict is kept.
    SignInTrace {
        text: String,
        source: String,
    },
    /// "Mark as fixed, try again": the diagnosis is set aside.
    ClearSignInFailure,
    /// The admin's "Replace" for one conflict.
    ApproveReplace {
        id: String,
    },
    Checklist(ChecklistEvent),
}

impl Setup {
    /// The product: the admin's choice, else the one the SID typed names, else Frontline.
    pub fn product(&self) -> Product {
        self.product.or_else(|| product::detect(&self.sp_input)).unwrap_or_default()
    }

    /// The product's URLs from the SID as typed, in the setup's product and region.
    pub fn urls(&self) -> Result<SpUrls, CoreError> {
        sp_urls(&self.sp_input, Some(self.product()), Some(self.region.as_str()).filter(|r| !r.is_empty()))
    }

    /// What names the setup in a list: its SID (Console: its entity ID), else the input as typed
    /// (never a whole document), cut at 60 characters.
    pub fn label(&self) -> String {
        match self.urls() {
            Ok(u) => u.sid,
            Err(_) if self.product().facts().source == product::SpSource::Metadata => String::new(),
            Err(_) => self.sp_input.chars().take(60).collect(),
        }
    }

    /// Whether a checked response made the test sign-in done: every check passed.
    pub fn signed_in_verified(&self) -> bool {
        let done = self.checklist.status_of(Step::TestSignIn) == Status::Done;
        done && self.sign_in.as_ref().is_some_and(|i| i.findings.iter().all(|f| f.severity != Severity::Error.label()))
    }

    /// The app's name: the admin's choice, else the product's default.
    pub fn app_name(&self) -> &str {
        if self.app_name.is_empty() {
            self.product().facts().default_app_name
        } else {
            &self.app_name
        }
    }
}

pub fn new_setup(id: &str, now: i64) -> Setup {
    Setup { id: id.to_string(), created_at: now, updated_at: now, checklist: Checklist::new(), ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entra::portal::{with_labels, Lang};

    const SID: &str = "JB0123456789abcdef0123456789abcdef";
    const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

    fn apply(s: Setup, e: SetupEvent) -> Setup {
        apply_event(s, &e, 1_000).unwrap()
    }

    #[test]
    fn values_are_kept_as_typed_and_judged_in_the_view() {
        let s = apply(new_setup("a", 0), SetupEvent::SetRealmSid { value: "AC0123".into() });
        assert_eq!(s.sp_input, "AC0123");
        let v = view(&s, 0);
        assert_eq!(v.realm_error.unwrap().code, "wrong_length");
        let s = apply(s, SetupEvent::SetRealmSid { value: SID.into() });
        assert_eq!(view(&s, 0).realm.unwrap().sid, SID);
    }

    #[test]
    fn idp_values_drive_capture_idp() {
        let s = apply(
            new_setup("a", 0),
            SetupEvent::SetIdpValues {
                login_url: Some(format!("https://login.microsoftonline.com/{T}/saml2")),
                entra_identifier: Some(format!("https://sts.windows.net/{T}")),
                place: None,
            },
        );
        assert_eq!(s.checklist.step(Step::CaptureIdp).unwrap().status(), Status::Attention);
        let s = apply(
            s,
            SetupEvent::SetIdpValues {
                login_url: None,
                entra_identifier: Some(format!("https://sts.windows.net/{T}/")),
                place: None,
            },
        );
        assert_eq!(s.checklist.step(Step::CaptureIdp).unwrap().status(), Status::Done);
        assert_eq!(view(&s, 0).done, 1);
    }

    #[test]
    fn bad_certificates_change_nothing() {
        let s = new_setup("a", 0);
        let e = apply_event(
            s.clone(),
            &SetupEvent::SetCertificate { text: Some("nope!".into()), bytes: None, source: "paste".into() },
            1,
        );
        assert_eq!(e.unwrap_err().code, "not_base64");
    }

    #[test]
    fn summary_holds_every_value_and_step() {
        let mut s = new_setup("a", 0);
        for e in [
            SetupEvent::SetRealmSid { value: SID.into() },
            SetupEvent::SetWorkspaceId { value: "owlpress".into() },
            SetupEvent::SetIdpValues {
                login_url: Some(format!("https://login.microsoftonline.com/{T}/saml2")),
                entra_identifier: Some(format!("https://sts.windows.net/{T}/")),
                place: None,
            },
        ] {
            s = apply(s, e);
        }
        let md = summary_markdown(&s, 0);
        for needle in [
            SID,
            "owlpress",
            "https://iam.twilio.com/v2/saml2/metadata/",
            "https://iam.twilio.com/v2/saml2/authenticate/",
            T,
            "1 of 11 done",
        ] {
            assert!(md.contains(needle), "{needle} missing from\n{md}");
        }
        for info in checklist::steps(Product::Frontline) {
            let title = with_labels(info.title, Lang::En);
            assert!(md.contains(&title), "{title}");
        }
        assert!(!md.contains("[BasicSaml]"), "labels are put in: {md}");
    }

    #[test]
    fn a_console_summary_names_its_metadata_by_entity_id_and_its_name_id() {
        let xml = include_str!("../../../tests/fixtures/console/twilio-sp-metadata.xml");
        let mut s = new_setup("c", 0);
        for e in [SetupEvent::SetProduct(Product::Console), SetupEvent::SetRealmSid { value: xml.into() }] {
            s = apply(s, e);
        }
        let md = summary_markdown(&s, 0);
        for needle in [
            "# Twilio Console SSO setup — urn:auth0:twilio:sso-3f2a9c41d0b84e7a",
            "1 of 12 done",
            "| SP metadata | `urn:auth0:twilio:sso-3f2a9c41d0b84e7a` |",
            "| Unique User Identifier (Name ID) | `Email address, user.mail` |",
        ] {
            assert!(md.contains(needle), "{needle} missing from\n{md}");
        }
        assert!(!md.contains("EntityDescriptor") && !md.contains("| Claims |"), "{md}");
        let broken = apply(s, SetupEvent::SetRealmSid { value: "<EntityDescriptor".into() });
        let md = summary_markdown(&broken, 0);
        assert!(md.contains("**SP metadata:** This is not readable XML") && !md.contains("<EntityDescriptor"), "{md}");
    }
}
