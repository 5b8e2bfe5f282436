// The call-to-action's buttons as a reader uses them: add to calendar (a real .ics download,
// checked against RFC 5545) and share (headless browsers have no Web Share, so the clipboard
// and the select-the-link fallbacks are what this exercises).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness } from './browser.mjs';


const h = harness({
      '/one.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><body><div id="w" data-election-widget data-eager data-src="bulletin.fa.json" data-now="2024-02-24T14:15:00+03:30"></div><script type="module" src="embed.js" data-allow-now></script></body>');
      },
    });

async function open(context) {
  const page = await context.newPage();
  await page.goto(`${h.site.url}one.html`);
  await page.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready');
  return page;
}

test('add to calendar downloads a valid iCalendar file', async () => {
  const context = await h.browser.newContext({ acceptDownloads: true });
  const page = await open(context);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#w .cta__actions button').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'election-2024-03-01.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n') && ics.endsWith('END:VCALENDAR\r\n'));
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
  const unfolded = ics.replace(/\r\n /g, '');
  for (const p of ['PRODID:', 'UID:', 'DTSTAMP:', 'DTSTART:20240301T043000Z', 'DTEND:20240301T143000Z', 'URL:https://www.moi.ir/']) {
    assert.ok(unfolded.includes(p), p);
  }
  assert.ok(unfolded.includes('SUMMARY:انتخابات دوازدهمین دوره مجلس شورای اسلامی'));
  await context.close();
});

test('share copies the link with visible confirmation where the clipboard works', async () => {
  const context = await h.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await open(context);
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'no Web Share here');
  await page.locator('#w .share button').click();
  await page.locator('#w .share__note').waitFor();
  assert.equal(await page.locator('#w .share__note').textContent(), 'پیوند خبر کپی شد.');
  // the sample item has no URL of its own: the page's is shared
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${h.site.url}one.html`);
  await context.close();
});

test('without a clipboard the link is shown selected for copying', async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); });
  const page = await open(context);
  await page.locator('#w .share button').click();
  const input = page.locator('#w .share__input');
  await input.waitFor();
  assert.equal(await input.inputValue(), `${h.site.url}one.html`);
  const selected = await page.evaluate(() => {
    const el = document.getElementById('w').shadowRoot.querySelector('.share__input');
    return el.selectionStart === 0 && el.selectionEnd === el.value.length && document.getElementById('w').shadowRoot.activeElement === el;
  });
  assert.ok(selected, 'the link is focused and selected');
  await context.close();
});
