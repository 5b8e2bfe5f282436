// Shared by the newsroom page tests (author.html, issues 16 and 17): the page's policy, the
// seed release and a demo election, and helpers that drive the page as an officer would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { watch } from './browser.mjs';

export const SEED = readFileSync(new URL('../fixtures/shared/qods-election-pr-committee.fa.txt', import.meta.url), 'utf8');
export const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The policy of issue 16, exactly. */
export const POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; "
  + "img-src 'self' https: data: blob:; connect-src 'self' https:; require-trusted-types-for 'script'";

/** The demo election: 11 Esfand 1402, 08:00 to 18:00 in Tehran. */
export const DEMO = { title: 'انتخابات دوازدهمین دوره مجلس شورای اسلامی', day: '۱۱', month: 12, year: '۱۴۰۲', opens: '08:00', closes: '۱۸:۰۰',
  'cta-label': 'شعبه اخذ رأی نزدیک خود را پیدا کنید', 'cta-url': 'https://www.moi.ir/', turnout: '۴۲٫۵۷', 'turnout-label': 'مشارکت در انتخابات مجلس ۱۳۹۸' };

/** A short release with a kicker, a title, a lead and one body paragraph. */
export const release = (title) => `گزارش ستاد؛\n\n${title}\n\nلید خبر ${title} در یک جمله.\n\nبند نخست متن خبر ${title}.\n`;

/**
 * Opens author.html in a new context, recording CSP violations, uncaught errors and every
 * request's origin; `clean()` asserts none of them went wrong. `init(page)` runs first
 * (a fake clock, a stored draft).
 */
export async function openPage(browser, site, { init, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, ...options });
  const page = await context.newPage();
  const seen = watch(page);
  const origins = new Set();
  // the officer's own images (their site's addresses) are the one thing loaded from elsewhere
  page.on('request', (r) => { if (r.resourceType() !== 'image') origins.add(new URL(r.url()).origin); });
  page.on('dialog', (d) => d.accept());
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  if (init) await init(page);
  await page.goto(`${site.url}author.html`);
  await page.locator('#item-0-paste').waitFor({ timeout: 20_000 });
  const clean = async () => {
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
    assert.deepEqual(seen.errors, [], 'no uncaught error');
    for (const o of origins) assert.equal(`${o}/`, site.url, `a request to another origin: ${o}`);
  };
  return { context, page, seen, clean };
}

export async function paste(page, text, item = 0) {
  await page.fill(`#item-${item}-paste`, text);
}

export async function setElection(page, fields, i = 0) {
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'month') await page.selectOption(`#election-${i}-month`, String(value));
    else await page.fill(`#election-${i}-${name}`, value);
  }
}

/** Clicks a download button (by its label) and returns the file's name and text. */
export async function download(page, label = 'دریافت فایل خبرنامه') {
  const button = page.getByRole('button', { name: label, exact: true });
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** axe-core's WCAG A/AA violations on the page as it is (evaluated, so the page's policy stays on). */
export async function audit(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' > ')).slice(0, 3), help: v.help }));
  }, TAGS);
}
