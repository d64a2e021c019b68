//! Which text on a page is a label and which is its value. The collector hands over the page's
//! visible text as runs in reading order, and the elements that hold two or more of them as
//! groups (run ranges); it guesses nothing. Here, with the console's label tables:
//! - a known label's value is the next run after it, together with what shares that run's
//!   part of the smallest group holding both (a value beside a copy button, a value split over
//!   spans), never a button, a heading, a control's own label or another known label;
//! - a label with no value before the next known label has an empty value ("missing");
//! - "Caption: value" in one run, `<dl>` terms and definitions, and any group of exactly two
//!   parts (a caption, then its value) are pairs too, known or not: the page report shows
//!   them by shape, and the SAML pane's claims are read from them.
//!
//! Wrappers cost nothing: a section's head (number, heading, Edit) and body, a card of several
//! rows, a row with a copy button all hold more than two parts or a heading, so none of them
//! becomes one pair; the rows inside them do.

use super::snapshot::{Group, Snapshot, TextRun};
use super::{norm, TextPair};

/// What holds a run, as the collector names it.
const HEADING: &str = "heading";
const BUTTON: &str = "button";
const TERM: &str = "term";
const DEFINITION: &str = "definition";
/// A caption longer than this is a sentence, not a label.
const MAX_CAPTION: usize = 80;

/// The pairs the runs show, in reading order of their labels. `known` are the console's value
/// labels, normalised (`norm`).
pub(crate) fn pairs_of(runs: &[TextRun], groups: &[Group], known: &[String]) -> Vec<TextPair> {
    let tree = Tree::new(runs.len(), groups);
    let known_run = runs.iter().map(|r| known.contains(&norm(&r.text))).collect();
    let reader = Reader { runs, tree: &tree, known, known_run };
    let mut used = vec![false; runs.len()];
    // Each pair at its label's run: read out in reading order, with no sort.
    let mut found: Vec<Option<TextPair>> = vec![None; runs.len()];
    let mut put = |i: usize, pair: TextPair| {
        if let Some(slot) = found.get_mut(i) {
            *slot = Some(pair);
        }
    };
    for i in 0..runs.len() {
        if used.get(i) != Some(&false) {
            continue;
        }
        if let Some((pair, value_runs)) = reader.known_pair(i) {
            mark(&mut used, i, &value_runs);
            put(i, pair);
        }
    }
    for (label, value_runs) in reader.term_pairs().into_iter().chain(reader.two_part_pairs()) {
        if used.get(label).copied().unwrap_or(true) || value_runs.iter().any(|v| used.get(*v) != Some(&false)) {
            continue;
        }
        mark(&mut used, label, &value_runs);
        put(label, reader.pair(label, runs.get(label).map(|r| r.text.as_str()).unwrap_or(""), &value_runs));
    }
    for (i, run) in runs.iter().enumerate() {
        if used.get(i) == Some(&false) && reader.plain(i) {
            if let Some((label, value)) = caption_and_value(&run.text) {
                put(i, TextPair { label, value, ..reader.pair(i, "", &[]) });
            }
        }
    }
    found.into_iter().flatten().collect()
}

fn mark(used: &mut [bool], label: usize, values: &[usize]) {
    for i in std::iter::once(label).chain(values.iter().copied()) {
        if let Some(u) = used.get_mut(i) {
            *u = true;
        }
    }
}

/// "Caption: value" in one run: a caption of up to 40 characters with no "/", then a colon and a
/// space, so a URL or a time is never cut.
fn caption_and_value(text: &str) -> Option<(String, String)> {
    let (caption, rest) = text.trim().split_once(':')?;
    let (caption, value) = (caption.trim(), rest.trim());
    let ok = rest.starts_with(char::is_whitespace)
        && !caption.is_empty()
        && caption.chars().count() <= 40
        && !caption.contains('/')
        && !value.is_empty();
    ok.then(|| (caption.to_string(), value.to_string()))
}

struct Reader<'a> {
    runs: &'a [TextRun],
    tree: &'a Tree,
    known: &'a [String],
    /// Whether each run is one of the known labels, normalised once.
    known_run: Vec<bool>,
}

impl Reader<'_> {
    fn run(&self, i: usize) -> Option<&TextRun> {
        self.runs.get(i)
    }

    fn kind_is(&self, i: usize, kind: &str) -> bool {
        self.run(i).is_some_and(|r| r.kind == kind)
    }

    /// Skipped between a label and its value: buttons (Edit, Copy to clipboard).
    fn skipped(&self, i: usize) -> bool {
        self.kind_is(i, BUTTON)
    }

    fn is_known(&self, i: usize) -> bool {
        self.known_run.get(i).copied().unwrap_or(false)
    }

    /// A run that can be a label: text of its own, not a heading, a button or a control's label.
    fn plain(&self, i: usize) -> bool {
        self.run(i).is_some_and(|r| !r.names_control && !matches!(r.kind.as_str(), HEADING | BUTTON | DEFINITION))
    }

    /// Where a value stops: a heading, a control's label, or another known label.
    fn boundary(&self, i: usize) -> bool {
        self.kind_is(i, HEADING) || self.run(i).is_some_and(|r| r.names_control) || self.is_known(i)
    }

    fn pair(&self, label: usize, label_text: &str, values: &[usize]) -> TextPair {
        let run = self.run(label);
        let value: Vec<&str> = values.iter().filter_map(|v| self.run(*v)).map(|r| r.text.trim()).collect();
        TextPair {
            section: run.map(|r| r.section.clone()).unwrap_or_default(),
            label: label_text.trim().to_string(),
            value: value.join(" "),
            region: run.map(|r| r.region).unwrap_or_default(),
        }
    }

    /// A known label's value: the next run that is not skipped, with the rest of its part of the
    /// smallest group holding both. A known label whose own run says "Label: value" or
    /// "Label value" holds its value itself.
    fn known_pair(&self, i: usize) -> Option<(TextPair, Vec<usize>)> {
        if !self.plain(i) {
            return None;
        }
        let run = self.run(i)?;
        if !self.is_known(i) {
            let (label, value) = self.known_prefix(&run.text)?;
            return Some((TextPair { label, value, ..self.pair(i, "", &[]) }, Vec::new()));
        }
        let next = (i + 1..self.runs.len()).find(|j| !self.skipped(*j));
        let values = match next {
            Some(j) if !self.boundary(j) && self.run(j).is_some_and(|r| r.region == run.region) => {
                let (first, last) = self.tree.part_holding(i, j);
                (j..=last.min(self.runs.len().saturating_sub(1)))
                    .take_while(|k| *k >= first && !self.boundary(*k))
                    .filter(|k| !self.skipped(*k))
                    .collect()
            }
            _ => Vec::new(),
        };
        Some((self.pair(i, &run.text, &values), values))
    }

    /// "Realm SID: JB…" or "Company name owlpress" in one run: the longest known label the run
    /// starts with, then a colon or a space, then the value.
    fn known_prefix(&self, text: &str) -> Option<(String, String)> {
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let (label, rest) = self
            .known
            .iter()
            .filter(|k| !k.is_empty() && lower.starts_with(k.as_str()))
            .max_by_key(|k| k.len())
            .and_then(|k| Some((t.get(..k.len())?, t.get(k.len()..)?)))?;
        let value = rest.strip_prefix([':', '：']).unwrap_or(rest);
        let separated = value.starts_with(char::is_whitespace) || value.len() < rest.len();
        let value = value.trim();
        (separated && !value.is_empty()).then(|| (label.to_string(), value.to_string()))
    }

    /// `<dl>` and role=term: a term, then the definitions after it.
    fn term_pairs(&self) -> Vec<(usize, Vec<usize>)> {
        let mut out = Vec::new();
        for i in 0..self.runs.len() {
            if !self.kind_is(i, TERM) {
                continue;
            }
            let values: Vec<usize> = (i + 1..self.runs.len()).take_while(|j| self.kind_is(*j, DEFINITION)).collect();
            out.push((i, values));
        }
        out
    }

    /// Groups of exactly two parts (buttons aside): a caption run, then a value with no heading
    /// or known label in it. Innermost first (pre-order, reversed): a row's pair takes its runs
    /// before the section around it could take the whole row as a value.
    fn two_part_pairs(&self) -> Vec<(usize, Vec<usize>)> {
        let mut out = Vec::new();
        for g in (0..self.tree.groups.len()).rev() {
            let parts: Vec<(usize, usize)> =
                self.tree.parts(g).into_iter().filter(|(a, b)| (*a..=*b).any(|k| !self.skipped(k))).collect();
            let [(a0, a1), (b0, b1)] = parts.as_slice() else { continue };
            let caption_ok = a0 == a1
                && self.plain(*a0)
                && self
                    .run(*a0)
                    .is_some_and(|r| r.text.trim().chars().count() <= MAX_CAPTION && !r.text.contains("://"));
            if !caption_ok || (*b0..=*b1).any(|k| self.boundary(k)) {
                continue;
            }
            let values: Vec<usize> = (*b0..=*b1).filter(|k| !self.skipped(*k)).collect();
            if !values.is_empty() {
                out.push((*a0, values));
            }
        }
        out
    }
}

/// The groups as a tree of run ranges. A group that crosses another's edge (a hostile or broken
/// snapshot) is dropped; runs outside every group belong to the whole page.
struct Tree {
    /// (first, last, parent) in pre-order: a parent before its children.
    groups: Vec<(usize, usize, Option<usize>)>,
    /// Each run's deepest group.
    deepest: Vec<Option<usize>>,
}

impl Tree {
    fn new(runs: usize, given: &[Group]) -> Tree {
        // The collector lists groups in pre-order (a parent before its children, siblings in
        // reading order), which is the order of (first, last descending). One out of that
        // order, or one that crosses its parent's end, is dropped: no sort, no trust.
        let mut groups: Vec<(usize, usize, Option<usize>)> = Vec::with_capacity(given.len());
        let mut open: Vec<usize> = Vec::new();
        let mut prev: Option<(usize, usize)> = None;
        for g in given {
            let (Ok(a), Ok(b)) = (usize::try_from(g.first), usize::try_from(g.last)) else { continue };
            let in_order = prev.is_none_or(|(pa, pb)| pa < a || (pa == a && pb > b));
            if a >= b || b >= runs || !in_order {
                continue;
            }
            while open.last().is_some_and(|p| groups.get(*p).is_some_and(|x| x.1 < a)) {
                open.pop();
            }
            let parent = open.last().copied();
            if parent.is_some_and(|p| groups.get(p).is_some_and(|x| x.1 < b)) {
                continue; // crosses its parent's end
            }
            prev = Some((a, b));
            open.push(groups.len());
            groups.push((a, b, parent));
        }
        // Each run's deepest group, in one sweep: groups open in pre-order and close after their last run.
        let mut deepest = vec![None; runs];
        let (mut next, mut open): (usize, Vec<usize>) = (0, Vec::new());
        for (r, d) in deepest.iter_mut().enumerate() {
            while open.last().is_some_and(|g| groups.get(*g).is_some_and(|x| x.1 < r)) {
                open.pop();
            }
            while groups.get(next).is_some_and(|x| x.0 == r) {
                open.push(next);
                next += 1;
            }
            *d = open.last().copied();
        }
        Tree { groups, deepest }
    }

    fn holds(&self, g: usize, i: usize) -> bool {
        self.groups.get(g).is_some_and(|(a, b, _)| *a <= i && i <= *b)
    }

    fn parent(&self, g: usize) -> Option<usize> {
        self.groups.get(g).and_then(|x| x.2)
    }

    /// The part of the smallest group holding runs `i` < `j` that holds `j`, as a run range: the
    /// child group holding `j`, or `j` alone.
    fn part_holding(&self, i: usize, j: usize) -> (usize, usize) {
        let mut at = self.deepest.get(j).copied().flatten();
        let mut part = (j, j);
        while let Some(g) = at {
            if self.holds(g, i) {
                return part;
            }
            part = self.groups.get(g).map(|(a, b, _)| (*a, *b)).unwrap_or(part);
            at = self.parent(g);
        }
        part
    }

    /// Group `g`'s parts, in order: each child group's range, and each run directly in it.
    fn parts(&self, g: usize) -> Vec<(usize, usize)> {
        let Some((a, b, _)) = self.groups.get(g).copied() else { return Vec::new() };
        let mut out = Vec::new();
        let mut k = a;
        while k <= b {
            // The largest group under `g` that starts at k, else the run itself.
            let mut part = (k, k);
            let mut at = self.deepest.get(k).copied().flatten();
            while let Some(c) = at.filter(|c| *c != g) {
                if let Some((ca, cb, _)) = self.groups.get(c) {
                    if *ca == k {
                        part = (*ca, *cb);
                    }
                }
                at = self.parent(c);
            }
            let part = (part.0, part.1.min(b));
            out.push(part);
            k = part.1 + 1;
        }
        out
    }
}

/// The snapshot with its label/value pairs read from its runs, with `known` (the console's
/// value labels, normalised). A snapshot without runs (a replayed page report) keeps its own.
pub(crate) fn with_pairs(snap: &Snapshot, known: &[String]) -> Snapshot {
    if snap.runs.is_empty() {
        return snap.clone();
    }
    Snapshot { texts: pairs_of(&snap.runs, &snap.groups, known), ..snap.clone() }
}

#[cfg(test)]
mod tests;
