//! The setup checklist as a pure state machine: events in, new state out. The extension
//! only stores and renders what this returns.

use serde::{Deserialize, Serialize};

use crate::common::codes;
use crate::common::finding::CoreError;
use crate::common::ids::Step;
use crate::entra::links::Place;
use crate::product::Product;

/// Fixed facts about one step, in the guide's order.
#[derive(Debug, Clone, Copy)]
pub struct StepInfo {
    pub id: Step,
    pub title: &'static str,
    pub instruction: &'static str,
    /// What the extension does on that page, so the admin knows what to expect.
    pub assist: &'static str,
    pub dest: Dest,
}

/// Where a step's link goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dest {
    Portal(Place),
    Twilio,
    Nowhere,
}

const SSO: Dest = Dest::Portal(Place::SingleSignOn);
const CERTS: Dest = Dest::Portal(Place::Certificates);
const READS: &str = "The extension reads the blade and marks the step when it sees the change saved.";

/// The product's words for a step that differs between products: filled in by `steps`.
const BY_PRODUCT: &str = "";

/// The product's steps, in its order and its words.
pub fn steps(product: Product) -> Vec<StepInfo> {
    let facts = product.facts();
    let t = &facts.texts;
    let worded = STEPS.map(|info| match info.id {
        Step::Claims => StepInfo { instruction: t.claims, assist: t.claims_assist, ..info },
        Step::AppRole => {
            StepInfo { title: t.app_role_title, instruction: t.app_role, assist: t.app_role_assist, ..info }
        }
        Step::AssignUsers => StepInfo { instruction: t.assign, ..info },
        Step::TwilioSso => StepInfo { title: t.twilio_title, instruction: t.twilio, assist: t.twilio_assist, ..info },
        Step::TestSignIn => StepInfo { instruction: t.test, ..info },
        _ => info,
    });
    let own = |info: StepInfo| match t.own.iter().find(|o| o.step == info.id) {
        Some(o) => StepInfo { title: o.title, instruction: o.instruction, assist: o.assist, ..info },
        None => info,
    };
    facts.steps.iter().filter_map(|id| worded.iter().find(|i| i.id == *id).copied()).map(own).collect()
}

/// The steps' ids and the words all products share; `steps` gives a product's whole list.
pub const STEPS: [StepInfo; 14] = [
    StepInfo {
        id: Step::SpMetadata,
        title: BY_PRODUCT,
        instruction: BY_PRODUCT,
        assist: BY_PRODUCT,
        dest: Dest::Twilio,
    },
    StepInfo {
        id: Step::CreateApp,
        title: "Create the enterprise application",
        instruction: "Enterprise applications → New application → Create your own application (non-gallery).",
        assist: "The extension types the name and chooses non-gallery; you click Create.",
        dest: Dest::Portal(Place::AppsList),
    },
    StepInfo {
        id: Step::ChooseSaml,
        title: "Choose SAML single sign-on",
        instruction: "In the new application: Single sign-on → SAML.",
        assist: READS,
        dest: SSO,
    },
    StepInfo {
        id: Step::BasicSaml,
        title: "[BasicSaml]",
        instruction: "Set [Identifier] and Reply URL (ACS) to the values below, then Save.",
        assist: "The extension adds the rows and fills both values; you click Save.",
        dest: SSO,
    },
    StepInfo {
        id: Step::Signing,
        title: "Signing option",
        instruction: "[SamlCertificates] → Edit: \"[SignResponseAndAssertion]\", SHA-256.",
        assist: "The extension chooses the option and the algorithm; you click Save.",
        dest: CERTS,
    },
    StepInfo { id: Step::Claims, title: "[ClaimsSection]", instruction: BY_PRODUCT, assist: BY_PRODUCT, dest: SSO },
    StepInfo { id: Step::NameId, title: BY_PRODUCT, instruction: BY_PRODUCT, assist: BY_PRODUCT, dest: SSO },
    StepInfo {
        id: Step::CaptureIdp,
        title: "Login URL and Identifier",
        instruction: "From section 4 \"Set up <app>\", copy the Login URL and the [EntraIdentifier].",
        assist: "The extension copies both values from the single sign-on blade into this panel.",
        dest: SSO,
    },
    StepInfo {
        id: Step::Certificate,
        title: "Signing certificate",
        instruction: "[SamlCertificates]: download \"Certificate (Base64)\" and drop it on the certificate card.",
        assist: "With your permission the extension fetches it from the app's federation metadata instead.",
        dest: CERTS,
    },
    StepInfo {
        id: Step::AppRole,
        title: BY_PRODUCT,
        instruction: BY_PRODUCT,
        assist: BY_PRODUCT,
        dest: Dest::Portal(Place::AppRoles),
    },
    StepInfo {
        id: Step::AssignUsers,
        title: "Assign users",
        instruction: BY_PRODUCT,
        assist: "You pick the users; the extension reads the assignments and checks their role.",
        dest: Dest::Portal(Place::Users),
    },
    StepInfo {
        id: Step::TwilioSso,
        title: BY_PRODUCT,
        instruction: BY_PRODUCT,
        assist: BY_PRODUCT,
        dest: Dest::Twilio,
    },
    StepInfo {
        id: Step::TestSignIn,
        title: "Test sign-in",
        instruction: BY_PRODUCT,
        assist: "Start the test sign-in below: the extension checks the SAML response Entra sends to Twilio.",
        dest: Dest::Nowhere,
    },
    StepInfo { id: Step::Enforce, title: BY_PRODUCT, instruction: BY_PRODUCT, assist: BY_PRODUCT, dest: Dest::Twilio },
];

/// The certificate renewal, before the active certificate expires: a checklist of its own.
pub const RENEWAL_STEPS: [StepInfo; 5] = [
    StepInfo {
        id: Step::RenewAdd,
        title: "Add a new certificate",
        instruction: "[SamlCertificates] → Edit → [NewCertificate], then Save.",
        assist: "The extension reads the certificate list and its statuses.",
        dest: CERTS,
    },
    StepInfo {
        id: Step::RenewActivate,
        title: "Make the new certificate active",
        instruction: "In the certificate list, the new certificate's ⋯ menu → [MakeCertActive]. Sign-ins use it \
            from then on, so update Twilio right after.",
        assist: "The extension never clicks [MakeCertActive]: that is yours. It sees the status change.",
        dest: CERTS,
    },
    StepInfo {
        id: Step::RenewCapture,
        title: "Take the new certificate",
        instruction: "Open the single sign-on blade: the new [Thumbprint] is captured, then the new federation \
            metadata is fetched (or drop the new Certificate (Base64)).",
        assist: "The extension takes the certificate whose thumbprint the portal shows as active.",
        dest: CERTS,
    },
    StepInfo {
        id: Step::RenewTwilio,
        title: "Put the new certificate in Twilio",
        instruction: "Twilio's SSO page (the step that took the identity provider's values): the X.509 Certificate \
            field still holds the old one. Confirm the replacement here (Replace), then Save on the Twilio page.",
        assist: "The extension fills the new certificate only after your Replace; you click Save.",
        dest: Dest::Twilio,
    },
    StepInfo {
        id: Step::RenewTestSignIn,
        title: "Test sign-in with the new certificate",
        instruction: "Test sign-in again, as at the end of the setup: the response must verify against the new \
            certificate.",
        assist: "Start the test sign-in: the old certificate is dropped from this panel once the new one verifies.",
        dest: Dest::Nowhere,
    },
];

pub fn step_info(id: Step) -> Option<&'static StepInfo> {
    STEPS.iter().chain(RENEWAL_STEPS.iter()).find(|s| s.id == id)
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
    /// Frontline's claims the claims list lacked, by name: a fact the claim form acts on,
    /// never read back out of `what`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_claims: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StepState {
    pub id: Step,
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
    fn new(id: Step) -> Self {
        Self { id, observed: Status::Todo, manual: None, evidence: Vec::new(), updated_at: None, done_at: None }
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
        step: Step,
        outcome: Status,
        what: String,
        place: String,
        /// See `Evidence::missing_claims`.
        missing_claims: Vec<String>,
    },
    MarkDone {
        step: Step,
    },
    /// Takes back the admin's override, or, without one, sets the step back to "to do".
    Undo {
        step: Step,
    },
}

impl ChecklistEvent {
    pub fn step(&self) -> Step {
        match self {
            ChecklistEvent::Observed { step, .. }
            | ChecklistEvent::MarkDone { step }
            | ChecklistEvent::Undo { step } => *step,
        }
    }
}

impl Checklist {
    pub fn new() -> Self {
        Self::of(&STEPS)
    }

    /// The renewal's own checklist.
    pub fn renewal() -> Self {
        Self::of(&RENEWAL_STEPS)
    }

    fn of(infos: &[StepInfo]) -> Self {
        Self { steps: infos.iter().map(|s| StepState::new(s.id)).collect() }
    }

    /// Every known step exactly once, in the guide's order: older stored states gain new
    /// steps, and unknown ones are dropped.
    pub fn normalized(self) -> Self {
        self.normalized_to(&STEPS)
    }

    fn normalized_to(mut self, infos: &[StepInfo]) -> Self {
        let steps = infos
            .iter()
            .map(|info| match self.steps.iter().position(|s| s.id == info.id) {
                Some(i) => self.steps.swap_remove(i),
                None => StepState::new(info.id),
            })
            .collect();
        Self { steps }
    }

    pub fn step(&self, id: Step) -> Option<&StepState> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// How many of `of` (a product's steps) are done.
    pub fn done_count(&self, of: &[Step]) -> usize {
        self.steps.iter().filter(|s| of.contains(&s.id) && s.status() == Status::Done).count()
    }

    pub fn status_of(&self, id: Step) -> Status {
        self.step(id).map(StepState::status).unwrap_or_default()
    }

    pub fn apply(mut self, event: &ChecklistEvent, at: i64) -> Result<Self, CoreError> {
        let id = event.step();
        self = if id.is_renewal() { self.normalized_to(&RENEWAL_STEPS) } else { self.normalized() };
        let Some(step) = self.steps.iter_mut().find(|s| s.id == id) else {
            return Err(CoreError::new(codes::UNKNOWN_STEP, format!("There is no checklist step \"{}\".", id.id())));
        };
        let before = step.status();
        if let ChecklistEvent::Observed { outcome, what, place, missing_claims, .. } = event {
            // Pages re-render and are collected again: the same evidence twice is one.
            let last = step.evidence.last();
            if step.observed == *outcome
                && last.is_some_and(|e| {
                    e.outcome == *outcome && &e.what == what && &e.place == place && &e.missing_claims == missing_claims
                })
            {
                return Ok(self);
            }
        }
        match event {
            ChecklistEvent::Observed { outcome, what, place, missing_claims, .. } => {
                step.observed = *outcome;
                let missing_claims = missing_claims.clone();
                step.evidence.push(Evidence {
                    outcome: *outcome,
                    what: what.clone(),
                    place: place.clone(),
                    at,
                    missing_claims,
                });
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

    fn observed(step: Step, outcome: Status) -> ChecklistEvent {
        ChecklistEvent::Observed { step, outcome, what: "seen".into(), place: "test".into(), missing_claims: vec![] }
    }

    #[test]
    fn each_products_steps_in_its_order_with_the_ids_stored_setups_use() {
        let ids = |p: Product| steps(p).iter().map(|s| s.id.id()).collect::<Vec<_>>();
        let sid_steps = [
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
            "test-sign-in",
        ];
        assert_eq!(ids(Product::Frontline), sid_steps);
        assert_eq!(ids(Product::Flex), sid_steps);
        let console = [
            "sp-metadata",
            "create-app",
            "choose-saml",
            "basic-saml",
            "name-id",
            "signing",
            "capture-idp",
            "certificate",
            "assign-users",
            "twilio-sso",
            "test-sign-in",
            "enforce",
        ];
        assert_eq!(ids(Product::Console), console, "no claims and no app roles");
        for p in Product::ALL {
            assert!(steps(p).iter().all(|s| !s.title.is_empty() && !s.instruction.is_empty()), "{p:?} words all");
        }
        let infos: Vec<_> = STEPS.iter().map(|i| i.id).collect();
        assert_eq!(infos, Step::ALL, "one info per step, in the same order");
        for step in Step::ALL {
            assert_eq!(Step::parse(step.id()), Some(step));
        }
        assert_eq!(Step::parse("retired-step"), None);
    }

    #[test]
    fn evidence_then_manual_override_then_undo() {
        let c = Checklist::new().apply(&observed(Step::Claims, Status::Attention), 10).unwrap();
        assert_eq!(c.step(Step::Claims).unwrap().status(), Status::Attention);
        let c = c.apply(&ChecklistEvent::MarkDone { step: Step::Claims }, 20).unwrap();
        assert_eq!(c.step(Step::Claims).unwrap().status(), Status::Done);
        assert_eq!(c.step(Step::Claims).unwrap().done_at, Some(20));
        assert_eq!(c.done_count(&Step::ALL), 1);
        let c = c.apply(&ChecklistEvent::Undo { step: Step::Claims }, 30).unwrap();
        assert_eq!(c.step(Step::Claims).unwrap().status(), Status::Attention, "undo takes back the override only");
        let c = c.apply(&ChecklistEvent::Undo { step: Step::Claims }, 40).unwrap();
        assert_eq!(c.step(Step::Claims).unwrap().status(), Status::Todo);
        assert_eq!(c.step(Step::Claims).unwrap().evidence.len(), 1, "history is kept");
    }

    #[test]
    fn old_states_are_normalized_to_every_step_once_in_order() {
        let old = Checklist { steps: vec![StepState::new(Step::TestSignIn), StepState::new(Step::Claims)] };
        let ids: Vec<_> = old.normalized().steps.into_iter().map(|s| s.id).collect();
        assert_eq!(ids, Step::ALL);
    }

    #[test]
    fn evidence_is_capped() {
        let mut c = Checklist::new();
        for i in 0..(MAX_EVIDENCE as i64 + 5) {
            let e = ChecklistEvent::Observed {
                step: Step::Signing,
                outcome: Status::InProgress,
                what: format!("seen {i}"),
                place: "test".into(),
                missing_claims: vec![],
            };
            c = c.apply(&e, i).unwrap();
        }
        let again = c
            .clone()
            .apply(
                &ChecklistEvent::Observed {
                    step: Step::Signing,
                    outcome: Status::InProgress,
                    what: "seen 24".into(),
                    place: "test".into(),
                    missing_claims: vec![],
                },
                99,
            )
            .unwrap();
        assert_eq!(again, c, "repeated evidence is recorded once");
        let s = c.step(Step::Signing).unwrap();
        assert_eq!(s.evidence.len(), MAX_EVIDENCE);
        assert_eq!(s.evidence[0].at, 5);
    }
}
