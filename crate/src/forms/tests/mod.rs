//! Recognition and plans, from pages built as the content script reports them.

mod console;
mod flex;
mod page;
mod pane_owner;

use page::{rows, Page};

use super::*;
use crate::entra::portal::Lang;
use crate::setup::{apply_event, new_setup, SetupEvent};

const SID: &str = "JB0123456789abcdef0123456789abcdef";
const T: &str = "a9054a0f-2011-4e31-b3ac-fd8c354146ec";

fn setup() -> Setup {
    apply_event(new_setup("s", 0), &SetupEvent::SetRealmSid { value: SID.into() }, 0).unwrap()
}

fn status(s: &Setup, step: Step) -> Status {
    s.checklist.step(step).unwrap().status()
}

fn basic_edit(id: &str, acs: &str) -> Snapshot {
    const ID: &str = "Identifier (Entity ID)";
    const ACS: &str = "Reply URL (Assertion Consumer Service URL)";
    let section = |s: &'static str| move |f: &mut Field| f.section = s.into();
    Page::titled("Basic SAML Configuration")
        .heading("Basic SAML Configuration")
        .heading(ID)
        .heading(ACS)
        .textbox("f0", ID, id)
        .in_row(0)
        .last(section(ID))
        .control("f1", "Default", "checkbox", "")
        .in_row(0)
        .last(section(ID))
        .textbox("f2", ACS, acs)
        .in_row(0)
        .last(section(ACS))
        .control("f3", "Default", "checkbox", "")
        .in_row(0)
        .last(section(ACS))
        .textbox("f4", "Sign on URL (Optional)", "")
        .build()
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
    const BASIC: &str = "Basic SAML Configuration";
    const CERTS: &str = "SAML Certificates";
    const CLAIMS: &str = "Attributes & Claims";
    const SET_UP: &str = "Set up FrontlineSSO Setup";
    let metadata =
        format!("https://login.microsoftonline.com/{T}/federationmetadata/2007-06/federationmetadata.xml?appid=x");
    Page::titled("FrontlineSSO Setup | SAML-based Sign-on")
        .heading("Set up Single Sign-On with SAML")
        .heading(BASIC)
        .heading(CLAIMS)
        .heading(CERTS)
        .heading(SET_UP)
        .pair(BASIC, "Identifier (Entity ID)", id)
        .pair(BASIC, "Reply URL (Assertion Consumer Service URL)", acs)
        .pair(CERTS, "Signing Option", option)
        .pair(CERTS, "Signing Algorithm", "SHA-256")
        .pair(CERTS, "Thumbprint", "a3 35 33 a8 6d 69 33 f8 b6 80 ea e6 4a ff d9 be 22 ad 47 25")
        .pair(CERTS, "Expiration", "11/16/2026, 8:41:29 PM")
        .pair(CLAIMS, "email", "user.mail")
        .pair(CLAIMS, "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "user.mail")
        .copyable("r0", CERTS, "App Federation Metadata Url", &metadata)
        .copyable("r1", SET_UP, "Login URL", &format!("https://login.microsoftonline.com/{T}/saml2"))
        .copyable("r2", SET_UP, ident_label, &format!("https://sts.windows.net/{T}/"))
        .build()
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
        Page::titled("SAML Signing Certificate")
            .control("c0", "Signing Option", "combobox", opt)
            .control("c1", "Signing Algorithm", "combobox", "SHA-256")
            .build()
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
fn a_select_only_drop_down_marked_aria_readonly_is_still_chosen() {
    // (name, role, readonly, popup, disabled) → whether the extension may operate it.
    let cases = [
        ("an Fx drop-down marked aria-readonly that pops up a tree", "combobox", true, true, false, true),
        ("a drop-down with no popup marked read-only", "combobox", true, false, false, false),
        ("a disabled drop-down", "combobox", false, true, true, false),
        ("a read-only drop-down that is disabled too", "combobox", true, true, true, false),
        ("a read-only text box with a popup attribute", "textbox", true, true, false, false),
        ("a plain drop-down", "combobox", false, false, false, true),
    ];
    for (name, role, readonly, popup, disabled, want) in cases {
        let f = Field { role: role.into(), readonly, popup, disabled, ..Field::default() };
        assert_eq!(f.operable(), want, "{name}");
    }
    let page = Page::titled("SAML Signing Certificate")
        .control("c0", "Signing Option", "combobox", "Sign SAML assertion")
        .last(|f| (f.readonly, f.popup) = (true, true))
        .control("c1", "Signing Algorithm", "combobox", "SHA-1")
        .last(|f| (f.readonly, f.popup) = (true, true))
        .build();
    let r = observe_page(setup(), &page, Console::Azure, FillMode::Auto, 1).unwrap();
    let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.action, f.value.as_str())).collect();
    assert_eq!(fills, [("c0", FillAction::Choose, "Sign SAML response and assertion")]);
    assert_eq!(r.setup.conflicts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["signing/algorithm"]);
}

#[test]
fn claims_table_and_claim_form() {
    let table = |claims: &[&[&str]]| {
        Page::titled("Attributes & Claims").table(&["Claim name", "Type", "Value"], &rows(claims)).build()
    };
    let long_only =
        table(&[&["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "SAML", "user.mail"]]);
    let r = observe_page(setup(), &long_only, Console::Azure, FillMode::Auto, 1).unwrap();
    let what = r.setup.checklist.step(Step::Claims).unwrap().evidence.last().unwrap().what.clone();
    assert!(what.contains("email is missing") && what.contains("long emailaddress"), "{what}");
    let email_only = table(&[&["email", "SAML", "user.mail"]]);
    let r = observe_page(r.setup, &email_only, Console::Azure, FillMode::Auto, 2).unwrap();
    let form = Page::titled("Manage claim")
        .textbox("n", "Name", "")
        .textbox("ns", "Namespace", "")
        .control("a", "Attribute", "radio", "")
        .last(|f| f.checked = true)
        .control("sa", "Source attribute", "combobox", "")
        .build();
    let plan = observe_page(r.setup.clone(), &form, Console::Azure, FillMode::Auto, 3).unwrap();
    let fills: Vec<_> = plan.fills.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
    assert_eq!(fills, [("n", "roles"), ("sa", "user.assignedroles")], "the missing claim is roles");
    let both = table(&[&["email", "SAML", "user.mail"], &["roles", "SAML", "\"agent\""]]);
    assert_eq!(
        status(&observe_page(r.setup, &both, Console::Azure, FillMode::Auto, 4).unwrap().setup, Step::Claims),
        Status::Done
    );
}

#[test]
fn app_role_form_and_table() {
    let form = Page::titled("Create app role")
        .textbox("d", "Display name", "")
        .control("u", "Users/Groups", "radio", "")
        .control("b", "Both (Users/Groups + Applications)", "radio", "")
        .textbox("v", "Value", "")
        .textbox("ds", "Description", "")
        .control("e", "Do you want to enable this app role?", "checkbox", "")
        .build();
    let r = observe_page(setup(), &form, Console::Azure, FillMode::Auto, 1).unwrap();
    let keys: Vec<_> = r.fills.iter().map(|f| f.key.as_str()).collect();
    assert_eq!(keys, ["d", "v", "ds", "u", "e"]);
    let headers = ["Display name", "Description", "Allowed member types", "Value", "ID", "State"];
    let agent: &[&str] = &["Agent", "Frontline user", "Users/Groups", "agent", "x", "Enabled"];
    let table = Page::titled("App roles").table(&headers, &rows(&[agent])).build();
    assert_eq!(
        status(&observe_page(setup(), &table, Console::Azure, FillMode::Auto, 1).unwrap().setup, Step::AppRole),
        Status::Done
    );
}

#[test]
fn assignments_and_create_app() {
    let assigned: Vec<Vec<String>> = (0..120)
        .map(|i| vec![format!("User {i}"), "User".into(), if i % 40 == 7 { "Agent" } else { "Default Access" }.into()])
        .collect();
    let t =
        Page::titled("Users and groups").table(&["Display name", "Object type", "Role assigned"], &assigned).build();
    let r = observe_page(setup(), &t, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(status(&r.setup, Step::AssignUsers), Status::Done);
    assert!(r.setup.checklist.step(Step::AssignUsers).unwrap().evidence[0].what.starts_with("3 of 120"));
    let create = Page::titled("Create your own application")
        .textbox("n", "What's the name of your app?", "")
        .control("g", "Integrate any other application you don't find in the gallery (Non-gallery)", "radio", "")
        .build();
    let r = observe_page(setup(), &create, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.fills.iter().map(|f| f.value.as_str()).collect::<Vec<_>>(), ["FrontlineSSO Setup", "true"]);
}

#[test]
fn unknown_pages_do_nothing() {
    let r = observe_page(
        setup(),
        &Page::titled("Home").textbox("x", "Search", "").build(),
        Console::Azure,
        FillMode::Auto,
        1,
    )
    .unwrap();
    assert_eq!((r.form, r.fills.len(), r.changed), (None, 0, false));
}

const GOOD_PEM: &str = include_str!("../../../../tests/fixtures/generated/good.pem");
const EXPIRED_PEM: &str = include_str!("../../../../tests/fixtures/generated/expired.pem");
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
    Page::titled("Frontline")
        .heading("Frontline")
        .heading("Single Sign-On")
        .notice(notice)
        .pair("", "Realm SID", sid)
        .pair("", "Company name", "owlpress")
        .textbox("w", "Workspace ID", values[0])
        .textbox("i", "Identity provider issuer URL", values[1])
        .textbox("s", "SSO URL", values[2])
        .textbox("c", "X.509 Certificate", values[3])
        .build()
}

#[test]
fn twilio_captures_the_realm_sid_and_company_and_names_a_different_sid() {
    let r =
        observe_page(new_setup("s", 0), &twilio_page(SID, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!((r.setup.sp_input.as_str(), r.setup.workspace_id.as_str()), (SID, "owlpress"));
    let other = "JBffffffffffffffffffffffffffffffff";
    let r = observe_page(setup(), &twilio_page(other, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!(r.setup.sp_input, SID, "never silently replaced");
    assert_eq!(r.setup.conflicts[0].id, "twilio/realm-sid");
    let approved = apply_event(r.setup, &SetupEvent::ApproveReplace { id: "twilio/realm-sid".into() }, NOW).unwrap();
    let r = observe_page(approved, &twilio_page(other, [""; 4], ""), Console::Twilio, FillMode::Auto, NOW).unwrap();
    assert_eq!(r.setup.sp_input, other);
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
    let empty = Page::titled("Basic SAML Configuration")
        .control("a", "Add identifier", "button", "")
        .control("b", "Add reply URL", "button", "")
        .control("s", "Save", "button", "")
        .control("d", "Discard", "button", "")
        .build();
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
    const ID: &str = "Identifier (Entity ID)";
    let page = Page::titled("Microsoft Azure")
        .region("Microsoft Azure", "", None)
        .region("Search", "search", Some(0))
        .region("FrontlineSSO Setup | SAML-based Sign-on", "blade", Some(0))
        .region("Basic SAML Configuration", "blade", Some(0))
        .region("Settings", "complementary", Some(0))
        .heading_in("FrontlineSSO Setup | SAML-based Sign-on", 2, 2)
        .heading_in("Set up Single Sign-On with SAML", 3, 2)
        .heading_in("Basic SAML Configuration", 2, 3)
        .pair("Basic SAML Configuration", ID, "Required")
        .pair_in_region(2)
        .control("q", "Search resources, services, and docs", "combobox", "")
        .in_region(1)
        .textbox("i", ID, "")
        .in_region(3)
        .in_row(0)
        .control("c", "Default", "checkbox", "")
        .in_region(3)
        .in_row(0)
        .textbox("r", "Reply URL (Assertion Consumer Service URL)", "")
        .in_region(3)
        .in_row(0)
        .textbox("x", ID, "")
        .in_region(4)
        .build();
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
        let page = Page::titled("Frontline")
            .pair("", "Realm SID", SID)
            .textbox("i", issuer, "")
            .textbox("s", sso, "")
            .textbox("c", cert, "")
            .build();
        let r = observe_page(new_setup("s", 0), &page, Console::Twilio, FillMode::Auto, NOW).unwrap();
        assert_eq!(r.form, Some(FormId::TwilioSso), "{sso} / {issuer} / {cert}");
        assert_eq!(r.setup.sp_input, SID);
    }
}

#[test]
fn a_single_blade_in_the_top_page_is_judged_without_the_search_box_or_the_context_pane() {
    // One Fx blade, no landmark of its own: the form is the frame's, less what stands apart.
    const ID: &str = "Identifier (Entity ID)";
    let page = Page::titled("Microsoft Azure")
        .region("Microsoft Azure", "", None)
        .region("Search", "search", Some(0))
        .region("Settings", "complementary", Some(0))
        .heading_in("Basic SAML Configuration", 2, 0)
        .textbox("q", ID, "")
        .in_region(1)
        .textbox("x", ID, "")
        .in_region(2)
        .textbox("i", ID, "")
        .textbox("r", "Reply URL (Assertion Consumer Service URL)", "")
        .build();
    let r = observe_page(setup(), &page, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.forms, [FormId::BasicSaml]);
    assert_eq!(r.fills.iter().map(|f| f.key.as_str()).collect::<Vec<_>>(), ["i", "r"]);
}

#[test]
fn a_page_with_controls_and_no_known_form_is_unrecognised() {
    let search_only = Page::default()
        .region("", "", None)
        .region("", "search", None)
        .control("q", "Search", "combobox", "")
        .in_region(1)
        .build();
    for (name, page, unrecognised) in [
        ("an unknown form", Page::default().textbox("a", "Favourite colour", "").build(), true),
        ("only the search box", search_only, false),
        ("only buttons", Page::default().control("b", "Home", "button", "").build(), false),
        ("a known form", basic_edit("", ""), false),
    ] {
        let r = observe_page(setup(), &page, Console::Azure, FillMode::Auto, 1).unwrap();
        assert_eq!(r.unrecognised, unrecognised, "{name}");
    }
}

#[test]
fn a_german_portal_is_read_and_named_in_german() {
    let de = Page::titled("Grundlegende SAML-Konfiguration")
        .heading("Grundlegende SAML-Konfiguration")
        .textbox("f0", "Bezeichner (Entitäts-ID)", "")
        .in_row(0)
        .control("f1", "Standard", "checkbox", "")
        .in_row(0)
        .textbox("f2", "Antwort-URL (Assertionsverbraucherdienst-URL)", "")
        .in_row(0)
        .control("f3", "Standard", "checkbox", "")
        .in_row(0)
        .build();
    let r = observe_page(setup(), &de, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::BasicSaml));
    assert_eq!(r.fills.len(), 4, "both rows filled and marked Standard");
    assert_eq!(r.setup.portal.lang, Lang::De);
    let view = crate::setup::view(&r.setup, 1);
    assert_eq!(view.portal_labels.sp_entity_id, "Bezeichner (Entitäts-ID)");
    assert_eq!(view.steps[2].title, "Grundlegende SAML-Konfiguration");
}

#[test]
fn where_sign_on_url_and_login_url_read_the_same_the_section_tells_them_apart() {
    // German: "Anmelde-URL" is Basic SAML Configuration's Sign on URL and section 4's Login URL.
    let login = format!("https://login.microsoftonline.com/{T}/saml2");
    let pane = Page::titled("FrontlineSSO Setup | SAML-basierte Anmeldung")
        .heading("Einmaliges Anmelden (SSO) mit SAML einrichten")
        .pair("1. Grundlegende SAML-Konfiguration", "Anmelde-URL", "https://frontline.example.test/sign-on")
        .pair("4. FrontlineSSO Setup einrichten", "Anmelde-URL", &login)
        .pair(
            "4. FrontlineSSO Setup einrichten",
            "Microsoft Entra-Bezeichner",
            &format!("https://sts.windows.net/{T}/"),
        )
        .build();
    let r = observe_page(setup(), &pane, Console::Azure, FillMode::Auto, 1).unwrap();
    assert_eq!(r.form, Some(FormId::SamlPane));
    assert_eq!(r.setup.login_url, login);
    assert_eq!(r.setup.portal.lang, Lang::De);
}
