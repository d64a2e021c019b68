//! The Azure portal's words in each language it is used in: every label, heading, option and
//! column the forms code looks for, one table per language. Recognition accepts a wording from
//! any language; what the extension types or names for the admin is in the page's language.
//! The collector strips dialect variants (a trailing colon, "*", "(Required)", balloon text):
//! these are the words only.

mod de;
mod en;
mod es;
mod fr;
mod ja;
mod pt_br;
mod vocabulary;

use serde::{Deserialize, Serialize};

/// The portal's languages the extension knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "de")]
    De,
    #[serde(rename = "fr")]
    Fr,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "ja")]
    Ja,
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::En, Lang::De, Lang::Fr, Lang::Es, Lang::Ja, Lang::PtBr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language of a code as `code` writes it; None for one the extension does not know.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code().eq_ignore_ascii_case(code))
    }

    fn table(self) -> Table {
        match self {
            Lang::En => en::TABLE,
            Lang::De => de::TABLE,
            Lang::Fr => fr::TABLE,
            Lang::Es => es::TABLE,
            Lang::Ja => ja::TABLE,
            Lang::PtBr => pt_br::TABLE,
        }
    }
}

/// Where a wording comes from: Microsoft's localized documentation (or the portal itself), or
/// inferred from the portal's own terms where no document shows it. An inferred wording that
/// a real page does not show is what a page report makes visible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Src {
    Docs,
    Inferred,
}

/// The labels, declared once: the enum, `Label::ALL` in this order, and each one's name as
/// `[Label]` templates write it.
macro_rules! labels {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// One thing the portal names.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Label {
            $($(#[$doc])* $name,)*
        }

        impl Label {
            pub const ALL: [Label; [$(stringify!($name)),*].len()] = [$(Label::$name),*];

            /// The label's name as messages write it: `[SamlCertificates]`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Label::$name => stringify!($name),)*
                }
            }
        }
    };
}

labels! {
    // Create your own application
    AppName,
    /// A part of the non-gallery radio's long label.
    NonGallery,
    // Select a single sign-on method; the SAML pane
    SsoMethod,
    SamlPane,
    // Basic SAML Configuration
    BasicSaml,
    Identifier,
    ReplyUrl,
    SignOnUrl,
    Default,
    AddIdentifier,
    AddReplyUrl,
    // SAML Certificates
    SamlCertificates,
    SigningOption,
    SigningAlgorithm,
    /// The option Frontline needs.
    SignResponseAndAssertion,
    /// What Entra puts in a new signing form.
    SignAssertion,
    /// A drop-down that shows one of these has nothing chosen yet.
    Placeholder,
    Thumbprint,
    Expiration,
    MetadataUrl,
    // The certificate list of the SAML Certificates edit blade
    NewCertificate,
    /// The row action that switches sign-ins to a certificate: the admin's click, never ours.
    MakeCertActive,
    CertStatus,
    CertActive,
    CertInactive,
    // Set up <app>
    LoginUrl,
    EntraIdentifier,
    /// A section with nothing saved yet shows one of these instead of a value.
    Unset,
    // Attributes & Claims
    ClaimsSection,
    ClaimName,
    Namespace,
    SourceAttribute,
    SourceIsAttribute,
    ClaimNameColumn,
    ValueColumn,
    // The required claim, Unique User Identifier (Name ID): its row, and its form's format
    NameIdClaim,
    NameIdFormat,
    /// The format Console needs.
    EmailAddressFormat,
    // App roles
    /// A part of the "Do you want to enable this app role?" checkbox's label.
    EnableAppRole,
    RoleDisplayName,
    RoleValue,
    RoleDescription,
    MemberTypesUsers,
    DisplayNameColumn,
    MemberTypesColumn,
    RoleState,
    Enabled,
    // Users and groups
    ObjectTypeColumn,
    RoleAssignedColumn,
}

impl Label {
    /// Every wording of this label, in every language, English first.
    pub fn wordings(self) -> impl Iterator<Item = &'static str> {
        Lang::ALL.into_iter().flat_map(move |lang| entry(lang, self).map(|e| e.1).unwrap_or_default().iter().copied())
    }

    /// The wording the admin reads in `lang`: the first one listed, or English's.
    pub fn in_lang(self, lang: Lang) -> &'static str {
        let first = |l| entry(l, self).and_then(|e| e.1.first().copied());
        first(lang).or_else(|| first(Lang::En)).unwrap_or_default()
    }
}

/// `text` with each `[Label]` (a label's name in brackets, such as `[SamlCertificates]`) put
/// in `lang`'s words. Messages name the portal's places this way, never by English literals.
pub fn with_labels(text: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let name = from.get(1..).and_then(|r| r.find(']').and_then(|end| r.get(..end))).unwrap_or_default();
        match Label::ALL.into_iter().find(|l| l.name() == name) {
            Some(label) => {
                out.push_str(label.in_lang(lang));
                rest = from.get(name.len() + 2..).unwrap_or_default();
            }
            None => {
                out.push('[');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// A label by its name ("MetadataUrl") in a language by its code ("de"), English when the
/// language is not known; None for a name that is not a label.
pub fn wording(name: &str, lang_code: &str) -> Option<&'static str> {
    let label = Label::ALL.into_iter().find(|l| l.name() == name)?;
    Some(label.in_lang(Lang::from_code(lang_code).unwrap_or_default()))
}

/// One language's table: each label with its wordings and where they come from.
pub type Table = &'static [(Label, &'static [&'static str], Src)];

fn entry(lang: Lang, label: Label) -> Option<&'static (Label, &'static [&'static str], Src)> {
    lang.table().iter().find(|e| e.0 == label)
}

/// Every wording `lang` lists, of every label.
pub fn wordings_in(lang: Lang) -> impl Iterator<Item = &'static str> {
    lang.table().iter().flat_map(|e| e.1.iter().copied())
}

/// The language of a page: the one whose wordings name the most of `texts`, English on a tie,
/// since English words recur in other languages; None when no text is one of the portal's
/// words (a page that says nothing about its language). `texts` and `words(lang)` (that
/// language's `wordings_in`) come normalised the same way: the caller keeps the words
/// normalised once, as pages are judged at every pass.
pub fn page_lang<'w>(texts: &[String], words: impl Fn(Lang) -> &'w [String]) -> Option<Lang> {
    let score = |lang: Lang| texts.iter().filter(|t| words(lang).contains(t)).count();
    let en = score(Lang::En);
    let best = Lang::ALL.into_iter().skip(1).map(|l| (score(l), l)).filter(|(s, _)| *s > en).max_by_key(|(s, _)| *s);
    match best {
        Some((_, lang)) => Some(lang),
        None => (en > 0).then_some(Lang::En),
    }
}

/// The controls that only add an empty row to the unsaved form: the only ones ever clicked.
pub const ROW_ADDERS: [Label; 2] = [Label::AddIdentifier, Label::AddReplyUrl];

/// Every portal word: each label's wordings in every language, and the vocabulary.
pub fn all_words() -> impl Iterator<Item = &'static str> {
    Lang::ALL.into_iter().flat_map(wordings_in).chain(vocabulary::VOCABULARY.iter().copied())
}

/// Whether `word` is one of the portal's own words in any language (a page report may keep it).
pub fn is_portal_word(word: &str) -> bool {
    vocabulary::VOCABULARY.contains(&word)
        || Lang::ALL.into_iter().any(|l| l.table().iter().any(|e| e.1.contains(&word)))
}

#[cfg(test)]
mod tests;
