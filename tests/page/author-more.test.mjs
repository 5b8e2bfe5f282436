// The newsroom page, part 2 (issue 17), in headless Chromium under the page's strict policy:
// several items reordered from the keyboard, a bulletin exported, opened and exported again,
// the repository's feed documents opened as items, a draft kept across a reload (and one from
// another version refused, not lost), an extension of the polls reaching the widget, and an
// election-only file read through data-election-src; axe-core in each of these states.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { serve } from './serve.mjs';
import { launch, watch } from './browser.mjs';
import { audit, DEMO, download, openPage, paste, POLICY, release, SEED, setElection } from './newsroom.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/', import.meta.url);

let site;
let browser;
const served = {};

before(async () => {
  const json = (name) => (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(served[name] ?? '{}');
  };
  site = await serve(DIST, {
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': POLICY } : {}),
    routes: {
      '/exported.json': json('exported'),
      '/news-only.json': json('news'),
      '/election-only.json': json('election'),
      '/feed.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(readFileSync(new URL('feeds/jsonfeed.json', FIXTURES)));
      },
      // a page with one widget; its attributes come from the query
      '/reader.html': (req, res) => {
        const q = new URL(req.url, 'http://x').searchParams;
        const attrs = [...q].map(([k, v]) => `data-${k}="${v}"`).join(' ');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': POLICY });
        res.end(`<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>reader</title>
          <script type="module" src="embed.js" data-allow-now></script></head><body>
          <div id="w" data-election-widget data-eager ${attrs}><a href="exported.json">news</a></div></body></html>`);
      },
    },
  });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const rowTitles = (page) => page.locator('.items__name').allInnerTexts();
const active = (page) => page.evaluate(() => document.activeElement?.id);
/** Waits until the element with `id` has the focus (after a re-render). */
const focused = async (page, id) => {
  await page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 5_000 }).catch(() => {});
  assert.equal(await active(page), id);
};

test('three releases pasted become three items in order, reordered from the keyboard', async () => {
  const { context, page, clean } = await openPage(browser, site);
  await paste(page, SEED);
  for (const title of ['خبر دوم ستاد', 'خبر سوم ستاد']) {
    await page.focus('#add-item');
    await page.keyboard.press('Enter');
    // the new item's text area has the focus: the next release is simply pasted there
    await page.waitForFunction(() => /^item-\d-paste$/.test(document.activeElement?.id ?? ''));
    await page.keyboard.insertText(release(title));
  }
  let titles = await rowTitles(page);
  assert.equal(titles.length, 3);
  assert.match(titles[0], /کارت اصلی.*انسجام\u200cبخشی/s);
  assert.match(titles[1], /سرخط.*خبر دوم ستاد/s);
  assert.match(titles[2], /خبر سوم ستاد/);
  // the third moves to the top with two presses of Enter, the focus following it
  await page.focus('#row-2-up');
  await page.keyboard.press('Enter');
  await focused(page, 'row-1-up');
  await page.keyboard.press('Enter');
  // at the top, the focus stays with the item, on the button it can still use
  await focused(page, 'row-0-down');
  titles = await rowTitles(page);
  assert.deepEqual(titles.map((t) => t.split('«')[1].slice(0, 12)), ['خبر سوم ستاد', 'انسجام\u200cبخشی ', 'خبر دوم ستاد']);
  // and down again with Space
  await page.keyboard.press('Space');
  await focused(page, 'row-1-down');
  await page.focus('#row-1-up');
  await page.keyboard.press('Enter');
  // duplicate and remove, by keyboard too
  await page.focus('#row-2-copy');
  await page.keyboard.press('Enter');
  assert.equal((await rowTitles(page)).length, 4);
  await page.focus('#row-3-remove');
  await page.keyboard.press('Enter'); // confirmed by the dialog handler
  assert.equal((await rowTitles(page)).length, 3);
  // the preview shows them as the widget does: the card, then the headlines in order
  assert.match(await page.locator('#preview-widget .card__title').innerText(), /^خبر سوم ستاد/);
  const headlines = await page.locator('#preview-widget .headlines li').allInnerTexts();
  assert.equal(headlines.length, 2);
  assert.match(headlines[0], /^انسجام\u200cبخشی/);
  assert.match(headlines[1], /^خبر دوم ستاد/);
  const file = JSON.parse((await download(page)).text);
  assert.deepEqual(file.items.map((i) => i.title.slice(0, 12)), ['خبر سوم ستاد', 'انسجام\u200cبخشی ', 'خبر دوم ستاد']);
  assert.equal(file.items[0].kicker, 'گزارش ستاد؛');
  assert.deepEqual(await audit(page), []);
  await page.screenshot({ path: `${SHOTS}author-items.png`, fullPage: true });
  await clean();
  await context.close();
});

test('a bulletin exported, opened again and exported gives the same file', async () => {
  const { context, page, clean } = await openPage(browser, site);
  await paste(page, SEED);
  await setElection(page, DEMO);
  await page.fill('#item-0-url', 'https://qods.example/news/1');
  await page.click('#add-item');
  await paste(page, release('خبر دوم'), 1);
  await page.click('#add-election');
  await setElection(page, { title: 'انتخابات میان‌دوره‌ای', day: '21', month: 2, year: '1403', opens: '8', closes: '24:00' }, 1);
  const first = await download(page);
  // a new bulletin (asked and confirmed), then the file opened from disk
  await page.click('#new-bulletin');
  assert.equal((await rowTitles(page)).length, 1);
  assert.equal(await page.inputValue('#item-0-paste'), '');
  await page.setInputFiles('#open-file', { name: 'bulletin.json', mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await page.locator('#open-report', { hasText: 'باز شد' }).waitFor();
  assert.equal((await rowTitles(page)).length, 2);
  assert.match(await page.locator('#export-changes').innerText(), /تغییری نیست/);
  const second = await download(page);
  const strip = (t) => t.replace(/"generated": "[^"]+",\n/, '');
  assert.equal(strip(second.text), strip(first.text));
  // an edit is listed against the opened file before the next download
  await page.click('#election-0-extend');
  await page.click('#row-1-edit');
  await page.fill('#item-1-title', 'عنوان تازهٔ خبر دوم');
  const changes = await page.locator('#export-changes').innerText();
  assert.match(changes, /پایان رأی‌گیری انتخابات ۱: .*۱۸:۰۰ ← .*۱۹:۰۰/);
  assert.match(changes, /ویرایش شده: «عنوان تازهٔ خبر دوم» \(عنوان\)/);
  assert.deepEqual(await audit(page), []);
  await clean();
  await context.close();
});

/** The feed documents in the repository's fixtures (tests/fixtures/real/ once it exists). */
function feedFixtures() {
  const dirs = ['feeds', 'real'].filter((d) => existsSync(new URL(`${d}/`, FIXTURES)));
  return dirs.flatMap((d) => readdirSync(new URL(`${d}/`, FIXTURES))
    .filter((n) => n.endsWith('.json') && n !== 'custom.json') // custom.json needs a page's field map
    .map((n) => ({ name: n, path: new URL(`${d}/${n}`, FIXTURES) })));
}

test('the repository\'s feed documents open as items, with what was left behind listed', async () => {
  const { context, page, clean } = await openPage(browser, site);
  const fixtures = feedFixtures();
  assert.ok(fixtures.length >= 6, fixtures.map((f) => f.name).join());
  let before = 1;
  for (const f of fixtures) {
    await page.setInputFiles('#open-file', { name: f.name, mimeType: 'application/json', buffer: readFileSync(f.path) });
    const report = page.locator('#open-report');
    await report.locator('p', { hasText: f.name }).waitFor();
    const text = await report.innerText();
    assert.match(text, /باز شد/, `${f.name}: ${text}`);
    assert.match(text, /خبر افزوده شد|خبرنامهٔ ابزارک/, `${f.name}: ${text}`);
    const rows = (await rowTitles(page)).length;
    assert.ok(rows > (before === 1 ? 0 : before), `${f.name} added items (${before} → ${rows})`);
    before = rows;
  }
  // the first feed replaced the blank item; every title is there
  const titles = (await rowTitles(page)).join('\n');
  assert.match(titles, /خبر دوم/);
  assert.ok(!/بی‌عنوان/.test(titles), titles);
  // the widget reads what they became
  assert.equal(await page.locator('#preview-widget').getAttribute('data-state'), 'ready');
  // a JSON Feed read from its address: its relative links are made whole against it
  await page.fill('#open-url', `${site.url}feed.json`);
  await page.click('#open-url-button');
  await page.locator('#open-report', { hasText: 'feed.json' }).waitFor();
  assert.match(await page.locator('#open-report').innerText(), /کامل شد: http:\/\/127\.0\.0\.1:\d+\/news\/2/);
  // a document of another shape is refused with a reason
  await page.setInputFiles('#open-file', { name: 'custom.json', mimeType: 'application/json', buffer: readFileSync(new URL('feeds/custom.json', FIXTURES)) });
  await page.locator('#open-report .report--failed').waitFor();
  assert.match(await page.locator('#open-report').innerText(), /نمی‌شناسد|شناسد/);
  assert.deepEqual(await audit(page), []);
  await clean();
  await context.close();
});

test('a draft survives a reload; one from another version is refused with a message, kept and downloadable', async () => {
  const { context, page, clean } = await openPage(browser, site);
  await paste(page, SEED);
  await setElection(page, DEMO);
  await page.locator('#item-0-changes summary').click();
  await page.locator('#item-0-changes li button').first().click();
  await page.click('#add-item');
  await paste(page, release('خبر دوم'), 1);
  await page.fill('#item-1-source', 'کمیته اطلاع‌رسانی');
  const fields = async () => ({
    paste: await page.inputValue('#item-1-paste'),
    source: await page.inputValue('#item-1-source'),
    rows: await rowTitles(page),
    closes: await page.inputValue('#election-0-closes'),
  });
  const was = await fields();
  await page.reload();
  await page.locator('#item-1-paste').waitFor({ timeout: 20_000 });
  assert.deepEqual(await fields(), was, 'the second item is still the one being edited, everything in place');
  await page.click('#row-0-edit');
  await page.locator('#item-0-changes summary').click();
  assert.equal(await page.locator('#item-0-changes li button[aria-pressed="true"]').count(), 1, 'the undone change is still undone');
  assert.equal(await page.locator('#refused-draft').count(), 0);
  assert.deepEqual(await audit(page), []);
  await clean();
  await context.close();

  // a draft written by a later version of the page
  const stored = JSON.stringify({ format: 'election-widget-newsroom-draft', version: 9, items: [{ id: 'x', title: 'کار قبلی' }] });
  const later = await openPage(browser, site, {
    init: (p) => p.addInitScript((s) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('election-widget-newsroom:draft', s);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored),
  });
  const notice = later.page.locator('#refused-draft');
  await notice.waitFor();
  assert.match(await notice.innerText(), /نسخهٔ تازه‌تری .*نسخهٔ ۹/);
  const [file] = await Promise.all([later.page.waitForEvent('download'), later.page.click('#refused-download')]);
  assert.equal(readFileSync(await file.path(), 'utf8'), stored, 'its text, exactly');
  // the page works meanwhile, and the kept draft is still announced after a reload
  await paste(later.page, SEED);
  await later.page.reload();
  await later.page.locator('#refused-draft').waitFor();
  assert.equal(await later.page.inputValue('#item-0-kicker'), 'رئیس حوزه انتخابیه قدس؛');
  assert.deepEqual(await audit(later.page), []);
  await later.page.click('#refused-discard');
  await later.page.locator('#refused-draft').waitFor({ state: 'detached' });
  await later.clean();
  await later.context.close();
});

const OPENS = Date.parse('2024-03-01T08:00:00+03:30');
const MINUTE = 60_000;

test('an extension exported and served to the widget reopens the polls on screen at the new time', async () => {
  // the officer's computer and the reader's phone, both on election day at 17:50
  const officer = await openPage(browser, site, { init: (p) => p.clock.install({ time: OPENS + 590 * MINUTE }) });
  await paste(officer.page, SEED);
  await setElection(officer.page, DEMO);
  served.exported = (await download(officer.page)).text;

  const reader = await browser.newPage();
  const seen = watch(reader);
  await reader.clock.install({ time: OPENS + 595 * MINUTE });
  await reader.goto(`${site.url}reader.html?src=exported.json&refresh=30`);
  await reader.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
  assert.equal(await reader.locator('#w .cta').getAttribute('data-phase'), 'open');
  // 18:00: the polls close on screen
  await reader.clock.runFor(6 * MINUTE);
  await reader.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.cta')?.dataset.phase === 'closed');

  // the headquarters extends voting by two hours: two presses, one export
  await officer.page.clock.runFor(12 * MINUTE);
  await officer.page.click('#election-0-extend');
  await officer.page.click('#election-0-extend');
  assert.equal(await officer.page.inputValue('#election-0-closes'), '۲۰:۰۰');
  const extended = JSON.parse((served.exported = (await download(officer.page)).text));
  assert.equal(extended.election.closes, '2024-03-01T20:00:00+03:30');

  // the widget's next refresh reopens the polls until 20:00
  for (let i = 0; i < 10; i += 1) {
    await reader.clock.runFor(30_000);
    if (await reader.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.cta')?.dataset.phase) === 'open') break;
  }
  assert.equal(await reader.locator('#w .cta').getAttribute('data-phase'), 'open');
  assert.match(await reader.locator('#w .cta__status').innerText(), /۲۰:۰۰/);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(await audit(officer.page), []);
  await reader.close();
  await officer.context.close();
});

test('an election-only export works through data-election-src', async () => {
  const { context, page, clean } = await openPage(browser, site);
  await paste(page, SEED);
  await setElection(page, DEMO);
  await page.click('#add-election');
  await setElection(page, { title: 'انتخابات شورای شهر', day: '12', month: 12, year: '1402', opens: '9', closes: '17' }, 1);
  const only = await download(page, 'دریافت فایل انتخابات');
  assert.equal(only.name, 'election.json');
  const file = JSON.parse(only.text);
  assert.equal(file.items, undefined);
  assert.equal(file.election.length, 2);
  assert.ok(file.generated);
  // the news alone from one file, the elections from the central one
  const news = JSON.parse((await download(page)).text);
  delete news.election;
  served.news = JSON.stringify(news);
  served.election = only.text;
  const reader = await browser.newPage();
  const seen = watch(reader);
  await reader.goto(`${site.url}reader.html?src=news-only.json&election-src=election-only.json&now=2024-03-02T10:00:00%2B03:30`);
  await reader.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
  assert.match(await reader.locator('#w .card__title').innerText(), /^انسجام\u200cبخشی/);
  assert.equal(await reader.locator('#w .cta').getAttribute('data-phase'), 'open');
  assert.match(await reader.locator('#w .cta__title').innerText(), /شورای شهر/);
  assert.deepEqual(seen.errors, []);
  await reader.close();
  assert.deepEqual(await audit(page), []);
  await clean();
  await context.close();
});
