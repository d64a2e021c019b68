//! The Azure portal's forms (edit blades to fill) and views (read-only blades that prove what
//! was saved), and the words they are recognised by.

mod edit;
mod views;

use std::sync::OnceLock;

use super::{norm, Plan, Snapshot};
use crate::entra::portal::{page_lang, wordings_in, Label, Lang};
use crate::setup::{Setup, SetupEvent};

/// The labels whose values the read-only views read (and the Sign on URL, which reads as the
/// Login URL in some languages, and the certificate's status: values stop at them).
pub(super) const VALUE_LABELS: [Label; 12] = [
    Label::Identifier,
    Label::ReplyUrl,
    Label::SignOnUrl,
    Label::SigningOption,
    Label::SigningAlgorithm,
    Label::Thumbprint,
    Label::Expiration,
    Label::MetadataUrl,
    Label::CertStatus,
    Label::LoginUrl,
    Label::EntraIdentifier,
    Label::NameIdClaim,
];

pub(super) fn plan(setup: &Setup, snap: &Snapshot) -> Option<Plan> {
    let mut plan = edit::plan(setup, snap).or_else(|| views::plan(setup, snap))?;
    // The language a recognised page showed: the checklist then names the portal's places in
    // it. A page that shows none of the portal's words says nothing, and the language stays.
    if let Some(lang) = page_lang_of(snap).filter(|l| *l != setup.portal.lang) {
        plan.events.push(SetupEvent::SetPortalLang(lang));
    }
    Some(plan)
}

/// The page's language, from the words its controls, values, tables and headings show.
fn page_lang_of(snap: &Snapshot) -> Option<Lang> {
    let fields = snap.fields.iter().map(|f| f.name.as_str());
    let texts = snap.texts.iter().map(|t| t.label.as_str());
    let headers = snap.tables.iter().flat_map(|t| t.headers.iter().map(String::as_str));
    let headings = snap.headings.iter().map(|h| h.text.as_str());
    let seen: Vec<String> = fields.chain(texts).chain(headers).chain(headings).map(norm).collect();
    page_lang(&seen, lang_words)
}

/// Each language's wordings, normalised once per worker run.
fn lang_words(lang: Lang) -> &'static [String] {
    static WORDS: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = WORDS.get_or_init(|| Lang::ALL.iter().map(|l| wordings_in(*l).map(norm).collect()).collect());
    Lang::ALL.iter().position(|l| *l == lang).and_then(|i| all.get(i)).map(Vec::as_slice).unwrap_or_default()
}

/// The language to choose options and name places in: the page's, else the one last seen.
fn lang_of(snap: &Snapshot, setup: &Setup) -> Lang {
    page_lang_of(snap).unwrap_or(setup.portal.lang)
}
