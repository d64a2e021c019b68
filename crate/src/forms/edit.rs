//! Edit forms: what to type or choose in each, and what is already there.

use super::{editable, has_heading, named, norm, observed, place, Fill, Plan, Snapshot};
use crate::checklist::Status;
use crate::plan::{DEFAULT_APP_NAME, SIGNING_ALGORITHM, SIGNING_OPTION};
use crate::realm::realm_urls;
use crate::setup::{Conflict, Setup};

/// Values Entra puts in a new form. Changing them is the point of the step, so they are
/// replaced without asking; anything else an admin typed is a conflict.
const ENTRA_DEFAULTS: &[&str] = &["sign saml assertion", "sha-256", ""];

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    create_app(setup, snap)
        .or_else(|| basic_saml(setup, snap))
        .or_else(|| signing(setup, snap))
        .or_else(|| claim(setup, snap))
        .or_else(|| app_role(snap, setup))
}

/// Builds one form's plan: fills, conflicts, and which conflicts it resolved.
struct Form<'a> {
    id: &'static str,
    step: &'static str,
    setup: &'a Setup,
    plan: Plan,
    /// Fields that already hold their wanted value.
    satisfied: usize,
    wanted: usize,
}

impl<'a> Form<'a> {
    fn new(id: &'static str, step: &'static str, setup: &'a Setup) -> Self {
        Self { id, step, setup, plan: Plan { form: Some(id), ..Plan::default() }, satisfied: 0, wanted: 0 }
    }

    /// Type `wanted` into a text box unless it holds something else the admin did not
    /// approve replacing. `is_default` says whether its current value is Entra's own.
    fn text(&mut self, field: &super::Field, slug: &str, wanted: &str, action: &'static str) {
        self.wanted += 1;
        let current = field.value.trim();
        if current == wanted {
            self.satisfied += 1;
            self.plan.resolved.push(self.conflict_id(slug));
            return;
        }
        let id = self.conflict_id(slug);
        // A dropdown showing its placeholder ("Select an option", "Select from drop down") is empty.
        let placeholder = action == "choose" && norm(current).starts_with("select");
        let entra_default = placeholder || (action == "choose" && ENTRA_DEFAULTS.contains(&norm(current).as_str()));
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
                form: self.id.into(),
                step: self.step.into(),
                field: field.name.clone(),
                current: current.into(),
                wanted: wanted.into(),
                at: 0,
            });
        }
    }

    fn check(&mut self, field: &super::Field, action: &'static str) {
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
        format!("{}/{slug}", self.id)
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
    let name = snap.fields.iter().filter(editable).find(|f| norm(&f.name).contains("name of your app"))?;
    let mut form = Form::new("create-app", "create-app", setup);
    let app_name = if setup.app_name.is_empty() { DEFAULT_APP_NAME } else { &setup.app_name };
    // An app name the admin chose is theirs: never a conflict, never replaced.
    if name.value.trim().is_empty() {
        form.text(name, "name", app_name, "text");
    }
    if let Some(radio) = snap.fields.iter().find(|f| f.role == "radio" && norm(&f.name).contains("non-gallery")) {
        form.check(radio, "radio");
    }
    Some(form.finish(snap, "Application name and the non-gallery option", "Create"))
}

fn basic_saml(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    if !has_heading(snap, "Basic SAML Configuration") {
        return None;
    }
    let ids: Vec<_> =
        named(snap, &["Identifier (Entity ID)"]).filter(editable).filter(|f| f.role == "textbox").collect();
    let acs: Vec<_> = named(snap, &["Reply URL (Assertion Consumer Service URL)", "Reply URL"])
        .filter(editable)
        .filter(|f| f.role == "textbox")
        .collect();
    if ids.is_empty() && acs.is_empty() {
        return None;
    }
    let mut form = Form::new("basic-saml", "basic-saml", setup);
    let Ok(realm) = realm_urls(&setup.realm_sid_input) else {
        return Some(form.plan); // nothing to fill until the panel has a valid Realm SID
    };
    for (rows, slug, wanted, section) in [
        (&ids, "identifier", &realm.entity_id, "Identifier (Entity ID)"),
        (&acs, "reply-url", &realm.reply_url, "Reply URL (Assertion Consumer Service URL)"),
    ] {
        // The row to use: one holding the value, else the first other value (a conflict),
        // else the first empty row.
        let target = rows
            .iter()
            .find(|f| f.value.trim() == wanted.as_str())
            .or_else(|| rows.iter().find(|f| !f.value.trim().is_empty()))
            .or_else(|| rows.first());
        if let Some(field) = target {
            form.text(field, slug, wanted, "text");
            let default_box = snap.fields.iter().find(|f| {
                f.role == "checkbox"
                    && norm(&f.name) == "default"
                    && f.row == field.row
                    && norm(&f.section) == norm(section)
            });
            if let Some(d) = default_box.filter(|d| !d.disabled) {
                form.check(d, "check");
            }
        }
    }
    Some(form.finish(snap, "Identifier and Reply URL", "Save"))
}

fn signing(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let option = named(snap, &["Signing Option"]).find(editable)?;
    let mut form = Form::new("signing", "signing", setup);
    form.text(option, "option", SIGNING_OPTION, "choose");
    if let Some(alg) = named(snap, &["Signing Algorithm"]).find(editable) {
        form.text(alg, "algorithm", SIGNING_ALGORITHM, "choose");
    }
    Some(form.finish(snap, "Signing option and algorithm", "Save"))
}

/// The add/edit claim form: `email` first, then `roles`, whichever the claims list lacks.
fn claim(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let name = named(snap, &["Name"]).filter(editable).find(|f| f.role == "textbox")?;
    let source_attr = named(snap, &["Source attribute"]).find(editable)?;
    let mut form = Form::new("claim", "claims", setup);
    let current = name.value.trim();
    let (claim, attribute) = match current {
        "email" => ("email", "user.mail"),
        "roles" => ("roles", "user.assignedroles"),
        "" if missing_claim(setup) == Some("roles") => ("roles", "user.assignedroles"),
        "" => ("email", "user.mail"),
        // Another claim: the admin's own business.
        _ => return Some(form.plan),
    };
    form.id = if claim == "email" { "claim-email" } else { "claim-roles" };
    form.plan.form = Some(form.id);
    form.text(name, "name", claim, "text");
    if let Some(ns) = named(snap, &["Namespace"]).find(editable) {
        form.text(ns, "namespace", "", "text");
    }
    if let Some(radio) = snap.fields.iter().find(|f| f.role == "radio" && norm(&f.name) == "attribute") {
        form.check(radio, "radio");
    }
    form.text(source_attr, "source-attribute", attribute, "choose");
    Some(form.finish(snap, &format!("Claim {claim} = {attribute}"), "Save"))
}

/// Which Frontline claim the last look at the claims list found missing.
fn missing_claim(setup: &Setup) -> Option<&'static str> {
    let last = setup.checklist.step("claims")?.evidence.last()?;
    if last.what.contains("roles is missing") && !last.what.contains("email is missing") {
        Some("roles")
    } else {
        None
    }
}

fn app_role(snap: &Snapshot, setup: &Setup) -> Option<Plan> {
    let enable = snap.fields.iter().find(|f| f.role == "checkbox" && norm(&f.name).contains("enable this app role"))?;
    let mut form = Form::new("app-role", "app-role", setup);
    for (names, slug, wanted) in [
        (&["Display name"][..], "display-name", "Agent"),
        (&["Value"], "value", "agent"),
        (&["Description"], "description", "Frontline user"),
    ] {
        if let Some(f) = named(snap, names).find(editable) {
            form.text(f, slug, wanted, "text");
        }
    }
    if let Some(radio) = snap.fields.iter().find(|f| f.role == "radio" && norm(&f.name) == "users/groups") {
        form.check(radio, "radio");
    }
    form.check(enable, "check");
    Some(form.finish(snap, "App role Agent (agent, Users/Groups, enabled)", "Apply"))
}
