//! Recognition and plans, from descriptor fixtures shaped like the content script's.

use serde_json::json;

use super::*;
use crate::entra::portal::Lang;
use crate::setup::{apply_event, new_setup, SetupEvent};

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

fn setup() -> Setup {
    apply_event(new_setup("s", 0), &SetupEvent::SetRealmSid { value: SID.into() }, 0).unwrap()
}

fn snap(v: serde_json::Value) -> Snapshot {
    serde_json::from_value(v).unwrap()
}

fn field(key: &str, name: &str, section: &str, role: &str, value: &str) -> serde_json::Value {
    json!({"key": key, "name": name, "section": section, "role": role, "value": value})
}

fn status(s: &Setup, step: Step) -> Status {
    s.checklist.step(step).unwrap().status()
}

fn basic_edit(id: &str, acs: &str) -> Snapshot {
    snap(json!({
        "title": "Basic SAML Configuration",
        "headings": [{"text": "Basic SAML Configuration"}, {"text": "Identifier (Entity ID)"}, {"text": "Reply URL (Assertion Consumer Service URL)"}],
        "fields": [
            {"key": "f0", "name": "Identifier (Entity ID)", "section": "Identifier (Entity ID)", "role": "textbox", "value": id, "row": 0},
            {"key": "f1", "name": "Default", "section": "Identifier (Entity ID)", "role": "checkbox", "row": 0},
            {"key": "f2", "name": "Reply URL (Assertion Consumer Service URL)", "section": "Reply URL (Assertion Consumer Service URL)", "role": "textbox", "value": acs, "row": 0},
            {"key": "f3", "name": "Default", "section": "Reply URL (Assertion Consumer Service URL)", "role": "checkbox", "row": 0},
            field("f4", "Sign on URL (Optional)", "Sign on URL (Optional)", "textbox", ""),
        ]
    }))
}

#[test]
fn basic_saml_edit_fills_empty_rows_and_marks_default() {
    let r = observe_page(setup(), &basic_edit("", ""), Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::BasicSaml));
    let keys: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.action, f.value.as_str())).collect();
    assert_eq!(
        keys,
        [
            ("f0", FillAction::Text, format!("https://iam.twilio.com/v2/saml2/metadata/{SID}").as_str()),
            ("f1", FillAction::Check, "true"),
            ("f2", FillAction::Text, format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}").as_str()),
            ("f3", FillAction::Check, "true"),
        ]
    );
    assert!(!r.changed, "nothing proven yet");
    let off = observe_page(setup(), &basic_edit("", ""), Console::Azure, FillMode::Off, 1).unwrap();
    assert!(off.fills.is_empty());
}

#[test]
fn verify_pass_records_progress_once() {
    let filled = basic_edit(
        &format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"),
        &format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"),
    );
    let mut snap = filled.clone();
    for f in &mut snap.fields {
        if f.role == "checkbox" {
            f.checked = true;
        }
    }
    let r = observe_page(setup(), &snap, Console::Azure, FillMode::Auto, 2).unwrap();
    assert!(r.fills.is_empty());
    assert!(r.changed);
    assert_eq!(status(&r.setup, Step::BasicSaml), Status::InProgress);
    let again = observe_page(r.setup.clone(), &snap, Console::Azure, FillMode::Auto, 3).unwrap();
    assert!(!again.changed, "the same page twice changes nothing");
}

#[test]
fn a_different_value_is_a_conflict_until_replace() {
    let snap = basic_edit("https://example.test/other", "");
    let r = observe_page(setup(), &snap, Console::Azure, FillMode::Auto, 1).unwrap();
    assert!(r.fills.iter().all(|f| f.key != "f0"), "never overwrite");
    assert_eq!(r.setup.conflicts.len(), 1);
    assert_eq!(r.setup.conflicts[0].id, "basic-saml/identifier");
    assert_eq!(status(&r.setup, Step::BasicSaml), Status::Attention);
    let approved = apply_event(r.setup, &SetupEvent::ApproveReplace { id: "basic-saml/identifier".into() }, 2).unwrap();
    let r = observe_page(approved, &snap, Console::Azure, FillMode::Auto, 3).unwrap();
    assert!(r.fills.iter().any(|f| f.key == "f0"));
    assert!(r.setup.conflicts.is_empty());
}

#[test]
fn no_realm_sid_no_fills() {
    let r = observe_page(new_setup("s", 0), &basic_edit("", ""), Console::Azure, FillMode::Auto, 1).unwrap();
    assert!(r.fills.is_empty());
}

fn pane(id: &str, acs: &str, option: &str, ident_label: &str) -> Snapshot {
    snap(json!({
        "title": "FrontlineSSO Setup | SAML-based Sign-on",
        "headings": [{"text": "Set up Single Sign-On with SAML"}, {"text": "Basic SAML Configuration"}, {"text": "Attributes & Claims"}, {"text": "SAML Certificates"}, {"text": "Set up FrontlineSSO Setup"}],
        "texts": [
            {"section": "Basic SAML Configuration", "label": "Identifier (Entity ID)", "value": id},
            {"section": "Basic SAML Configuration", "label": "Reply URL (Assertion Consumer Service URL)", "value": acs},
            {"section": "SAML Certificates", "label": "Signing Option", "value": option},
            {"section": "SAML Certificates", "label": "Signing Algorithm", "value": "SHA-256"},
            {"section": "SAML Certificates", "label": "Thumbprint", "value": "a3 35 33 a8 6d 69 33 f8 b6 80 ea e6 4a ff d9 be 22 ad 47 25"},
            {"section": "SAML Certificates", "label": "Expiration", "value": "11/16/2026, 8:41:29 PM"},
            {"section": "Attributes & Claims", "label": "email", "value": "user.mail"},
            {"section": "Attributes & Claims", "label": "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "value": "user.mail"},
        ],
        "fields": [
            {"key": "r0", "name": "App Federation Metadata Url", "section": "SAML Certificates", "role": "textbox", "readonly": true,
             "value": format!("https://login.microsoftonline.com/{T}/federationmetadata/2007-06/federationmetadata.xml?appid=x")},
            {"key": "r1", "name": "Login URL", "section": "Set up FrontlineSSO Setup", "role": "textbox", "readonly": true, "value": format!("https://login.microsoftonline.com/{T}/saml2")},
            {"key": "r2", "name": ident_label, "section": "Set up FrontlineSSO Setup", "role": "textbox", "readonly": true, "value": format!("https://sts.windows.net/{T}/")},
        ]
    }))
}

#[test]
fn saml_pane_verifies_and_captures() {
    let good = pane(
        &format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"),
        &format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}"),
        "Sign SAML response and assertion",
        "Microsoft Entra Identifier",
    );
    let r = observe_page(setup(), &good, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::SamlPane));
    for step in [Step::CreateApp, Step::ChooseSaml, Step::BasicSaml, Step::Signing, Step::CaptureIdp] {
        assert_eq!(status(&r.setup, step), Status::Done, "{step:?}");
    }
    assert_eq!(status(&r.setup, Step::Claims), Status::InProgress, "roles missing");
    assert_eq!(r.setup.portal.thumbprint.as_deref(), Some("A33533A86D6933F8B680EAE64AFFD9BE22AD4725"));
    assert_eq!(r.setup.login_url, format!("https://login.microsoftonline.com/{T}/saml2"));
    assert!(r.setup.portal.metadata_url.as_deref().unwrap().contains("federationmetadata"));
}

#[test]
fn saml_pane_names_a_typo_and_the_default_signing_option_and_the_old_label() {
    let typo = pane(
        &format!("https://iam.twilio.com/v2/saml2/metadata/{SID}"),
        &format!("https://iam.twilio.com/v2/saml2/authenticate/{SID}x"),
        "Sign SAML assertion",
        "Azure AD Identifier",
    );
    let r = observe_page(setup(), &typo, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(status(&r.setup, Step::BasicSaml), Status::Attention);
    let what = &r.setup.checklist.step(Step::BasicSaml).unwrap().evidence.last().unwrap().what;
    assert!(what.contains("Reply URL (Assertion Consumer Service URL) is") && what.contains("should be"), "{what}");
    assert_eq!(status(&r.setup, Step::Signing), Status::Attention);
    assert_eq!(
        r.setup.entra_identifier,
        format!("https://sts.windows.net/{T}/"),
        "Azure AD Identifier is captured too"
    );
}

#[test]
fn signing_edit_chooses_options_replacing_entra_defaults_only() {
    let s = |opt: &str| {
        snap(json!({"title": "SAML Signing Certificate", "fields": [
        field("c0", "Signing Option", "", "combobox", opt), field("c1", "Signing Algorithm", "", "combobox", "SHA-256")]}))
    };
    let r = observe_page(setup(), &s("Sign SAML assertion"), Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.fills.len(), 1);
    assert_eq!(
        (r.fills[0].action, r.fills[0].value.as_str()),
        (FillAction::Choose, "Sign SAML response and assertion")
    );
    let r = observe_page(setup(), &s("Sign SAML response"), Console::Azure, FillMode::Auto, 1).unwrap();
    assert!(r.fills.is_empty(), "an admin's own choice is a conflict");
    assert_eq!(r.setup.conflicts[0].id, "signing/option");
}

#[test]
fn claims_table_and_claim_form() {
    let table = |rows: serde_json::Value| {
        snap(
            json!({"title": "Attributes & Claims", "tables": [{"name": "Additional claims", "headers": ["Claim name", "Type", "Value"], "rows": rows}]}),
        )
    };
    let long_only =
        table(json!([["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "SAML", "user.mail"]]));
    let r = observe_page(setup(), &long_only, Console::Azure, FillMode::Auto, 1).unwrap();
    let what = r.setup.checklist.step(Step::Claims).unwrap().evidence.last().unwrap().what.clone();
    assert!(what.contains("email is missing") && what.contains("long emailaddress"), "{what}");
    let email_only = table(json!([["email", "SAML", "user.mail"]]));
    let r = observe_page(r.setup, &email_only, Console::Azure, FillMode::Auto, 2).unwrap();
    let form = snap(json!({"title": "Manage claim", "fields": [
        field("n", "Name", "", "textbox", ""), field("ns", "Namespace", "", "textbox", ""),
        {"key": "a", "name": "Attribute", "role": "radio", "checked": true},
        field("sa", "Source attribute", "", "combobox", "")]}));
    let plan = observe_page(r.setup.clone(), &form, Console::Azure, FillMode::Auto, 3).unwrap();
    let fills: Vec<_> = plan.fills.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
    assert_eq!(fills, [("n", "roles"), ("sa", "user.assignedroles")], "the missing claim is roles");
    let both = table(json!([["email", "SAML", "user.mail"], ["roles", "SAML", "\"agent\""]]));
    assert_eq!(
        status(&observe_page(r.setup, &both, Console::Azure, FillMode::Auto, 4).unwrap().setup, Step::Claims),
        Status::Done
    );
}

#[test]
fn app_role_form_and_table() {
    let form = snap(json!({"title": "Create app role", "fields": [
        field("d", "Display name", "", "textbox", ""),
        {"key": "u", "name": "Users/Groups", "role": "radio"}, {"key": "b", "name": "Both (Users/Groups + Applications)", "role": "radio"},
        field("v", "Value", "", "textbox", ""), field("ds", "Description", "", "textbox", ""),
        {"key": "e", "name": "Do you want to enable this app role?", "role": "checkbox"}]}));
    let r = observe_page(setup(), &form, Console::Azure, FillMode::Auto, 1).unwrap();
    let keys: Vec<_> = r.fills.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["d", "v", "ds", "u", "e"]);
    let table = snap(
        json!({"title": "App roles", "tables": [{"headers": ["Display name", "Description", "Allowed member types", "Value", "ID", "State"],
        "rows": [["Agent", "Frontline user", "Users/Groups", "agent", "x", "Enabled"]]}]}),
    );
    assert_eq!(
        status(&observe_page(setup(), &table, Console::Azure, FillMode::Auto, 1).unwrap().setup, Step::AppRole),
        Status::Done
    );
}

#[test]
fn assignments_and_create_app() {
    let rows: Vec<_> = (0..120)
        .map(|i| json!([format!("User {i}"), "User", if i % 40 == 7 { "Agent" } else { "Default Access" }]))
        .collect();
    let t = snap(
        json!({"title": "Users and groups", "tables": [{"headers": ["Display name", "Object type", "Role assigned"], "rows": rows}]}),
    );
    let r = observe_page(setup(), &t, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(status(&r.setup, Step::AssignUsers), Status::Done);
    assert!(r.setup.checklist.step(Step::AssignUsers).unwrap().evidence[0].what.starts_with("3 of 120"));
    let create = snap(json!({"title": "Create your own application", "fields": [
        field("n", "What's the name of your app?", "", "textbox", ""),
        {"key": "g", "name": "Integrate any other application you don't find in the gallery (Non-gallery)", "role": "radio"}]}));
    let r = observe_page(setup(), &create, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.fills.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(), ["FrontlineSSO Setup", "true"]);
}

#[test]
fn unknown_pages_do_nothing() {
    let r = observe_page(
        setup(),
        &snap(json!({"title": "Home", "fields": [field("x", "Search", "", "textbox", "")]})),
        Console::Azure,
        FillMode::Auto,
        1,
    )
    .unwrap();
    assert_eq!((r.form, r.fills.len(), r.changed), (None, 0, false));
}

const GOOD_PEM: &str = include_str!("../../../tests/fixtures/generated/good.pem");
const EXPIRED_PEM: &str = include_str!("../../../tests/fixtures/generated/expired.pem");
/// 2026-11-29T00:00:00Z
const NOW: i64 = 1_795_910_400_000;
const TT: &str = "11111111-2222-4333-8444-555555555555";

fn ready(pem: &str, identifier: &str) -> Setup {
    let mut s = setup();
    for e in [
        SetupEvent::SetIdpValues {
            login_url: Some(format!("https://login.microsoftonline.com/{TT}/saml2")),
            entra_identifier: Some(identifier.into()),
            place: None,
        },
        SetupEvent::SetCertificate { text: Some(pem.into()), bytes: None, source: "test".into() },
    ] {
        s = apply_event(s, &e, NOW).unwrap();
    }
    s
}

fn twilio_page(sid: &str, values: [&str; 4], notice: &str) -> Snapshot {
    snap(json!({
        "title": "Frontline", "headings": [{"text": "Frontline"}, {"text": "Single Sign-On"}], "notices": [notice],
        "texts": [{"label": "Realm SID", "value": sid}, {"label": "Company name", "value": "owlpress"}],
        "fields": [
            field("w", "Workspace ID", "", "textbox", values[0]),
            field("i", "Identity provider issuer URL", "", "textbox", values[1]),
            field("s", "SSO URL", "", "textbox", values[2]),
            field("c", "X.509 Certificate", "", "textbox", values[3]),
        ]
    }))
}

#[test]
fn twilio_captures_the_realm_sid_and_company_and_names_a_different_sid() {
    let r =
        observe_page(new_setup("s", 0), &twilio_page(SID, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!((r.setup.realm_sid_input.as_str(), r.setup.workspace_id.as_str()), (SID, "owlpress"));
    let other = "JBffffffffffffffffffffffffffffffff";
    let r = observe_page(setup(), &twilio_page(other, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!(r.setup.realm_sid_input, SID, "never silently replaced");
    assert_eq!(r.setup.conflicts[0].id, "twilio/realm-sid");
    let approved = apply_event(r.setup, &SetupEvent::ApproveReplace { id: "twilio/realm-sid".into() }, NOW).unwrap();
    let r = observe_page(approved, &twilio_page(other, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!(r.setup.realm_sid_input, other);
    assert!(r.setup.conflicts.is_empty());
}

#[test]
fn twilio_refuses_unsafe_values_and_says_why() {
    let ident = format!("https://sts.windows.net/{TT}/");
    for (s, why) in [
        (setup(), "not captured yet"),
        (ready(EXPIRED_PEM, &ident), "expired"),
        (ready(GOOD_PEM, ident.trim_end_matches('/')), "must end with"),
        (ready(GOOD_PEM, "https://sts.windows.net/00000000-2222-4333-8444-555555555555/"), "tenant"),
        (
            apply_event(
                ready(GOOD_PEM, &ident),
                &SetupEvent::SetPortalCapture {
                    thumbprint: Some("AB".repeat(20)),
                    expiration: None,
                    metadata_url: None,
                },
                NOW,
            )
            .unwrap(),
            "differs from the active one",
        ),
    ] {
        let r = observe_page(s, &twilio_page(SID, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
        assert!(r.fills.is_empty(), "{why}");
        let e = r.setup.checklist.step(Step::TwilioSso).unwrap().evidence.last().unwrap().clone();
        assert_eq!(e.outcome, Status::Attention);
        assert!(e.what.starts_with("Not filled:") && e.what.contains(why), "{why}: {}", e.what);
    }
}

#[test]
fn twilio_fills_verifies_and_sees_the_save() {
    let ident = format!("https://sts.windows.net/{TT}/");
    let login = format!("https://login.microsoftonline.com/{TT}/saml2");
    let s = ready(GOOD_PEM, &ident);
    let pem = s.certificate_pem.clone().unwrap();
    let r = observe_page(s, &twilio_page(SID, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
    assert_eq!(fills, [("w", "owlpress"), ("s", login.as_str()), ("i", ident.as_str()), ("c", pem.as_str())]);
    let crlf = pem.replace('\n', "\r\n");
    let typed = observe_page(
        r.setup,
        &twilio_page(SID, ["owlpress", &ident, &login, &crlf], ""),
        Console::Twilio,
        FillMode::Auto,
        NOW,
    )
    .unwrap();
    assert_eq!(status(&typed.setup, Step::TwilioSso), Status::InProgress);
    let saved = observe_page(
        typed.setup,
        &twilio_page(SID, ["owlpress", &ident, &login, &pem], "SSO configuration saved"),
        Console::Twilio,
        FillMode::Auto,
        NOW,
    )
    .unwrap();
    assert_eq!(status(&saved.setup, Step::TwilioSso), Status::Done);
}

#[test]
fn a_twilio_page_is_never_an_azure_form_and_vice_versa() {
    let r = observe_page(setup(), &basic_edit("", ""), Console::Twilio, FillMode::Auto, 1).unwrap();
    assert_eq!((r.form, r.fills.len()), (None, 0));
    let r = observe_page(setup(), &twilio_page(SID, [""; 4], ""), Console::Azure, FillMode::Auto, 1).unwrap();
    assert_ne!(r.form, Some(FormId::TwilioSso));
}

#[test]
fn a_new_app_has_no_rows_until_its_row_adders_are_clicked() {
    let empty = snap(json!({
        "title": "Basic SAML Configuration",
        "fields": [
            {"key": "a", "name": "Add identifier", "role": "button"},
            {"key": "b", "name": "Add reply URL", "role": "button"},
            {"key": "s", "name": "Save", "role": "button"},
            {"key": "d", "name": "Discard", "role": "button"},
        ]
    }));
    let r = observe_page(setup(), &empty, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::BasicSaml));
    let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.action)).collect();
    assert_eq!(fills, [("a", FillAction::AddRow), ("b", FillAction::AddRow)], "never Save or Discard");
    assert!(!r.changed, "adding rows proves nothing yet");
}

#[test]
fn forms_are_recognised_per_region_and_fill_only_inside_theirs() {
    // The portal's top page (Fx): a search box with history options, the SAML pane blade, the
    // Basic SAML edit blade beside it, and a context pane with look-alike fields.
    let id = format!("https://iam.twilio.com/v2/saml2/metadata/{SID}");
    let page = snap(json!({
        "title": "Microsoft Azure",
        "regions": [
            {"name": "Microsoft Azure"},
            {"name": "Search", "role": "search", "parent": 0},
            {"name": "FrontlineSSO Setup | SAML-based Sign-on", "role": "blade", "parent": 0},
            {"name": "Basic SAML Configuration", "role": "blade", "parent": 0},
            {"name": "Settings", "role": "complementary", "parent": 0},
        ],
        "headings": [
            {"text": "FrontlineSSO Setup | SAML-based Sign-on", "level": 2, "region": 2},
            {"text": "Set up Single Sign-On with SAML", "level": 3, "region": 2},
            {"text": "Basic SAML Configuration", "level": 2, "region": 3},
        ],
        "texts": [
            {"section": "Basic SAML Configuration", "label": "Identifier (Entity ID)", "value": "Required", "region": 2},
        ],
        "fields": [
            {"key": "q", "name": "Search resources, services, and docs", "role": "combobox", "region": 1},
            {"key": "i", "name": "Identifier (Entity ID)", "role": "textbox", "region": 3, "row": 0},
            {"key": "c", "name": "Default", "role": "checkbox", "region": 3, "row": 0},
            {"key": "r", "name": "Reply URL (Assertion Consumer Service URL)", "role": "textbox", "region": 3, "row": 0},
            {"key": "x", "name": "Identifier (Entity ID)", "role": "textbox", "region": 4},
        ]
    }));
    let r = observe_page(setup(), &page, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.forms, [FormId::SamlPane, FormId::BasicSaml], "in page order");
    let keys: Vec<_> = r.fills.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["i", "c", "r"], "nothing in the search box or the context pane");
    assert_eq!(status(&r.setup, Step::ChooseSaml), Status::Done, "the pane beside it still counts");
    assert!(r.fills.iter().all(|f| f.value != id || f.key == "i"));
}

#[test]
fn twilio_labels_in_every_naming_count() {
    for (sso, issuer, cert) in [
        ("SSO URL", "Identity provider issuer URL", "X.509 Certificate"),
        ("Single Sign-On URL", "Identity Provider Issuer", "X.509 Certificate"),
        ("Required: SSO URL", "Required: Identity provider issuer URL", "Required: X.509 Certificate"),
        ("SSO URL *", "Identity Provider Issuer (Required)", "X.509 certificate:"),
    ] {
        let page = snap(json!({
            "title": "Frontline",
            "texts": [{"label": "Realm SID", "value": SID}],
            "fields": [
                field("i", issuer, "", "textbox", ""),
                field("s", sso, "", "textbox", ""),
                field("c", cert, "", "textbox", ""),
            ]
        }));
        let r = observe_page(new_setup("s", 0), &page, Console::Twilio, FillMode::Auto, NOW).unwrap();
        assert_eq!(r.form, Some(FormId::TwilioSso), "{sso} / {issuer} / {cert}");
        assert_eq!(r.setup.realm_sid_input, SID);
    }
}

#[test]
fn a_single_blade_in_the_top_page_is_judged_without_the_search_box_or_the_context_pane() {
    // One Fx blade, no landmark of its own: the form is the frame's, less what stands apart.
    let page = snap(json!({
        "title": "Microsoft Azure",
        "regions": [{"name": "Microsoft Azure"}, {"name": "Search", "role": "search", "parent": 0},
                    {"name": "Settings", "role": "complementary", "parent": 0}],
        "headings": [{"text": "Basic SAML Configuration", "level": 2}],
        "fields": [
            {"key": "q", "name": "Identifier (Entity ID)", "role": "textbox", "region": 1},
            {"key": "x", "name": "Identifier (Entity ID)", "role": "textbox", "region": 2},
            {"key": "i", "name": "Identifier (Entity ID)", "role": "textbox"},
            {"key": "r", "name": "Reply URL (Assertion Consumer Service URL)", "role": "textbox"},
        ]
    }));
    let r = observe_page(setup(), &page, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.forms, [FormId::BasicSaml]);
    assert_eq!(r.fills.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["i", "r"]);
}

#[test]
fn a_page_with_controls_and_no_known_form_is_unrecognised() {
    for (name, page, unrecognised) in [
        ("an unknown form", json!({"fields": [field("a", "Favourite colour", "", "textbox", "")]}), true),
        (
            "only the search box",
            json!({"regions": [{}, {"role": "search"}],
            "fields": [{"key": "q", "name": "Search", "role": "combobox", "region": 1}]}),
            false,
        ),
        ("only buttons", json!({"fields": [{"key": "b", "name": "Home", "role": "button"}]}), false),
        ("a known form", serde_json::to_value(basic_edit("", "")).unwrap(), false),
    ] {
        let r = observe_page(setup(), &snap(page), Console::Azure, FillMode::Auto, 1).unwrap();
        assert_eq!(r.unrecognised, unrecognised, "{name}");
    }
}

#[test]
fn a_german_portal_is_read_and_named_in_german() {
    let de = snap(json!({
        "title": "Grundlegende SAML-Konfiguration",
        "headings": [{"text": "Grundlegende SAML-Konfiguration"}],
        "fields": [
            {"key": "f0", "name": "Bezeichner (Entitäts-ID)", "role": "textbox", "value": "", "row": 0},
            {"key": "f1", "name": "Standard", "role": "checkbox", "row": 0},
            {"key": "f2", "name": "Antwort-URL (Assertionsverbraucherdienst-URL)", "role": "textbox", "value": "", "row": 0},
            {"key": "f3", "name": "Standard", "role": "checkbox", "row": 0},
        ]
    }));
    let r = observe_page(setup(), &de, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::BasicSaml));
    assert_eq!(r.fills.len(), 4, "both rows filled and marked Standard");
    assert_eq!(r.setup.portal.lang, Lang::De);
    let view = crate::setup::view(&r.setup, 1);
    assert_eq!(view.portal_labels.sp_entity_id, "Bezeichner (Entitäts-ID)");
    assert_eq!(view.steps[2].title, "Grundlegende SAML-Konfiguration");
}
