// The replica portal's blades, once: what each shows and what its commands do. Each dialect
// (fx.js: Knockout-style blades in the portal's top page; fluent.js: React/Fluent v8 blades
// in iframes) renders these specs in its own markup, so every form exists in every dialect.
//
// A spec: { title(s, v), init(s) → v, body(s, v) → widgets, commands(s, v) → [{label, commit,
// enabled, run(v) → next blade | undefined}] }. `s` is the saved tenant, `v` the blade's model.
// Widgets: heading, para, status, text, rows, dropdown, combo, radio, checkbox, pairs, copy,
// table, vgrid, section, button, links, group.
(function () {
  const def = (rows) => (rows.find((r) => r.isDefault) || rows[0])?.value;
  const ATTRIBUTES = ['user.userprincipalname', 'user.mail', 'user.givenname', 'user.surname', 'user.displayname', 'user.assignedroles', 'user.objectid'];
  const KINDS = [
    'Configure Application Proxy for secure remote access to an on-premises application',
    "Register an application to integrate with Microsoft Entra ID (App you're developing)",
    "Integrate any other application you don't find in the gallery (Non-gallery)",
  ];
  /** `add` in the blade's query or the portal's hash: open the blade with its form showing. */
  const opened = () => new URLSearchParams(location.search + location.hash.replace('#', '&')).has('add');
  const keep = (rows) => rows.filter((r) => r.value.trim()).map((r) => ({ value: r.value.trim(), isDefault: Boolean(r.isDefault) }));
  /** The app's signing certificates: a seeded list (a renewal), else the one certificate. */
  const certs = (s) => s.certificates ?? (s.certificate.thumbprint ? [{ ...s.certificate, active: true }] : []);
  const active = (s) => certs(s).find((c) => c.active) ?? { thumbprint: '', expiration: '' };
  /** The NameID formats Entra's drop-down offers, and how its claims list writes each. */
  const NAME_ID_FORMATS = { Default: 'emailAddress', 'Email address': 'emailAddress', Persistent: 'persistent', Unspecified: 'unspecified', 'Windows domain qualified name': 'WindowsDomainQualifiedName', Transient: 'transient' };
  const nameId = (s) => s.nameId ?? { format: 'Default', attr: 'user.userprincipalname' };

  window.BLADES = {
    'create-app': {
      title: () => 'Create your own application',
      init: () => ({ name: '', kind: '', created: false }),
      body: (s, v) => (v.created
        ? [{ t: 'status', text: `${v.name} was created.` }]
        : [
          { t: 'text', key: 'name', label: "What's the name of your app?", required: true },
          { t: 'radio', key: 'kind', label: 'What are you looking to do with your application?', options: KINDS },
        ]),
      commands: (s, v) => (v.created ? [] : [{
        label: 'Create', commit: true, enabled: Boolean(v.name.trim() && v.kind),
        run(v2) {
          replica.update((t) => { t.app = v2.name.trim(); });
          v2.created = true;
        },
      }]),
    },

    'sso-method': {
      title: (s) => `${s.app} | Single sign-on`,
      init: () => ({}),
      body: () => [
        { t: 'heading', level: 3, text: 'Select a single sign-on method' },
        { t: 'group', items: ['Disabled', 'SAML', 'Password-based', 'Linked'].map((m) => ({ t: 'button', label: m, go: m === 'SAML' ? 'saml' : undefined })) },
      ],
      commands: () => [],
    },

    saml: {
      title: (s) => `${s.app} | SAML-based Sign-on`,
      init: () => ({}),
      live: true, // re-renders when the saved configuration changes, as the portal refreshes its pane
      body(s) {
        const b = s.basic;
        const t = s.tenant;
        const metadata = `https://${s.certificate.metadataHost}/${t}/federationmetadata/2007-06/federationmetadata.xml?appid=${s.certificate.metadataFile}`;
        return [
          { t: 'heading', level: 3, text: 'Set up Single Sign-On with SAML' },
          { t: 'section', title: 'Basic SAML Configuration', n: 1, edit: 'basic-edit', body: [{ t: 'pairs', items: [
            ['Identifier (Entity ID)', def(b.identifiers) || 'Required'],
            ['Reply URL (Assertion Consumer Service URL)', def(b.replyUrls) || 'Required'],
            ['Sign on URL', b.signOnUrl || 'Optional'],
            ['Relay State (Optional)', b.relayState || 'Optional'],
            ['Logout Url (Optional)', b.logoutUrl || 'Optional'],
          ] }] },
          { t: 'section', title: 'Attributes & Claims', n: 2, edit: 'claims', body: [{ t: 'pairs', items: [
            ['Unique User Identifier', nameId(s).attr],
            ...s.claims.map((c) => [c.name, c.value]),
          ] }] },
          { t: 'section', title: 'SAML Certificates', n: 3, edit: 'signing-edit', body: [
            { t: 'heading', level: 4, text: 'Token signing certificate' },
            { t: 'pairs', items: [
              ['Status', active(s).thumbprint ? 'Active' : 'Not created'],
              ['Thumbprint', active(s).thumbprint],
              ['Expiration', active(s).expiration],
              ['Notification Email', 'admin@contoso.test'],
              ['Signing Option', s.signing.option],
              ['Signing Algorithm', s.signing.algorithm],
            ] },
            // During a rollover the section lists every certificate with its status.
            ...(certs(s).length > 1 ? [{ t: 'table', label: 'Certificates', headers: ['Status', 'Expiration Date', 'Thumbprint'],
              rows: certs(s).map((c) => [c.active ? 'Active' : 'Inactive', c.expiration, c.thumbprint]) }] : []),
            { t: 'copy', label: 'App Federation Metadata Url', value: metadata },
            { t: 'links', items: ['Certificate (Base64)', 'Certificate (Raw)', 'Federation Metadata XML'] },
          ] },
          { t: 'section', title: `Set up ${s.app}`, n: 4, body: [
            { t: 'copy', label: 'Login URL', value: `https://login.microsoftonline.com/${t}/saml2` },
            { t: 'copy', label: s.identifierLabel, value: `https://sts.windows.net/${t}/` },
            { t: 'copy', label: 'Logout URL', value: `https://login.microsoftonline.com/${t}/saml2` },
          ] },
        ];
      },
      commands: () => [],
    },

    'basic-edit': {
      title: () => 'Basic SAML Configuration',
      // Fx: a new app has no rows until "Add identifier" / "Add reply URL". Fluent: one empty row.
      init: (s, dialect) => {
        const rows = (saved) => [...saved.map((r) => ({ ...r })), ...(dialect === 'fx' ? [] : [{ value: '', isDefault: false }])];
        return { ids: rows(s.basic.identifiers), acs: rows(s.basic.replyUrls), signOn: s.basic.signOnUrl };
      },
      body: () => [
        { t: 'rows', key: 'ids', label: 'Identifier (Entity ID)', add: 'Add identifier', required: true },
        { t: 'rows', key: 'acs', label: 'Reply URL (Assertion Consumer Service URL)', add: 'Add reply URL', index: true, required: true },
        { t: 'text', key: 'signOn', label: 'Sign on URL (Optional)' },
      ],
      commands: (s, v, dirty) => [
        { label: 'Save', commit: true, enabled: dirty, run(m) {
          replica.update((t) => { t.basic = { ...t.basic, identifiers: keep(m.ids), replyUrls: keep(m.acs), signOnUrl: m.signOn }; });
          return 'saml';
        } },
        { label: 'Discard', commit: true, enabled: true, run: () => 'saml' },
      ],
    },

    'signing-edit': {
      title: () => 'SAML Signing Certificate',
      init: (s) => ({ option: s.signing.option, algorithm: s.signing.algorithm, email: 'admin@contoso.test' }),
      body: (s) => [
        { t: 'para', text: 'Manage the certificate used by Microsoft Entra ID to sign SAML tokens issued to your app.' },
        // The certificate list, with each one's status; only the admin makes one active.
        { t: 'table', label: 'Certificates', headers: ['Status', 'Expiration Date', 'Thumbprint'],
          rows: certs(s).map((c) => [c.active ? 'Active' : 'Inactive', c.expiration, c.thumbprint]) },
        ...certs(s).filter((c) => !c.active).map((c) => ({
          t: 'button', label: 'Make certificate active', aria: `${tr('Make certificate active')}: ${c.thumbprint}`, commit: true,
          run: () => replica.update((t) => { t.certificates = certs(t).map((x) => ({ ...x, active: x.thumbprint === c.thumbprint })); }),
        })),
        // A test may take an option away (`signingOptions`), to see a fill that cannot stick.
        { t: 'dropdown', key: 'option', label: 'Signing Option', options: s.signingOptions ?? ['Sign SAML response', 'Sign SAML assertion', 'Sign SAML response and assertion'], required: true },
        { t: 'dropdown', key: 'algorithm', label: 'Signing Algorithm', options: ['SHA-256', 'SHA-1'], required: true },
        { t: 'text', key: 'email', label: 'Notification Email Addresses' },
      ],
      commands: (s, v, dirty) => [
        { label: 'Save', commit: true, enabled: dirty, run(m) {
          replica.update((t) => { t.signing = { option: m.option, algorithm: m.algorithm }; });
          return 'saml';
        } },
        // A new certificate is listed as inactive (the seeded `nextCertificate`), as the portal lists it.
        { label: 'New Certificate', commit: true, enabled: Boolean(s.nextCertificate), run() {
          replica.update((t) => { t.certificates = [...certs(t), { ...t.nextCertificate, active: false }]; delete t.nextCertificate; });
        } },
        { label: 'Discard', commit: true, enabled: true, run: () => 'saml' },
      ],
    },

    claims: {
      title: (s, v) => (v.adding ? 'Manage claim' : 'Attributes & Claims'),
      init: () => ({ adding: opened(), name: '', ns: '', source: 'Attribute', attr: '', condSource: 'Attribute', condAttr: '' }),
      body(s, v) {
        if (v.adding) {
          return [
            { t: 'text', key: 'name', label: 'Name', required: true },
            { t: 'text', key: 'ns', label: 'Namespace', placeholder: 'Enter a namespace URI' },
            { t: 'radio', key: 'source', label: 'Source', options: ['Attribute', 'Transformation'] },
            { t: 'combo', key: 'attr', label: 'Source attribute', options: ATTRIBUTES, required: true },
            // Claim conditions repeat the same labels: only the claim's own are to be filled.
            { t: 'section', title: 'Claim conditions', body: [
              { t: 'radio', key: 'condSource', label: 'Source', options: ['Attribute', 'Transformation'] },
              { t: 'dropdown', key: 'condAttr', label: 'Source attribute', options: ATTRIBUTES },
            ] },
          ];
        }
        return [
          { t: 'group', items: [{ t: 'button', label: '+ Add new claim', set: { adding: true } }, { t: 'button', label: '+ Add a group claim' }] },
          { t: 'heading', level: 3, text: 'Required claim' },
          { t: 'pairs', items: [['Unique User Identifier (Name ID)', `${nameId(s).attr} [nameid-format:${NAME_ID_FORMATS[nameId(s).format] ?? 'emailAddress'}]`]] },
          { t: 'group', items: [{ t: 'button', label: 'Edit the Unique User Identifier', go: 'name-id' }] },
          { t: 'heading', level: 3, text: 'Additional claims' },
          { t: 'table', label: 'Additional claims', headers: ['Claim name', 'Type', 'Value'], rows: s.claims.map((c) => [c.name, c.type, c.value]) },
        ];
      },
      commands: (s, v, dirty) => (v.adding ? [
        { label: 'Save', commit: true, enabled: dirty && Boolean(v.name.trim() && v.attr), run(m) {
          const name = m.ns ? `${m.ns}/${m.name.trim()}` : m.name.trim();
          replica.update((t) => { t.claims = [...t.claims.filter((c) => c.name !== name), { name, type: 'SAML', value: m.attr }]; });
          return 'claims';
        } },
        { label: 'Discard changes', commit: true, enabled: true, run: () => 'claims' },
      ] : []),
    },

    // The required claim's own form: its name is fixed, its format and source are Entra's defaults.
    'name-id': {
      title: () => 'Manage claim',
      init: (s) => ({ format: nameId(s).format, source: 'Attribute', attr: nameId(s).attr }),
      body: () => [
        { t: 'pairs', items: [['Name', 'Unique User Identifier (Name ID)']] },
        { t: 'dropdown', key: 'format', label: 'Choose name identifier format', options: Object.keys(NAME_ID_FORMATS), required: true },
        { t: 'radio', key: 'source', label: 'Source', options: ['Attribute', 'Transformation'] },
        { t: 'combo', key: 'attr', label: 'Source attribute', options: ATTRIBUTES, required: true },
      ],
      commands: (s, v, dirty) => [
        { label: 'Save', commit: true, enabled: dirty && Boolean(v.attr), run(m) {
          replica.update((t) => { t.nameId = { format: m.format, attr: m.attr }; });
          return 'claims';
        } },
        { label: 'Discard changes', commit: true, enabled: true, run: () => 'claims' },
      ],
    },

    'app-roles': {
      title: () => 'App roles',
      init: () => ({ creating: opened(), displayName: '', memberTypes: '', value: '', description: '', enabled: false }),
      body(s, v) {
        const list = [
          { t: 'group', items: [{ t: 'button', label: '+ Create app role', set: { creating: true } }] },
          { t: 'table', label: 'App roles', headers: ['Display name', 'Description', 'Allowed member types', 'Value', 'ID', 'State'],
            rows: s.roles.map((r) => [r.displayName, r.description, r.memberTypes, r.value, r.id, r.enabled ? 'Enabled' : 'Disabled']) },
        ];
        if (!v.creating) return list;
        return [...list, { t: 'panel', title: 'Create app role', body: [
          { t: 'text', key: 'displayName', label: 'Display name', required: true },
          { t: 'radio', key: 'memberTypes', label: 'Allowed member types', options: ['Users/Groups', 'Applications', 'Both (Users/Groups + Applications)'] },
          { t: 'text', key: 'value', label: 'Value', required: true },
          { t: 'text', key: 'description', label: 'Description', multiline: true, required: true },
          { t: 'checkbox', key: 'enabled', label: 'Do you want to enable this app role?' },
        ] }];
      },
      commands: (s, v) => (v.creating ? [
        { label: 'Apply', commit: true, enabled: Boolean(v.displayName && v.value && v.description && v.memberTypes), run(m) {
          const role = { displayName: m.displayName, description: m.description, memberTypes: m.memberTypes, value: m.value, id: crypto.randomUUID(), enabled: m.enabled };
          replica.update((t) => { t.roles.push(role); });
          Object.assign(m, { creating: false, displayName: '', memberTypes: '', value: '', description: '', enabled: false });
        } },
        { label: 'Cancel', commit: true, enabled: true, run(m) { m.creating = false; } },
      ] : []),
    },

    users: {
      title: () => 'Users and groups',
      init: () => ({}),
      body: (s) => [
        { t: 'group', items: [{ t: 'button', label: '+ Add user/group', commit: true }] },
        { t: 'vgrid', label: 'Assignments', headers: ['Display name', 'Object type', 'Role assigned'], rows: s.assignments.map((a) => [a.name, a.type, a.role]) },
      ],
      commands: () => [],
    },
  };

  // The tenant's language: every string a blade shows and every option it holds, translated
  // (English stays as it is). Commands keep their English name for the click log.
  const trList = (xs) => xs.map((x) => (Array.isArray(x) ? trList(x) : typeof x === 'string' ? tr(x) : trWidget(x)));
  function trWidget(w) {
    if (!w || typeof w !== 'object') return w;
    const out = { ...w, name: w.label };
    for (const k of ['text', 'label', 'title', 'add', 'placeholder']) if (typeof w[k] === 'string') out[k] = tr(w[k]);
    for (const k of ['options', 'headers', 'items', 'rows', 'body']) if (Array.isArray(w[k])) out[k] = trList(w[k]);
    return out;
  }
  for (const spec of Object.values(window.BLADES)) {
    const { title, init, body, commands } = spec;
    spec.title = (s, v) => tr(title(s, v));
    spec.init = (s, d) => Object.fromEntries(Object.entries(init(s, d)).map(([k, v]) => [k, typeof v === 'string' ? tr(v) : v]));
    spec.body = (s, v) => body(s, v).map(trWidget);
    spec.commands = (s, v, dirty) => commands(s, v, dirty).map((c) => ({ ...c, name: c.label, label: tr(c.label) }));
  }
})();
