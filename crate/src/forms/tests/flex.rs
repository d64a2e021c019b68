//! Flex's setup on the same forms: its three claims and roles in the Azure portal, and its two
//! pages in the Twilio Console.

use super::page::{rows, Page};
use super::{status, GOOD_PEM, NOW, TT};
use crate::common::ids::Step;
use crate::forms::{observe_page, Console, FillMode, FormId, Snapshot};
use crate::product::Product;
use crate::setup::checklist::Status;
use crate::setup::{apply_event, new_setup, Setup, SetupEvent};

const JQ: &str = "JQ0123456789abcdef0123456789abcdef";
const JB: &str = "JB0123456789abcdef0123456789abcdef";

fn acs(region: &str) -> String {
    format!("https://login.flex.{region}.twilio.com/login/callback?connection={JQ}")
}

fn flex(events: &[SetupEvent]) -> Setup {
    let mut s = apply_event(new_setup("f", 0), &SetupEvent::SetProduct(Product::Flex), 0).unwrap();
    for e in events {
        s = apply_event(s, e, NOW).unwrap();
    }
    s
}

fn flex_sid() -> Setup {
    flex(&[SetupEvent::SetRealmSid { value: JQ.into() }])
}

fn see(s: Setup, page: &Snapshot, console: Console) -> crate::forms::PageResult {
    observe_page(s, page, console, FillMode::Auto, NOW).unwrap()
}

fn last_what(s: &Setup, step: Step) -> String {
    s.checklist.step(step).unwrap().evidence.last().map(|e| e.what.clone()).unwrap_or_default()
}

#[test]
fn basic_saml_gets_flex_urls() {
    let page = Page::titled("Basic SAML Configuration")
        .heading("Basic SAML Configuration")
        .textbox("id", "Identifier (Entity ID)", "")
        .textbox("acs", "Reply URL (Assertion Consumer Service URL)", "")
        .build();
    let ie1 = flex(&[SetupEvent::SetRealmSid { value: acs("ie1") }]);
    let r = see(ie1, &page, Console::Azure);
    let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.value.clone())).collect();
    assert_eq!(fills, [("id", format!("urn:flex:{JQ}")), ("acs", acs("ie1"))]);
}

#[test]
fn three_claims_three_roles_and_assignments_per_role() {
    let claims = |list: &[&[&str]]| {
        Page::titled("Attributes & Claims").table(&["Claim name", "Type", "Value"], &rows(list)).build()
    };
    let claim_form = Page::titled("Manage claim")
        .textbox("n", "Name", "")
        .textbox("ns", "Namespace", "")
        .control("sa", "Source attribute", "combobox", "")
        .build();
    let role_form = Page::titled("Create app role")
        .textbox("d", "Display name", "")
        .control("u", "Users/Groups", "radio", "")
        .textbox("v", "Value", "")
        .textbox("ds", "Description", "")
        .control("e", "Do you want to enable this app role?", "checkbox", "")
        .build();
    let headers = ["Display name", "Description", "Allowed member types", "Value", "ID", "State"];
    let roles = |list: &[&[&str]]| Page::titled("App roles").table(&headers, &rows(list)).build();
    let agent: &[&str] = &["Agent", "Flex agent", "Users/Groups", "agent", "x", "Enabled"];
    let supervisor: &[&str] = &["Supervisor", "Flex supervisor", "Users/Groups", "supervisor", "y", "Enabled"];
    let admin: &[&str] = &["Admin", "Flex admin", "Users/Groups", "admin", "z", "Disabled"];
    let fills = |r: &crate::forms::PageResult| -> Vec<(String, String)> {
        r.fills.iter().map(|f| (f.key.clone(), f.value.clone())).collect()
    };
    let pair = |k: &str, v: &str| (k.to_string(), v.to_string());

    // Claims: the form adds the next one the list lacks, three times.
    let s = flex_sid();
    let r = see(s.clone(), &claim_form, Console::Azure);
    assert_eq!(fills(&r)[0], pair("n", "email"), "nothing seen yet: the first claim");
    let r = see(s, &claims(&[&["email", "SAML", "user.mail"]]), Console::Azure);
    assert_eq!(status(&r.setup, Step::Claims), Status::InProgress);
    let r = see(r.setup, &claim_form, Console::Azure);
    assert_eq!(fills(&r), [pair("n", "full_name"), pair("sa", "user.displayname")], "the namespace is empty already");
    let all = claims(&[
        &["email", "SAML", "user.mail"],
        &["full_name", "SAML", "user.displayname"],
        &["roles", "SAML", "user.assignedroles"],
    ]);
    let r = see(r.setup, &all, Console::Azure);
    assert_eq!(status(&r.setup, Step::Claims), Status::Done);
    assert_eq!(
        last_what(&r.setup, Step::Claims),
        "Claims email = user.mail, full_name = user.displayname and roles are saved"
    );

    // App roles: the form fills the next role the list lacks; a disabled one needs attention.
    let s = flex_sid();
    let r = see(s.clone(), &roles(&[agent]), Console::Azure);
    assert_eq!(status(&r.setup, Step::AppRole), Status::InProgress);
    assert_eq!(last_what(&r.setup, Step::AppRole), "App roles still to create: supervisor and admin");
    let r = see(r.setup, &role_form, Console::Azure);
    assert_eq!(fills(&r)[..3], [pair("d", "Supervisor"), pair("v", "supervisor"), pair("ds", "Flex supervisor")]);
    let r = see(r.setup, &roles(&[agent, supervisor, admin]), Console::Azure);
    assert_eq!(status(&r.setup, Step::AppRole), Status::Attention);
    let enabled: &[&str] = &["Admin", "Flex admin", "Users/Groups", "admin", "z", "Enabled"];
    let r = see(r.setup, &roles(&[agent, supervisor, enabled]), Console::Azure);
    assert_eq!(status(&r.setup, Step::AppRole), Status::Done);
    let r = see(s, &roles(&[]), Console::Azure);
    assert_eq!(last_what(&r.setup, Step::AppRole), "No app role with the value agent, supervisor or admin yet");

    // Assignments: any Flex role counts, counted per role.
    let columns = ["Display name", "Object type", "Role assigned"];
    let users = |list: &[&[&str]]| Page::titled("Users and groups").table(&columns, &rows(list)).build();
    let r = see(
        flex_sid(),
        &users(&[
            &["Ada", "User", "Supervisor"],
            &["Bo", "User", "Agent"],
            &["Cy", "User", "Admin"],
            &["Di", "User", "Default Access"],
        ]),
        Console::Azure,
    );
    assert_eq!(status(&r.setup, Step::AssignUsers), Status::Done);
    assert_eq!(
        last_what(&r.setup, Step::AssignUsers),
        "3 of 4 assignments have a Flex role (Agent 1, Supervisor 1, Admin 1)"
    );
    let r = see(flex_sid(), &users(&[&["Di", "User", "Default Access"]]), Console::Azure);
    assert_eq!(status(&r.setup, Step::AssignUsers), Status::Attention);
    assert!(last_what(&r.setup, Step::AssignUsers).contains("Agent, Supervisor or Admin"));
}

/// "Set up your identity provider", in two dialects: read-only pairs, or copyable text boxes.
fn sp_page(dialect: &str, entity: &str, acs: &str) -> Snapshot {
    let page = Page::titled("Single sign-on").heading("Set up your identity provider");
    match dialect {
        "pairs" => page.pair("", "Entity ID", entity).pair("", "ACS URL", acs).build(),
        _ => page.copyable("e", "", "Copy Entity ID", entity).copyable("a", "", "Copy ACS URL", acs).build(),
    }
}

#[test]
fn the_flex_console_shows_the_connection_and_the_setup_takes_it() {
    for dialect in ["pairs", "copyable"] {
        let page = sp_page(dialect, &format!("urn:flex:{JQ}"), &acs("ie1"));
        // An empty setup, even one still Frontline's, takes Flex and the ACS URL (with its region).
        let r = see(new_setup("n", 0), &page, Console::Twilio);
        assert_eq!(r.form, Some(FormId::FlexSpValues), "{dialect}");
        assert_eq!(r.setup.product(), Product::Flex, "{dialect}");
        let urls = r.setup.urls().unwrap();
        assert_eq!((urls.sid.as_str(), urls.region.as_deref()), (JQ, Some("ie1")), "{dialect}");
        // The same connection again: nothing changes.
        let again = see(r.setup, &page, Console::Twilio);
        assert!(!again.changed, "{dialect}");
        // Another connection: a conflict until Replace.
        let other = see(
            flex(&[SetupEvent::SetRealmSid { value: "JQffffffffffffffffffffffffffffffff".into() }]),
            &page,
            Console::Twilio,
        );
        assert_eq!(other.setup.conflicts[0].id, "flex/connection-sid", "{dialect}");
        assert_eq!(other.setup.urls().unwrap().sid, "JQffffffffffffffffffffffffffffffff", "{dialect}");
        // A setup the admin made Frontline's, even an empty one: not its business.
        let chosen = apply_event(new_setup("c", 0), &SetupEvent::SetProduct(Product::Frontline), 0).unwrap();
        let r = see(chosen, &page, Console::Twilio);
        assert!(!r.changed && r.setup.product() == Product::Frontline, "{dialect}");
        // A Frontline setup with its SID: not its business.
        let frontline = apply_event(new_setup("j", 0), &SetupEvent::SetRealmSid { value: JB.into() }, 0).unwrap();
        let r = see(frontline, &page, Console::Twilio);
        assert!(!r.changed && r.setup.conflicts.is_empty(), "{dialect}");
    }
    // Legacy URLs on a page are not today's connection.
    let legacy = Page::titled("x")
        .pair("", "ACS", "https://iam.twilio.com/v1/Accounts/AC0123456789abcdef0123456789abcdef/saml2")
        .build();
    assert_eq!(see(new_setup("n", 0), &legacy, Console::Twilio).form, None);
}

fn ready() -> Setup {
    flex(&[
        SetupEvent::SetRealmSid { value: JQ.into() },
        SetupEvent::SetIdpValues {
            login_url: Some(format!("https://login.microsoftonline.com/{TT}/saml2")),
            entra_identifier: Some(format!("https://sts.windows.net/{TT}/")),
            place: None,
        },
        SetupEvent::SetCertificate { text: Some(GOOD_PEM.into()), bytes: None, source: "test".into() },
    ])
}

/// The page that takes the IdP's values, in two dialects of names.
fn idp_page(dialect: &str, values: [&str; 3], notice: &str) -> Snapshot {
    let names = match dialect {
        "legacy" => ["Single Sign-On URL", "Identity Provider Issuer", "X.509 Certificate"],
        _ => ["SSO URL", "Issuer", "Certificate"],
    };
    Page::titled("Single sign-on")
        .heading("Enter identity provider data")
        .notice(notice)
        .textbox("s", names[0], values[0])
        .textbox("i", names[1], values[1])
        .textbox("c", names[2], values[2])
        .build()
}

#[test]
fn the_flex_idp_form_is_filled_refused_and_verified() {
    let login = format!("https://login.microsoftonline.com/{TT}/saml2");
    let ident = format!("https://sts.windows.net/{TT}/");
    for dialect in ["legacy", "today"] {
        let s = ready();
        let pem = s.certificate_pem.clone().unwrap();
        let r = see(s, &idp_page(dialect, [""; 3], ""), Console::Twilio);
        assert_eq!(r.form, Some(FormId::FlexIdpData), "{dialect}");
        let fills: Vec<_> = r.fills.iter().map(|f| (f.key.as_str(), f.value.as_str())).collect();
        assert_eq!(fills, [("s", login.as_str()), ("i", ident.as_str()), ("c", pem.as_str())], "{dialect}");
        let saved = see(r.setup, &idp_page(dialect, [&login, &ident, &pem], "Configuration saved"), Console::Twilio);
        assert_eq!(status(&saved.setup, Step::TwilioSso), Status::Done, "{dialect}");
        // Another issuer in the field: a conflict, never overwritten.
        let other = see(ready(), &idp_page(dialect, ["", "https://sts.windows.net/x/", ""], ""), Console::Twilio);
        assert!(other.fills.iter().all(|f| f.key != "i"), "{dialect}");
        assert_eq!(other.setup.conflicts[0].id, "flex-idp/issuer", "{dialect}");
        // No trailing slash: refused, and said why.
        let slash = flex(&[
            SetupEvent::SetRealmSid { value: JQ.into() },
            SetupEvent::SetIdpValues {
                login_url: Some(login.clone()),
                entra_identifier: Some(ident.trim_end_matches('/').into()),
                place: None,
            },
            SetupEvent::SetCertificate { text: Some(GOOD_PEM.into()), bytes: None, source: "test".into() },
        ]);
        let r = see(slash, &idp_page(dialect, [""; 3], ""), Console::Twilio);
        assert!(r.fills.is_empty(), "{dialect}");
        assert!(last_what(&r.setup, Step::TwilioSso).starts_with("Not filled"), "{dialect}");
    }
    // A Frontline setup is never filled on Flex's page, nor a Flex one on Frontline's.
    let frontline = apply_event(new_setup("j", 0), &SetupEvent::SetRealmSid { value: JB.into() }, 0).unwrap();
    assert!(see(frontline, &idp_page("today", [""; 3], ""), Console::Twilio).fills.is_empty());
}

#[test]
fn a_flex_idp_page_named_otherwise_is_not_filled_and_asks_for_a_page_report() {
    let page = Page::titled("Single sign-on")
        .heading("Connect your IdP")
        .textbox("a", "IdP sign-in endpoint", "")
        .textbox("b", "IdP identifier", "")
        .textbox("c", "Public key", "")
        .build();
    let r = see(ready(), &page, Console::Twilio);
    assert_eq!((r.form, r.fills.len()), (None, 0));
    assert!(r.unrecognised, "the panel offers a page report");
}
