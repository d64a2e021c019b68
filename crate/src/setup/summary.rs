//! The Markdown an admin pastes into a ticket: every value and every step's status, the test
//! sign-in and its refusal, and the findings.

use super::{view, Setup, SetupView, SignInFailure};
use crate::common::finding::Finding;
use crate::entra::portal::with_labels;
use crate::product::{Product, SpSource};
use crate::setup::checklist::Status;

/// A value in a table cell: quoted, never read as Markdown; a dash when empty.
fn cell(s: &str) -> String {
    if s.is_empty() {
        "—".to_string()
    } else {
        format!("`{}`", s.replace('`', "'").replace('|', "\\|"))
    }
}

/// The Markdown an admin pastes into a ticket: every value and every step's status.
pub fn summary_markdown(setup: &Setup, now: i64) -> String {
    let v = view(setup, now);
    let facts = setup.product().facts();
    let title = v.realm.as_ref().map(|r| r.sid.clone()).unwrap_or_else(|| format!("(no {} yet)", facts.sid_name));
    let mut out = format!("# {} SSO setup — {title}\n\n", facts.name);
    out.push_str(&format!("Progress: **{} of {} done**\n\n", v.done, v.total));
    out.push_str(&values(setup, &v));
    out.push_str(&steps(&v));
    if let Some(e) = &v.realm_error {
        out.push_str(&format!("\n**{}:** {} (`{}`)\n", facts.sid_name, e.message, e.code));
    }
    out.push_str(&sign_in(setup));
    if let Some(f) = &setup.sign_in_failure {
        out.push_str(&refused(f));
    }
    let mut findings: Vec<&Finding> = Vec::new();
    if let Some(idp) = &v.idp {
        findings.extend(idp.findings.iter());
    }
    if let Some(c) = &v.certificate {
        findings.extend(c.findings.iter());
    }
    findings.extend(v.workspace_findings.iter());
    if !findings.is_empty() {
        out.push_str("\n## Findings\n\n");
        for f in findings {
            out.push_str(&format!("- {} `{}`: {}\n", f.severity.label(), f.code, f.message));
        }
    }
    out
}

/// The values table: each value the two consoles need, in the portal's language.
fn values(setup: &Setup, v: &SetupView) -> String {
    let facts = setup.product().facts();
    // SP metadata is a whole document: the summary names its entity ID, never its text.
    let as_typed = if facts.source == SpSource::Metadata { String::new() } else { setup.sp_input.clone() };
    let realm_sid = v.realm.as_ref().map(|r| r.sid.clone()).unwrap_or(as_typed);
    let lang = setup.portal.lang;
    let roles = match facts.roles {
        [only] => format!("{} (value {}, [MemberTypesUsers], enabled)", only.display_name, only.value),
        all => {
            let each: Vec<String> = all.iter().map(|r| format!("{} (value {})", r.display_name, r.value)).collect();
            format!("{}, [MemberTypesUsers], enabled", each.join(", "))
        }
    };
    let roles = with_labels(&roles, lang);
    let mut rows: Vec<(&str, String)> = vec![(facts.sid_name, realm_sid)];
    if setup.product() == Product::Frontline {
        rows.push(("Workspace ID", setup.workspace_id.clone()));
    }
    let cert = |f: fn(&crate::cert::certificate::CertificateReport) -> String| {
        v.certificate.as_ref().map(f).unwrap_or_default()
    };
    rows.extend([
        ("Application name", v.app_name.clone()),
        ("[Identifier]", v.realm.as_ref().map(|r| r.sp_entity_id.clone()).unwrap_or_default()),
        ("Reply URL (ACS)", v.realm.as_ref().map(|r| r.reply_url.clone()).unwrap_or_default()),
        ("Signing option", format!("{}, {}", facts.signing_option.in_lang(lang), facts.signing_algorithm)),
    ]);
    match facts.name_id {
        // Console: the NameID, and neither claims nor roles.
        Some(n) => rows.push(("[NameIdClaim]", format!("{}, {}", n.format.in_lang(lang), n.source_attribute))),
        None => rows.extend([
            (
                "Claims",
                facts
                    .claims
                    .iter()
                    .map(|c| format!("{} = {}", c.name, c.source_attribute))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (if facts.roles.len() == 1 { "App role" } else { "App roles" }, roles),
        ]),
    }
    rows.extend([
        ("Login URL (Twilio SSO URL)", setup.login_url.clone()),
        ("[EntraIdentifier] (Twilio Identity Provider Issuer)", setup.entra_identifier.clone()),
        ("Certificate subject", cert(|c| c.subject.clone())),
        ("Certificate thumbprint (SHA-1)", cert(|c| c.thumbprint_sha1.clone())),
        ("Certificate expires", cert(|c| c.not_after.clone())),
    ]);
    let mut out = String::from("## Values\n\n| Value | |\n|---|---|\n");
    // Labels only: a value is written as it is, never read as a template.
    for (k, val) in rows {
        out.push_str(&format!("| {} | {} |\n", with_labels(k, lang), cell(&val)));
    }
    out
}

/// Every step, done or not, with its last evidence; the renewal's steps while one is under way.
fn steps(v: &SetupView) -> String {
    let mut out = String::from("\n## Steps\n\n");
    for s in &v.steps {
        let mark = if s.status == Status::Done { "x" } else { " " };
        let manual = if s.manual { " (marked by the admin)" } else { "" };
        out.push_str(&format!("- [{mark}] {}. {} — **{}**{manual}", s.number, s.title, s.status_label));
        if let Some(e) = s.evidence.last() {
            out.push_str(&format!(": {} ({})", e.what, e.place));
        }
        out.push('\n');
    }
    if let Some(r) = &v.renewal {
        out.push_str(&format!(
            "\n## Certificate renewal — {} of {} done\n\nExpiring: `{}` (ends {}); successor: {}\n\n",
            r.done,
            r.total,
            r.old_thumbprint,
            r.old_not_after,
            r.new_thumbprint.as_deref().map_or("—".to_string(), |t| format!("`{t}`"))
        ));
        for s in &r.steps {
            let mark = if s.status == Status::Done { "x" } else { " " };
            out.push_str(&format!("- [{mark}] {}. {} — **{}**\n", s.number, s.title, s.status_label));
        }
    }
    out
}

/// The test sign-in's check, if one was made.
fn sign_in(setup: &Setup) -> String {
    let Some(si) = &setup.sign_in else { return String::new() };
    let mut out = format!(
        "\n## Test sign-in\n\n- NameID: {}\n- Issuer: {}\n- Audience: {}\n- Signatures: {}\n",
        si.name_id.as_deref().unwrap_or("—"),
        si.issuer.as_deref().unwrap_or("—"),
        si.audience.as_deref().unwrap_or("—"),
        si.signature_note
    );
    for f in &si.findings {
        out.push_str(&format!("- {} `{}`: {}\n", f.severity, f.code, f.message));
    }
    out
}

/// A sign-in Entra refused: the code, the values side by side, the fix and the troubleshooting ids.
fn refused(f: &SignInFailure) -> String {
    let code = f.code.map_or_else(|| "Twilio's request".to_string(), |c| format!("AADSTS{c}"));
    let mut out = format!("\n## Sign-in refused — {code}\n\n{}\n\n", f.summary);
    for v in &f.values {
        out.push_str(&format!("- {}: {} (should be {})\n", v.what, cell(&v.actual), cell(&v.expected)));
    }
    out.push_str(&format!("- Fix: {}\n", f.fix));
    for (k, v) in [("Request Id", &f.request_id), ("Correlation Id", &f.correlation_id), ("Timestamp", &f.timestamp)] {
        if let Some(v) = v {
            out.push_str(&format!("- {k}: {v}\n"));
        }
    }
    out
}
