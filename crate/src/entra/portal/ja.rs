//! Japanese. Docs: `../shared/portal-facts.md` ("Translated labels"), Microsoft Learn's ja-jp
//! Entra SAML tutorials, and a vendor's ja guide with portal screenshots
//! (na.accounts.ricoh.com/help/jp/ja/operation_guide_admin/int/a0044.htm: "シングルサインオン方式の
//! 選択", "基本的なSAML構成", "属性とクレーム", "ソース属性"). The portal spaces between
//! Japanese and Latin words; the vendor's text does not. Both are listed.

use super::Label::*;
use super::Src::{Docs, Inferred};
use super::Table;

pub const TABLE: Table = &[
    (AppName, &["アプリの名前を入力してください"], Inferred),
    (NonGallery, &["ギャラリー以外"], Inferred),
    (SsoMethod, &["シングル サインオン方式の選択", "シングルサインオン方式の選択"], Docs),
    (
        SamlPane,
        &["SAML によるシングル サインオンのセットアップ", "SAML でシングル サインオンをセットアップします"],
        Docs,
    ),
    (BasicSaml, &["基本的な SAML 構成", "基本的なSAML構成"], Docs),
    (Identifier, &["識別子 (エンティティ ID)", "識別子(エンティティID)"], Docs),
    (ReplyUrl, &["応答 URL (Assertion Consumer Service URL)", "応答URL(Assertion Consumer Service URL)"], Docs),
    (SignOnUrl, &["サインオン URL"], Docs),
    (Default, &["既定"], Inferred),
    (AddIdentifier, &["識別子の追加"], Inferred),
    (AddReplyUrl, &["応答 URL の追加"], Inferred),
    (SamlCertificates, &["SAML 証明書", "SAML 署名証明書"], Docs),
    (SigningOption, &["署名オプション"], Docs),
    (SigningAlgorithm, &["署名アルゴリズム"], Docs),
    (SignResponseAndAssertion, &["SAML 応答とアサーションへの署名"], Docs),
    (SignAssertion, &["SAML アサーションへの署名"], Docs),
    (Placeholder, &["オプションを選択", "ドロップダウンから選択"], Inferred),
    (Thumbprint, &["拇印"], Docs),
    (Expiration, &["有効期限", "有効期限日"], Docs),
    (MetadataUrl, &["アプリのフェデレーション メタデータ URL"], Docs),
    (NewCertificate, &["新しい証明書"], Inferred),
    (MakeCertActive, &["証明書をアクティブにする"], Inferred),
    (CertStatus, &["状態", "ステータス"], Inferred),
    (CertActive, &["アクティブ"], Inferred),
    (CertInactive, &["非アクティブ"], Inferred),
    (LoginUrl, &["ログイン URL"], Docs),
    (EntraIdentifier, &["Microsoft Entra 識別子", "Azure AD 識別子"], Docs),
    (Unset, &["必須", "省略可能", "-"], Inferred),
    (ClaimsSection, &["属性とクレーム"], Docs),
    (ClaimName, &["名前"], Docs),
    (Namespace, &["名前空間"], Docs),
    (SourceAttribute, &["ソース属性"], Docs),
    (SourceIsAttribute, &["属性"], Docs),
    (ClaimNameColumn, &["クレーム名"], Inferred),
    (ValueColumn, &["値"], Inferred),
    (NameIdClaim, &["一意のユーザー識別子 (名前 ID)", "一意のユーザー識別子"], Inferred),
    (NameIdFormat, &["名前識別子の形式の選択", "名前識別子の形式"], Inferred),
    (EmailAddressFormat, &["電子メール アドレス"], Inferred),
    (EnableAppRole, &["このアプリ ロールを有効にしますか"], Inferred),
    (RoleDisplayName, &["表示名"], Docs),
    (RoleValue, &["値"], Docs),
    (RoleDescription, &["説明"], Docs),
    (MemberTypesUsers, &["ユーザー/グループ"], Docs),
    (DisplayNameColumn, &["表示名"], Docs),
    (MemberTypesColumn, &["許可されたメンバーの種類"], Docs),
    (RoleState, &["状態"], Inferred),
    (Enabled, &["有効"], Inferred),
    (ObjectTypeColumn, &["オブジェクトの種類"], Inferred),
    (RoleAssignedColumn, &["割り当てられたロール"], Inferred),
];
