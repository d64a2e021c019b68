//! The Twilio Console's pages, each product's own (Frontline's SSO page; Flex's single sign-on
//! pages; Admin Center's SSO profile), and what they share: the refusals, and filling without
//! ever overwriting silently.

mod console;
mod flex;
mod frontline;

use super::{norm, observed, Field, Fill, FillAction, Plan, Snapshot};
use crate::cert::certificate::{inspect_certificate, CertInput};
use crate::common::finding::{message, Severity};
use crate::common::ids::{FormId, Step};
use crate::product::Product;
use crate::setup::checklist::Status;
use crate::setup::idp::{check_idp_values, IdpInput};
use crate::setup::{Conflict, Setup};

pub(super) fn plan(setup: &Setup, snap: &Snapshot, now: i64) -> Option<Plan> {
    // Console's SSO profile and Flex's page of its own URLs are recognised for any setup: an
    // empty one takes its product from them; any other setup leaves them alone.
    console::profile(setup, snap, now).or_else(|| flex::sp_values(setup, snap)).or_else(|| match setup.product() {
        Product::Frontline => frontline::plan(setup, snap, now),
        Product::Flex => flex::idp_data(setup, snap, now),
        Product::Console => None,
    })
}

/// Every label the console's pages name a value by, in both products' words.
pub(super) fn value_words() -> impl Iterator<Item = &'static str> {
    use crate::product::{console::admin_center as c, flex::console as x, frontline::console as f};
    [
        f::SSO_URL,
        f::ISSUER,
        f::CERTIFICATE,
        f::WORKSPACE_ID,
        f::REALM_SID,
        f::COMPANY,
        x::SSO_URL,
        x::ISSUER,
        x::CERTIFICATE,
        c::ISSUER,
        c::SSO_URL,
        c::CERTIFICATE,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// A console page that takes the identity provider's three values, in its own words.
struct IdpPage<'a> {
    form: FormId,
    /// Conflict ids: "<prefix>/sso-url", "<prefix>/issuer", "<prefix>/certificate".
    prefix: &'static str,
    place: &'static str,
    /// A notice or heading holding this word says the values were saved.
    saved_word: &'static str,
    /// Evidence once saved, and once typed.
    done: &'a str,
    typed: &'a str,
}

/// The three IdP values (`fields`: SSO URL, issuer, certificate) into `plan`: refused when
/// unsafe, filled without overwriting, proved saved when the page says so.
fn fill_idp(setup: &Setup, snap: &Snapshot, now: i64, fields: [&Field; 3], page: &IdpPage, plan: Plan) -> Plan {
    let mut plan = plan;
    let problems = refusal(setup, now);
    if !problems.is_empty() {
        let what = format!("Not filled: {}", problems.join("; "));
        plan.events.push(observed(Step::TwilioSso, Status::Attention, what, page.place));
        return plan;
    }
    let Some(pem) = setup.certificate_pem.as_deref() else { return plan };
    let [sso, issuer, cert] = fields;
    let mut fill = Filler::new(setup, page.form, page.prefix, plan);
    fill.want(sso, "sso-url", &setup.login_url, exact, false);
    fill.want(issuer, "issuer", &setup.entra_identifier, exact, false);
    fill.want(cert, "certificate", pem, same_pem, false);
    let all_satisfied = fill.all_satisfied();
    let mut plan = fill.plan;
    let saved =
        snap.headings.iter().map(|h| &h.text).chain(snap.notices.iter()).any(|t| norm(t).contains(page.saved_word));
    let (outcome, what) = if !plan.conflicts.is_empty() {
        let what =
            format!("{} already hold other values; check them, or use Replace in the panel", conflict_fields(&plan));
        (Status::Attention, what)
    } else if all_satisfied && saved {
        (Status::Done, page.done.to_string())
    } else if all_satisfied {
        (Status::InProgress, page.typed.to_string())
    } else {
        return plan;
    };
    plan.events.push(observed(Step::TwilioSso, outcome, what, page.place));
    plan
}

/// One console form's fills: a field that holds another value is a conflict until the admin's
/// Replace; a field that holds the value counts as satisfied.
struct Filler<'a> {
    setup: &'a Setup,
    form: FormId,
    /// Conflict ids: "<prefix>/<slug>".
    prefix: &'static str,
    plan: Plan,
    satisfied: usize,
    wanted: usize,
}

impl<'a> Filler<'a> {
    fn new(setup: &'a Setup, form: FormId, prefix: &'static str, plan: Plan) -> Self {
        Self { setup, form, prefix, plan, satisfied: 0, wanted: 0 }
    }

    /// `only_if_empty`: the console's own value wins (the Workspace ID agents already use).
    fn want(&mut self, f: &Field, slug: &str, value: &str, same: fn(&str, &str) -> bool, only_if_empty: bool) {
        self.wanted += 1;
        let current = f.value.trim();
        let id = format!("{}/{slug}", self.prefix);
        if same(current, value) || (only_if_empty && !current.is_empty()) {
            self.satisfied += 1;
            self.plan.resolved.push(id);
        } else if current.is_empty() || self.setup.replace.contains(&id) {
            self.plan.fills.push(Fill {
                key: f.key.clone(),
                action: FillAction::Text,
                value: value.into(),
                label: f.name.clone(),
            });
        } else {
            self.plan.conflicts.push(Conflict {
                id,
                form: self.form,
                step: Step::TwilioSso,
                field: f.name.clone(),
                current: current.into(),
                wanted: value.into(),
                at: 0,
            });
        }
    }

    fn all_satisfied(&self) -> bool {
        self.satisfied == self.wanted
    }
}

fn exact(a: &str, b: &str) -> bool {
    a == b
}

fn same_pem(a: &str, b: &str) -> bool {
    strip_ws(a) == strip_ws(b)
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The fields' names, for "… already hold other values".
fn conflict_fields(plan: &Plan) -> String {
    plan.conflicts.iter().map(|c| c.field.as_str()).collect::<Vec<_>>().join(", ")
}

/// Why the values Twilio would get are not safe to use, in the admin's words; empty if they are.
fn refusal(setup: &Setup, now: i64) -> Vec<String> {
    let mut out = Vec::new();
    if setup.login_url.is_empty() || setup.entra_identifier.is_empty() {
        let text =
            "the [LoginUrl] and [EntraIdentifier] are not captured yet (open the app's SAML page in the Azure portal)";
        out.push(message(text, &[]));
    } else {
        let check = check_idp_values(
            &IdpInput {
                login_url: setup.login_url.clone(),
                entra_identifier: setup.entra_identifier.clone(),
                metadata_xml: None,
            },
            now,
        );
        out.extend(check.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.clone()));
    }
    match setup.certificate_pem.as_deref() {
        None => {
            out.push("there is no signing certificate yet (fetch it from Entra, or drop the .cer on the panel)".into())
        }
        Some(pem) => match inspect_certificate(CertInput::Text(pem), now) {
            Err(e) => out.push(e.message),
            Ok(c) => {
                out.extend(c.findings.iter().filter(|f| f.severity == Severity::Error).map(|f| f.message.clone()));
                if let Some(t) = &setup.portal.thumbprint {
                    if &c.thumbprint_sha1 != t {
                        out.push(format!(
                            "the certificate's thumbprint {} differs from the active one the Azure portal shows \
                                ({t}); use the active certificate",
                            c.thumbprint_sha1
                        ));
                    }
                }
            }
        },
    }
    out
}
