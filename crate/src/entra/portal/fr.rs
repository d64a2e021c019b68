//! French. Docs: `../shared/portal-facts.md` ("Translated labels") and Microsoft Learn's fr-fr
//! Entra SAML tutorials.

use super::Label::*;
use super::Src::{Docs, Inferred};
use super::Table;

pub const TABLE: Table = &[
    (AppName, &["Quel est le nom de votre application ?", "Quel est le nom de votre application?"], Inferred),
    (NonGallery, &["ne figurant pas dans la galerie"], Inferred),
    (SsoMethod, &["Sélectionner une méthode d’authentification unique"], Inferred),
    (
        SamlPane,
        &["Configurer l’authentification unique avec SAML", "Configurer l'authentification unique avec SAML"],
        Docs,
    ),
    (BasicSaml, &["Configuration SAML de base"], Docs),
    (Identifier, &["Identificateur (ID d'entité)", "Identificateur (ID d’entité)"], Docs),
    (ReplyUrl, &["URL de réponse (URL Assertion Consumer Service)", "URL de réponse"], Docs),
    (SignOnUrl, &["URL de connexion"], Docs),
    (Default, &["Par défaut"], Inferred),
    (AddIdentifier, &["Ajouter un identificateur"], Inferred),
    (AddReplyUrl, &["Ajouter une URL de réponse"], Inferred),
    (SamlCertificates, &["Certificats SAML", "Certificat de signature SAML"], Docs),
    (SigningOption, &["Option de signature"], Docs),
    (SigningAlgorithm, &["Algorithme de signature"], Docs),
    (
        SignResponseAndAssertion,
        &["Signer la réponse et l’assertion SAML", "Signer la réponse et l'assertion SAML"],
        Docs,
    ),
    (SignAssertion, &["Signer l’assertion SAML", "Signer l'assertion SAML"], Docs),
    (Placeholder, &["Sélectionner une option"], Inferred),
    (Thumbprint, &["Empreinte numérique"], Docs),
    (Expiration, &["Expiration"], Docs),
    (
        MetadataUrl,
        &["URL des métadonnées de fédération d’application", "URL des métadonnées de fédération d'application"],
        Docs,
    ),
    (LoginUrl, &["URL de connexion"], Docs),
    (EntraIdentifier, &["Identificateur Microsoft Entra", "Identificateur Azure AD"], Docs),
    (Unset, &["Obligatoire", "Facultatif", "-"], Inferred),
    (ClaimsSection, &["Attributs et revendications"], Docs),
    (ClaimName, &["Nom"], Docs),
    (Namespace, &["Espace de noms"], Docs),
    (SourceAttribute, &["Attribut source"], Docs),
    (SourceIsAttribute, &["Attribut"], Docs),
    (ClaimNameColumn, &["Nom de la revendication"], Inferred),
    (ValueColumn, &["Valeur"], Inferred),
    (EnableAppRole, &["activer ce rôle d’application"], Inferred),
    (RoleDisplayName, &["Nom d’affichage", "Nom d'affichage"], Docs),
    (RoleValue, &["Valeur"], Docs),
    (RoleDescription, &["Description"], Docs),
    (MemberTypesUsers, &["Utilisateurs/Groupes"], Docs),
    (DisplayNameColumn, &["Nom d’affichage", "Nom d'affichage"], Docs),
    (MemberTypesColumn, &["Types de membres autorisés"], Docs),
    (RoleState, &["État"], Inferred),
    (Enabled, &["Activé"], Inferred),
    (ObjectTypeColumn, &["Type d’objet", "Type d'objet"], Inferred),
    (RoleAssignedColumn, &["Rôle attribué"], Inferred),
];
