//! Edit forms: what to type or choose in each, and what is already there.

use super::super::{
    editable, has_heading, named, norm, observed, place, Field, Fill, FillAction, Plan, Snapshot, Wording,
};
use super::lang_of;
use crate::common::finding::message_in;
use crate::common::ids::{FormId, Step};
use crate::entra::portal::Label as L;
use crate::entra::USER_PRINCIPAL_NAME;
use crate::product::{AppRole, Claim};
use crate::setup::checklist::Status;
use crate::setup::{Conflict, Setup};

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    create_app(setup, snap)
        .or_else(|| basic_saml(setup, snap))
        .or_else(|| signing(setup, snap))
        .or_else(|| name_id(setup, snap))
        .or_else(|| claim(setup, snap))
        .or_else(|| app_role(snap, setup))
}

/// Builds one form's plan: fills, conflicts, and which conflicts it resolved.
struct Form<'a> {
    id: FormId,
    step: Step,
    setup: &'a Setup,
    plan: Plan,
    /// Fields that already hold their wanted value.
    satisfied: usize,
    wanted: usize,
    /// Conflict ids of the claim form name the claim ("claim-email/name"), as before.
    slug_prefix: &'static str,
    /// Values Entra itself puts in this form (the NameID's "Default" format and user principal
    /// name): replaced without asking, like a placeholder.
    entra_values: Vec<&'static str>,
}

impl<'a> Form<'a> {
    fn new(id: FormId, step: Step, setup: &'a Setup) -> Self {
        Self {
            id,
            step,
            setup,
            plan: Plan { form: Some(id), ..Plan::default() },
            satisfied: 0,
            wanted: 0,
            slug_prefix: "",
            entra_values: Vec::new(),
        }
    }

    /// Type (or choose) `wanted` unless the control holds something else the admin did not
    /// approve replacing. Values Entra puts in a new form are replaced without asking:
    /// changing them is the point of the step.
    fn text(&mut self, field: &Field, slug: &str, wanted: &str, action: FillAction) {
        self.wanted += 1;
        let current = field.value.trim();
        if current == wanted {
            self.satisfied += 1;
            self.plan.resolved.push(self.conflict_id(slug));
            return;
        }
        let id = self.conflict_id(slug);
        // A dropdown showing its placeholder (Label::Placeholder) is empty.
        let choose = action == FillAction::Choose;
        let placeholder = choose && L::Placeholder.names(current);
        let entra_default = placeholder
            || (choose && L::SignAssertion.names(current))
            || self.entra_values.iter().any(|v| norm(v) == norm(current));
        if current.is_empty() || entra_default || self.setup.replace.contains(&id) {
            self.plan.fills.push(Fill {
                key: field.key.clone(),
                action,
                value: wanted.into(),
                label: field.name.clone(),
            });
        } else {
            self.plan.conflicts.push(Conflict {
                id,
                form: self.id,
                step: self.step,
                field: field.name.clone(),
                current: current.into(),
                wanted: wanted.into(),
                at: 0,
            });
        }
    }

    fn check(&mut self, field: &Field, action: FillAction) {
        self.wanted += 1;
        if field.checked {
            self.satisfied += 1;
        } else {
            self.plan.fills.push(Fill {
                key: field.key.clone(),
                action,
                value: "true".into(),
                label: field.name.clone(),
            });
        }
    }

    fn conflict_id(&self, slug: &str) -> String {
        if self.slug_prefix.is_empty() {
            format!("{}/{slug}", self.id.id())
        } else {
            format!("{}-{}/{slug}", self.id.id(), self.slug_prefix)
        }
    }

    /// Evidence: all values in place means "press Save"; a conflict needs the admin.
    fn finish(mut self, snap: &Snapshot, what: &str, action: &str) -> Plan {
        let outcome = if !self.plan.conflicts.is_empty() {
            Status::Attention
        } else if self.satisfied == self.wanted {
            Status::InProgress
        } else {
            return self.plan;
        };
        let text = if self.plan.conflicts.is_empty() {
            format!("{what} entered; press {action}")
        } else {
            let fields: Vec<&str> = self.plan.conflicts.iter().map(|c| c.field.as_str()).collect();
            format!("{what}: {} already hold other values; check them, or use Replace in the panel", fields.join(", "))
        };
        // Evidence of typing never downgrades a step that the saved view proved done.
        if self.setup.checklist.step(self.step).is_some_and(|s| s.status() == Status::Done)
            && outcome == Status::InProgress
        {
            return self.plan;
        }
        self.plan.events.push(observed(self.step, outcome, text, &place(snap)));
        self.plan
    }
}

fn create_app(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let name = named(snap, L::AppName).find(editable)?;
    let mut form = Form::new(FormId::CreateApp, Step::CreateApp, setup);
    let app_name = setup.app_name();
    // An app name the admin chose is theirs: never a conflict, never replaced.
    if name.value.trim().is_empty() {
        form.text(name, "name", app_name, FillAction::Text);
    }
    let non_gallery =
        |f: &&Field| f.role == "radio" && L::NonGallery.normed().iter().any(|w| norm(&f.name).contains(w));
    if let Some(radio) = snap.fields.iter().find(non_gallery) {
        form.check(radio, FillAction::Radio);
    }
    Some(form.finish(snap, "Application name and the non-gallery option", "Create"))
}

/// A multi-row list's text boxes (the identifier rows, say), and its row-adder.
fn rows(snap: &Snapshot, label: L, adder: L) -> (Vec<&Field>, Option<&Field>) {
    let boxes = named(snap, label).filter(editable).filter(|f| f.role == "textbox").collect();
    let add = named(snap, adder).filter(editable).find(|f| f.role == "button");
    (boxes, add)
}

/// The "Default" checkbox of a row: the first one after its text box in page order, before
/// the next row of either list. Row indices and sections are not to be trusted: the two lists
/// may share both.
fn default_box<'a>(snap: &'a Snapshot, field: &Field) -> Option<&'a Field> {
    let is_default = |f: &&Field| f.role == "checkbox" && L::Default.names(&f.name);
    let is_row = |f: &Field| f.role == "textbox" && (L::Identifier.names(&f.name) || L::ReplyUrl.names(&f.name));
    snap.fields.iter().skip_while(|f| f.key != field.key).skip(1).take_while(|f| !is_row(f)).find(is_default)
}

fn basic_saml(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, L::BasicSaml) {
        return None;
    }
    let (ids, add_id) = rows(snap, L::Identifier, L::AddIdentifier);
    let (acs, add_acs) = rows(snap, L::ReplyUrl, L::AddReplyUrl);
    if ids.is_empty() && acs.is_empty() && add_id.is_none() && add_acs.is_none() {
        return None;
    }
    let mut form = Form::new(FormId::BasicSaml, Step::BasicSaml, setup);
    let Ok(realm) = setup.urls() else {
        return Some(form.plan); // nothing to fill until the panel has a valid SID
    };
    for (rows, add, slug, wanted) in
        [(&ids, add_id, "identifier", &realm.sp_entity_id), (&acs, add_acs, "reply-url", &realm.reply_url)]
    {
        // The row to use: one holding the value, else the first other value (a conflict),
        // else the first empty row; a new app has no row until its row-adder is clicked.
        let target = rows
            .iter()
            .find(|f| f.value.trim() == wanted.as_str())
            .or_else(|| rows.iter().find(|f| !f.value.trim().is_empty()))
            .or_else(|| rows.first());
        match (target, add) {
            (Some(field), _) => {
                form.text(field, slug, wanted, FillAction::Text);
                if let Some(d) = default_box(snap, field).filter(|d| !d.disabled) {
                    form.check(d, FillAction::Check);
                }
            }
            (None, Some(add)) => {
                form.wanted += 1;
                form.plan.fills.push(Fill {
                    key: add.key.clone(),
                    action: FillAction::AddRow,
                    value: String::new(),
                    label: add.name.clone(),
                });
            }
            (None, None) => {}
        }
    }
    Some(form.finish(snap, "Identifier and Reply URL", "Save"))
}

fn signing(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let option = named(snap, L::SigningOption).find(editable)?;
    let mut form = Form::new(FormId::Signing, Step::Signing, setup);
    let facts = setup.product().facts();
    // The option as this page's language names it: a German portal lists only German options.
    form.text(option, "option", facts.signing_option.in_lang(lang_of(snap, setup)), FillAction::Choose);
    if let Some(alg) = named(snap, L::SigningAlgorithm).find(editable) {
        form.text(alg, "algorithm", facts.signing_algorithm, FillAction::Choose);
    }
    let mut plan = form.finish(snap, "Signing option and algorithm", "Save");
    // The same blade lists the certificates, with their statuses.
    plan.events.extend(super::views::certificate_list(snap));
    Some(plan)
}

/// The add/edit claim form: the product's first claim the claims list lacks (Frontline: `email`,
/// then `roles`). Claim conditions repeat the Source labels further down: the first of each is the claim's.
fn claim(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let name = named(snap, L::ClaimName).filter(editable).find(|f| f.role == "textbox")?;
    let source_attr = named(snap, L::SourceAttribute).find(editable)?;
    let mut form = Form::new(FormId::Claim, Step::Claims, setup);
    let typed = name.value.trim();
    let claims = setup.product().facts().claims;
    let claim: Claim = match claims.iter().find(|c| c.name == typed) {
        Some(c) => *c,
        None if typed.is_empty() => next_missing(setup, Step::Claims, claims, |c| c.name)?,
        // Another claim: the admin's own business.
        None => return Some(form.plan),
    };
    let (claim, attribute) = (claim.name, claim.source_attribute);
    form.slug_prefix = claim;
    form.text(name, "name", claim, FillAction::Text);
    if let Some(ns) = named(snap, L::Namespace).find(editable) {
        form.text(ns, "namespace", "", FillAction::Text);
    }
    let attribute_radio = named(snap, L::SourceIsAttribute).find(|f| f.role == "radio");
    if let Some(radio) = attribute_radio {
        form.check(radio, FillAction::Radio);
    }
    form.text(source_attr, "source-attribute", attribute, FillAction::Choose);
    Some(form.finish(snap, &format!("Claim {claim} = {attribute}"), "Save"))
}

/// The Unique User Identifier (Name ID) claim's form, recognised by its format drop-down: for a
/// product that reads the NameID (Console), the format and the source attribute; another
/// product's setup leaves Entra's default alone.
fn name_id(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let format = named(snap, L::NameIdFormat).find(editable)?;
    let mut form = Form::new(FormId::NameId, Step::NameId, setup);
    let Some(rule) = setup.product().facts().name_id else {
        return Some(form.plan);
    };
    let lang = lang_of(snap, setup);
    // Entra's own NameID: the format "Default", from the user principal name.
    form.entra_values = L::Default.wordings().chain([USER_PRINCIPAL_NAME]).collect();
    form.text(format, "format", rule.format.in_lang(lang), FillAction::Choose);
    if let Some(radio) = named(snap, L::SourceIsAttribute).find(|f| f.role == "radio") {
        form.check(radio, FillAction::Radio);
    }
    if let Some(source) = named(snap, L::SourceAttribute).find(editable) {
        form.text(source, "source-attribute", rule.source_attribute, FillAction::Choose);
    }
    let what = message_in(lang, "[NameIdClaim]: [EmailAddressFormat], {source}", &[("source", rule.source_attribute)]);
    Some(form.finish(snap, &what, "Save"))
}

/// The first of `items` (the product's claims or roles) that the last look at the step's list
/// found missing; the first of them all when no list was seen, or none was missing.
fn next_missing<T: Copy>(setup: &Setup, step: Step, items: &[T], name: impl Fn(&T) -> &str) -> Option<T> {
    let last = setup.checklist.step(step).and_then(|s| s.evidence.last());
    let missing = |item: &&T| last.is_some_and(|e| e.missing_claims.iter().any(|m| m == name(item)));
    items.iter().find(missing).or_else(|| items.first()).copied()
}

fn app_role(snap: &Snapshot, setup: &Setup) -> Option<Plan> {
    let enable = snap
        .fields
        .iter()
        .find(|f| f.role == "checkbox" && L::EnableAppRole.normed().iter().any(|w| norm(&f.name).contains(w)))?;
    let mut form = Form::new(FormId::AppRole, Step::AppRole, setup);
    // The role this form is for: the one its value names, else the next one the roles list lacks.
    let roles = setup.product().facts().roles;
    let typed = named(snap, L::RoleValue).find(editable).map(|f| f.value.trim()).unwrap_or_default();
    let role: AppRole = match roles.iter().find(|r| r.value == typed) {
        Some(r) => *r,
        None => next_missing(setup, Step::AppRole, roles, |r| r.value)?,
    };
    // With several roles, each form's conflicts name its role ("app-role-supervisor/value").
    if roles.len() > 1 {
        form.slug_prefix = role.value;
    }
    for (names, slug, wanted) in [
        (L::RoleDisplayName, "display-name", role.display_name),
        (L::RoleValue, "value", role.value),
        (L::RoleDescription, "description", role.description),
    ] {
        if let Some(f) = named(snap, names).find(editable) {
            form.text(f, slug, wanted, FillAction::Text);
        }
    }
    if let Some(radio) = named(snap, L::MemberTypesUsers).find(|f| f.role == "radio") {
        form.check(radio, FillAction::Radio);
    }
    form.check(enable, FillAction::Check);
    let template = "App role {name} ({value}, [MemberTypesUsers], enabled)";
    let what = message_in(lang_of(snap, setup), template, &[("name", role.display_name), ("value", role.value)]);
    Some(form.finish(snap, &what, "Apply"))
}
