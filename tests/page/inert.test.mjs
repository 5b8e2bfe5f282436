// Content nobody vetted: every public hostile string and the project's own, through every field
// of a bulletin, rendered in headless Chromium. Nothing runs, no dialog opens, no element or
// attribute comes from the data, no link has a scheme other than http(s) or tel, and every
// text field is its own bidi island.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HOSTILE } from './faults.mjs';
import { harness } from './browser.mjs';

const TAGS = new Set(['DIV', 'ARTICLE', 'P', 'H2', 'SPAN', 'BDI', 'TIME', 'BUTTON', 'A', 'SECTION', 'METER', 'IMG', 'NAV', 'UL', 'LI', 'LABEL', 'INPUT', 'STRONG']);

const h = harness();

test(`${HOSTILE.length} hostile strings in every field stay inert text`, async () => {
  assert.ok(HOSTILE.length > 250);
  const page = await h.browser.newPage();
  const dialogs = [];
  const errors = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${h.site.url}blank.html`);
  const BATCH = 40;
  for (let start = 0; start < HOSTILE.length; start += BATCH) {
    const ids = [];
    for (let i = start; i < Math.min(start + BATCH, HOSTILE.length); i += 1) ids.push(i);
    const report = await page.evaluate(async ({ ids, base, tags }) => {
      document.body.replaceChildren();
      const hosts = ids.map((i) => {
        const el = document.createElement('div');
        el.id = `h${i}`;
        el.setAttribute('data-election-widget', '');
        el.setAttribute('data-eager', '');
        el.setAttribute('data-items', '2');
        el.setAttribute('data-now', '2024-03-01T10:00:00+03:30');
        el.setAttribute('data-src', `${base}hostile?i=${i}`);
        document.body.append(el);
        return el;
      });
      const settled = () => hosts.every((h) => ['ready', 'error', 'stale'].includes(h.getAttribute('data-state')));
      const t0 = Date.now();
      while (!settled() && Date.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 20));
      const allowed = new Set(tags);
      const problems = [];
      for (const h of hosts) {
        const root = h.shadowRoot;
        if (!settled()) problems.push(`${h.id}: never settled`);
        if (h.getAttribute('data-state') !== 'ready') problems.push(`${h.id}: ${h.getAttribute('data-state')}`);
        for (const el of root.querySelectorAll('*')) {
          if (!allowed.has(el.tagName)) problems.push(`${h.id}: element ${el.tagName}`);
          for (const a of el.attributes) if (/^on/i.test(a.name)) problems.push(`${h.id}: attribute ${a.name}`);
        }
        for (const a of root.querySelectorAll('a[href], img[src]')) {
          const url = a.href || a.src;
          if (!/^(https?|tel):/i.test(url)) problems.push(`${h.id}: link ${url.slice(0, 60)}`);
        }
        for (const el of root.querySelectorAll('.card__title, .card__lead, .card__kicker, .card__body p, .cta__title, bdi')) {
          if (getComputedStyle(el).unicodeBidi !== 'isolate') problems.push(`${h.id}: ${el.className} not isolated`);
        }
      }
      return { problems, pwned: window.pwned ?? null };
    }, { ids, base: h.faults.url, tags: [...TAGS] });
    assert.deepEqual(report.problems, [], `batch from ${start}`);
    assert.equal(report.pwned, null);
  }
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(errors, [], 'no uncaught error');
  await page.close();
});
