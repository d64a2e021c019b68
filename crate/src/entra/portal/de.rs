//! German. Docs: `../shared/portal-facts.md` ("Translated labels") and Microsoft Learn's de-de
//! Entra SAML tutorials. "Anmelde-URL" names both the Sign on URL and the Login URL: the
//! section tells them apart (see `forms/azure/views.rs`).

use super::Label::*;
use super::Src::{Docs, Inferred};
use super::Table;

pub const TABLE: Table = &[
    (AppName, &["Wie lautet der Name Ihrer App?"], Inferred),
    (NonGallery, &["nicht im Katalog"], Inferred),
    (SsoMethod, &["Single Sign-On-Methode auswählen"], Inferred),
    (SamlPane, &["Einmaliges Anmelden (SSO) mit SAML einrichten", "Einmaliges Anmelden mit SAML einrichten"], Docs),
    (BasicSaml, &["Grundlegende SAML-Konfiguration"], Docs),
    (Identifier, &["Bezeichner (Entitäts-ID)"], Docs),
    (ReplyUrl, &["Antwort-URL (Assertionsverbraucherdienst-URL)", "Antwort-URL"], Docs),
    (SignOnUrl, &["Anmelde-URL"], Docs),
    (Default, &["Standard"], Inferred),
    (AddIdentifier, &["Bezeichner hinzufügen"], Inferred),
    (AddReplyUrl, &["Antwort-URL hinzufügen"], Inferred),
    (SamlCertificates, &["SAML-Zertifikate", "SAML-Signaturzertifikat"], Docs),
    (SigningOption, &["Signaturoption"], Docs),
    (SigningAlgorithm, &["Signaturalgorithmus"], Docs),
    (SignResponseAndAssertion, &["SAML-Antwort und -Assertion signieren"], Docs),
    (SignAssertion, &["SAML-Assertion signieren"], Docs),
    (Placeholder, &["Option auswählen", "Aus Dropdownliste auswählen"], Inferred),
    (Thumbprint, &["Fingerabdruck"], Docs),
    (Expiration, &["Ablauf"], Docs),
    (MetadataUrl, &["App-Verbundmetadaten-URL"], Docs),
    (LoginUrl, &["Anmelde-URL"], Docs),
    (EntraIdentifier, &["Microsoft Entra-Bezeichner", "Azure AD-Bezeichner"], Docs),
    (Unset, &["Erforderlich", "Optional", "-"], Inferred),
    (ClaimsSection, &["Attribute & Ansprüche", "Attribute und Ansprüche"], Docs),
    (ClaimName, &["Name"], Docs),
    (Namespace, &["Namespace"], Docs),
    (SourceAttribute, &["Quellattribut"], Docs),
    (SourceIsAttribute, &["Attribut"], Docs),
    (ClaimNameColumn, &["Anspruchsname"], Inferred),
    (ValueColumn, &["Wert"], Inferred),
    (EnableAppRole, &["diese App-Rolle aktivieren"], Inferred),
    (RoleDisplayName, &["Anzeigename"], Docs),
    (RoleValue, &["Wert"], Docs),
    (RoleDescription, &["Beschreibung"], Docs),
    (MemberTypesUsers, &["Benutzer/Gruppen"], Docs),
    (DisplayNameColumn, &["Anzeigename"], Docs),
    (MemberTypesColumn, &["Zulässige Mitgliedstypen"], Docs),
    (RoleState, &["Status", "Zustand"], Inferred),
    (Enabled, &["Aktiviert"], Inferred),
    (ObjectTypeColumn, &["Objekttyp"], Inferred),
    (RoleAssignedColumn, &["Zugewiesene Rolle"], Inferred),
];
