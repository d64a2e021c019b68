//! The signing certificate's renewal. Entra's certificates last three years; when the active
//! one expires, every Frontline sign-in fails. From `EXPIRES_SOON_DAYS` before its end, a
//! checklist of its own leads the admin through the rollover in both consoles, and the old
//! certificate stays listed until a sign-in verifies against the new one.

use serde::{Deserialize, Serialize};

use crate::cert::certificate::{inspect_certificate, CertInput, CertificateReport, EXPIRES_SOON_DAYS};
use crate::common::finding::CoreError;
use crate::common::ids::Step;
use crate::setup::checklist::{Checklist, ChecklistEvent, Status};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub struct Renewal {
    pub started_at: i64,
    /// The certificate being replaced, as it was when the renewal started.
    pub old_thumbprint: String,
    pub old_not_after: String,
    /// The same moment in ms, to count the days left.
    pub old_expires_at: i64,
    /// Its replacement, once the portal lists it.
    pub new_thumbprint: Option<String>,
    pub checklist: Checklist,
}

/// A certificate as the portal's list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedCert {
    pub thumbprint: String,
    pub active: bool,
    pub expiration: String,
}

/// Whether a certificate calls for a renewal: it expires within `EXPIRES_SOON_DAYS`, or did.
pub fn due(report: &CertificateReport) -> bool {
    report.days_until_expiry < EXPIRES_SOON_DAYS
}

/// The setup's certificate, inspected at `now`.
pub fn current(pem: Option<&str>, now: i64) -> Option<CertificateReport> {
    pem.and_then(|p| inspect_certificate(CertInput::Text(p), now).ok())
}

impl Renewal {
    pub fn start(old: &CertificateReport, now: i64) -> Self {
        Renewal {
            started_at: now,
            old_thumbprint: old.thumbprint_sha1.clone(),
            old_not_after: old.not_after.clone(),
            old_expires_at: old.not_after_secs.saturating_mul(1000),
            new_thumbprint: None,
            checklist: Checklist::renewal(),
        }
    }

    pub fn status(&self, step: Step) -> Status {
        self.checklist.status_of(step)
    }

    fn observe(mut self, step: Step, outcome: Status, what: String, place: &str, now: i64) -> Result<Self, CoreError> {
        let event =
            ChecklistEvent::Observed { step, outcome, what, place: place.to_string(), missing_claims: Vec::new() };
        self.checklist = self.checklist.apply(&event, now)?;
        Ok(self)
    }

    pub fn apply(mut self, event: &ChecklistEvent, now: i64) -> Result<Self, CoreError> {
        self.checklist = self.checklist.apply(event, now)?;
        Ok(self)
    }

    /// The portal's certificate list: a certificate other than the old one is the new one,
    /// and its status says whether the admin has made it active yet.
    pub fn saw_list(self, certs: &[ListedCert], place: &str, now: i64) -> Result<Self, CoreError> {
        let others: Vec<&ListedCert> = certs.iter().filter(|c| c.thumbprint != self.old_thumbprint).collect();
        let Some(new) = others.iter().find(|c| c.active).or(others.first()) else {
            return Ok(self);
        };
        let (thumbprint, active) = (new.thumbprint.clone(), new.active);
        let listed = format!("New certificate {thumbprint} listed, expires {}", new.expiration);
        let mut r = Renewal { new_thumbprint: Some(thumbprint.clone()), ..self };
        r = r.observe(Step::RenewAdd, Status::Done, listed, place, now)?;
        if active {
            r.saw_active(&thumbprint, place, now)
        } else {
            let what = format!("{thumbprint} is listed as inactive: make it active when Twilio can be updated");
            r.observe(Step::RenewActivate, Status::InProgress, what, place, now)
        }
    }

    /// The portal shows `thumbprint` as the active certificate.
    pub fn saw_active(self, thumbprint: &str, place: &str, now: i64) -> Result<Self, CoreError> {
        if thumbprint == self.old_thumbprint {
            return Ok(self);
        }
        let mut r = Renewal { new_thumbprint: Some(thumbprint.to_string()), ..self };
        if r.status(Step::RenewAdd) != Status::Done {
            r = r.observe(Step::RenewAdd, Status::Done, format!("New certificate {thumbprint}"), place, now)?;
        }
        r.observe(Step::RenewActivate, Status::Done, format!("{thumbprint} is the active certificate"), place, now)
    }

    /// The setup took a certificate: the new one once it is active, or still the old one.
    pub fn took(self, cert: &CertificateReport, place: &str, now: i64) -> Result<Self, CoreError> {
        let new = self.new_thumbprint.clone();
        if self.status(Step::RenewActivate) != Status::Done || new.as_deref() != Some(&cert.thumbprint_sha1) {
            return Ok(self);
        }
        let what = format!("Took the new certificate {}, expires {}", cert.thumbprint_sha1, cert.not_after);
        self.observe(Step::RenewCapture, Status::Done, what, place, now)
    }

    /// Twilio's page, once the new certificate is the one to put there.
    pub fn twilio(self, outcome: Status, what: &str, place: &str, now: i64) -> Result<Self, CoreError> {
        if self.status(Step::RenewCapture) != Status::Done {
            return Ok(self);
        }
        self.observe(Step::RenewTwilio, outcome, what.to_string(), place, now)
    }

    /// A test sign-in, once Twilio has the new certificate.
    pub fn sign_in(self, outcome: Status, what: &str, place: &str, now: i64) -> Result<Self, CoreError> {
        if self.status(Step::RenewTwilio) != Status::Done {
            return Ok(self);
        }
        self.observe(Step::RenewTestSignIn, outcome, what.to_string(), place, now)
    }

    pub fn finished(&self) -> bool {
        self.status(Step::RenewTestSignIn) == Status::Done
    }
}
