// SAML-tracer's Import, as its src/SAMLTraceIO.js `restoreFromImport` reads a file (SAML-tracer
// 1.9.x): the requests, legacy (before 1.0: `id`, `[name, value]` headers) or current
// (`requestId`, `{name, value}` headers), each made into the model its trace window shows. What it
// would trip on (no requests, headers that are not arrays, a post that is not pairs) throws here.

/** @param {string} text @returns {Array<object>} */
export function restoreFromImport(text) {
  const requests = JSON.parse(text).requests;
  if (!requests || requests.length === 0) throw new Error("There aren't any requests to import...");
  const legacy = !Object.hasOwn(requests[0], 'requestId');
  const headers = (hs) => {
    if (!Array.isArray(hs)) throw new TypeError('headers are not a list');
    const list = legacy ? hs.map((h) => ({ name: h[0], value: h[1] })) : hs;
    if (!list.every((h) => typeof h.name === 'string' && typeof h.value === 'string')) throw new TypeError('header');
    return list;
  };
  return requests.map((r) => {
    const requestId = legacy ? r.id : r.requestId;
    const post = r.post ?? [];
    if (!Array.isArray(post) || !post.every((p) => Array.isArray(p) && p.length === 2)) throw new TypeError('post');
    return {
      req: { method: r.method, url: r.url, requestId, requestBody: { post } },
      requestId,
      url: r.url,
      headers: headers(r.requestHeaders),
      saml: r.saml,
      response: {
        requestId,
        url: r.url,
        statusCode: r.responseStatus,
        statusLine: r.responseStatusText,
        responseHeaders: headers(r.responseHeaders),
      },
    };
  });
}
