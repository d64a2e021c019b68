// How the panel leads, measured as the admin sees it in the side panel's 400 × 800 px: the
// next step's card first and in view, done steps one line each, the badge in step.
import assert from 'node:assert/strict';
import { storedState } from './harness.mjs';
import { until } from './azure-helpers.mjs';

/** Wait until the panel shows the stored state's latest revision. */
export async function settled(panel) {
  // An empty profile has stored nothing yet: the panel shows revision 0.
  const revision = (await storedState(panel))?.revision ?? 0;
  await panel.locator(`body[data-revision="${revision}"]`).waitFor();
}

/** The layout facts the tests judge. */
export function layout(panel) {
  return panel.evaluate(() => {
    const card = /** @type {HTMLElement} */ (document.querySelector('#next-card'));
    const shown = card && !card.hidden;
    const box = shown ? card.getBoundingClientRect() : null;
    const stepEls = [...document.querySelectorAll('[data-step]')];
    const before = shown
      ? stepEls.filter((el) => el.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING)
      : [];
    const firstOpen = document.querySelector('#steps [data-step]:not([data-status="done"])');
    const line = (el) => el.getBoundingClientRect().height;
    return {
      next: shown ? card.dataset.nextStep : null,
      firstNotDone: firstOpen?.getAttribute('data-step') ?? null,
      top: box?.top ?? -1,
      bottom: box?.bottom ?? -1,
      viewport: innerHeight,
      scrolled: scrollY,
      stepsBefore: before.map((el) => el.getAttribute('data-step')),
      doneHeights: [...document.querySelectorAll('#steps [data-status="done"]')].map(line),
      todoHeights: [...document.querySelectorAll('#steps [data-status]:not([data-status="done"])')].map(line),
      height: document.documentElement.scrollHeight,
    };
  });
}

/** The next step's card is the first step element, on screen without scrolling; done steps are one line. */
export async function assertLeads(panel, when) {
  await settled(panel);
  const l = await layout(panel);
  assert.equal(l.next, l.firstNotDone, `${when}: the card shows the first step not done`);
  assert.deepEqual(l.stepsBefore, [], `${when}: no step element comes before the card`);
  assert.equal(l.scrolled, 0, `${when}: the panel opens at its top`);
  assert.ok(l.top >= 0 && l.top < l.viewport - 120, `${when}: the card starts in view (top ${l.top} of ${l.viewport})`);
  for (const h of [...l.doneHeights, ...l.todoHeights]) assert.ok(h <= 40, `${when}: a step takes one line (${h}px)`);
  return l;
}

/** The toolbar badge matches the panel: "!" for attention, else "done/11". */
export async function assertBadge(panel, when) {
  const want = await panel.evaluate(() =>
    document.querySelector('#steps [data-status="attention"], #renewal-steps [data-status="attention"]')
      ? '!'
      : `${document.querySelector('#progress')?.getAttribute('aria-valuenow')}/11`,
  );
  await until(async () => (await panel.evaluate(() => chrome.action.getBadgeText({}))) === want, {
    what: `${when}: badge ${want}`,
  });
}
