//! Portuguese (Brazil). Docs: `../shared/portal-facts.md` ("Translated labels") and Microsoft
//! Learn's pt-br Entra SAML tutorials. "URL de Logon" names both the Sign on URL and the Login
//! URL: the section tells them apart.

use super::Label::*;
use super::Src::{Docs, Inferred};
use super::Table;

pub const TABLE: Table = &[
    (AppName, &["Qual é o nome do seu aplicativo?"], Inferred),
    (NonGallery, &["fora da galeria"], Inferred),
    (SsoMethod, &["Selecionar um método de logon único"], Inferred),
    (SamlPane, &["Configurar o logon único com o SAML"], Docs),
    (BasicSaml, &["Configuração Básica do SAML"], Docs),
    (Identifier, &["Identificador (ID da Entidade)"], Docs),
    (ReplyUrl, &["URL de Resposta (URL do Serviço de Consumidor de Declaração)", "URL de Resposta"], Docs),
    (SignOnUrl, &["URL de Logon"], Docs),
    (Default, &["Padrão"], Inferred),
    (AddIdentifier, &["Adicionar identificador"], Inferred),
    (AddReplyUrl, &["Adicionar URL de resposta"], Inferred),
    (SamlCertificates, &["Certificados SAML", "Certificado de Autenticação SAML"], Docs),
    (SigningOption, &["Opção de Assinatura"], Docs),
    (SigningAlgorithm, &["Algoritmo de Assinatura"], Docs),
    (SignResponseAndAssertion, &["Assinar resposta e declaração SAML"], Docs),
    (SignAssertion, &["Assinar declaração SAML"], Docs),
    (Placeholder, &["Selecione uma opção"], Inferred),
    (Thumbprint, &["Impressão digital"], Docs),
    (Expiration, &["Expiração"], Docs),
    (MetadataUrl, &["URL de Metadados de Federação do Aplicativo"], Docs),
    (LoginUrl, &["URL de Logon"], Docs),
    (EntraIdentifier, &["Identificador do Microsoft Entra", "Identificador do Azure AD"], Docs),
    (Unset, &["Obrigatório", "Opcional", "-"], Inferred),
    (ClaimsSection, &["Atributos e Declarações"], Docs),
    (ClaimName, &["Nome"], Docs),
    (Namespace, &["Namespace"], Docs),
    (SourceAttribute, &["Atributo de origem"], Docs),
    (SourceIsAttribute, &["Atributo"], Docs),
    (ClaimNameColumn, &["Nome da declaração"], Inferred),
    (ValueColumn, &["Valor"], Inferred),
    (EnableAppRole, &["habilitar esta função de aplicativo"], Inferred),
    (RoleDisplayName, &["Nome de exibição"], Docs),
    (RoleValue, &["Valor"], Docs),
    (RoleDescription, &["Descrição"], Docs),
    (MemberTypesUsers, &["Usuários/Grupos"], Docs),
    (DisplayNameColumn, &["Nome de exibição"], Docs),
    (MemberTypesColumn, &["Tipos de membro permitidos"], Docs),
    (RoleState, &["Estado"], Inferred),
    (Enabled, &["Habilitado"], Inferred),
    (ObjectTypeColumn, &["Tipo de objeto"], Inferred),
    (RoleAssignedColumn, &["Função atribuída"], Inferred),
];
