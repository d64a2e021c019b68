//! Spanish. Docs: `../shared/portal-facts.md` ("Translated labels") and Microsoft Learn's es-es
//! Entra SAML tutorials. "URL de inicio de sesión" names both the Sign on URL and the Login
//! URL: the section tells them apart.

use super::Label::*;
use super::Src::{Docs, Inferred};
use super::Table;

pub const TABLE: Table = &[
    (AppName, &["¿Cuál es el nombre de la aplicación?"], Inferred),
    (NonGallery, &["no de la galería"], Inferred),
    (SsoMethod, &["Seleccione un método de inicio de sesión único"], Inferred),
    (SamlPane, &["Configurar el inicio de sesión único con SAML"], Docs),
    (BasicSaml, &["Configuración básica de SAML"], Docs),
    (Identifier, &["Identificador (id. de entidad)"], Docs),
    (ReplyUrl, &["URL de respuesta (URL del Servicio de consumidor de aserciones)", "URL de respuesta"], Docs),
    (SignOnUrl, &["URL de inicio de sesión"], Docs),
    (Default, &["Predeterminado"], Inferred),
    (AddIdentifier, &["Agregar identificador"], Inferred),
    (AddReplyUrl, &["Agregar URL de respuesta"], Inferred),
    (SamlCertificates, &["Certificados SAML", "Certificado de firma SAML"], Docs),
    (SigningOption, &["Opción de firma"], Docs),
    (SigningAlgorithm, &["Algoritmo de firma"], Docs),
    (SignResponseAndAssertion, &["Firmar respuesta y aserción SAML"], Docs),
    (SignAssertion, &["Firmar aserción SAML"], Docs),
    (Placeholder, &["Seleccionar una opción"], Inferred),
    (Thumbprint, &["Huella digital"], Docs),
    (Expiration, &["Expiración"], Docs),
    (MetadataUrl, &["Dirección URL de metadatos de federación de aplicación"], Docs),
    (LoginUrl, &["URL de inicio de sesión"], Docs),
    (EntraIdentifier, &["Identificador de Microsoft Entra", "Identificador de Azure AD"], Docs),
    (Unset, &["Obligatorio", "Opcional", "-"], Inferred),
    (ClaimsSection, &["Atributos y notificaciones"], Docs),
    (ClaimName, &["Nombre"], Docs),
    (Namespace, &["Espacio de nombres"], Docs),
    (SourceAttribute, &["Atributo de origen"], Docs),
    (SourceIsAttribute, &["Atributo"], Docs),
    (ClaimNameColumn, &["Nombre de notificación"], Inferred),
    (ValueColumn, &["Valor"], Inferred),
    (EnableAppRole, &["habilitar este rol de aplicación"], Inferred),
    (RoleDisplayName, &["Nombre para mostrar"], Docs),
    (RoleValue, &["Valor"], Docs),
    (RoleDescription, &["Descripción"], Docs),
    (MemberTypesUsers, &["Usuarios o grupos"], Docs),
    (DisplayNameColumn, &["Nombre para mostrar"], Docs),
    (MemberTypesColumn, &["Tipos de miembros permitidos"], Docs),
    (RoleState, &["Estado"], Inferred),
    (Enabled, &["Habilitado"], Inferred),
    (ObjectTypeColumn, &["Tipo de objeto"], Inferred),
    (RoleAssignedColumn, &["Rol asignado"], Inferred),
];
