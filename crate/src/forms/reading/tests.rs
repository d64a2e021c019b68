//! Runs → pairs, as the collector would hand them over: pages drawn as trees of text, each
//! named for the shape of page it stands for.

use super::pairs_of;
use crate::forms::snapshot::{Group, TextRun};
use crate::forms::{value_labels, Console};

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const ID: &str = "https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef";
const ACS: &str = "https://iam.twilio.com/v2/saml2/authenticate/JB0123456789abcdef0123456789abcdef";
const LOGIN: &str = "https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/saml2";

/// A page as a tree: text of one kind, or an element holding several parts.
enum N {
    Run(&'static str, &'static str, bool),
    El(Vec<N>),
}

fn t(text: &'static str) -> N {
    N::Run(text, "", false)
}
fn h(text: &'static str) -> N {
    N::Run(text, "heading", false)
}
fn b(text: &'static str) -> N {
    N::Run(text, "button", false)
}
fn term(text: &'static str) -> N {
    N::Run(text, "term", false)
}
fn def(text: &'static str) -> N {
    N::Run(text, "definition", false)
}
/// A control's `<label>`: the control holds its value.
fn names(text: &'static str) -> N {
    N::Run(text, "", true)
}
fn el(parts: Vec<N>) -> N {
    N::El(parts)
}

/// Runs and groups as the collector makes them: a group for each element of two or more parts,
/// in pre-order; a heading run sets the section of the runs after it.
fn flatten(page: &N) -> (Vec<TextRun>, Vec<Group>) {
    fn walk(n: &N, runs: &mut Vec<TextRun>, groups: &mut Vec<Option<Group>>, section: &mut String) {
        match n {
            N::Run(text, kind, named) => {
                if *kind == "heading" {
                    *section = text.to_string();
                }
                let section = if *kind == "heading" { String::new() } else { section.clone() };
                runs.push(TextRun {
                    text: text.to_string(),
                    kind: kind.to_string(),
                    section,
                    region: 0,
                    names_control: *named,
                });
            }
            N::El(parts) => {
                let (first, at) = (runs.len(), groups.len());
                groups.push(None);
                for p in parts {
                    walk(p, runs, groups, section);
                }
                if parts.len() >= 2 && runs.len() > first + 1 {
                    let (first, last) = (first as u32, runs.len() as u32 - 1);
                    groups[at] = Some(Group { first, last });
                }
            }
        }
    }
    let (mut runs, mut groups) = (Vec::new(), Vec::new());
    walk(page, &mut runs, &mut groups, &mut String::new());
    (runs, groups.into_iter().flatten().collect())
}

fn read(console: Console, page: &N) -> Vec<(String, String, String)> {
    let (runs, groups) = flatten(page);
    pairs_of(&runs, &groups, value_labels(console)).into_iter().map(|p| (p.section, p.label, p.value)).collect()
}

fn pairs(want: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    want.iter().map(|(s, l, v)| (s.to_string(), l.to_string(), v.to_string())).collect()
}

/// A named case: the console whose labels are known, the page, and the (section, label, value)
/// pairs read from it.
type Case = (&'static str, Console, N, Vec<(&'static str, &'static str, &'static str)>);

fn row(caption: &'static str, value: &'static str) -> N {
    el(vec![t(caption), t(value)])
}

#[test]
#[allow(clippy::too_many_lines)] // one table of named cases
fn values_are_found_by_their_labels_whatever_wraps_them() {
    let basic = "1. Basic SAML Configuration";
    let cases: Vec<Case> = vec![
        (
            "essentials: a caption beside a value, row by row",
            Console::Azure,
            el(vec![
                h(basic),
                row("Identifier (Entity ID)", ID),
                row("Reply URL (Assertion Consumer Service URL)", ACS),
            ]),
            vec![(basic, "Identifier (Entity ID)", ID), (basic, "Reply URL (Assertion Consumer Service URL)", ACS)],
        ),
        (
            "a section whose head (number, heading, Edit) and body (the pairs) are wrapped apart",
            Console::Azure,
            el(vec![
                el(vec![t("1"), h("Basic SAML Configuration"), b("Edit")]),
                el(vec![
                    row("Identifier (Entity ID)", ID),
                    row("Reply URL (Assertion Consumer Service URL)", ACS),
                    row("Sign on URL", "Optional"),
                    row("Relay State (Optional)", "Optional"),
                ]),
            ]),
            vec![
                ("Basic SAML Configuration", "Identifier (Entity ID)", ID),
                ("Basic SAML Configuration", "Reply URL (Assertion Consumer Service URL)", ACS),
                ("Basic SAML Configuration", "Sign on URL", "Optional"),
                ("Basic SAML Configuration", "Relay State (Optional)", "Optional"),
            ],
        ),
        (
            "a head without a heading: its title and Edit are no pair, nor is the section",
            Console::Azure,
            el(vec![
                el(vec![t("Attributes & Claims"), b("Edit")]),
                el(vec![row("email", "user.mail"), row("roles", "user.assignedroles")]),
            ]),
            vec![("", "email", "user.mail"), ("", "roles", "user.assignedroles")],
        ),
        (
            "a section title as plain text above a body of unknown labels stays out of the pairs",
            Console::Azure,
            el(vec![t("Attributes & Claims"), el(vec![row("email", "user.mail"), row("roles", "user.assignedroles")])]),
            vec![("", "email", "user.mail"), ("", "roles", "user.assignedroles")],
        ),
        (
            "a card of two caption/value rows, the SID with a copy button",
            Console::Twilio,
            el(vec![h("Workspace"), row("Company name", "owlpress"), el(vec![t("Realm SID"), t(SID), b("Copy")])]),
            vec![("Workspace", "Company name", "owlpress"), ("Workspace", "Realm SID", SID)],
        ),
        (
            "a card of rows with no row wrappers: a flat two-column grid",
            Console::Twilio,
            el(vec![t("Company name"), t("owlpress"), t("Realm SID"), t(SID), b("Copy")]),
            vec![("", "Company name", "owlpress"), ("", "Realm SID", SID)],
        ),
        (
            "a value followed by \"Copy to clipboard\" in its own cell",
            Console::Azure,
            el(vec![t("App Federation Metadata Url"), el(vec![t(LOGIN), b("Copy to clipboard")])]),
            vec![("", "App Federation Metadata Url", LOGIN)],
        ),
        (
            "label and value in sibling columns, the value wrapped with its copy button",
            Console::Azure,
            el(vec![
                el(vec![t("Login URL"), el(vec![t(LOGIN), b("Copy to clipboard")])]),
                el(vec![t("Microsoft Entra Identifier"), el(vec![t("https://sts.windows.net/x/"), b("Copy")])]),
            ]),
            vec![("", "Login URL", LOGIN), ("", "Microsoft Entra Identifier", "https://sts.windows.net/x/")],
        ),
        (
            "a value split over several spans is one value",
            Console::Azure,
            el(vec![t("Thumbprint"), el(vec![t("A3B3"), t("C3D3")])]),
            vec![("", "Thumbprint", "A3B3 C3D3")],
        ),
        (
            "a value never runs into the next known label",
            Console::Azure,
            el(vec![t("Thumbprint"), el(vec![t("A3B3"), t("Expiration"), t("2029-01-01")])]),
            vec![("", "Thumbprint", "A3B3"), ("", "Expiration", "2029-01-01")],
        ),
        (
            "a missing value: \"Required\" where nothing is saved",
            Console::Azure,
            el(vec![row("Identifier (Entity ID)", "Required"), row("Reply URL", "Required")]),
            vec![("", "Identifier (Entity ID)", "Required"), ("", "Reply URL", "Required")],
        ),
        (
            "a missing value: nothing before the next known label, or nothing at all",
            Console::Azure,
            el(vec![t("Identifier (Entity ID)"), t("Reply URL"), t(ACS), t("Thumbprint")]),
            vec![("", "Identifier (Entity ID)", ""), ("", "Reply URL", ACS), ("", "Thumbprint", "")],
        ),
        (
            "a control's own label is not a pair: the control holds the value",
            Console::Azure,
            el(vec![el(vec![names("Login URL"), b("Copy to clipboard")]), el(vec![t("Logout URL"), t(LOGIN)])]),
            vec![("", "Logout URL", LOGIN)],
        ),
        (
            "\"Caption: value\" in one run, known or not",
            Console::Twilio,
            el(vec![t(concat!("Realm SID: ", "JB0123456789abcdef0123456789abcdef")), t("Plan: Enterprise")]),
            vec![("", "Realm SID", SID), ("", "Plan", "Enterprise")],
        ),
        (
            "a known caption and its value in one run, without a colon",
            Console::Twilio,
            el(vec![t("Company name owlpress"), t("Workspace ID")]),
            vec![("", "Company name", "owlpress"), ("", "Workspace ID", "")],
        ),
        (
            "a URL or a time is never cut at its colon",
            Console::Azure,
            el(vec![t(LOGIN), t("Last refreshed 12:03:04")]),
            vec![],
        ),
        (
            "a description list: each term with its definitions",
            Console::Twilio,
            el(vec![
                term("Realm SID"),
                def(SID),
                term("Company"),
                def("owlpress"),
                term("Notes"),
                def("one"),
                def("two"),
            ]),
            vec![("", "Realm SID", SID), ("", "Company", "owlpress"), ("", "Notes", "one two")],
        ),
        (
            "a heading is never a value",
            Console::Azure,
            el(vec![t("Signing Option"), h("3. SAML Certificates"), row("Signing Algorithm", "SHA-256")]),
            vec![("", "Signing Option", ""), ("3. SAML Certificates", "Signing Algorithm", "SHA-256")],
        ),
    ];
    for (name, console, page, want) in cases {
        assert_eq!(read(console, &page), pairs(&want), "{name}");
    }
}

#[test]
fn a_label_in_two_sections_is_read_in_each_with_its_section() {
    // In German the Sign on URL (Basic SAML Configuration) and the Login URL (Set up …) both
    // read "Anmelde-URL": each pair keeps its own section, and the views tell them apart.
    let page = el(vec![
        el(vec![
            el(vec![t("1"), h("Grundlegende SAML-Konfiguration"), b("Bearbeiten")]),
            row("Anmelde-URL", "Optional"),
        ]),
        el(vec![
            el(vec![t("4"), h("FrontlineSSO einrichten")]),
            el(vec![t("Anmelde-URL"), el(vec![t(LOGIN), b("Kopieren")])]),
        ]),
    ]);
    let want = [
        ("Grundlegende SAML-Konfiguration", "Anmelde-URL", "Optional"),
        ("FrontlineSSO einrichten", "Anmelde-URL", LOGIN),
    ];
    assert_eq!(read(Console::Azure, &page), pairs(&want));
}

#[test]
fn broken_groups_are_dropped_not_trusted() {
    let (runs, _) = flatten(&el(vec![t("Realm SID"), t(SID), t("Company name"), t("owlpress")]));
    for (name, groups) in [
        ("a group past the last run", vec![Group { first: 0, last: 99 }]),
        ("groups that cross", vec![Group { first: 0, last: 2 }, Group { first: 1, last: 3 }]),
        ("a group backwards", vec![Group { first: 3, last: 0 }]),
        ("a child before its parent", vec![Group { first: 0, last: 1 }, Group { first: 0, last: 3 }]),
    ] {
        let got: Vec<(String, String)> =
            pairs_of(&runs, &groups, value_labels(Console::Twilio)).into_iter().map(|p| (p.label, p.value)).collect();
        let want = [("Realm SID", SID), ("Company name", "owlpress")].map(|(l, v)| (l.to_string(), v.to_string()));
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn a_wrapped_german_pane_is_read_through_observe_page() {
    use crate::common::ids::Step;
    use crate::forms::{observe_page, FillMode, Snapshot};
    use crate::setup::checklist::Status;
    use crate::setup::{apply_event, new_setup, SetupEvent};

    let copy = || b("In die Zwischenablage kopieren");
    let value = |v: &'static str| el(vec![t(v), copy()]);
    let page = el(vec![
        h("Einmaliges Anmelden (SSO) mit SAML einrichten"),
        el(vec![
            el(vec![t("1"), h("Grundlegende SAML-Konfiguration"), b("Bearbeiten")]),
            el(vec![
                el(vec![t("Bezeichner (Entitäts-ID)"), value(ID)]),
                el(vec![t("Antwort-URL (Assertionsverbraucherdienst-URL)"), value(ACS)]),
                el(vec![t("Anmelde-URL"), value("Optional")]),
            ]),
        ]),
        el(vec![
            el(vec![t("4"), h("FrontlineSSO Setup einrichten"), b("Bearbeiten")]),
            el(vec![
                el(vec![t("Anmelde-URL"), value(LOGIN)]),
                el(vec![t("Microsoft Entra-Bezeichner"), value("https://sts.windows.net/x/")]),
            ]),
        ]),
    ]);
    let (runs, groups) = flatten(&page);
    // The collector lists the headings apart too.
    let headings = runs
        .iter()
        .filter(|r| r.kind == "heading")
        .map(|r| crate::forms::Heading { text: r.text.clone(), level: 3, region: 0 })
        .collect();
    let title = "FrontlineSSO Setup | SAML-basiertes Anmelden".into();
    let snap = Snapshot { title, headings, runs, groups, ..Snapshot::default() };
    let setup = apply_event(new_setup("s", 0), &SetupEvent::SetRealmSid { value: SID.into() }, 0).unwrap();
    let r = observe_page(setup, &snap, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.setup.checklist.step(Step::BasicSaml).unwrap().status(), Status::Done);
    assert_eq!(r.setup.login_url, LOGIN, "the Login URL of section 4, not the Sign on URL of section 1");
    assert_eq!(r.setup.entra_identifier, "https://sts.windows.net/x/");
}
