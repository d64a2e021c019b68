//! What one frame shows, as a screen reader would hear it: controls with their label and
//! value apart, read-only label/value pairs, tables, headings and notices, each tagged with
//! the region (landmark or blade) that holds it. The content script collects it; nothing
//! here is a CSS class or a markup shape.

use serde::{Deserialize, Serialize};

use crate::common::codes;
use crate::common::finding::CoreError;

/// How much of one snapshot is ever handled: the numbers of `extension/limits.js` and the
/// worker's check (`tests/e2e/core.test.mjs` holds them equal). A replayed page report over
/// any of them is refused, as the worker refuses such a snapshot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotLimits {
    /// Characters in one string.
    pub string: usize,
    /// Characters in all the strings together.
    pub total: usize,
    pub runs: usize,
    pub fields: usize,
    pub texts: usize,
    pub tables: usize,
    pub headings: usize,
    pub notices: usize,
    pub regions: usize,
    /// Table cells in all the tables together (the limits' node count bounds them in JS).
    pub cells: usize,
}

pub const SNAPSHOT_LIMITS: SnapshotLimits = SnapshotLimits {
    string: 4096,
    total: 1024 * 1024,
    runs: 3000,
    fields: 2000,
    texts: 2000,
    tables: 50,
    headings: 500,
    notices: 100,
    regions: 300,
    cells: 100_000,
};

/// One control, as the content script saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Field {
    /// The content script's handle for this control in this pass.
    pub key: String,
    /// The control's label: its accessible name without its current value, colons, required
    /// markers and balloon text.
    pub name: String,
    /// Nearest heading, legend or named group.
    pub section: String,
    /// ARIA role: textbox, combobox, radio, checkbox, button, …
    pub role: String,
    pub value: String,
    pub checked: bool,
    pub disabled: bool,
    /// As the page marks it (`readonly`, `aria-readonly`); see `operable`.
    pub readonly: bool,
    /// The control opens a list (`aria-haspopup`, `aria-expanded`, `aria-controls`, a `select`).
    pub popup: bool,
    /// Position within a multi-row list, when it is one.
    pub row: Option<u32>,
    /// Index into `Snapshot::regions` (0: the frame itself).
    pub region: u32,
}

impl Field {
    /// Whether the admin (and so the extension) can change it. Only `disabled`, `aria-disabled`,
    /// `inert` or a hidden ancestor say no: ARIA 1.0 marked a select-only drop-down
    /// `aria-readonly` to mean "no typed text", and such a drop-down still opens and chooses.
    pub fn operable(&self) -> bool {
        !self.disabled && (!self.readonly || (self.role == "combobox" && self.popup))
    }

    /// A read-only box that shows a value (the portal's copyable values), not a control to fill.
    pub fn shows_value(&self) -> bool {
        self.readonly && !self.operable()
    }
}

fn too_large(why: String) -> CoreError {
    CoreError::new(codes::TOO_LARGE, format!("This page snapshot is too large: {why}."))
}

/// A label/value pair from a read-only view (definition lists, `div` pairs, captions).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TextPair {
    pub section: String,
    pub label: String,
    pub value: String,
    pub region: u32,
}

/// One piece of visible text, in reading order, as a screen reader reads it: a text of its own
/// (an element's text, inline parts included), a heading, or a button's or a link's name.
/// `forms::reading` decides which runs are labels and which are their values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TextRun {
    pub text: String,
    /// What holds it: "" (plain text), "heading", "button", "link", "term", "definition".
    pub kind: String,
    /// Nearest heading, legend or named group.
    pub section: String,
    pub region: u32,
    /// Part of a control's label (its `<label>`, an `aria-labelledby` target, the caption that
    /// names it): the control holds that label's value.
    pub names_control: bool,
}

/// An element that holds two or more parts with text (runs or other groups): runs `first` to
/// `last`, indices into `Snapshot::runs`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Group {
    pub first: u32,
    pub last: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub region: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Heading {
    pub text: String,
    /// 1 to 6; 0 when the page gave none.
    pub level: u8,
    pub region: u32,
}

/// A landmark or a blade: the part of a frame a form lives in. Region 0 is the frame.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Region {
    /// Its accessible name, or its title heading.
    pub name: String,
    /// landmark role (region, dialog, complementary, search, main, form) or "blade".
    pub role: String,
    pub parent: Option<u32>,
}

/// What one frame shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Snapshot {
    pub url: String,
    /// The URL of the tab's top page, as Chrome gives it to the worker (the page cannot set
    /// it): where the portal shows the app's ids while its blades draw in frames.
    pub top_url: String,
    /// The page or blade title.
    pub title: String,
    pub headings: Vec<Heading>,
    pub fields: Vec<Field>,
    /// Label/value pairs: read from `runs` by `with_pairs`, or as a page report replayed gives them.
    pub texts: Vec<TextPair>,
    /// The visible text, in reading order, and the elements that hold two or more parts of it.
    pub runs: Vec<TextRun>,
    pub groups: Vec<Group>,
    pub tables: Vec<Table>,
    /// Status and alert messages (role=status / role=alert).
    pub notices: Vec<String>,
    /// Regions after the frame itself (index 0, implied when the list is empty).
    pub regions: Vec<Region>,
}

impl Snapshot {
    /// Within `SNAPSHOT_LIMITS`, or `too_large` naming the first list or string over them.
    pub fn within_limits(&self) -> Result<(), CoreError> {
        let l = SNAPSHOT_LIMITS;
        let lists = [
            ("runs", self.runs.len(), l.runs),
            ("groups", self.groups.len(), l.runs),
            ("fields", self.fields.len(), l.fields),
            ("texts", self.texts.len(), l.texts),
            ("tables", self.tables.len(), l.tables),
            ("headings", self.headings.len(), l.headings),
            ("notices", self.notices.len(), l.notices),
            ("regions", self.regions.len(), l.regions),
            ("table cells", self.tables.iter().flat_map(|t| &t.rows).map(Vec::len).sum(), l.cells),
        ];
        if let Some((what, n, max)) = lists.into_iter().find(|(_, n, max)| n > max) {
            return Err(too_large(format!("it has {n} {what}, and a page snapshot holds at most {max}")));
        }
        let strings = self.strings();
        if let Some(long) = strings.iter().find(|s| s.chars().count() > l.string) {
            let n = long.chars().count();
            return Err(too_large(format!("one of its texts has {n} characters, and at most {} are read", l.string)));
        }
        let total: usize = strings.iter().map(|s| s.chars().count()).sum();
        if total > l.total {
            return Err(too_large(format!("its texts hold {total} characters, and at most {} are read", l.total)));
        }
        Ok(())
    }

    /// Every string the snapshot holds.
    fn strings(&self) -> Vec<&str> {
        let mut out: Vec<&str> = vec![&self.url, &self.top_url, &self.title];
        out.extend(self.headings.iter().map(|h| h.text.as_str()));
        out.extend(
            self.fields.iter().flat_map(|f| [&f.key, &f.name, &f.section, &f.role, &f.value]).map(String::as_str),
        );
        out.extend(self.texts.iter().flat_map(|t| [&t.section, &t.label, &t.value]).map(String::as_str));
        out.extend(self.runs.iter().flat_map(|r| [&r.text, &r.kind, &r.section]).map(String::as_str));
        for t in &self.tables {
            out.push(&t.name);
            out.extend(t.headers.iter().chain(t.rows.iter().flatten()).map(String::as_str));
        }
        out.extend(self.notices.iter().map(String::as_str));
        out.extend(self.regions.iter().flat_map(|r| [&r.name, &r.role]).map(String::as_str));
        out
    }

    /// Every value the frame shows: read-only pairs' values, fields' values and text runs.
    pub(crate) fn shown_values(&self) -> impl Iterator<Item = &str> {
        let texts = self.texts.iter().map(|t| t.value.trim());
        let fields = self.fields.iter().map(|f| f.value.trim());
        texts.chain(fields).chain(self.runs.iter().map(|r| r.text.trim()))
    }

    /// The regions to recognise a form in, deepest first, each with the part of the snapshot
    /// inside it. Region 0 (the whole frame) comes last.
    pub(crate) fn scopes(&self) -> Vec<(u32, Snapshot)> {
        let count = u32::try_from(self.regions.len().max(1)).unwrap_or(u32::MAX);
        let mut ids: Vec<u32> = (0..count).collect();
        ids.sort_by_key(|r| std::cmp::Reverse(self.depth(*r)));
        ids.into_iter().map(|r| (r, self.within(r))).collect()
    }

    /// Steps from `r` up to the frame.
    fn depth(&self, r: u32) -> usize {
        self.chain(r).count().saturating_sub(1)
    }

    /// `r`, its parent, and so on up to the frame (0). A malformed parent chain (a cycle, an
    /// index out of range) ends after as many steps as there are regions.
    fn chain(&self, r: u32) -> impl Iterator<Item = u32> + '_ {
        let parent = move |at: u32| -> Option<u32> {
            if at == 0 {
                return None;
            }
            usize::try_from(at).ok().and_then(|i| self.regions.get(i)).map(|g| g.parent.unwrap_or(0)).or(Some(0))
        };
        std::iter::successors(Some(r), move |at| parent(*at)).take(self.regions.len() + 2)
    }

    /// Whether the frame shows an editable control, a table or read-only values outside the
    /// portal's own chrome (search, navigation, banner): something a setup page could be.
    pub(crate) fn looks_like_a_form(&self) -> bool {
        let chrome = |r: u32| {
            usize::try_from(r)
                .ok()
                .and_then(|i| self.regions.get(i))
                .is_some_and(|g| matches!(g.role.as_str(), "search" | "navigation" | "banner"))
        };
        self.fields.iter().any(|f| f.role != "button" && !f.readonly && !f.disabled && !chrome(f.region))
            || self.tables.iter().any(|t| !chrome(t.region))
            || self.texts.iter().any(|t| !chrome(t.region))
    }

    /// Whether region `inner` lies within `outer` (or is it).
    pub(crate) fn inside(&self, inner: u32, outer: u32) -> bool {
        self.chain(inner).any(|at| at == outer)
    }

    /// Regions that stand apart from the page around them: what is in them is never part of a
    /// form recognised in a region that encloses them.
    fn stands_apart(&self, r: u32) -> bool {
        usize::try_from(r).ok().and_then(|i| self.regions.get(i)).is_some_and(|g| {
            matches!(
                g.role.as_str(),
                "search" | "navigation" | "banner" | "complementary" | "dialog" | "alertdialog" | "blade"
            )
        })
    }

    /// Whether an item in region `g` belongs to a form recognised in region `r`: `g` lies in
    /// `r` with no region that stands apart between them.
    fn belongs(&self, g: u32, r: u32) -> bool {
        for at in self.chain(g) {
            if at == r {
                return true;
            }
            if self.stands_apart(at) {
                return false;
            }
        }
        false
    }

    /// The part of the snapshot that belongs to region `r`; its title is the region's name.
    fn within(&self, r: u32) -> Snapshot {
        let keep = |g: u32| self.belongs(g, r);
        let name = usize::try_from(r).ok().and_then(|i| self.regions.get(i)).map(|g| g.name.clone());
        Snapshot {
            url: self.url.clone(),
            top_url: self.top_url.clone(),
            title: if r == 0 { self.title.clone() } else { name.unwrap_or_default() },
            headings: self.headings.iter().filter(|h| keep(h.region)).cloned().collect(),
            fields: self.fields.iter().filter(|f| keep(f.region)).cloned().collect(),
            texts: self.texts.iter().filter(|t| keep(t.region)).cloned().collect(),
            // Already read into pairs; the runs stay for values recognised by their shape alone.
            runs: self.runs.iter().filter(|t| keep(t.region)).cloned().collect(),
            groups: Vec::new(),
            tables: self.tables.iter().filter(|t| keep(t.region)).cloned().collect(),
            // Toasts render at the end of the page, outside every blade: all of them count.
            notices: self.notices.clone(),
            regions: Vec::new(),
        }
    }
}
