//! Whose SAML pane counts (issue 27: any app's pane, in any tenant, overwrote the setup's IdP
//! values, and its certificate was then pinned and filled into Twilio).

use super::*;

const OURS: &str = "6b1a2b3c-0000-4000-8000-00000000000b";
const THEIRS: &str = "7c1a2b3c-0000-4000-8000-00000000000c";

fn entity(sid: &str) -> String {
    format!("https://iam.twilio.com/v2/saml2/metadata/{sid}")
}

/// A SAML pane with `identifier` saved, in a portal tab whose URL (Chrome's) names `app`, in a
/// frame whose own URL names `frame_app`.
fn pane_of(identifier: &str, app: &str, frame_app: &str) -> Snapshot {
    let sso = |a: &str| {
        format!("https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/SignOn/objectId/{a}/appId/{a}")
    };
    let mut s = pane(identifier, "", "Sign SAML response and assertion", "Microsoft Entra Identifier");
    s.top_url = if app.is_empty() { String::new() } else { sso(app) };
    s.url = if frame_app.is_empty() { String::new() } else { sso(frame_app) };
    s
}

fn flex() -> String {
    "urn:flex:JQ0123456789abcdef0123456789abcdef".into()
}

/// The setup, having seen its own app's pane once (its ids are stored).
fn seen_own() -> Setup {
    observe_page(setup(), &pane_of(&entity(SID), OURS, ""), Console::Azure, FillMode::Auto, 1).unwrap().setup
}

#[test]
fn only_the_setups_own_app_gives_idp_values() {
    let other_sid = "JBffffffffffffffffffffffffffffffff";
    for (name, before, page, own) in [
        ("the setup's app, by its Identifier", setup(), pane_of(&entity(SID), OURS, ""), true),
        ("the app just created: nothing saved, nothing stored", setup(), pane_of("", OURS, ""), true),
        ("the setup's app, by the ids Chrome's URL shows", seen_own(), pane_of("", OURS, ""), true),
        ("another app of the tenant", seen_own(), pane_of(&entity(other_sid), THEIRS, ""), false),
        ("another app with no Identifier saved", seen_own(), pane_of("", THEIRS, ""), false),
        ("another tenant's app, nothing stored yet", setup(), pane_of(&entity(other_sid), THEIRS, ""), false),
        ("a frame's own URL claiming the setup's app", seen_own(), pane_of("", THEIRS, OURS), false),
        ("no app known: a typo of ours is the setup's app", setup(), pane_of(&entity(&SID[..33]), "", ""), true),
        ("no app known: an old value being replaced", setup(), pane_of("https://example.test/old", "", ""), true),
        ("no app known: another realm's Identifier", setup(), pane_of(&entity(other_sid), "", ""), false),
        ("no app known: a Flex connection's, for a Frontline setup", setup(), pane_of(&flex(), "", ""), false),
    ] {
        let mut before = before;
        before.login_url.clear();
        before.portal.metadata_url = None;
        before.portal.thumbprint = None;
        let stored = before.portal.app.clone();
        let r = observe_page(before, &page, Console::Azure, FillMode::Auto, 2).unwrap();
        let s = &r.setup;
        assert_eq!(s.login_url.is_empty(), !own, "{name}: Login URL");
        assert_eq!(s.portal.metadata_url.is_none(), !own, "{name}: metadata URL (and so no fetch)");
        assert_eq!(s.portal.thumbprint.is_none(), !own, "{name}: thumbprint");
        assert_eq!(r.fetch_metadata, own, "{name}: fetch");
        assert_eq!(s.conflicts.iter().any(|c| c.id == "saml-pane/app"), !own, "{name}: conflict");
        if !own {
            assert_eq!(s.portal.app, stored, "{name}: the stored app stays");
        }
    }
}

#[test]
fn replace_makes_another_apps_pane_the_setups() {
    let other = pane_of(&entity("JBffffffffffffffffffffffffffffffff"), THEIRS, "");
    let r = observe_page(seen_own(), &other, Console::Azure, FillMode::Auto, 2).unwrap();
    let s = apply_event(r.setup, &SetupEvent::ApproveReplace { id: "saml-pane/app".into() }, 3).unwrap();
    let r = observe_page(s, &other, Console::Azure, FillMode::Auto, 4).unwrap();
    assert!(r.setup.conflicts.is_empty() && r.setup.replace.is_empty());
    assert_eq!(r.setup.portal.app.as_ref().map(|a| a.app_id.as_str()), Some(THEIRS), "now the setup's app");
    assert_eq!(status(&r.setup, Step::BasicSaml), Status::Attention, "its Identifier is named as wrong");
    let again = observe_page(r.setup, &other, Console::Azure, FillMode::Auto, 5).unwrap();
    assert!(again.setup.conflicts.is_empty(), "known by its ids from now on");
}
