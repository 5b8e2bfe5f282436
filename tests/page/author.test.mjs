// The newsroom page (author.html, issue 16) in headless Chromium, served from dist/ under the
// strict policy the page promises to work under: paste the seed release, set the election,
// preview every phase, export, and have the widget read the exported file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { serve } from './serve.mjs';
import { launch, watch } from './browser.mjs';
import { AXE, DEMO, download, openPage, paste, POLICY, SEED, setElection, TAGS } from './newsroom.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const ZWNJ = '\u200c';
const TYPESET = JSON.parse(readFileSync(new URL('../../src/assets/bulletin.fa.json', import.meta.url), 'utf8')).items[0];
let site;
let browser;
let exported = '{}';
let dateShift = 0;

before(async () => {
  site = await serve(DIST, {
    headers: (path) => ({
      ...(path.endsWith('.html') ? { 'content-security-policy': POLICY } : {}),
      // the page compares the device clock with this (tests move it to see the warning)
      date: new Date(Date.now() + dateShift).toUTCString(),
    }),
    routes: {
      // whatever the last test downloaded, as a bulletin endpoint
      '/exported.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(exported);
      },
      // an image of a known size on the office's own site
      '/photo.png': (req, res) => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(png(800, 450));
      },
      '/reader.html': (req, res) => {
        const now = new URL(req.url, 'http://x').searchParams.get('now');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': POLICY });
        res.end(`<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>reader</title>
          <script type="module" src="embed.js" data-allow-now></script></head><body>
          <div id="w" data-election-widget data-eager data-src="exported.json" data-now="${now}"><a href="exported.json">news</a></div></body></html>`);
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

const open = (options) => openPage(browser, site, options);

/** A grey PNG of the given size (stored, not compressed: one zlib call for the pixels). */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

test('pasting the seed release gives its kicker, title, lead and body, with the normaliser\'s half-spaces', async () => {
  const { context, page, clean } = await open();
  await paste(page, SEED);
  assert.equal(await page.inputValue('#item-0-kicker'), 'رئیس حوزه انتخابیه قدس؛');
  // rejoined, with the half-spaces the PDF lost restored: as the hand-typeset bulletin has it
  assert.equal(await page.inputValue('#item-0-title'), TYPESET.title);
  const lead = await page.inputValue('#item-0-lead');
  assert.ok(lead.startsWith('رئیس حوزه انتخابیه قدس بر موضوع') && lead.endsWith('تبیین فرایند انتخابات تاکید کرد.'), lead);
  assert.ok(lead.includes(`تبلیغات و اطلاع${ZWNJ}رسانی`), 'the blank line inside the lead was a wrap');
  assert.equal(lead, TYPESET.lead);
  const body = (await page.inputValue('#item-0-body')).split(/\n\s*\n/);
  assert.equal(body.length, 7, body.join('\n---\n'));
  assert.ok(body[0].includes(`روابط عمومی${ZWNJ}ها به ریاست`));
  assert.ok(body[2].includes(`جلوگیری می${ZWNJ}کند.`));
  assert.ok(body[4].includes(`فعالیت${ZWNJ}های لازم`));
  assert.ok(!body.join('').includes('\n'), 'hard wraps rejoined');
  // the preview is the widget's own card, from the same text
  const card = page.locator('#preview-widget .card');
  assert.equal(await card.locator('.card__kicker').innerText(), 'رئیس حوزه انتخابیه قدس؛');
  assert.match(await card.locator('.card__title').innerText(), /^انسجام\u200cبخشی روابط عمومی\u200cهای ادارات/);
  // every change is listed; one undone comes back, applied again goes away
  await page.locator('#item-0-changes summary').click();
  const changes = page.locator('#item-0-changes li');
  assert.ok(await changes.count() >= 20, `${await changes.count()} changes listed`);
  const half = page.locator('#item-0-changes li', { hasText: 'نیم‌فاصله' }).filter({ hasText: 'بند ۱' }).first();
  await half.getByRole('button').click();
  assert.ok((await page.inputValue('#item-0-body')).includes('روابط عمومی ها به ریاست'), 'undone');
  assert.equal(await half.getByRole('button').getAttribute('aria-pressed'), 'true');
  await half.getByRole('button').click();
  assert.ok((await page.inputValue('#item-0-body')).includes(`روابط عمومی${ZWNJ}ها به ریاست`), 'applied again');
  await page.locator('#item-0-changes summary').click();
  await setElection(page, DEMO);
  await page.waitForFunction(() => document.getElementById('checks-status')?.dataset.errors === '0');
  await page.screenshot({ path: `${SHOTS}author-seed.png`, fullPage: true });
  await clean();
  await context.close();
});

test('an election on 11 Esfand 1402, 08:00 to 18:00, exports with Tehran\'s offset, and the widget shows the file', async () => {
  const { context, page, clean } = await open();
  await paste(page, SEED);
  await setElection(page, DEMO);
  const before = Date.now();
  const { name, text } = await download(page);
  assert.equal(name, 'bulletin.json');
  const file = JSON.parse(text);
  assert.equal(file.version, 1);
  assert.equal(file.lang, 'fa');
  assert.match(text, /"opens": "2024-03-01T08:00:00\+03:30"/);
  assert.match(text, /"closes": "2024-03-01T18:00:00\+03:30"/);
  assert.equal(file.election.turnout.previous, 42.57);
  assert.equal(file.items[0].kicker, 'رئیس حوزه انتخابیه قدس؛');
  assert.equal(file.items[0].body.length, 7);
  const generated = Date.parse(file.generated);
  assert.ok(generated >= before - 1000 && generated <= Date.now() + 1000, `generated ${file.generated} is the moment of export`);
  assert.match(file.generated, /\+03:30$/);
  await page.waitForFunction(() => document.getElementById('export-note')?.textContent.includes('bulletin.json'));
  await clean();
  await context.close();

  // the widget reads the file as it was downloaded, on the day the polls are open
  exported = text;
  const reader = await browser.newPage();
  const seen = watch(reader);
  await reader.goto(`${site.url}reader.html?now=2024-03-01T10:00:00%2B03:30`);
  await reader.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
  assert.equal(await reader.locator('#w .card__kicker').innerText(), 'رئیس حوزه انتخابیه قدس؛');
  assert.match(await reader.locator('#w .card__title').innerText(), /^انسجام\u200cبخشی روابط عمومی\u200cهای ادارات/);
  assert.equal(await reader.locator('#w .cta').getAttribute('data-phase'), 'open');
  assert.match(await reader.locator('#w .cta__status').innerText(), /۱۸:۰۰/);
  assert.deepEqual(seen.errors, []);
  await reader.close();
});

test('a javascript: link for the call to action is an error beside its field and never reaches the file', async () => {
  const { context, page, clean } = await open();
  await paste(page, SEED);
  await setElection(page, { ...DEMO, 'cta-url': 'javascript:alert(document.domain)' });
  const field = page.locator('#election-0-cta-url');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  const problem = page.locator('#election-0-cta-url-problems');
  assert.match(await problem.innerText(), /https:\/\//);
  assert.match(await field.getAttribute('aria-describedby'), /election-0-cta-url-problems/);
  assert.match(await page.locator('#checks-status').innerText(), /خطا/);
  // the preview has no such button either
  assert.equal(await page.locator('#preview-widget [part="cta-button"]').count(), 0);
  const { text } = await download(page);
  assert.ok(!/javascript/i.test(text), text);
  assert.equal(JSON.parse(text).election.cta, undefined);
  // and the same for a news link
  await page.fill('#item-0-url', ' JaVaScRiPt:alert(1)');
  assert.equal(await page.locator('#item-0-url').getAttribute('aria-invalid'), 'true');
  assert.ok(!/javascript/i.test((await download(page)).text));
  await clean();
  await context.close();
});

test('only what would put the widget in its error state blocks the export', async () => {
  const { context, page, clean } = await open();
  await paste(page, SEED);
  await page.fill('#item-0-title', '');
  const button = page.getByRole('button', { name: 'دریافت فایل خبرنامه' });
  assert.equal(await button.isDisabled(), true);
  assert.match(await page.locator('#item-0-title-problems').innerText(), /عنوان خبر لازم است/);
  // the preview shows what readers would see: the widget's error state
  assert.equal(await page.locator('#preview-widget').getAttribute('data-state'), 'error');
  assert.equal(await page.locator('#preview-widget .error').count(), 1);
  await page.fill('#item-0-title', 'عنوان تازه');
  assert.equal(await button.isDisabled(), false);
  // an image without its description: error beside the field, left out of the file
  await page.fill('#item-0-image-src', `${site.url}missing.jpg`);
  assert.match(await page.locator('#item-0-image-alt-problems').innerText(), /متن جایگزین/);
  assert.equal(JSON.parse((await download(page)).text).items[0].image, undefined);
  await clean();
  await context.close();
});

test('an image\'s size is read when it loads, its alt text is required, and the copy button copies the file', async () => {
  const { context, page, clean } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  await paste(page, SEED);
  await page.fill('#item-0-image-src', `${site.url}photo.png`);
  await page.locator('#item-0-image-size', { hasText: '۸۰۰ × ۴۵۰' }).waitFor();
  assert.equal(await page.locator('#item-0-image-alt').getAttribute('aria-invalid'), 'true');
  await page.fill('#item-0-image-alt', 'نشست کمیتهٔ تبلیغات در سالن فرمانداری');
  assert.equal(await page.locator('#item-0-image-alt').getAttribute('aria-invalid'), null);
  // the card reserves the image's box from the size the page read
  const img = page.locator('#preview-widget .card__image');
  assert.equal(await img.getAttribute('width'), '800');
  assert.equal(await img.getAttribute('height'), '450');
  assert.equal(await img.getAttribute('alt'), 'نشست کمیتهٔ تبلیغات در سالن فرمانداری');
  const file = JSON.parse((await download(page)).text);
  assert.deepEqual(file.items[0].image, { src: `${site.url}photo.png`, alt: 'نشست کمیتهٔ تبلیغات در سالن فرمانداری', width: 800, height: 450 });
  await page.getByRole('button', { name: 'رونوشت متن فایل' }).click();
  await page.locator('#export-note', { hasText: 'رونوشت شد' }).waitFor();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  delete copied.generated;
  delete file.generated;
  assert.deepEqual(copied, file);
  await clean();
  await context.close();
});

test('the preview shows every phase of the call to action, light and dark, at 320 px, 768 px and full width', async () => {
  const { context, page, clean } = await open();
  await paste(page, SEED);
  await setElection(page, DEMO);
  const phases = {};
  for (const [moment, label] of [['before', 'روزهای پیش از رأی‌گیری'], ['last-day', 'روز آخر پیش از رأی‌گیری'], ['open', 'هنگام رأی‌گیری'], ['after', 'پس از پایان رأی‌گیری']]) {
    await page.getByLabel(label).check();
    await page.waitForFunction((m) => document.getElementById('preview-widget')?.dataset.moment === m, moment);
    const cta = page.locator('#preview-widget .cta');
    phases[moment] = { phase: await cta.getAttribute('data-phase'), text: await cta.innerText() };
  }
  assert.equal(phases.before.phase, 'upcoming');
  assert.match(phases.before.text, /روز/, 'a countdown in days');
  assert.equal(phases['last-day'].phase, 'upcoming');
  assert.match(phases['last-day'].text, /ساعت و .* دقیقه|ساعت/, 'a countdown in hours');
  assert.ok(!/روز و/.test(phases['last-day'].text.split('\n').find((l) => /مانده|تا آغاز/.test(l)) ?? ''), phases['last-day'].text);
  assert.equal(phases.open.phase, 'open');
  assert.equal(phases.after.phase, 'closed');
  assert.equal(await page.locator('#preview-widget [part="cta-button"]').count(), 0, 'no call to vote after the polls close');
  await page.getByLabel('هنگام رأی‌گیری').check();
  // the widget's stylesheet is adopted in the preview's shadow root, as on a real page
  const look = async () => page.evaluate(() => {
    const root = document.getElementById('preview-widget').shadowRoot;
    return { sheets: root.adoptedStyleSheets.length, fg: getComputedStyle(root.querySelector('.card__title')).color,
      // the room the widget is given (it caps its own card at 720 px, as on any page)
      width: root.host.getBoundingClientRect().width };
  });
  const light = await look();
  assert.equal(light.sheets, 1);
  await page.getByLabel('تیره').check();
  const dark = await look();
  assert.equal(await page.locator('#preview-widget').getAttribute('data-theme'), 'dark');
  assert.notEqual(dark.fg, light.fg, 'dark colours');
  await page.getByLabel('۳۲۰ پیکسل (تلفن)').check();
  assert.ok(Math.abs((await look()).width - 320) <= 1, `320 px: ${(await look()).width}`);
  await page.getByLabel('۷۶۸ پیکسل (تبلت)').check();
  assert.ok(Math.abs((await look()).width - 768) <= 1);
  await page.getByLabel('تمام عرض').check();
  assert.ok((await look()).width > 400);
  await clean();
  await context.close();
});

test('the device clock is compared with the server\'s Date header', async () => {
  dateShift = -10 * 60_000; // the server says ten minutes earlier: this computer is ahead
  try {
    const { context, page, clean } = await open();
    await page.locator('#clock-warning').waitFor({ timeout: 10_000 });
    assert.match(await page.locator('#clock-warning').innerText(), /۱۰ دقیقه .*جلوتر/);
    await clean();
    await context.close();
  } finally {
    dateShift = 0;
  }
  const { context, page } = await open();
  // the check has run (a same-origin HEAD) and found the clocks within two minutes
  await page.waitForFunction(() => document.getElementById('export')?.dataset.clock !== 'pending');
  assert.equal(await page.locator('#export').getAttribute('data-clock'), 'ok');
  assert.equal(await page.locator('#clock-warning').count(), 0);
  await context.close();
});

test('once loaded, the page works offline', async () => {
  const { context, page, clean } = await open();
  await context.setOffline(true);
  await paste(page, SEED);
  await setElection(page, DEMO);
  assert.equal(await page.locator('#preview-widget .card__kicker').innerText(), 'رئیس حوزه انتخابیه قدس؛');
  const { text } = await download(page);
  assert.match(text, /"opens": "2024-03-01T08:00:00\+03:30"/);
  await clean();
  await context.close();
});

test('everything works from the keyboard alone', async () => {
  const { context, page, clean } = await open();
  const tabTo = async (id, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    }
    throw new Error(`Tab never reached #${id}`);
  };
  await tabTo('item-0-paste');
  await page.keyboard.insertText(SEED);
  assert.equal(await page.inputValue('#item-0-kicker'), 'رئیس حوزه انتخابیه قدس؛');
  // open the list of changes and undo the first one, by keyboard
  await tabTo('item-0-changes-summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#item-0-changes button[aria-pressed="true"]').count(), 1);
  await page.keyboard.press('Space');
  await tabTo('election-0-title');
  await page.keyboard.insertText(DEMO.title);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('11');
  await page.keyboard.press('Tab');
  // the month list: Esfand is the twelfth
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue('#election-0-month'), '12');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('1402');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('8');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('18');
  await tabTo('download');
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const json = JSON.parse(readFileSync(await file.path(), 'utf8'));
  assert.equal(json.election.opens, '2024-03-01T08:00:00+03:30');
  assert.equal(json.election.closes, '2024-03-01T18:00:00+03:30');
  // the preview's controls too
  // a radio group is one Tab stop; the arrow keys choose within it
  await tabTo('preview-moment-now');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#preview-moment-after').isChecked(), true);
  assert.equal(await page.locator('#preview-widget .cta').getAttribute('data-phase'), 'closed');
  await clean();
  await context.close();
});

for (const scheme of ['light', 'dark']) {
  test(`axe-core finds no violation with the seed pasted, problems shown and the changes open (${scheme})`, async () => {
    // axe is injected from the test, so this context does not enforce the page's policy
    const { context, page } = await open({ bypassCSP: true, colorScheme: scheme });
    await paste(page, SEED);
    await setElection(page, { ...DEMO, 'cta-url': 'javascript:x' });
    await page.fill('#item-0-image-src', 'https://example.invalid/a.jpg');
    await page.locator('#item-0-changes summary').click();
    await page.locator('#guide summary').click();
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' > ')).slice(0, 3), help: v.help }));
    }, TAGS);
    assert.deepEqual(result, [], JSON.stringify(result, null, 1));
    await context.close();
  });
}
