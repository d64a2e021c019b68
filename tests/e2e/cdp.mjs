// Reach into the extension's content-script world from a test. Playwright cannot evaluate
// there, so this finds the isolated world Chrome names after the extension, over CDP.

/**
 * Evaluate `expression` in the extension's content-script world of `page`'s main frame.
 * @returns {Promise<{found: boolean, value?: any}>}
 */
export async function evalInContentScript(page, expression, extensionName = 'Frontline SSO Assistant', timeoutMs = 5000) {
  const cdp = await page.context().newCDPSession(page);
  const contexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + timeoutMs;
  let ctx;
  while (!(ctx = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!ctx) {
    await cdp.detach();
    return { found: false };
  }
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return { found: true, value: result.value };
}
