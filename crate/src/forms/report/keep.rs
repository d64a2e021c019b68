//! What a page report may keep of a text: the portal's or Twilio's own wording, as it is;
//! anything else only as its shape (URL, GUID, e-mail, text of N characters). The setup's own
//! values are found case-insensitively and before any cut, so a half of one never survives.

use std::sync::OnceLock;

use crate::entra::is_guid;
use crate::entra::portal::{all_words, is_portal_word};
use crate::forms::{norm, value_labels, Console};
use crate::product::{self, Product};

/// Longest text kept, in characters, after shaping.
const MAX_TEXT: usize = 200;
/// Where a text splits into parts judged apart: "App | SAML-based Sign-on", "Reason: a, b".
const SEPARATORS: [char; 7] = ['|', '—', '–', '·', ',', ':', '：'];
/// The reasons the worker gives for a report: its own words.
pub(super) const REASONS: [&str; 3] =
    ["a fill did not stick", "no form recognised on a page with controls", "asked for by the admin"];
/// ARIA role names (and the portal's "blade"): any other role a page claims is shaped.
const ROLES: &[&str] = &[
    "alert",
    "alertdialog",
    "application",
    "article",
    "banner",
    "blade",
    "button",
    "cell",
    "checkbox",
    "columnheader",
    "combobox",
    "complementary",
    "contentinfo",
    "definition",
    "dialog",
    "document",
    "form",
    "grid",
    "gridcell",
    "group",
    "heading",
    "link",
    "list",
    "listbox",
    "listitem",
    "main",
    "menu",
    "menuitem",
    "menuitemcheckbox",
    "menuitemradio",
    "navigation",
    "option",
    "radio",
    "radiogroup",
    "region",
    "row",
    "rowheader",
    "search",
    "searchbox",
    "slider",
    "spinbutton",
    "status",
    "switch",
    "tab",
    "table",
    "tablist",
    "tabpanel",
    "term",
    "textbox",
    "toolbar",
    "tree",
    "treegrid",
    "treeitem",
];
/// A kept role's stand-in when the page claimed another.
const OTHER_ROLE: &str = "‹role›";
/// What a setup's own value becomes.
const VALUE: &str = "‹value›";

/// The setup's own values, lower-cased once, and the console whose labels a report keeps.
pub(super) struct Keeper {
    secrets: Vec<Vec<char>>,
    known: &'static [String],
}

impl Keeper {
    pub(super) fn new(secrets: &[&str], console: Console) -> Self {
        let secrets = secrets
            .iter()
            .map(|s| s.trim())
            .filter(|s| s.chars().count() >= 3)
            .map(|s| s.chars().map(lower).collect())
            .collect();
        Self { secrets, known: value_labels(console) }
    }

    /// A text that may say what a page is (a label, a title, a heading, a notice): each part
    /// kept when it is known wording, shaped when it is not; the setup's values as ‹value›.
    pub(super) fn words(&self, text: &str) -> String {
        let scrubbed = self.scrub(text);
        if self.is_known(scrubbed.trim()) {
            return cut(scrubbed.trim());
        }
        // URLs and addresses first, whole: their ':' and ',' are not where a text splits.
        let scrubbed: String = scrubbed
            .split_inclusive(char::is_whitespace)
            .map(|token| {
                let t = token.trim_end();
                let is_value = t.contains("://") || t.contains('@') || is_guid(t);
                if is_value {
                    format!("{}{}", shape(t), token.get(t.len()..).unwrap_or_default())
                } else {
                    token.into()
                }
            })
            .collect();
        let mut out = String::new();
        let mut part = String::new();
        for c in scrubbed.chars() {
            if SEPARATORS.contains(&c) {
                out.push_str(&self.part(&part));
                out.push(c);
                part.clear();
            } else {
                part.push(c);
            }
        }
        out.push_str(&self.part(&part));
        cut(out.trim())
    }

    /// A value: known wording kept, anything else its shape.
    pub(super) fn value(&self, text: &str) -> String {
        let v = text.trim();
        if v.is_empty() {
            return "‹empty›".into();
        }
        if self.secrets.iter().any(|s| same_chars(v, s)) {
            return VALUE.into();
        }
        if self.is_known(v) {
            return cut(v);
        }
        shape(v)
    }

    /// One part of a text: known wording kept as a whole, or else each known wording inside it
    /// ("Do you want to enable this app role?"), with the rest shaped. Punctuation stays.
    fn part(&self, part: &str) -> String {
        let t = part.trim();
        if t.is_empty() || t == VALUE || self.is_known(t) {
            return part.to_string();
        }
        let chars: Vec<char> = part.chars().collect();
        let folded: Vec<char> = chars.iter().copied().map(lower).collect();
        let (mut out, mut other) = (String::new(), String::new());
        let mut i = 0;
        while let Some(c) = chars.get(i) {
            let kept = shape_at(&chars, i).or_else(|| fragment_at(&folded, i));
            match kept {
                Some(n) => {
                    flush(&mut out, &mut other);
                    out.extend(chars.get(i..i + n).unwrap_or_default());
                    i += n;
                }
                None => {
                    other.push(*c);
                    i += 1;
                }
            }
        }
        flush(&mut out, &mut other);
        out
    }

    /// The portal's or Twilio's own wording, in any language the tables list.
    fn is_known(&self, t: &str) -> bool {
        is_portal_word(t)
            || product::words().any(|w| w == t)
            || Product::ALL.iter().any(|p| p.facts().signing_algorithm == t)
            || REASONS.contains(&t)
            || self.known.contains(&norm(t))
    }

    /// `text` with every setup value, in any case, as ‹value›.
    fn scrub(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let folded: Vec<char> = chars.iter().copied().map(lower).collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while let Some(c) = chars.get(i) {
            let hit = self.secrets.iter().find(|s| folded.get(i..i + s.len()).is_some_and(|w| w == s.as_slice()));
            match hit {
                Some(s) => {
                    out.push_str(VALUE);
                    i += s.len();
                }
                None => {
                    out.push(*c);
                    i += 1;
                }
            }
        }
        out
    }
}

/// A role as ARIA names it, or a stand-in.
pub(super) fn role(r: &str) -> String {
    if r.is_empty() || ROLES.contains(&r) {
        r.to_string()
    } else {
        OTHER_ROLE.into()
    }
}

/// One character for one: indices into a text and its lower case stay aligned. ASCII folding
/// only (Unicode's tables would add 12 KB to the first module): a value missed for its case is
/// still not kept, since only known wording is, and becomes a shape rather than ‹value›.
fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

fn same_chars(v: &str, secret: &[char]) -> bool {
    v.chars().count() == secret.len() && v.chars().map(lower).eq(secret.iter().copied())
}

/// Text between kept pieces: as it is when it holds no letter and at most two digits (a step's
/// number, "1."), else its shape.
fn flush(out: &mut String, other: &mut String) {
    // Any character beyond ASCII counts as a letter: Unicode's tables cost the first module kilobytes.
    let letters = other.chars().any(|c| c.is_ascii_alphabetic() || !c.is_ascii());
    if letters || other.chars().filter(char::is_ascii_digit).count() > 2 {
        out.push_str(&pad(other, shape(other.trim())));
    } else {
        out.push_str(other);
    }
    other.clear();
}

/// The length of a shape already made (‹value›, ‹url›, ‹text:12›) at `i`: it stays as it is.
fn shape_at(chars: &[char], i: usize) -> Option<usize> {
    if chars.get(i) != Some(&'‹') {
        return None;
    }
    let inner = chars.get(i + 1..)?.iter().take(12).position(|c| !(c.is_ascii_alphanumeric() || *c == ':'))?;
    (chars.get(i + 1 + inner) == Some(&'›') && inner > 0).then_some(inner + 2)
}

/// The length of the longest known wording at `i` of `folded`, starting and ending at a word's
/// edge where the text around it is ASCII (Japanese has no spaces between words).
fn fragment_at(folded: &[char], i: usize) -> Option<usize> {
    let edge = |c: Option<&char>| c.is_none_or(|c| !c.is_ascii_alphanumeric());
    if i > 0 && !edge(folded.get(i - 1)) {
        return None;
    }
    let first = *folded.get(i)?;
    let words = fragments();
    let from = words.partition_point(|w| w.first().is_some_and(|c| *c < first));
    words
        .get(from..)?
        .iter()
        .take_while(|w| w.first() == Some(&first))
        .find(|w| folded.get(i..i + w.len()) == Some(w.as_slice()) && edge(folded.get(i + w.len())))
        .map(Vec::len)
}

/// Every known wording of three characters or more, folded: by first character, longest first
/// (a sorted list, searched by its first character: a map would cost the first module kilobytes).
fn fragments() -> &'static [Vec<char>] {
    static WORDS: OnceLock<Vec<Vec<char>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let algorithms = Product::ALL.map(|p| p.facts().signing_algorithm);
        let words = all_words().chain(product::words()).chain(algorithms).chain(REASONS);
        let labels =
            [Console::Azure, Console::Twilio].into_iter().flat_map(|c| value_labels(c).iter().map(String::as_str));
        let mut all: Vec<Vec<char>> =
            words.chain(labels).filter(|w| w.chars().count() >= 3).map(|w| w.chars().map(lower).collect()).collect();
        all.sort_unstable_by(|a, b| a.first().cmp(&b.first()).then(b.len().cmp(&a.len())).then(a.cmp(b)));
        all.dedup();
        all
    })
}

/// `s`'s shape with the spaces `s` had around it.
fn pad(s: &str, shape: String) -> String {
    let lead = if s.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if s.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{lead}{shape}{trail}")
}

fn cut(s: &str) -> String {
    if s.chars().count() > MAX_TEXT {
        format!("{}…", s.chars().take(MAX_TEXT).collect::<String>())
    } else {
        s.to_string()
    }
}

/// A text's shape: what kind of value it is and its length, never its words.
pub(super) fn shape(v: &str) -> String {
    let t = v.trim_matches(|c: char| matches!(c, '"' | '\'' | '(' | ')' | ',' | ';' | '[' | ']'));
    if t.is_empty() {
        return "‹empty›".into();
    }
    if t.contains("://") && !t.contains(char::is_whitespace) {
        return "‹url›".into();
    }
    if !t.contains(char::is_whitespace) && t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.')) {
        return "‹email›".into();
    }
    if is_guid(t) {
        return "‹guid›".into();
    }
    format!("‹text:{}›", v.chars().count())
}
