//! Every code a finding or an error carries, each with what it means: the one registry. The
//! core names codes only through these constants (`crate/tests/codes.rs` fails on a code spelled
//! anywhere else), and `docs/checks.md` lists exactly these (the same test holds them equal).

/// Declares each code as a constant with its one-line doc, and `ALL`, every code in this order.
macro_rules! codes {
    ($($(#[doc = $doc:literal])* $name:ident = $code:literal,)*) => {
        $($(#[doc = $doc])* pub const $name: &str = $code;)*
        /// Every code, in the order of `docs/checks.md`.
        pub const ALL: &[&str] = &[$($code),*];
    };
}

codes! {
    /// input error: The other product's SID or URL, named, with the switch to offer
    OTHER_PRODUCT = "other_product",
    /// input error: A region given for Frontline or the Console, whose URLs have none
    REGION_NOT_USED = "region_not_used",
    /// warning: A Workspace ID given for Flex or the Console, which have none; it is left out
    WORKSPACE_ID_UNUSED = "workspace_id_unused",
    /// input error: Not a region token (two or three letters and a digit, like us1)
    BAD_REGION = "bad_region",
    /// input error: The pasted ACS URL's region is not the one chosen
    REGION_MISMATCH = "region_mismatch",
    /// info: A region other than us1, which is the only one Twilio's guide shows
    FLEX_REGION = "flex_region",
    /// warning: The retired Account-based URLs (…/v1/Accounts/AC…/saml2): move to the new setup
    FLEX_LEGACY_URLS = "flex_legacy_urls",
    /// input error: Nothing was entered (also: an empty certificate or metadata)
    EMPTY = "empty",
    /// input error: Not 34 characters (JB and 32 hex digits)
    WRONG_LENGTH = "wrong_length",
    /// input error: A character after JB is not a hex digit (names which, e.g. O for 0)
    NOT_HEX = "not_hex",
    /// input error: An Account SID (AC…), not the Realm SID
    ACCOUNT_SID = "account_sid",
    /// input error: Another Twilio SID, named (e.g. JQ…, a Flex SSO connection)
    WRONG_PREFIX = "wrong_prefix",
    /// error: Past its end date: sign-ins fail
    EXPIRED = "expired",
    /// error: Before its start date (check the clock)
    NOT_YET_VALID = "not_yet_valid",
    /// warning: Fewer than 60 days left
    EXPIRES_SOON = "expires_soon",
    /// error: Signed with SHA-1 or MD5 (also: a response signed so)
    WEAK_SIGNATURE_ALGORITHM = "weak_signature_algorithm",
    /// error: An RSA key under 2048 bits
    WEAK_KEY = "weak_key",
    /// error: Not an RSA key: not Entra's signing certificate
    NOT_RSA = "not_rsa",
    /// error: Its own signature does not verify: damaged or edited
    BAD_SELF_SIGNATURE = "bad_self_signature",
    /// warning: Issued by someone else; Entra's are self-signed
    NOT_SELF_SIGNED = "not_self_signed",
    /// warning: A CA certificate, not a signing certificate
    CA_CERTIFICATE = "ca_certificate",
    /// warning: Several certificates; the first is used
    MULTIPLE_CERTIFICATES = "multiple_certificates",
    /// info: Not Entra's usual subject name
    NOT_AZURE_SUBJECT = "not_azure_subject",
    /// error: A private key came along; it was ignored and never kept
    PRIVATE_KEY_INCLUDED = "private_key_included",
    /// warning: Bytes after the certificate, left out of thumbprint and PEM
    TRAILING_DATA = "trailing_data",
    /// warning: An algorithm the assistant does not know
    UNKNOWN_SIGNATURE_ALGORITHM = "unknown_signature_algorithm",
    /// error: The algorithm named inside and outside differ
    SIGNATURE_ALGORITHM_MISMATCH = "signature_algorithm_mismatch",
    /// warning: A signature scheme the assistant does not verify (it verifies RSA PKCS #1 v1.5 and RSASSA-PSS with
    /// SHA-1/SHA-2); unverified is never fine
    SELF_SIGNATURE_NOT_CHECKED = "self_signature_not_checked",
    /// input error: The text is not base64
    NOT_BASE64 = "not_base64",
    /// input error: A BEGIN line without its END line
    TRUNCATED_PEM = "truncated_pem",
    /// input error: Decodes, but is not an X.509 certificate
    NOT_A_CERTIFICATE = "not_a_certificate",
    /// input error: Only a private key, no certificate
    PRIVATE_KEY = "private_key",
    /// input error: Far larger than a certificate (also: metadata over 1 MB; for the CLI, a file or stdin over 16 MB,
    /// and a page report over the worker's snapshot limits)
    TOO_LARGE = "too_large",
    /// info: Several signing certificates; which one was chosen
    ROLLOVER = "rollover",
    /// error: The tenant-independent document, not your app's (also: a Login URL or identifier with common or
    /// {tenantid})
    TENANT_INDEPENDENT = "tenant_independent",
    /// error: Another identity provider's metadata
    NOT_ENTRA = "not_entra",
    /// error: No signing certificate in it
    NO_SIGNING_CERTIFICATE = "no_signing_certificate",
    /// error: No SingleSignOnService, so no Login URL
    NO_SSO_URL = "no_sso_url",
    /// warning: One of its certificates could not be read
    UNREADABLE_CERTIFICATE = "unreadable_certificate",
    /// input error: Not readable XML
    NOT_XML = "not_xml",
    /// input error: A DOCTYPE, refused for safety
    DOCTYPE_NOT_ALLOWED = "doctype_not_allowed",
    /// input error: XML, but not federation metadata
    NOT_METADATA = "not_metadata",
    /// input error: XML, but not SAML SP metadata (no SPSSODescriptor)
    NOT_SP_METADATA = "not_sp_metadata",
    /// input error: Identity provider metadata (Entra's own, say) given where Twilio's SP metadata belongs
    IDP_METADATA_GIVEN = "idp_metadata_given",
    /// input error: No HTTP-POST AssertionConsumerService, so no Reply URL
    NO_ACS = "no_acs",
    /// input error: The ACS is not an https URL (a warning for an http entity ID)
    SP_NOT_HTTPS = "sp_not_https",
    /// warning: Several HTTP-POST AssertionConsumerServices; the default one is used, named
    SEVERAL_ACS = "several_acs",
    /// warning: The ACS is not on twilio.com: another service's metadata, and not captured
    SP_NOT_TWILIO = "sp_not_twilio",
    /// warning: The metadata names NameID formats, none of them the email address one
    SP_NAME_ID_FORMAT = "sp_name_id_format",
    /// error: The Login URL and the identifier are in each other's place
    SWAPPED_FIELDS = "swapped_fields",
    /// error: The Login URL is empty
    MISSING_LOGIN_URL = "missing_login_url",
    /// error: The identifier is empty
    MISSING_IDENTIFIER = "missing_identifier",
    /// error: The Login URL where the identifier goes, or the other way
    WRONG_FIELD = "wrong_field",
    /// error: The App Federation Metadata URL instead
    METADATA_URL_PASTED = "metadata_url_pasted",
    /// error: A Twilio URL (Reply URL or Entity ID) instead
    REPLY_URL_PASTED = "reply_url_pasted",
    /// error: Not a Login URL Entra gives
    NOT_ENTRA_LOGIN_URL = "not_entra_login_url",
    /// error: Not an identifier Entra gives
    NOT_ENTRA_IDENTIFIER = "not_entra_identifier",
    /// error: The Login URL does not end in /saml2
    LOGIN_URL_PATH = "login_url_path",
    /// warning: It ends in /saml2/
    LOGIN_URL_TRAILING_SLASH = "login_url_trailing_slash",
    /// error: The identifier lacks its final /: Twilio rejects every sign-in
    MISSING_TRAILING_SLASH = "missing_trailing_slash",
    /// error: Not an https URL
    NOT_HTTPS = "not_https",
    /// error: The two name different tenants
    TENANT_MISMATCH = "tenant_mismatch",
    /// error: The two are from different clouds
    CLOUD_MISMATCH = "cloud_mismatch",
    /// error: The metadata's entityID is not the identifier
    METADATA_ENTITY_MISMATCH = "metadata_entity_mismatch",
    /// error: The Login URL is not one of the metadata's
    METADATA_SSO_MISMATCH = "metadata_sso_mismatch",
    /// error: Metadata given with them could not be read
    METADATA_UNREADABLE = "metadata_unreadable",
    /// error: It holds spaces
    WORKSPACE_ID_WHITESPACE = "workspace_id_whitespace",
    /// warning: Upper-case letters; they are usually lower case
    WORKSPACE_ID_CASE = "workspace_id_case",
    /// warning: Characters other than letters, digits, - and _
    WORKSPACE_ID_CHARACTERS = "workspace_id_characters",
    /// error: Entra refused the sign-in; its AADSTS message is shown whole
    STATUS_NOT_SUCCESS = "status_not_success",
    /// error: Success, but no assertion
    NO_ASSERTION = "no_assertion",
    /// error: The assertion names no Issuer (a warning when a response without an assertion names none)
    NO_ISSUER = "no_issuer",
    /// error: More than one assertion
    MULTIPLE_ASSERTIONS = "multiple_assertions",
    /// error: An assertion outside the Response's top level
    ASSERTION_MISPLACED = "assertion_misplaced",
    /// error: The assertion is encrypted; Twilio does not use token encryption
    ENCRYPTED_ASSERTION = "encrypted_assertion",
    /// error: Sent to another Reply URL
    DESTINATION_MISMATCH = "destination_mismatch",
    /// error: Another issuer than Twilio expects
    ISSUER_MISMATCH = "issuer_mismatch",
    /// error: Another Audience than Twilio's Entity ID (spn: named)
    AUDIENCE_MISMATCH = "audience_mismatch",
    /// error: Past NotOnOrAfter
    ASSERTION_EXPIRED = "assertion_expired",
    /// error: Before NotBefore, beyond 5 minutes of skew
    ASSERTION_NOT_YET_VALID = "assertion_not_yet_valid",
    /// error: NotBefore or NotOnOrAfter cannot be read
    UNREADABLE_TIME = "unreadable_time",
    /// error: The response itself is not signed
    RESPONSE_NOT_SIGNED = "response_not_signed",
    /// error: The assertion is not signed
    ASSERTION_NOT_SIGNED = "assertion_not_signed",
    /// error: A signature does not verify (names which)
    SIGNATURE_INVALID = "signature_invalid",
    /// error: Signed with another certificate than Twilio has
    CERTIFICATE_MISMATCH = "certificate_mismatch",
    /// error: No certificate to verify against yet: nothing was verified
    NO_PINNED_CERTIFICATE = "no_pinned_certificate",
    /// error: No attribute named exactly email
    MISSING_EMAIL = "missing_email",
    /// error: No attribute named exactly roles
    MISSING_ROLES = "missing_roles",
    /// error: Roles does not hold agent (Frontline)
    ROLE_NOT_AGENT = "role_not_agent",
    /// error: Another claim the product reads is missing (Flex: full_name)
    MISSING_CLAIM = "missing_claim",
    /// error: Roles holds none of Flex's roles (agent, supervisor, admin)
    ROLE_NOT_PRODUCT = "role_not_product",
    /// error: The NameID is not the user's email address (a UPN, a guest's #EXT# name, or no @), named
    NAME_ID_NOT_EMAIL = "name_id_not_email",
    /// error: The NameID's format is not emailAddress
    NAME_ID_FORMAT = "name_id_format",
    /// error: An SP-initiated test came back without the RelayState Twilio sent
    RELAY_STATE_MISSING = "relay_state_missing",
    /// error: A comment or processing instruction: no signature covers it
    XML_COMMENT = "xml_comment",
    /// error: A value holds markup; it is never shown
    MARKUP_IN_VALUE = "markup_in_value",
    /// input error: XML, but not a SAML Response
    NOT_SAML_RESPONSE = "not_saml_response",
    /// input error: The small core module was asked to check a response
    NEEDS_FULL_CORE = "needs_full_core",
    /// error: Twilio's Issuer is not this setup's Identifier (Entity ID): AADSTS700016 follows
    REQUEST_ISSUER_MISMATCH = "request_issuer_mismatch",
    /// input error: A captured request whose Issuer is not this setup's: another sign-in, not kept by the watch
    REQUEST_NOT_THIS_SETUP = "request_not_this_setup",
    /// error: Twilio asks Entra to post to another Reply URL than this setup's: AADSTS50011 follows
    REQUEST_ACS_MISMATCH = "request_acs_mismatch",
    /// warning: The request goes to a host that is not a Microsoft sign-in host
    REQUEST_DESTINATION_UNKNOWN = "request_destination_unknown",
    /// info: Twilio asks for a sign-in method; AADSTS75011 if the user used another
    REQUEST_AUTHN_CONTEXT = "request_authn_context",
    /// input error: XML, but not a SAML AuthnRequest
    NOT_AUTHN_REQUEST = "not_authn_request",
    /// input error: Neither XML nor raw-DEFLATE XML, or it inflates past 64 KB
    NOT_DEFLATE = "not_deflate",
    /// input error: Neither a SAML-tracer export nor a HAR file (not JSON, cut short, or another JSON)
    NOT_A_TRACE = "not_a_trace",
    /// input error: A trace that holds no SAML message at all
    NO_SAML_IN_TRACE = "no_saml_in_trace",
    /// input error: An export asked for, and no test sign-in captured in this browser session
    NO_CAPTURED_SIGN_IN = "no_captured_sign_in",
    /// input error: A value of the wrong type
    BAD_INPUT = "bad_input",
    /// input error: An unknown or incomplete setup event
    BAD_EVENT = "bad_event",
    /// input error: A stored setup that is not an object
    BAD_SETUP = "bad_setup",
    /// input error: A page snapshot that is not an object
    BAD_SNAPSHOT = "bad_snapshot",
    /// input error: "now" is not a finite number of milliseconds
    BAD_TIME = "bad_time",
    /// input error: Replace for a conflict that is gone
    UNKNOWN_CONFLICT = "unknown_conflict",
    /// input error: A checklist step that does not exist
    UNKNOWN_STEP = "unknown_step",
    /// input error: A renewal step marked while no certificate renewal is under way
    NO_RENEWAL = "no_renewal",
    /// input error: A result could not be passed to JavaScript
    INTERNAL = "internal",
    /// input error: A wrong or incomplete command line
    USAGE = "usage",
    /// input error: A file that cannot be read
    UNREADABLE_FILE = "unreadable_file",
    /// input error: A file that is not UTF-8 text
    NOT_TEXT = "not_text",
    /// input error: Not a page report
    NOT_PAGE_REPORT = "not_page_report",
    /// input error: A page report of another format version
    REPORT_FORMAT = "report_format",
    /// input error: Diagnose got no AADSTS code and no request to check
    NO_ERROR_CODE = "no_error_code",
}
