//! The page report: what a page showed, for a bug report, with nothing of the tenant in it.
//! It is the collected snapshot with every value replaced by its shape (empty, URL, GUID,
//! e-mail, text of N characters); labels, roles, sections, regions and table headers stay,
//! scrubbed of anything that looks like a value. The portal's and Frontline's own words
//! (a signing option, a source attribute) stay as they are: they say what a control showed
//! without saying anything about the tenant. `frontline-sso page` replays a report.

use serde::{Deserialize, Serialize};

use super::snapshot::Snapshot;
use super::{norm, value_labels, Console};
use crate::entra::is_guid;
use crate::entra::portal::is_portal_word;
use crate::product::{self, Product};
use crate::setup::Setup;

/// The format of this report; a replay refuses others.
pub const REPORT_FORMAT: u32 = 1;
/// Longest label kept, in characters.
const MAX_LABEL: usize = 200;

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

/// The report of one snapshot. `setup` names values to hide wherever they appear (the app's
/// name in a blade title, the Realm SID in a heading).
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
        setup.realm_sid_input.as_str(),
        setup.workspace_id.as_str(),
        setup.app_name.as_str(),
        setup.login_url.as_str(),
        setup.entra_identifier.as_str(),
    ]
    .into_iter()
    .chain(defaults)
    .map(str::trim)
    .filter(|s| s.chars().count() >= 3)
    .collect();
    let label = |t: &str| scrub(t, &secrets);
    let value = |t: &str| shape(t);
    // The pairs as the core reads them; each run then keeps its words only if it is a label.
    let known = value_labels(if console == "twilio" { Console::Twilio } else { Console::Azure });
    let mut s = snap.with_pairs(known);
    for r in &mut s.runs {
        let words = known.contains(&norm(&r.text)) || is_portal_word(r.text.trim());
        r.text = if words { label(&r.text) } else { value(&r.text) };
        r.section = label(&r.section);
    }
    s.url = host_of(&snap.url).unwrap_or_default();
    s.top_url = host_of(&snap.top_url).unwrap_or_default();
    s.title = label(&s.title);
    for h in &mut s.headings {
        h.text = label(&h.text);
    }
    for f in &mut s.fields {
        f.name = label(&f.name);
        f.section = label(&f.section);
        f.value = value(&f.value);
    }
    for t in &mut s.texts {
        t.section = label(&t.section);
        t.label = label(&t.label);
        t.value = value(&t.value);
    }
    for t in &mut s.tables {
        t.name = label(&t.name);
        for h in &mut t.headers {
            *h = label(h);
        }
        for row in &mut t.rows {
            for c in row.iter_mut() {
                *c = value(c);
            }
        }
    }
    for n in &mut s.notices {
        *n = label(n);
    }
    for r in &mut s.regions {
        r.name = label(&r.name);
    }
    PageReport {
        format: REPORT_FORMAT,
        console: console.into(),
        reason: label(reason),
        host: host_of(&snap.url).unwrap_or_default(),
        versions,
        forms: forms.iter().map(|f| f.to_string()).collect(),
        snapshot: s,
    }
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let ok = !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    ok.then(|| host.to_ascii_lowercase())
}

/// A value's shape; the portal's and the products' own words stay as they are.
fn shape(v: &str) -> String {
    let v = v.trim();
    if v.is_empty() {
        return "‹empty›".into();
    }
    let is_algorithm = Product::ALL.iter().any(|p| p.facts().signing_algorithm == v);
    if is_portal_word(v) || product::words().any(|w| w == v) || is_algorithm {
        return v.into();
    }
    token_shape(v).unwrap_or_else(|| format!("‹text:{}›", v.chars().count()))
}

/// The shape of a token that is a value by its look, or None for an ordinary word.
fn token_shape(t: &str) -> Option<String> {
    let t = t.trim_matches(|c: char| matches!(c, '"' | '\'' | '(' | ')' | ',' | ';' | '[' | ']'));
    if t.contains("://") {
        return Some("‹url›".into());
    }
    if t.contains('@') && t.rsplit('@').next().is_some_and(|d| d.contains('.')) {
        return Some("‹email›".into());
    }
    if is_guid(t) {
        return Some("‹guid›".into());
    }
    if contains_guid(t) {
        return Some(format!("‹text:{}›", t.chars().count()));
    }
    // SIDs, thumbprints, keys: long runs of letters and digits with digits among them.
    let alnum = t.chars().filter(char::is_ascii_alphanumeric).count();
    if alnum >= 16 && t.chars().filter(char::is_ascii_digit).count() >= 4 {
        return Some(format!("‹text:{}›", t.chars().count()));
    }
    None
}

fn contains_guid(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len().saturating_sub(35)).any(|i| t.get(i..i + 36).is_some_and(is_guid))
}

/// A label kept as words, with the setup's own values and anything value-like replaced.
fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut t: String = text.chars().take(MAX_LABEL * 2).collect();
    for s in secrets {
        if t.contains(s) {
            t = t.replace(s, "‹value›");
        }
    }
    let words: Vec<String> = t.split_whitespace().map(|w| token_shape(w).unwrap_or_else(|| w.to_string())).collect();
    let out = words.join(" ");
    if out.chars().count() > MAX_LABEL {
        format!("{}…", out.chars().take(MAX_LABEL).collect::<String>())
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{Field, Heading, TextPair};
    use crate::setup::new_setup;

    #[test]
    fn values_become_shapes() {
        for (value, want) in [
            ("", "‹empty›"),
            ("   ", "‹empty›"),
            ("https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef", "‹url›"),
            ("a9054a0f-2011-4e31-b3ac-fd8c354146ec", "‹guid›"),
            ("admin@contoso.test", "‹email›"),
            ("owlpress", "‹text:8›"),
            ("JB0123456789abcdef0123456789abcdef", "‹text:34›"),
            ("A3 35 33 A8 6D 69", "‹text:17›"),
            ("Sign SAML assertion", "Sign SAML assertion"),
            ("user.assignedroles", "user.assignedroles"),
            ("agent", "agent"),
        ] {
            assert_eq!(shape(value), want, "{value:?}");
        }
    }

    #[test]
    fn labels_keep_words_and_lose_values() {
        let mut setup = new_setup("s", 0);
        setup.app_name = "Contoso Frontline".into();
        for (label, want) in [
            ("Identifier (Entity ID)", "Identifier (Entity ID)"),
            ("Contoso Frontline | SAML-based Sign-on", "‹value› | SAML-based Sign-on"),
            ("Set up FrontlineSSO Setup", "Set up ‹value›"),
            ("Mail admin@contoso.test now", "Mail ‹email› now"),
            ("objectId/a9054a0f-2011-4e31-b3ac-fd8c354146ec/appId", "‹text:51›"),
        ] {
            let secrets = [setup.app_name.as_str(), Product::Frontline.facts().default_app_name];
            assert_eq!(scrub(label, &secrets), want, "{label:?}");
        }
    }

    #[test]
    fn a_report_holds_no_value() {
        let t = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";
        let snap = Snapshot {
            url: format!("https://sandbox-1.reactblade.portal.azure.net/saml.html?tenant={t}#x"),
            title: "FrontlineSSO Setup | SAML-based Sign-on".into(),
            headings: vec![Heading { text: "Set up FrontlineSSO Setup".into(), level: 2, region: 0 }],
            fields: vec![Field {
                key: "f0".into(),
                name: "Login URL".into(),
                role: "textbox".into(),
                value: format!("https://login.microsoftonline.com/{t}/saml2"),
                readonly: true,
                ..Field::default()
            }],
            texts: vec![TextPair {
                label: "Notification Email".into(),
                value: "admin@contoso.test".into(),
                ..TextPair::default()
            }],
            ..Snapshot::default()
        };
        let r = page_report(&snap, &new_setup("s", 0), "azure", "no form recognised", ReportVersions::default(), &[]);
        let json = serde_json::to_string(&r).unwrap_or_default();
        for secret in [t, "admin@contoso", "login.microsoftonline.com", "FrontlineSSO Setup", "tenant="] {
            assert!(!json.contains(secret), "{secret} in {json}");
        }
        assert_eq!(r.host, "sandbox-1.reactblade.portal.azure.net");
        assert_eq!(r.snapshot.fields[0].name, "Login URL");
        assert_eq!(r.snapshot.fields[0].value, "‹url›");
    }

    #[test]
    fn text_runs_keep_only_their_labels_words() {
        use crate::forms::{Group, TextRun};
        let run = |text: &str| TextRun { text: text.into(), ..TextRun::default() };
        let snap = Snapshot {
            runs: vec![run("Realm SID"), run("JB0123456789abcdef0123456789abcdef"), run("Acme Corp support desk")],
            groups: vec![Group { first: 0, last: 1 }],
            ..Snapshot::default()
        };
        let r = page_report(&snap, &new_setup("s", 0), "twilio", "asked", ReportVersions::default(), &[]);
        let runs: Vec<&str> = r.snapshot.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(runs, ["Realm SID", "‹text:34›", "‹text:22›"]);
        let pairs: Vec<(&str, &str)> = r.snapshot.texts.iter().map(|t| (t.label.as_str(), t.value.as_str())).collect();
        assert_eq!(pairs, [("Realm SID", "‹text:34›")], "the pairs as the core read them, by shape");
    }
}
