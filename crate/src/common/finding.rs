//! The two result shapes every check shares: a `Finding` about good input, and a
//! `CoreError` for input that could not be read at all.

use serde::Serialize;

use crate::entra::portal::{with_labels, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Something an admin should know about a value: `code` is stable for programs,
/// `message` says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

/// A message from a template that names the portal's places as `[Label]` (in English) and
/// its values as `{name}`. Labels are put in first, then values, verbatim: a value is never
/// read as a template, so it cannot make the message say what the input does not hold.
pub fn message(template: &str, values: &[(&str, &str)]) -> String {
    message_in(Lang::En, template, values)
}

/// The same, naming the portal's places in `lang` (the language a page showed).
pub fn message_in(lang: Lang, template: &str, values: &[(&str, &str)]) -> String {
    let template = with_labels(template, lang);
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let name = from.get(1..).and_then(|r| r.find('}').and_then(|end| r.get(..end))).unwrap_or_default();
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => {
                out.push_str(value);
                rest = from.get(name.len() + 2..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

impl Finding {
    pub fn error(code: &'static str, text: impl Into<String>) -> Self {
        Self { code, severity: Severity::Error, message: text.into() }
    }
    pub fn warning(code: &'static str, text: impl Into<String>) -> Self {
        Self { code, severity: Severity::Warning, message: text.into() }
    }
    pub fn info(code: &'static str, text: impl Into<String>) -> Self {
        Self { code, severity: Severity::Info, message: text.into() }
    }
}

/// True when any finding is an error: the value must not be used as it is.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Input that could not be read. Never a panic: every entry point returns this instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CoreError {
    pub code: &'static str,
    pub message: String,
}

impl CoreError {
    pub fn new(code: &'static str, text: impl Into<String>) -> Self {
        Self { code, message: text.into() }
    }
}

impl std::fmt::Display for CoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
    }
}

impl std::error::Error for CoreError {}

#[cfg(test)]
mod tests {
    use super::{message, message_in};
    use crate::entra::portal::Lang;

    #[test]
    fn a_message_puts_in_labels_then_values_and_never_reads_a_value_as_a_template() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: [Case; 5] = [
            ("a label", "In [BasicSaml], fix it.", &[], "In Basic SAML Configuration, fix it."),
            ("a value", "It is {got}.", &[("got", "x")], "It is x."),
            ("a value that looks like a label", "It is {got}.", &[("got", "[BasicSaml]")], "It is [BasicSaml]."),
            ("a value that looks like a value", "{a} and {b}", &[("a", "{b}"), ("b", "2")], "{b} and 2"),
            ("a placeholder with no value", "holds {tenantid}", &[], "holds {tenantid}"),
        ];
        for (name, template, values, want) in cases {
            assert_eq!(message(template, values), want, "{name}");
        }
        assert_eq!(message_in(Lang::De, "[Thumbprint]: {t}", &[("t", "AB")]), "Fingerabdruck: AB");
    }
}
