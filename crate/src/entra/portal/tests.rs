use super::{is_portal_word, page_lang, with_labels, wordings_in, Label, Lang};

fn norm(s: &str) -> String {
    s.to_lowercase()
}

#[test]
fn every_language_names_every_label() {
    for lang in Lang::ALL {
        for label in Label::ALL {
            assert!(!label.in_lang(lang).is_empty(), "{lang:?} lacks {label:?}");
            assert!(super::entry(lang, label).is_some(), "{lang:?} has no row for {label:?}");
        }
        assert_eq!(lang.table().len(), Label::ALL.len(), "{lang:?} lists a label twice");
    }
}

#[test]
fn a_label_is_recognised_in_any_language_and_named_in_the_pages() {
    let cases = [
        ("German identifier", Label::Identifier, "Bezeichner (Entitäts-ID)", Lang::De),
        ("Japanese reply URL", Label::ReplyUrl, "応答 URL (Assertion Consumer Service URL)", Lang::Ja),
        ("French identifier", Label::Identifier, "Identificateur (ID d'entité)", Lang::Fr),
        ("Spanish identifier", Label::Identifier, "Identificador (id. de entidad)", Lang::Es),
        ("Brazilian identifier", Label::Identifier, "Identificador (ID da Entidade)", Lang::PtBr),
    ];
    for (name, label, text, lang) in cases {
        assert!(label.wordings().any(|w| w == text), "{name}: not recognised");
        assert_eq!(label.in_lang(lang), text, "{name}: not named in the page's language");
    }
}

#[test]
fn the_page_language_is_the_one_naming_most_of_its_words() {
    let cases: [(&str, &[&str], Option<Lang>); 5] = [
        ("English form", &["Identifier (Entity ID)", "Default", "Name"], Some(Lang::En)),
        ("German form", &["Bezeichner (Entitäts-ID)", "Standard", "Name"], Some(Lang::De)),
        ("Japanese pane", &["基本的な SAML 構成", "ログイン URL"], Some(Lang::Ja)),
        ("words common to several: English", &["Name", "Namespace", "Description"], Some(Lang::En)),
        ("none of the portal's words: unknown", &["Contoso", "owlpress"], None),
    ];
    for (name, texts, want) in cases {
        let texts: Vec<String> = texts.iter().map(|t| norm(t)).collect();
        let words: Vec<Vec<String>> = Lang::ALL.iter().map(|l| wordings_in(*l).map(norm).collect()).collect();
        let of = |lang: Lang| words[Lang::ALL.iter().position(|l| *l == lang).unwrap()].as_slice();
        assert_eq!(page_lang(&texts, of), want, "{name}");
    }
}

#[test]
fn portal_words_are_known_in_every_language() {
    for w in ["Sign SAML response and assertion", "SAML-Antwort und -Assertion signieren", "有効"] {
        assert!(is_portal_word(w), "{w}");
    }
    assert!(!is_portal_word("Contoso Frontline"));
}

#[test]
fn messages_name_portal_places_in_the_pages_language() {
    let cases = [
        ("English", "In [SamlCertificates] → Edit", Lang::En, "In SAML Certificates → Edit"),
        ("German", "In [SamlCertificates] → Edit", Lang::De, "In SAML-Zertifikate → Edit"),
        ("Japanese", "[BasicSaml]: [Identifier]", Lang::Ja, "基本的な SAML 構成: 識別子 (エンティティ ID)"),
        ("not a label", "[nameid-format] and [x", Lang::En, "[nameid-format] and [x"),
        ("unclosed", "a [SamlCertificates", Lang::En, "a [SamlCertificates"),
        ("no brackets", "plain", Lang::De, "plain"),
    ];
    for (name, text, lang, want) in cases {
        assert_eq!(with_labels(text, lang), want, "{name}");
    }
}

#[test]
fn every_label_has_its_own_name() {
    for label in Label::ALL {
        assert_eq!(format!("{label:?}"), label.name());
    }
}
