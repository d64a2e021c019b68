//! The Twilio products a setup can be for. Each product's module owns its facts (where its
//! service-provider values come from, claims, roles, NameID, signing, steps, its console pages);
//! this one says which product a pasted value belongs to, and gives the two URLs Entra's Basic
//! SAML Configuration needs. Those come from one source per product (`SpSource`): a SID
//! (Frontline's Realm SID, Flex's SSO connection SID) or Twilio's SP metadata (Console).

pub mod console;
pub mod flex;
pub mod frontline;
pub mod paste;

use serde::{Deserialize, Serialize};

use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::common::ids::Step;
use crate::entra::portal::Label;

/// A Twilio product. Setups stored before products existed are Frontline's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    #[default]
    Frontline,
    Flex,
    /// Twilio Console SSO: an SSO profile in Admin Center.
    Console,
}

impl Product {
    pub const ALL: [Product; 3] = [Product::Frontline, Product::Flex, Product::Console];

    pub fn facts(self) -> &'static Facts {
        match self {
            Product::Frontline => &frontline::FACTS,
            Product::Flex => &flex::FACTS,
            Product::Console => &console::FACTS,
        }
    }

    /// The name stored and passed between the worker and the panel.
    pub fn slug(self) -> &'static str {
        match self {
            Product::Frontline => "frontline",
            Product::Flex => "flex",
            Product::Console => "console",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Product> {
        Product::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

/// A claim a product reads: its exact short name (namespace empty) and Entra's source attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim {
    pub name: &'static str,
    pub source_attribute: &'static str,
}

/// An app role a product's `roles` claim may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppRole {
    pub display_name: &'static str,
    pub value: &'static str,
    pub description: &'static str,
}

/// What a product's service-provider values are made from: one concept, two sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpSource {
    /// A SID, or a URL holding one: the URLs are built from templates.
    Sid,
    /// Twilio's SP metadata: the values are read from it.
    Metadata,
}

/// The NameID a product matches its users by (Console: the email address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameIdRule {
    /// The portal's name of the format, in the label tables.
    pub format: Label,
    pub format_uri: &'static str,
    pub source_attribute: &'static str,
}

/// The steps Frontline and Flex share, in the guide's order.
pub const SID_STEPS: [Step; 11] = [
    Step::CreateApp,
    Step::ChooseSaml,
    Step::BasicSaml,
    Step::Signing,
    Step::Claims,
    Step::CaptureIdp,
    Step::Certificate,
    Step::AppRole,
    Step::AssignUsers,
    Step::TwilioSso,
    Step::TestSignIn,
];

/// What every product says of itself.
#[derive(Debug)]
pub struct Facts {
    pub product: Product,
    /// "Frontline", "Flex", "Console".
    pub name: &'static str,
    /// What the product calls the input its URLs are made from: a SID's name, or "SP metadata".
    pub sid_name: &'static str,
    pub sid_prefix: &'static str,
    pub source: SpSource,
    /// In the order the extension adds them.
    pub claims: &'static [Claim],
    /// The roles to create; a user needs at least one of them.
    pub roles: &'static [AppRole],
    /// The NameID the product requires, if it reads one.
    pub name_id: Option<NameIdRule>,
    /// Its test sign-in is SP-initiated and fails without the RelayState it sent.
    pub relay_state_required: bool,
    /// The checklist's steps for this product, in its order.
    pub steps: &'static [Step],
    pub signing_option: Label,
    pub signing_algorithm: &'static str,
    pub default_app_name: &'static str,
    pub console_sso_url: &'static str,
    pub console_sso_place: &'static str,
    /// The checklist's words where the product's steps differ.
    pub texts: StepTexts,
}

/// A product's wording of the checklist steps that differ between products (`[Label]`s are the
/// portal's places, put in by the guide in the portal's language).
#[derive(Debug)]
pub struct StepTexts {
    /// Where the admin finds the SID, under the panel's SID field.
    pub sid_help: &'static str,
    pub claims: &'static str,
    pub claims_assist: &'static str,
    pub app_role_title: &'static str,
    pub app_role: &'static str,
    pub app_role_assist: &'static str,
    pub assign: &'static str,
    pub twilio_title: &'static str,
    pub twilio: &'static str,
    pub twilio_assist: &'static str,
    pub twilio_link: &'static str,
    pub test: &'static str,
    /// Steps worded by this product alone (its own, or a shared one it words otherwise).
    pub own: &'static [StepText],
    /// Why the checklist asks for no claims or roles, when it asks for none; else empty.
    pub not_asked: &'static str,
}

/// One step in a product's own words.
#[derive(Debug, Clone, Copy)]
pub struct StepText {
    pub step: Step,
    pub title: &'static str,
    pub instruction: &'static str,
    pub assist: &'static str,
}

/// The two service-provider values Entra needs, from a product's source (a SID, or SP metadata).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpUrls {
    pub product: Product,
    /// What names these values: the SID they are made from (a Realm SID, an SSO connection SID,
    /// or, legacy Flex, an Account SID), or the entity ID of the SP metadata they were read from.
    pub sid: String,
    /// Identifier (Entity ID) in Entra; Twilio's entity ID and the SAML audience.
    pub sp_entity_id: String,
    /// Reply URL (Assertion Consumer Service URL) in Entra.
    pub reply_url: String,
    /// Flex's region (`us1`); none for Frontline.
    pub region: Option<String>,
    /// Flex's Account-based URLs, which Twilio retired.
    pub legacy: bool,
    /// What was changed to get from the input to `sid`, in plain words.
    pub normalized: Vec<String>,
    /// What the admin should know about these URLs (a region other than us1, legacy URLs).
    pub findings: Vec<Finding>,
}

/// The product a pasted SID, Entity ID or Reply URL belongs to, by its prefix or URL shape; XML
/// (SP metadata) is Console's.
pub fn detect(input: &str) -> Option<Product> {
    // Before the cleaning, which takes quotes and angle brackets off a pasted SID.
    if console::recognizes(input) {
        return Some(Product::Console);
    }
    let (s, _) = paste::clean(input);
    if flex::recognizes(&s) {
        return Some(Product::Flex);
    }
    if frontline::recognizes(&s) {
        return Some(Product::Frontline);
    }
    None
}

/// A SID, a pasted URL or SP metadata → the product's URLs. `want` is the setup's product: a
/// value of another product is named as such (`other_product`), so the panel can offer to switch.
/// With no `want`, the product is the one the value names. `region` is Flex's.
pub fn sp_urls(input: &str, want: Option<Product>, region: Option<&str>) -> Result<SpUrls, CoreError> {
    let found = detect(input);
    let product = match (want, found) {
        (Some(w), Some(f)) if w != f => return Err(other_product(w, f)),
        (Some(w), _) => w,
        (None, Some(f)) => f,
        (None, None) if paste::clean(input).0.is_empty() => {
            return Err(CoreError::new(
                codes::EMPTY,
                "Enter a Frontline Realm SID (JB…), a Flex SSO connection SID (JQ…), or Twilio Console's SP \
                    metadata.",
            ))
        }
        (None, None) => return Err(unknown_product(input)),
    };
    match product {
        Product::Flex => flex::urls(input, region),
        Product::Frontline | Product::Console if region.is_some() => Err(CoreError::new(
            codes::REGION_NOT_USED,
            format!("{}'s URLs have no region; a region is only for Flex (JQ…).", product.facts().name),
        )),
        Product::Console => console::urls(input),
        Product::Frontline => frontline::realm_urls(input).map(|r| SpUrls {
            product,
            sid: r.realm_sid,
            sp_entity_id: r.sp_entity_id,
            reply_url: r.reply_url,
            region: None,
            legacy: false,
            normalized: r.normalized,
            findings: Vec::new(),
        }),
    }
}

/// The error for a value of product `found` given to a setup of product `want`.
pub fn other_product(want: Product, found: Product) -> CoreError {
    let (w, f) = (want.facts(), found.facts());
    let what = match f.source {
        SpSource::Sid => format!("a {}, {}…, or a URL made from one", f.sid_name, f.sid_prefix),
        SpSource::Metadata => "XML, which only Console's SP metadata is".to_string(),
    };
    let needs = match w.source {
        SpSource::Sid => format!("its {} ({}…)", w.sid_name, w.sid_prefix),
        SpSource::Metadata => "Twilio's SP metadata, from the SSO profile".to_string(),
    };
    CoreError::new(
        codes::OTHER_PRODUCT,
        format!(
            "This belongs to {found_name} ({what}), not to {want_name}, whose setup needs {needs}. Switch this setup \
                to {found_name}, or paste the {want_sid}.",
            found_name = f.name,
            want_name = w.name,
            want_sid = w.sid_name,
        ),
    )
}

/// A value that names no product: Frontline's error (the older default, and the most specific:
/// an Account SID, a phone number SID, a typo), which also says where Flex's SID starts.
fn unknown_product(input: &str) -> CoreError {
    let flex = Product::Flex.facts();
    match frontline::realm_urls(input) {
        Err(e) => CoreError::new(
            e.code,
            format!("{} For {}, use the {} ({}…).", e.message, flex.name, flex.sid_name, flex.sid_prefix),
        ),
        // Not reached: a value Frontline reads is one `detect` names.
        Ok(_) => CoreError::new(codes::WRONG_PREFIX, "This names no Twilio product."),
    }
}

/// Twilio's error dictionary page for one of its error codes (70251, say).
pub fn twilio_error_url(code: u32) -> String {
    format!("https://www.twilio.com/docs/api/errors/{code}")
}

/// Every claim, role and source attribute word of every product: a page report may keep them as they are.
pub fn words() -> impl Iterator<Item = &'static str> {
    Product::ALL.into_iter().flat_map(|p| {
        let f = p.facts();
        let claims = f.claims.iter().flat_map(|c| [c.name, c.source_attribute]);
        claims.chain(f.roles.iter().flat_map(|r| [r.display_name, r.value, r.description]))
    })
}

#[cfg(test)]
mod tests;
