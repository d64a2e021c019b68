//! The click rule. The extension fills, it never decides for the admin: it may click only a
//! control that extends the unsaved form (a row-adder, such as the identifier list's), and never one
//! that commits or discards. The plan asks for such clicks by label; this is the last check.

use super::{norm, Wording};
use crate::entra::portal::ROW_ADDERS;

/// Words of controls that commit or discard, in any position of a label: "Save", "Create",
/// "Assign", "Apply", "Delete", "Discard", "Reset", and their kin, and the certificate list's
/// make-active action, which switches every sign-in to another certificate.
const NEVER: &[&str] = &[
    "save", "create", "assign", "apply", "delete", "discard", "reset", "remove", "submit", "ok", "done", "select",
    "confirm", "cancel", "close", "review", "active", "activate", "import", "upload",
];

/// Whether a control with this label may be clicked: a known row-adder, with no word that
/// commits or discards. "Add" alone (a picker's Add) is not a row-adder.
pub fn click_allowed(label: &str) -> bool {
    let n = norm(label.trim_start_matches('+'));
    let commits = n.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| NEVER.contains(&w));
    !commits && ROW_ADDERS.iter().any(|l| l.names(&n))
}

#[cfg(test)]
mod tests {
    use super::click_allowed;
    use crate::entra::portal::Label;

    #[test]
    fn only_row_adders_are_ever_clicked() {
        for (label, allowed) in [
            ("Add identifier", true),
            ("+ Add identifier", true),
            ("Add reply URL", true),
            ("Add Reply URL", true),
            ("Save", false),
            ("Create", false),
            ("Assign", false),
            ("Apply", false),
            ("Delete", false),
            ("Discard", false),
            ("Discard changes", false),
            ("Reset", false),
            ("Add", false),
            ("+ Add user/group", false),
            ("+ Add new claim", false),
            ("Add identifier and save", false),
            ("Select", false),
            ("Import Certificate", false),
            ("", false),
        ] {
            assert_eq!(click_allowed(label), allowed, "{label:?}");
        }
        // The certificate list's actions, in every language: a new certificate, or one made
        // active, is the admin's decision.
        for label in [Label::MakeCertActive, Label::NewCertificate] {
            for w in label.wordings() {
                assert!(!click_allowed(w) && !click_allowed(&format!("+ {w}")), "{w:?}");
            }
        }
    }
}
