//! What a page report may carry: each case names a way the tenant could leak into one.
use super::keep::shape;
use super::*;
use crate::forms::{Field, Group, Heading, Region, Table, TextPair, TextRun};
use crate::setup::new_setup;

const GUID: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

fn run(text: &str, region: u32) -> TextRun {
    TextRun { text: text.into(), region, ..TextRun::default() }
}

fn report_of(snap: &Snapshot, app_name: &str) -> String {
    let mut setup = new_setup("s", 0);
    setup.app_name = app_name.into();
    setup.sp_input = "JB0123456789abcdef0123456789abcdef".into();
    let r = page_report(snap, &setup, "azure", "asked for by the admin", ReportVersions::default(), &[]);
    serde_json::to_string(&r).unwrap_or_default()
}

#[test]
fn values_become_shapes() {
    for (value, want) in [
        ("", "‹empty›"),
        ("https://iam.twilio.com/v2/saml2/metadata/JB0123456789abcdef0123456789abcdef", "‹url›"),
        (GUID, "‹guid›"),
        ("admin@contoso.test", "‹email›"),
        ("owlpress", "‹text:8›"),
        ("A3 35 33 A8 6D 69", "‹text:17›"),
    ] {
        assert_eq!(shape(value), want, "{value:?}");
    }
}

#[test]
fn known_wording_stays_and_everything_else_is_shaped() {
    let keep = Keeper::new(&["Contoso Frontline"], Console::Azure);
    for (name, text, want) in [
        ("a portal label", "Identifier (Entity ID)", "Identifier (Entity ID)"),
        (
            "a label in German",
            "Antwort-URL (Assertionsverbraucherdienst-URL)",
            "Antwort-URL (Assertionsverbraucherdienst-URL)",
        ),
        (
            "the app's name in a title, any case",
            "CONTOSO frontline | SAML-based Sign-on",
            "‹value› | SAML-based Sign-on",
        ),
        ("an unknown app's name in a title", "Fabrikam HR | SAML-based Sign-on", "‹text:11› | SAML-based Sign-on"),
        ("a heading that is not the portal's", "Set up Fabrikam HR", "‹text:18›"),
        ("a tenant domain in a notice", "Saved to contoso.onmicrosoft.com", "‹text:32›"),
        ("a user's name beside a row checkbox", "Select Alice Smith", "‹text:18›"),
        ("a SID too short for a shape rule", "JBabc123", "‹text:8›"),
        ("a label holding a known wording", "Do you want to enable this app role?", "‹text:14› enable this app role?"),
        ("a URL does not split at its colon (found by fuzzing)", "Saved hmtps://,ogin.x/y", "‹text:5› ‹url›"),
        ("a known wording inside a word is not one", "Xenable this app rolez", "‹text:22›"),
        (
            "the reason's own words and a label",
            "a fill did not stick: Login URL, Alice",
            "a fill did not stick: Login URL, ‹text:5›",
        ),
    ] {
        assert_eq!(keep.words(text), want, "{name}");
    }
}

#[test]
fn a_name_is_scrubbed_before_it_could_be_cut_in_half() {
    let long_name = format!("{}Contoso Frontline", "x".repeat(190));
    let keep = Keeper::new(&[long_name.as_str()], Console::Azure);
    let out = keep.words(&format!("{long_name} | SAML-based Sign-on"));
    assert_eq!(out, "‹value› | SAML-based Sign-on");
}

#[test]
fn roles_are_aria_names_only() {
    for (claimed, want) in [("textbox", "textbox"), ("blade", "blade"), ("Alice's inbox", "‹role›"), ("", "")] {
        assert_eq!(role(claimed), want, "{claimed:?}");
    }
}

#[test]
fn a_report_holds_no_value() {
    let snap = Snapshot {
        url: format!("https://sandbox-1.reactblade.portal.azure.net/saml.html?tenant={GUID}#x"),
        title: "FrontlineSSO Setup | SAML-based Sign-on".into(),
        headings: vec![Heading { text: "Set up FrontlineSSO Setup".into(), level: 2, region: 0 }],
        fields: vec![Field {
            key: "f0".into(),
            name: "Login URL".into(),
            role: "textbox".into(),
            value: format!("https://login.microsoftonline.com/{GUID}/saml2"),
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
    let json = report_of(&snap, "");
    for secret in [GUID, "admin@contoso", "login.microsoftonline.com", "FrontlineSSO Setup", "tenant="] {
        assert!(!json.contains(secret), "{secret} in {json}");
    }
    assert!(json.contains("\"name\":\"Login URL\""), "{json}");
    assert!(json.contains("\"value\":\"‹url›\""), "{json}");
}

#[test]
fn nothing_of_the_tenant_reaches_a_report_by_any_label() {
    // Each item is a place a page put its tenant's words in the review that found them.
    let snap = Snapshot {
        title: "contoso frontline | SAML-based Sign-on".into(),
        headings: vec![Heading { text: "Contoso Frontline".into(), level: 1, region: 2 }],
        notices: vec!["Saved to contoso.onmicrosoft.com".into()],
        regions: vec![
            Region::default(),
            Region { name: "alice@contoso.com · Contoso Ltd".into(), role: "banner".into(), parent: None },
            Region { name: "Contoso Ltd tenant".into(), role: "region".into(), parent: None },
            Region { name: "Contoso directory".into(), role: "navigation".into(), parent: None },
        ],
        fields: vec![
            Field { key: "f0".into(), name: "Select Alice Smith".into(), role: "checkbox".into(), ..Field::default() },
            Field { key: "<b>Alice</b>".into(), name: "x".into(), role: "Alice Smith".into(), ..Field::default() },
            Field {
                key: "f2".into(),
                name: "Contoso search".into(),
                role: "searchbox".into(),
                region: 3,
                ..Field::default()
            },
        ],
        runs: vec![run("Alice Smith", 0), run("Owner", 0), run("alice@contoso.com", 1), run("Contoso Ltd", 1)],
        groups: vec![Group { first: 0, last: 1 }, Group { first: 2, last: 3 }],
        tables: vec![Table {
            name: "Users of Contoso".into(),
            headers: vec!["Display name".into(), "Contoso cost centre".into()],
            rows: vec![vec!["Alice Smith".into(), "CC-42".into()]],
            region: 0,
        }],
        ..Snapshot::default()
    };
    let json = report_of(&snap, "");
    let lower = json.to_lowercase();
    for leak in ["contoso", "alice", "smith", "cc-42", "owner"] {
        assert!(!lower.contains(leak), "{leak} in {json}");
    }
    assert!(json.contains("Display name"), "a column the portal names stays: {json}");
    assert!(json.contains("SAML-based Sign-on"), "{json}");
}

#[test]
fn banner_and_navigation_regions_are_left_out_whole() {
    let snap = Snapshot {
        regions: vec![
            Region::default(),
            Region { name: "Top bar".into(), role: "banner".into(), parent: None },
            Region { name: "Account".into(), role: "region".into(), parent: Some(1) },
        ],
        runs: vec![
            run("Login URL", 0),
            run("alice@contoso.com", 2),
            run("Sign on URL", 0),
            run("Identifier (Entity ID)", 0),
        ],
        groups: vec![Group { first: 0, last: 2 }, Group { first: 1, last: 1 }, Group { first: 2, last: 3 }],
        fields: vec![Field { key: "f0".into(), name: "Name".into(), region: 2, ..Field::default() }],
        ..Snapshot::default()
    };
    let mut setup = new_setup("s", 0);
    setup.app_name = String::new();
    let r = page_report(&snap, &setup, "azure", "asked for by the admin", ReportVersions::default(), &[]);
    let runs: Vec<&str> = r.snapshot.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(runs, ["Login URL", "Sign on URL", "Identifier (Entity ID)"]);
    assert_eq!(r.snapshot.groups, [Group { first: 0, last: 1 }, Group { first: 1, last: 2 }]);
    assert!(r.snapshot.fields.is_empty());
    let names: Vec<&str> = r.snapshot.regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["", "", ""]);
}

#[test]
fn text_runs_keep_only_their_labels_words() {
    let snap = Snapshot {
        runs: vec![run("Realm SID", 0), run("JB0123456789abcdef0123456789abcdef", 0), run("Acme Corp support desk", 0)],
        groups: vec![Group { first: 0, last: 1 }],
        ..Snapshot::default()
    };
    let r = page_report(&snap, &new_setup("s", 0), "twilio", "asked", ReportVersions::default(), &[]);
    let runs: Vec<&str> = r.snapshot.runs.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(runs, ["Realm SID", "‹text:34›", "‹text:22›"]);
    let pairs: Vec<(&str, &str)> = r.snapshot.texts.iter().map(|t| (t.label.as_str(), t.value.as_str())).collect();
    assert_eq!(pairs, [("Realm SID", "‹text:34›")], "the pairs as the core read them, by shape");
}
