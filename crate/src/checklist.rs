//! The setup checklist as a pure state machine: events in, new state out. The extension
//! only stores and renders what this returns.

use serde::{Deserialize, Serialize};

use crate::finding::CoreError;

const AZURE_APPS: &str =
    "https://portal.azure.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview";
const AZURE_REGISTRATIONS: &str = "https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade";
const TWILIO_SSO: &str = "https://www.twilio.com/console/frontline/sso";

/// Fixed facts about one step, in the guide's order. Ids are stable: tests and storage use them.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepInfo {
    pub id: &'static str,
    pub title: &'static str,
    pub instruction: &'static str,
    pub link: Option<Link>,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    pub label: &'static str,
    pub url: &'static str,
}

const AZURE: Option<Link> = Some(Link { label: "Open in Azure portal", url: AZURE_APPS });

pub const STEPS: [StepInfo; 11] = [
    StepInfo {
        id: "create-app",
        title: "Create the enterprise application",
        instruction: "Enterprise applications → New application → Create your own application (non-gallery).",
        link: AZURE,
    },
    StepInfo {
        id: "choose-saml",
        title: "Choose SAML single sign-on",
        instruction: "In the new application: Single sign-on → SAML.",
        link: AZURE,
    },
    StepInfo {
        id: "basic-saml",
        title: "Basic SAML Configuration",
        instruction: "Set Identifier (Entity ID) and Reply URL (ACS) to the values below, then Save.",
        link: AZURE,
    },
    StepInfo {
        id: "signing",
        title: "Signing option",
        instruction: "SAML Certificates → Edit: \"Sign SAML response and assertion\", SHA-256.",
        link: AZURE,
    },
    StepInfo {
        id: "claims",
        title: "Attributes & Claims",
        instruction: "Add claims email = user.mail and roles = user.assignedroles, with an empty namespace.",
        link: AZURE,
    },
    StepInfo {
        id: "capture-idp",
        title: "Login URL and Identifier",
        instruction: "From section 4 \"Set up <app>\", copy the Login URL and the Microsoft Entra Identifier.",
        link: AZURE,
    },
    StepInfo {
        id: "certificate",
        title: "Signing certificate",
        instruction: "SAML Certificates: download \"Certificate (Base64)\" and drop it on the certificate card.",
        link: AZURE,
    },
    StepInfo {
        id: "app-role",
        title: "App role Agent",
        instruction: "App registrations → App roles → Create app role: Agent, value agent, Users/Groups, enabled.",
        link: Some(Link { label: "Open in Azure portal", url: AZURE_REGISTRATIONS }),
    },
    StepInfo {
        id: "assign-users",
        title: "Assign users",
        instruction: "Enterprise application → Users and groups → Add user/group, with the role Agent.",
        link: AZURE,
    },
    StepInfo {
        id: "twilio-sso",
        title: "Twilio Frontline SSO",
        instruction:
            "Frontline Console → SSO: Workspace ID, SSO URL, Identity Provider Issuer and X.509 Certificate, then Save.",
        link: Some(Link { label: "Open Twilio Console", url: TWILIO_SSO }),
    },
    StepInfo {
        id: "test-sign-in",
        title: "Test sign-in",
        instruction: "Sign in to the Frontline app as a user with the Agent role.",
        link: None,
    },
];

pub fn step_info(id: &str) -> Option<&'static StepInfo> {
    STEPS.iter().find(|s| s.id == id)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Done,
    Attention,
}

impl Status {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "todo" => Some(Status::Todo),
            "in-progress" => Some(Status::InProgress),
            "done" => Some(Status::Done),
            "attention" => Some(Status::Attention),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Todo => "To do",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Attention => "Needs attention",
        }
    }
}

/// What was seen, where, and when: the reason for a status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub outcome: Status,
    pub what: String,
    #[serde(rename = "where")]
    pub place: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepState {
    pub id: String,
    /// What the evidence says.
    #[serde(default)]
    pub observed: Status,
    /// The admin's "Mark done"; wins over `observed` until undone.
    #[serde(default)]
    pub manual: Option<Status>,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    #[serde(default)]
    pub updated_at: Option<i64>,
    #[serde(default)]
    pub done_at: Option<i64>,
}

impl StepState {
    fn new(id: &str) -> Self {
        Self {
            id: id.to_string(),
            observed: Status::Todo,
            manual: None,
            evidence: Vec::new(),
            updated_at: None,
            done_at: None,
        }
    }
    pub fn status(&self) -> Status {
        self.manual.unwrap_or(self.observed)
    }
}

/// Steps keep this much history; older evidence is dropped first.
pub const MAX_EVIDENCE: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    #[serde(default)]
    pub steps: Vec<StepState>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistEvent {
    /// Evidence from a page or from the core's own checks.
    Observed {
        step: String,
        outcome: Status,
        what: String,
        place: String,
    },
    MarkDone {
        step: String,
    },
    /// Takes back the admin's override, or, without one, sets the step back to "to do".
    Undo {
        step: String,
    },
}

impl Checklist {
    pub fn new() -> Self {
        Self { steps: STEPS.iter().map(|s| StepState::new(s.id)).collect() }
    }

    /// Every known step exactly once, in the guide's order: older stored states gain new
    /// steps, and unknown ones are dropped.
    pub fn normalized(mut self) -> Self {
        let steps = STEPS
            .iter()
            .map(|info| match self.steps.iter().position(|s| s.id == info.id) {
                Some(i) => self.steps.swap_remove(i),
                None => StepState::new(info.id),
            })
            .collect();
        Self { steps }
    }

    pub fn step(&self, id: &str) -> Option<&StepState> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn done_count(&self) -> usize {
        self.steps.iter().filter(|s| s.status() == Status::Done).count()
    }

    pub fn apply(mut self, event: &ChecklistEvent, at: i64) -> Result<Self, CoreError> {
        let id = match event {
            ChecklistEvent::Observed { step, .. }
            | ChecklistEvent::MarkDone { step }
            | ChecklistEvent::Undo { step } => step,
        };
        let known = step_info(id)
            .map(|i| i.id)
            .ok_or_else(|| CoreError::new("unknown_step", format!("There is no checklist step \"{id}\".")))?;
        self = self.normalized();
        let Some(step) = self.steps.iter_mut().find(|s| s.id == known) else {
            return Err(CoreError::new("unknown_step", format!("There is no checklist step \"{id}\".")));
        };
        let before = step.status();
        if let ChecklistEvent::Observed { outcome, what, place, .. } = event {
            // Pages re-render and are collected again: the same evidence twice is one.
            let last = step.evidence.last();
            if step.observed == *outcome
                && last.is_some_and(|e| e.outcome == *outcome && &e.what == what && &e.place == place)
            {
                return Ok(self);
            }
        }
        match event {
            ChecklistEvent::Observed { outcome, what, place, .. } => {
                step.observed = *outcome;
                step.evidence.push(Evidence { outcome: *outcome, what: what.clone(), place: place.clone(), at });
                let excess = step.evidence.len().saturating_sub(MAX_EVIDENCE);
                step.evidence.drain(..excess);
            }
            ChecklistEvent::MarkDone { .. } => step.manual = Some(Status::Done),
            ChecklistEvent::Undo { .. } => {
                if step.manual.take().is_none() {
                    step.observed = Status::Todo;
                }
            }
        }
        step.updated_at = Some(at);
        let after = step.status();
        if after == Status::Done && before != Status::Done {
            step.done_at = Some(at);
        } else if after != Status::Done {
            step.done_at = None;
        }
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observed(step: &str, outcome: Status) -> ChecklistEvent {
        ChecklistEvent::Observed { step: step.into(), outcome, what: "seen".into(), place: "test".into() }
    }

    #[test]
    fn eleven_steps_in_the_guides_order() {
        let ids: Vec<_> = Checklist::new().steps.iter().map(|s| s.id.clone()).collect();
        assert_eq!(
            ids,
            [
                "create-app",
                "choose-saml",
                "basic-saml",
                "signing",
                "claims",
                "capture-idp",
                "certificate",
                "app-role",
                "assign-users",
                "twilio-sso",
                "test-sign-in"
            ]
        );
    }

    #[test]
    fn evidence_then_manual_override_then_undo() {
        let c = Checklist::new().apply(&observed("claims", Status::Attention), 10).unwrap();
        assert_eq!(c.step("claims").unwrap().status(), Status::Attention);
        let c = c.apply(&ChecklistEvent::MarkDone { step: "claims".into() }, 20).unwrap();
        assert_eq!(c.step("claims").unwrap().status(), Status::Done);
        assert_eq!(c.step("claims").unwrap().done_at, Some(20));
        assert_eq!(c.done_count(), 1);
        let c = c.apply(&ChecklistEvent::Undo { step: "claims".into() }, 30).unwrap();
        assert_eq!(c.step("claims").unwrap().status(), Status::Attention, "undo takes back the override only");
        let c = c.apply(&ChecklistEvent::Undo { step: "claims".into() }, 40).unwrap();
        assert_eq!(c.step("claims").unwrap().status(), Status::Todo);
        assert_eq!(c.step("claims").unwrap().evidence.len(), 1, "history is kept");
    }

    #[test]
    fn unknown_steps_are_typed_errors_and_old_states_are_normalized() {
        assert_eq!(Checklist::new().apply(&observed("nope", Status::Done), 1).unwrap_err().code, "unknown_step");
        let old = Checklist { steps: vec![StepState::new("claims"), StepState::new("retired-step")] };
        let ids: Vec<_> = old.normalized().steps.into_iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), 11);
        assert!(!ids.contains(&"retired-step".to_string()));
    }

    #[test]
    fn evidence_is_capped() {
        let mut c = Checklist::new();
        for i in 0..(MAX_EVIDENCE as i64 + 5) {
            let e = ChecklistEvent::Observed {
                step: "signing".into(),
                outcome: Status::InProgress,
                what: format!("seen {i}"),
                place: "test".into(),
            };
            c = c.apply(&e, i).unwrap();
        }
        let again = c
            .clone()
            .apply(
                &ChecklistEvent::Observed {
                    step: "signing".into(),
                    outcome: Status::InProgress,
                    what: "seen 24".into(),
                    place: "test".into(),
                },
                99,
            )
            .unwrap();
        assert_eq!(again, c, "repeated evidence is recorded once");
        let s = c.step("signing").unwrap();
        assert_eq!(s.evidence.len(), MAX_EVIDENCE);
        assert_eq!(s.evidence[0].at, 5);
    }
}
