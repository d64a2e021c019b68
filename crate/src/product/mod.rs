//! The Twilio products a setup can be for. Each product's module owns its facts (SID, URL
//! templates, claims, roles, signing, its console pages); this one says which product a pasted
//! value belongs to, and gives the two URLs Entra's Basic SAML Configuration needs.

pub mod flex;
pub mod frontline;
pub mod paste;

use serde::{Deserialize, Serialize};

use crate::common::codes;
use crate::common::finding::{CoreError, Finding};
use crate::entra::portal::Label;

/// A Twilio product. Setups stored before products existed are Frontline's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Product {
    #[default]
    Frontline,
    Flex,
}

impl Product {
    pub const ALL: [Product; 2] = [Product::Frontline, Product::Flex];

    pub fn facts(self) -> &'static Facts {
        match self {
            Product::Frontline => &frontline::FACTS,
            Product::Flex => &flex::FACTS,
        }
    }

    /// The name stored and passed between the worker and the panel.
    pub fn slug(self) -> &'static str {
        match self {
            Product::Frontline => "frontline",
            Product::Flex => "flex",
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

/// What every product says of itself.
#[derive(Debug)]
pub struct Facts {
    pub product: Product,
    /// "Frontline", "Flex".
    pub name: &'static str,
    /// What the product calls the SID its URLs are made from.
    pub sid_name: &'static str,
    pub sid_prefix: &'static str,
    /// In the order the extension adds them.
    pub claims: &'static [Claim],
    /// The roles to create; a user needs at least one of them.
    pub roles: &'static [AppRole],
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
}

/// The two service-provider URLs Entra needs, made from a product's SID.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SpUrls {
    pub product: Product,
    /// The SID the URLs are made from: a Realm SID, an SSO connection SID, or (legacy Flex) an Account SID.
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

/// The product a pasted SID, Entity ID or Reply URL belongs to, by its prefix or URL shape.
pub fn detect(input: &str) -> Option<Product> {
    let (s, _) = paste::clean(input);
    if flex::recognizes(&s) {
        return Some(Product::Flex);
    }
    if frontline::recognizes(&s) {
        return Some(Product::Frontline);
    }
    None
}

/// A SID or a pasted URL → the product's URLs. `want` is the setup's product: a value of the
/// other product is named as such (`other_product`), so the panel can offer to switch.
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
                "Enter a Frontline Realm SID (JB…) or a Flex SSO connection SID (JQ…).",
            ))
        }
        (None, None) => return Err(unknown_product(input)),
    };
    match product {
        Product::Flex => flex::urls(input, region),
        Product::Frontline if region.is_some() => Err(CoreError::new(
            codes::REGION_NOT_USED,
            "Frontline's URLs have no region; a region is only for Flex (JQ…).",
        )),
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
    CoreError::new(
        codes::OTHER_PRODUCT,
        format!(
            "This belongs to {found_name} (a {found_sid}, {found_prefix}…, or a URL made from one), not to \
                {want_name}, whose setup needs its {want_sid} ({want_prefix}…). Switch this setup to {found_name}, \
                or paste the {want_sid}.",
            found_name = f.name,
            found_sid = f.sid_name,
            found_prefix = f.sid_prefix,
            want_name = w.name,
            want_sid = w.sid_name,
            want_prefix = w.sid_prefix,
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
