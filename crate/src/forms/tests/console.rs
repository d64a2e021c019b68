//! Twilio Console SSO on the same forms: its NameID form and checks in the Azure portal (every
//! language), and Admin Center's SSO profile page in two plausible styles.

use super::page::Page;
use super::{status, GOOD_PEM, NOW, TT};
use crate::common::ids::Step;
use crate::entra::portal::{Label as L, Lang};
use crate::forms::{observe_page, Console, FillAction, FillMode, FormId, Snapshot};
use crate::product::Product;
use crate::setup::checklist::Status;
use crate::setup::{apply_event, new_setup, Setup, SetupEvent};

const METADATA: &str = include_str!("../../../../tests/fixtures/console/twilio-sp-metadata.xml");
const ENTITY: &str = "urn:auth0:twilio:sso-3f2a9c41d0b84e7a";
const ACS: &str = "https://login.twilio.com/login/callback?connection=sso-3f2a9c41d0b84e7a";
const JB: &str = "JB0123456789abcdef0123456789abcdef";

fn with(product: Product, events: &[SetupEvent]) -> Setup {
    let mut s = apply_event(new_setup("c", 0), &SetupEvent::SetProduct(product), 0).unwrap();
    for e in events {
        s = apply_event(s, e, NOW).unwrap();
    }
    s
}

fn console() -> Setup {
    with(Product::Console, &[SetupEvent::SetRealmSid { value: METADATA.into() }])
}

/// Everything the profile's IdP fields need.
fn console_ready() -> Setup {
    with(
        Product::Console,
        &[
            SetupEvent::SetRealmSid { value: METADATA.into() },
            SetupEvent::SetIdpValues {
                login_url: Some(format!("https://login.microsoftonline.com/{TT}/saml2")),
                entra_identifier: Some(format!("https://sts.windows.net/{TT}/")),
                place: None,
            },
            SetupEvent::SetCertificate { text: Some(GOOD_PEM.into()), bytes: None, source: "test".into() },
        ],
    )
}

fn see(s: Setup, page: &Snapshot, console: Console) -> crate::forms::PageResult {
    observe_page(s, page, console, FillMode::Auto, NOW).unwrap()
}

fn last_what(s: &Setup, step: Step) -> String {
    s.checklist.step(step).unwrap().evidence.last().map(|e| e.what.clone()).unwrap_or_default()
}

/// The NameID's "Manage claim" form as Entra opens it, in `lang`: format "Default", from the UPN.
fn name_id_form(lang: Lang) -> Snapshot {
    let w = |l: L| l.in_lang(lang);
    Page::titled("Manage claim")
        .textbox("n", w(L::ClaimName), w(L::NameIdClaim))
        .last(|f| f.readonly = true)
        .control("fmt", w(L::NameIdFormat), "combobox", w(L::Default))
        .control("src", w(L::SourceIsAttribute), "radio", "")
        .last(|f| f.checked = true)
        .control("sa", w(L::SourceAttribute), "combobox", "user.userprincipalname")
        .build()
}

#[test]
fn the_name_id_form_is_filled_in_every_language_and_only_for_console() {
    for lang in Lang::ALL {
        let r = see(console(), &name_id_form(lang), Console::Azure);
        assert_eq!(r.form, Some(FormId::NameId), "{lang:?}");
        let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.action, f.value.as_str())).collect();
        let want =
            [("fmt", FillAction::Choose, L::EmailAddressFormat.in_lang(lang)), ("sa", FillAction::Choose, "user.mail")];
        assert_eq!(fills, want, "{lang:?}: Entra's own values are replaced without asking");
        assert!(r.setup.conflicts.is_empty(), "{lang:?}");
    }
    // The admin's own choice is theirs until Replace.
    let mine = Page::titled("Manage claim")
        .control("fmt", "Choose name identifier format", "combobox", "Persistent")
        .control("sa", "Source attribute", "combobox", "user.mail")
        .build();
    let r = see(console(), &mine, Console::Azure);
    assert_eq!(r.setup.conflicts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["name-id/format"]);
    // Frontline and Flex read no NameID: the form is recognised and left as Entra made it.
    for p in [Product::Frontline, Product::Flex] {
        let r = see(with(p, &[]), &name_id_form(Lang::En), Console::Azure);
        assert_eq!((r.form, r.fills.len()), (Some(FormId::NameId), 0), "{p:?}");
    }
}

#[test]
fn the_saved_name_id_is_checked_on_the_pane_and_the_claims_blade() {
    let pane = |value: &str| {
        Page::titled("Twilio Console SSO | SAML-based Sign-on")
            .heading("Set up Single Sign-On with SAML")
            .pair("2. Attributes & Claims", "Unique User Identifier", value)
            .build()
    };
    let claims = |value: &str| {
        Page::titled("Attributes & Claims")
            .pair("Required claim", "Unique User Identifier (Name ID)", value)
            .table(&["Claim name", "Type", "Value"], &super::rows(&[&["emailaddress", "SAML", "user.mail"]]))
            .build()
    };
    let cases: [(&str, Snapshot, Status); 5] = [
        ("the pane, before", pane("user.userprincipalname"), Status::Attention),
        ("the pane, after", pane("user.mail"), Status::Done),
        ("the claims blade, after", claims("user.mail [nameid-format:emailAddress]"), Status::Done),
        ("the claims blade, the persistent format", claims("user.mail [nameid-format:persistent]"), Status::Attention),
        ("the claims blade, before", claims("user.userprincipalname [nameid-format:emailAddress]"), Status::Attention),
    ];
    for (name, page, want) in cases {
        let r = see(console(), &page, Console::Azure);
        assert_eq!(status(&r.setup, Step::NameId), want, "{name}: {}", last_what(&r.setup, Step::NameId));
        assert_eq!(status(&r.setup, Step::Claims), Status::Todo, "{name}: Console asks for no claims");
    }
    // Frontline's setup ignores the NameID.
    let r = see(with(Product::Frontline, &[SetupEvent::SetRealmSid { value: JB.into() }]), &pane("x"), Console::Azure);
    assert_eq!(status(&r.setup, Step::NameId), Status::Todo);
}

/// The profile page, style A: a Paste-like card of caption/value rows with Copy buttons, the SP
/// metadata in a code block with Download, then the IdP's form. (Inferred: no public screenshot.)
fn profile_cards(values: [&str; 3], notice: &str) -> Snapshot {
    Page::titled("Single Sign-On")
        .heading("SSO Profile")
        .heading("Twilio as SP Metadata")
        .pair("Twilio as SP Metadata", "Entity ID", ENTITY)
        .pair("Twilio as SP Metadata", "Single Sign-On URL", ACS)
        .pair("Twilio as SP Metadata", "SP Metadata", METADATA.trim())
        .heading("Identity Provider Metadata")
        .textbox("iss", "Issuer ID", values[0])
        .textbox("sso", "Single sign-on URL", values[1])
        .textbox("crt", "X.509 Certificate", values[2])
        .control("test", "Test SSO Connection", "button", "")
        .notice(notice)
        .build()
}

/// Style B: a wizard step with read-only text boxes for the SP values, and "Issuer"/"Login URL".
fn profile_wizard(values: [&str; 3]) -> Snapshot {
    Page::titled("Create SSO profile")
        .heading("Configure your identity provider")
        .copyable("e", "Service provider", "Audience URI (SP Entity ID)", ENTITY)
        .copyable("a", "Service provider", "Single Sign-On URL", ACS)
        .textbox("iss", "Entity ID", values[0])
        .textbox("sso", "Login URL", values[1])
        .textbox("crt", "Certificate", values[2])
        .build()
}

#[test]
fn an_empty_setup_takes_console_and_its_metadata_from_the_profile() {
    let r = see(new_setup("c", 0), &profile_cards([""; 3], ""), Console::Twilio);
    assert_eq!(r.form, Some(FormId::ConsoleProfile));
    assert_eq!(r.setup.product(), Product::Console);
    let urls = r.setup.urls().unwrap();
    assert_eq!((urls.sp_entity_id.as_str(), urls.reply_url.as_str()), (ENTITY, ACS));
    assert_eq!(status(&r.setup, Step::SpMetadata), Status::Done);
    // Another profile's metadata: a conflict, until Replace.
    let mut other_page = profile_cards([""; 3], "");
    for t in &mut other_page.texts {
        t.value = t.value.replace("sso-3f2a9c41d0b84e7a", "sso-aaaaaaaaaaaaaaaa");
    }
    let r = see(r.setup, &other_page, Console::Twilio);
    assert_eq!(r.setup.conflicts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["console/sp-metadata"]);
    assert!(r.fills.is_empty(), "nothing is filled on another profile");
    let replaced = apply_event(r.setup, &SetupEvent::ApproveReplace { id: "console/sp-metadata".into() }, NOW).unwrap();
    let r = see(replaced, &other_page, Console::Twilio);
    assert!(r.setup.urls().unwrap().sp_entity_id.ends_with("sso-aaaaaaaaaaaaaaaa"));
}

#[test]
fn the_profile_is_filled_in_both_styles_and_the_save_is_seen() {
    let login = format!("https://login.microsoftonline.com/{TT}/saml2");
    let issuer = format!("https://sts.windows.net/{TT}/");
    for (style, page) in [("cards", profile_cards([""; 3], "")), ("wizard", profile_wizard([""; 3]))] {
        let r = see(console_ready(), &page, Console::Twilio);
        assert_eq!(r.form, Some(FormId::ConsoleProfile), "{style}");
        let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
        assert_eq!(fills[..2], [("sso", login.as_str()), ("iss", issuer.as_str())], "{style}");
        assert!(fills[2].1.starts_with("-----BEGIN CERTIFICATE-----"), "{style}");
        assert_eq!(status(&r.setup, Step::TwilioSso), Status::Todo, "{style}: not yet typed");
    }
    let typed = profile_cards([&issuer, &login, GOOD_PEM], "");
    let r = see(console_ready(), &typed, Console::Twilio);
    assert_eq!(status(&r.setup, Step::TwilioSso), Status::InProgress);
    let saved = profile_cards([&issuer, &login, GOOD_PEM], "SSO profile saved");
    let r = see(r.setup, &saved, Console::Twilio);
    assert_eq!(status(&r.setup, Step::TwilioSso), Status::Done, "{}", last_what(&r.setup, Step::TwilioSso));
    // Another issuer in the profile: a conflict, never overwritten.
    let r = see(console_ready(), &profile_cards(["https://sts.windows.net/other/", "", ""], ""), Console::Twilio);
    assert!(r.fills.iter().all(|f| f.key != "iss"));
    assert_eq!(r.setup.conflicts[0].id, "console-idp/issuer");
}

#[test]
fn other_products_setups_leave_the_profile_alone_and_console_leaves_theirs() {
    for p in [Product::Frontline, Product::Flex] {
        let r = see(with(p, &[]), &profile_cards([""; 3], ""), Console::Twilio);
        assert_eq!((r.form, r.fills.len()), (Some(FormId::ConsoleProfile), 0), "{p:?}");
        assert_eq!(r.setup.product(), p);
    }
    // Flex's IdP page (the same words, no profile): not Console's.
    let flex_idp = Page::titled("Single sign-on")
        .textbox("s", "SSO URL", "")
        .textbox("i", "Issuer", "")
        .textbox("c", "Certificate", "")
        .build();
    let r = see(console_ready(), &flex_idp, Console::Twilio);
    assert!(r.fills.is_empty() && r.form.is_none(), "{:?}", r.form);
}

#[test]
fn any_assignment_gives_access_since_console_reads_no_role() {
    let users = |rows: &[&[&str]]| {
        Page::titled("Users and groups")
            .table(&["Display name", "Object type", "Role assigned"], &super::rows(rows))
            .build()
    };
    let cases: [(&str, Snapshot, Status, &str); 2] = [
        ("none assigned", users(&[]), Status::Todo, "No users"),
        (
            "Entra's default access",
            users(&[&["Ada", "User", "Default Access"]]),
            Status::Done,
            "1 of 1 assignments have access",
        ),
    ];
    for (name, page, want, says) in cases {
        let r = see(console(), &page, Console::Azure);
        assert_eq!(status(&r.setup, Step::AssignUsers), want, "{name}");
        assert!(
            last_what(&r.setup, Step::AssignUsers).contains(says),
            "{name}: {}",
            last_what(&r.setup, Step::AssignUsers)
        );
    }
}

#[test]
fn the_sp_section_alone_is_the_profile_only_while_its_metadata_is_news() {
    // The SP values in a section of their own (region 2) inside the page's main (region 1).
    let page = |s: &Setup| {
        let mut p = profile_cards([""; 3], "");
        p.regions = vec![
            crate::forms::Region { name: "main".into(), role: "main".into(), parent: None },
            crate::forms::Region { name: "Twilio as SP Metadata".into(), role: "region".into(), parent: Some(1) },
        ];
        for t in &mut p.texts {
            t.region = 2;
        }
        for f in &mut p.fields {
            f.region = 1;
        }
        see(s.clone(), &p, Console::Twilio)
    };
    let first = page(&new_setup("c", 0));
    assert_eq!(first.setup.product(), Product::Console, "the metadata is taken");
    let r = page(&console_ready());
    assert_eq!(r.fills.len(), 3, "then the IdP's fields around it are filled");
}
