//! Page recognition and fill plans (Bitwarden-style): the content script *collects* a
//! snapshot of a frame's controls, read-only values and tables; this module decides which
//! setup form or section it is, what to fill, what to capture, and what it proves.

mod edit;
mod twilio;
mod views;

use serde::{Deserialize, Serialize};

use crate::checklist::{ChecklistEvent, Status};
use crate::finding::CoreError;
use crate::setup::{apply_event, Conflict, Setup, SetupEvent};

/// One form control, as the content script saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Field {
    /// The content script's handle for this control in this pass.
    pub key: String,
    /// Accessible name: label, aria-label(ledby), placeholder or title.
    pub name: String,
    /// Nearest heading, legend or named group.
    pub section: String,
    /// ARIA role: textbox, combobox, radio, checkbox, button, …
    pub role: String,
    pub value: String,
    pub checked: bool,
    pub disabled: bool,
    pub readonly: bool,
    /// Position within a multi-row list (same section), when it is one.
    pub row: Option<u32>,
}

/// A label/value pair from a read-only view (definition lists, copy fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TextPair {
    pub section: String,
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// What one frame shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Snapshot {
    pub url: String,
    /// The blade or page title.
    pub title: String,
    pub headings: Vec<String>,
    pub fields: Vec<Field>,
    pub texts: Vec<TextPair>,
    pub tables: Vec<Table>,
    /// Status and alert messages (role=status / role=alert).
    pub notices: Vec<String>,
}

/// Which console a frame belongs to: each only ever gets its own forms recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Console {
    Azure,
    Twilio,
}

/// Whether this pass may fill: automatically, because the admin asked, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillMode {
    Auto,
    OnDemand,
    Off,
}

/// One action for the content script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fill {
    pub key: String,
    /// `text` (type it), `choose` (open the dropdown, pick the option), `check`, `radio`.
    pub action: &'static str,
    pub value: String,
    /// The field's label, for highlights and messages.
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageResult {
    /// Which form or section this frame is, if any.
    pub form: Option<&'static str>,
    pub fills: Vec<Fill>,
    /// True when the setup changed and should be stored.
    pub changed: bool,
    pub setup: Setup,
}

/// The work of one form: fills for its fields, and what the page proves.
#[derive(Debug, Default)]
struct Plan {
    form: Option<&'static str>,
    fills: Vec<Fill>,
    events: Vec<SetupEvent>,
    conflicts: Vec<Conflict>,
    /// Conflict ids this form resolved (the field now holds the wanted value).
    resolved: Vec<String>,
}

/// Recognize the frame, plan fills, and record what it shows into the setup.
pub fn observe_page(
    setup: Setup,
    snap: &Snapshot,
    console: Console,
    mode: FillMode,
    now: i64,
) -> Result<PageResult, CoreError> {
    let plan = match console {
        Console::Azure => edit::plan(&setup, snap).or_else(|| views::plan(&setup, snap)),
        Console::Twilio => twilio::plan(&setup, snap, now),
    }
    .unwrap_or_default();
    let before = setup.clone();
    let mut s = setup;
    for e in &plan.events {
        s = apply_event(s, e, now)?;
    }
    let form = plan.form.unwrap_or_default();
    s.conflicts.retain(|c| {
        !(plan.resolved.contains(&c.id) || (c.form == form && !plan.conflicts.iter().any(|n| n.id == c.id)))
    });
    s.replace.retain(|id| !plan.resolved.contains(id));
    for c in plan.conflicts {
        match s.conflicts.iter_mut().find(|k| k.id == c.id) {
            Some(k) if k.current == c.current && k.wanted == c.wanted => {}
            Some(k) => *k = Conflict { at: now, ..c },
            None => s.conflicts.push(Conflict { at: now, ..c }),
        }
    }
    let changed = !same_ignoring_time(&before, &s);
    if !changed {
        s = before;
    }
    let fills = if mode == FillMode::Off { Vec::new() } else { plan.fills };
    Ok(PageResult { form: plan.form, fills, changed, setup: s })
}

fn same_ignoring_time(a: &Setup, b: &Setup) -> bool {
    a == &Setup { updated_at: a.updated_at, ..b.clone() }
}

// ---- shared helpers for the form modules ----

/// Lower case, single spaces, without required-marks, info icons and "(Optional)". ASCII
/// case folding only: the portal's English labels need no more, and Unicode's tables would
/// add ~15 KB to the .wasm.
pub(crate) fn norm(s: &str) -> String {
    let s = s.replace(['*', 'ⓘ', '\u{a0}'], " ").to_ascii_lowercase().replace("(optional)", "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn named<'a>(snap: &'a Snapshot, names: &[&str]) -> impl Iterator<Item = &'a Field> {
    let wanted: Vec<String> = names.iter().map(|n| norm(n)).collect();
    snap.fields.iter().filter(move |f| wanted.contains(&norm(&f.name)))
}

pub(crate) fn editable(f: &&Field) -> bool {
    !f.disabled && !f.readonly
}

pub(crate) fn has_heading(snap: &Snapshot, text: &str) -> bool {
    let t = norm(text);
    norm(&snap.title).contains(&t) || snap.headings.iter().any(|h| norm(h).contains(&t))
}

pub(crate) fn observed(step: &str, outcome: Status, what: impl Into<String>, place: &str) -> SetupEvent {
    SetupEvent::Checklist(ChecklistEvent::Observed {
        step: step.into(),
        outcome,
        what: what.into(),
        place: place.into(),
    })
}

/// "Azure portal — <blade title>": where a piece of evidence came from.
pub(crate) fn place(snap: &Snapshot) -> String {
    let title = snap.title.trim();
    if title.is_empty() {
        "Azure portal".into()
    } else {
        format!("Azure portal — {title}")
    }
}

#[cfg(test)]
mod tests;
