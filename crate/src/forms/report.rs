//! The page report: what a page showed, for a bug report, with nothing of the tenant in it.
//! Only the portal's and Twilio's own wording stays as it is (the label tables, the portal's
//! vocabulary, the products' claim and role words); every other text, whether a value, a
//! heading, a title, a notice, a region's name or a table's caption, becomes its shape (empty,
//! URL, GUID, e-mail, text of N characters). Banner and navigation regions, where the portal
//! shows the signed-in user and their organisation, are left out. `frontline-sso page` replays
//! a report.

mod keep;

use serde::{Deserialize, Serialize};

use super::reading::with_pairs;
use super::snapshot::Snapshot;
use super::{value_labels, Console};
use crate::product::Product;
use crate::setup::Setup;
use keep::{role, Keeper};

/// The format of this report; a replay refuses others.
pub const REPORT_FORMAT: u32 = 1;
/// Regions a report leaves out with all they hold: the signed-in user and their organisation.
const LEFT_OUT: [&str; 2] = ["banner", "navigation"];
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReportVersions {
    pub extension: String,
    pub core: String,
    pub browser: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageReport {
    pub format: u32,
    /// "azure" or "twilio".
    pub console: String,
    /// Why it was made: no form recognised, a fill that did not stick, or the admin asked.
    pub reason: String,
    /// The frame's host; no scheme, path or query (the snapshot's `url` is the host too).
    pub host: String,
    pub versions: ReportVersions,
    /// The forms the core recognised on the page itself.
    pub forms: Vec<String>,
    pub snapshot: Snapshot,
}

/// The report of one snapshot. `setup` names values to hide wherever they appear, in any case
/// (the app's name in a blade title, the Realm SID in a heading).
pub fn page_report(
    snap: &Snapshot,
    setup: &Setup,
    console: &str,
    reason: &str,
    versions: ReportVersions,
    forms: &[&str],
) -> PageReport {
    // The products' default app names too: a page may show one the admin renamed.
    let defaults = Product::ALL.map(|p| p.facts().default_app_name);
    let secrets: Vec<&str> = [
        setup.sp_input.as_str(),
        setup.workspace_id.as_str(),
        setup.app_name.as_str(),
        setup.login_url.as_str(),
        setup.entra_identifier.as_str(),
    ]
    .into_iter()
    .chain(defaults)
    .collect();
    let console_kind = if console == "twilio" { Console::Twilio } else { Console::Azure };
    let keep = Keeper::new(&secrets, console_kind);
    // The pairs as the core reads them, before anything is shaped.
    let mut s = without_left_out(&with_pairs(snap, value_labels(console_kind)));
    s.url = host_of(&snap.url).unwrap_or_default();
    s.top_url = host_of(&snap.top_url).unwrap_or_default();
    shape_all(&mut s, &keep);
    PageReport {
        format: REPORT_FORMAT,
        console: console.into(),
        reason: keep.words(reason),
        host: host_of(&snap.url).unwrap_or_default(),
        versions,
        forms: forms.iter().map(|f| f.to_string()).collect(),
        snapshot: s,
    }
}

/// Every text of the snapshot as a report may hold it.
fn shape_all(s: &mut Snapshot, keep: &Keeper) {
    s.title = keep.words(&s.title);
    for r in &mut s.runs {
        r.text = keep.words(&r.text);
        r.section = keep.words(&r.section);
        r.kind = role(&r.kind);
    }
    for h in &mut s.headings {
        h.text = keep.words(&h.text);
    }
    for (i, f) in s.fields.iter_mut().enumerate() {
        // The collector's handles are short ("f12"); anything else a page put there is replaced.
        if f.key.len() > 12 || !f.key.chars().all(|c| c.is_ascii_alphanumeric()) {
            f.key = format!("f{i}");
        }
        f.name = keep.words(&f.name);
        f.section = keep.words(&f.section);
        f.role = role(&f.role);
        f.value = keep.value(&f.value);
    }
    for t in &mut s.texts {
        t.section = keep.words(&t.section);
        t.label = keep.words(&t.label);
        t.value = keep.value(&t.value);
    }
    for t in &mut s.tables {
        t.name = keep.words(&t.name);
        t.headers.iter_mut().for_each(|h| *h = keep.words(h));
        t.rows.iter_mut().flatten().for_each(|c| *c = keep.value(c));
    }
    s.notices.iter_mut().for_each(|n| *n = keep.words(n));
    for r in &mut s.regions {
        r.name = keep.words(&r.name);
        r.role = role(&r.role);
    }
}

/// The snapshot without anything in a banner or navigation region (or a region within one).
/// The regions stay, nameless, so every index still points where it did.
fn without_left_out(snap: &Snapshot) -> Snapshot {
    let out: Vec<u32> = (0..snap.regions.len())
        .filter_map(|i| u32::try_from(i).ok())
        .filter(|&i| snap.regions.get(i as usize).is_some_and(|r| LEFT_OUT.contains(&r.role.as_str())))
        .collect();
    let gone = |region: u32| out.iter().any(|&o| snap.inside(region, o));
    let mut s = snap.clone();
    s.headings.retain(|h| !gone(h.region));
    s.fields.retain(|f| !gone(f.region));
    s.texts.retain(|t| !gone(t.region));
    s.tables.retain(|t| !gone(t.region));
    for (i, r) in s.regions.iter_mut().enumerate() {
        if u32::try_from(i).is_ok_and(|i| i != 0 && gone(i)) {
            r.name.clear();
        }
    }
    // Runs go too; each group then spans the runs that stayed in its range, or goes.
    let mut kept = Vec::with_capacity(s.runs.len());
    let mut index = Vec::with_capacity(s.runs.len());
    for r in s.runs.drain(..) {
        index.push(u32::try_from(kept.len()).unwrap_or(u32::MAX));
        if !gone(r.region) {
            kept.push(r);
        }
    }
    let total = u32::try_from(kept.len()).unwrap_or(u32::MAX);
    s.groups = s
        .groups
        .iter()
        .filter_map(|g| {
            let first = *index.get(g.first as usize)?;
            let after = index.get((g.last as usize).saturating_add(1)).copied().unwrap_or(total);
            (after > first + 1).then(|| super::Group { first, last: after - 1 })
        })
        .collect();
    s.runs = kept;
    s
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    ok.then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests;
