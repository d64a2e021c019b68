//! Page recognition and fill plans (Bitwarden-style): the content script *collects* a
//! snapshot of a frame's controls, read-only values and tables; this module decides which
//! setup form or section it is, what to fill, what to capture, and what it proves.

mod azure;
mod clicks;
mod reading;
mod report;
mod snapshot;
mod twilio;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

pub use clicks::click_allowed;
pub use report::{page_report, PageReport, ReportVersions, REPORT_FORMAT};
pub use snapshot::{
    Field, Group, Heading, Region, Snapshot, SnapshotLimits, Table, TextPair, TextRun, SNAPSHOT_LIMITS,
};

use crate::common::finding::CoreError;
use crate::common::ids::{FormId, Step};
use crate::entra::links::{app_ids_in, AppIds};
use crate::entra::portal::Label;
use crate::setup::checklist::{ChecklistEvent, Status};
use crate::setup::{apply_event, Conflict, Setup, SetupEvent};

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

/// What the content script does with one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FillAction {
    /// Type the value, as a person does (a free-text combo box gets Enter too).
    Text,
    /// Open the drop-down and pick the option with the value's text.
    Choose,
    Check,
    Radio,
    /// Click a control that only extends the unsaved form (a row-adder); see `clicks`.
    AddRow,
}

/// One action for the content script.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fill {
    pub key: String,
    pub action: FillAction,
    pub value: String,
    /// The field's label, for highlights and messages.
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageResult {
    /// The first form recognised in this frame, if any.
    pub form: Option<FormId>,
    /// Every form recognised, one per region (Knockout blades share the portal's top page).
    pub forms: Vec<FormId>,
    /// The regions (indices into the snapshot's regions) that hold them: the content script
    /// watches what changes there, and lets the rest of a busy page tick unseen.
    pub regions: Vec<u32>,
    pub fills: Vec<Fill>,
    /// True when the setup changed and should be stored.
    pub changed: bool,
    /// No form recognised, on a page that shows a form or values: a page report may tell why.
    pub unrecognised: bool,
    /// The app's federation metadata holds a certificate the setup lacks: none yet, or the one
    /// the portal now shows as active (a renewal). The worker fetches it if allowed.
    pub fetch_metadata: bool,
    pub setup: Setup,
}

/// The work of one form: fills for its fields, and what the page proves.
#[derive(Debug, Default)]
struct Plan {
    form: Option<FormId>,
    fills: Vec<Fill>,
    events: Vec<SetupEvent>,
    conflicts: Vec<Conflict>,
    /// Conflict ids this form resolved (the field now holds the wanted value).
    resolved: Vec<String>,
    /// Which app the form belongs to, when it can tell: the portal's URL then names the
    /// setup's app (its ids are kept) or another one (they are not).
    app: AppClaim,
}

/// What a form says of the app whose blade it is.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum AppClaim {
    /// Nothing (an edit blade shows no identity of its own).
    #[default]
    Unknown,
    /// The setup's app: its saved Identifier is the product's, or the admin said so (Replace).
    Own,
    /// Another app: its values are never taken.
    Other,
}

/// Recognize the forms in the frame, region by region, plan fills, and record what they
/// prove into the setup. A region is tried only when none inside it held a form, so a form
/// is judged on its own blade's fields and never fills a control outside it.
pub fn observe_page(
    setup: Setup,
    snap: &Snapshot,
    console: Console,
    mode: FillMode,
    now: i64,
) -> Result<PageResult, CoreError> {
    let read = reading::with_pairs(snap, value_labels(console));
    let snap = &read;
    let mut plans: Vec<Plan> = Vec::new();
    let mut found: Vec<u32> = Vec::new();
    for (region, part) in snap.scopes() {
        if found.iter().any(|f| snap.inside(*f, region)) {
            continue;
        }
        if let Some(plan) = recognise(&setup, &part, console, now) {
            found.push(region);
            plans.push(plan);
        }
    }
    settle_observations(&mut plans);
    let before = setup.clone();
    let mut s = setup;
    if let Some(ids) = app_ids(&plans, snap, console).filter(|i| Some(i) != s.portal.app.as_ref()) {
        // The first app seen, the same app again, or one a form proved the setup's: never
        // another app's ids over the setup's own.
        let same = s.portal.app.as_ref().is_none_or(|a| a.app_id == ids.app_id);
        let claims: Vec<AppClaim> = plans.iter().map(|p| p.app).collect();
        if !claims.contains(&AppClaim::Other) && (same || claims.contains(&AppClaim::Own)) {
            s = apply_event(s, &SetupEvent::SetPortalApp(ids), now)?;
        }
    }
    let mut fills = Vec::new();
    for plan in &plans {
        s = record(s, plan, now)?;
        if mode != FillMode::Off {
            fills.extend(
                plan.fills.iter().filter(|f| f.action != FillAction::AddRow || click_allowed(&f.label)).cloned(),
            );
        }
    }
    let changed = !same_ignoring_time(&before, &s);
    if !changed {
        s = before;
    }
    let forms: Vec<FormId> = plans.iter().filter_map(|p| p.form).collect();
    let unrecognised = forms.is_empty() && snap.looks_like_a_form();
    let fetch_metadata = metadata_has_news(&s, now);
    let regions = found;
    Ok(PageResult {
        form: forms.first().copied(),
        forms,
        regions,
        fills,
        changed,
        unrecognised,
        fetch_metadata,
        setup: s,
    })
}

fn metadata_has_news(s: &Setup, now: i64) -> bool {
    if s.portal.metadata_url.is_none() {
        return false;
    }
    match (&s.portal.thumbprint, crate::setup::renewal::current(s.certificate_pem.as_deref(), now)) {
        (_, None) => true,
        (Some(active), Some(cert)) => *active != cert.thumbprint_sha1,
        (None, Some(_)) => false,
    }
}

/// The app's ids, from the portal's URL while one of the app's forms shows: the top page's,
/// as Chrome gives it to the worker. Never the frame's own URL, which a page could word.
fn app_ids(plans: &[Plan], snap: &Snapshot, console: Console) -> Option<AppIds> {
    if console != Console::Azure || plans.is_empty() {
        return None;
    }
    app_ids_in(&snap.top_url)
}

/// Two blades side by side may both speak of a step (the SAML pane says "not filled in yet"
/// while its edit blade beside it has the values typed): per step, one observation counts,
/// the last that is not "to do". Without this the evidence would flip at every pass.
fn settle_observations(plans: &mut [Plan]) {
    let step_of = |e: &SetupEvent| match e {
        SetupEvent::Checklist(ChecklistEvent::Observed { step, outcome, .. }) => Some((*step, *outcome)),
        _ => None,
    };
    let all: Vec<(usize, usize, Step, Status)> = plans
        .iter()
        .enumerate()
        .flat_map(|(p, plan)| {
            plan.events.iter().enumerate().filter_map(move |(i, e)| step_of(e).map(|(s, o)| (p, i, s, o)))
        })
        .collect();
    let keep = |step: Step| {
        let mine: Vec<_> = all.iter().filter(|(_, _, s, _)| *s == step).collect();
        mine.iter().rev().find(|(_, _, _, o)| *o != Status::Todo).or(mine.last()).map(|(p, i, _, _)| (*p, *i))
    };
    for (p, plan) in plans.iter_mut().enumerate() {
        let mut i = 0;
        plan.events.retain(|e| {
            let here = (p, i);
            i += 1;
            step_of(e).is_none_or(|(step, _)| keep(step) == Some(here))
        });
    }
}

/// Which form one region holds, and its plan.
fn recognise(setup: &Setup, part: &Snapshot, console: Console, now: i64) -> Option<Plan> {
    match console {
        Console::Azure => azure::plan(setup, part),
        Console::Twilio => twilio::plan(setup, part, now),
    }
}

/// The labels whose values a console's forms read, normalised once per worker run: the pair
/// reader finds their values, and no value runs into one of them.
pub(crate) fn value_labels(console: Console) -> &'static [String] {
    static AZURE: OnceLock<Vec<String>> = OnceLock::new();
    static TWILIO: OnceLock<Vec<String>> = OnceLock::new();
    match console {
        Console::Azure => AZURE.get_or_init(|| azure::VALUE_LABELS.iter().flat_map(|l| l.normed().to_vec()).collect()),
        Console::Twilio => TWILIO.get_or_init(|| twilio::value_words().map(norm).collect()),
    }
}

/// A plan's events, and its conflicts replacing the form's earlier ones.
fn record(setup: Setup, plan: &Plan, now: i64) -> Result<Setup, CoreError> {
    let mut s = setup;
    for e in &plan.events {
        s = apply_event(s, e, now)?;
    }
    let form = plan.form;
    s.conflicts.retain(|c| {
        !(plan.resolved.contains(&c.id) || (Some(c.form) == form && !plan.conflicts.iter().any(|n| n.id == c.id)))
    });
    s.replace.retain(|id| !plan.resolved.contains(id));
    for c in &plan.conflicts {
        match s.conflicts.iter_mut().find(|k| k.id == c.id) {
            Some(k) if k.current == c.current && k.wanted == c.wanted => {}
            Some(k) => *k = Conflict { at: now, ..c.clone() },
            None => s.conflicts.push(Conflict { at: now, ..c.clone() }),
        }
    }
    Ok(s)
}

fn same_ignoring_time(a: &Setup, b: &Setup) -> bool {
    a == &Setup { updated_at: a.updated_at, ..b.clone() }
}

// ---- shared helpers for the form modules ----

/// Lower case, single spaces, without required marks, info icons, "(Optional)" and a
/// trailing colon. ASCII case folding only: Unicode's tables would add ~15 KB to the .wasm.
/// The collector already strips these; the core does not count on it.
pub(crate) fn norm(s: &str) -> String {
    let s =
        s.replace(['*', 'ⓘ', '\u{a0}'], " ").to_ascii_lowercase().replace("(optional)", "").replace("(required)", "");
    let s = s.trim().trim_end_matches([':', '：']).trim_end();
    let s = s.strip_prefix("required:").unwrap_or(s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a page names a thing by: a portal label (every language's wordings) or a list of words.
pub(crate) trait Wording: Copy {
    /// The wordings, normalised.
    fn normed(self) -> Cow<'static, [String]>;
    /// Whether `text` is exactly one of the wordings.
    fn names(self, text: &str) -> bool {
        let text = norm(text);
        self.normed().contains(&text)
    }
}

impl Wording for Label {
    /// Normalised once per worker run: every pass asks for them, region by region.
    fn normed(self) -> Cow<'static, [String]> {
        static NORMED: OnceLock<Vec<Vec<String>>> = OnceLock::new();
        let all = NORMED.get_or_init(|| Label::ALL.iter().map(|l| l.wordings().map(norm).collect()).collect());
        let mine = Label::ALL.iter().position(|l| *l == self).and_then(|i| all.get(i));
        Cow::Borrowed(mine.map(Vec::as_slice).unwrap_or_default())
    }
}

impl Wording for &'static [&'static str] {
    fn normed(self) -> Cow<'static, [String]> {
        Cow::Owned(self.iter().map(|w| norm(w)).collect())
    }
}

pub(crate) fn named(snap: &Snapshot, names: impl Wording) -> impl Iterator<Item = &Field> {
    let wanted = names.normed();
    snap.fields.iter().filter(move |f| wanted.contains(&norm(&f.name)))
}

pub(crate) fn editable(f: &&Field) -> bool {
    f.operable()
}

/// Whether the region's title or one of its headings holds one of `texts`.
pub(crate) fn has_heading(snap: &Snapshot, texts: impl Wording) -> bool {
    let seen: Vec<String> =
        std::iter::once(&snap.title).chain(snap.headings.iter().map(|h| &h.text)).map(|t| norm(t)).collect();
    texts.normed().iter().any(|t| seen.iter().any(|s| s.contains(t.as_str())))
}

pub(crate) fn observed(step: Step, outcome: Status, what: impl Into<String>, place: &str) -> SetupEvent {
    let (what, place) = (what.into(), place.into());
    SetupEvent::Checklist(ChecklistEvent::Observed { step, outcome, what, place, missing_claims: Vec::new() })
}

/// "Azure portal — <blade title>": where a piece of evidence came from.
pub(crate) fn place(snap: &Snapshot) -> String {
    let first = snap.headings.first().map(|h| h.text.trim()).unwrap_or_default();
    let title = if snap.title.trim().is_empty() { first } else { snap.title.trim() };
    if title.is_empty() {
        "Azure portal".into()
    } else {
        format!("Azure portal — {title}")
    }
}

#[cfg(test)]
mod tests;
