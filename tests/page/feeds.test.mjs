// Real feeds read the way their publishers meant them (issue 11), against the release build in
// headless Chromium: each text field in its own direction (the computed `direction`) with its
// digits as written or as Persian by the script around them (the text as shown), headline
// dates on a line of their own and isolated from their titles (issue 13, finding 8), and no
// retry button where retrying cannot help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, watch } from './browser.mjs';

const json = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
};

/** A JSON Feed that names no language, as an office's CMS might serve it: Persian and English. */
const MIXED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: 'ستاد انتخابات',
  items: [
    {
      id: '1',
      url: 'https://news.example/1',
      title: 'FATF در دستور کار مجمع در سال 1402',
      summary: 'Why did 3 of 5 voters stay home?',
      content_text: 'نتایج 12 حوزه اعلام شد.\n\nMicrosoft released Windows 95 in 1995.',
      date_published: '2024-02-20T10:00:00+0330',
      authors: [{ name: 'Reuters' }],
    },
    { id: '2', url: 'https://news.example/2', title: 'Uber Lost $4.5 Billion in 2017', date_published: 'Tue, 20 Feb 2024 09:00:00 +0330' },
    { id: '3', url: 'https://news.example/3', title: 'خبر دوم', date_published: '2024-02-20' },
    // an unterminated right-to-left override in a title
    { id: '4', url: 'https://news.example/4', title: 'Results \u202Egnitov', date_published: '2024-02-20T08:00:00Z' },
  ],
};

const UNTITLED = { version: 'https://jsonfeed.org/version/1', items: [{ id: '1', content_text: 'no title' }, { id: '2', title: '' }] };

const real = (name) => readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url));

const h = harness({
  '/host.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><body><script type="module" src="embed.js"></script></body></html>');
  },
  '/mixed.json': json(MIXED),
  '/untitled.json': json(UNTITLED),
  '/not-json.json': json('{"items": [ not json'),
  '/khabaronline.json': json(real('newsarticle-fa-khabaronline.json')),
  '/yjc.json': json(real('newsarticle-fa-yjc.json')),
  '/yoast.json': json(real('yoast-graph-politics-co-uk.json')),
});

/** Mounts one widget per attrs on the host page and waits until each has settled. */
async function mount(page, list) {
  await page.goto(`${h.site.url}host.html`);
  await page.evaluate((list) => {
    list.forEach((attrs, i) => {
      const el = document.createElement('div');
      el.id = `w${i}`;
      el.setAttribute('data-election-widget', '');
      el.setAttribute('data-eager', '');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    });
  }, list);
  await page.waitForFunction((n) => {
    for (let i = 0; i < n; i += 1) {
      const s = document.getElementById(`w${i}`)?.getAttribute('data-state');
      if (!['ready', 'error', 'stale'].includes(s)) return false;
    }
    return true;
  }, list.length, { timeout: 40_000 });
}

/** The computed direction, the text as shown and the language of the fields named by selectors. */
function fields(page, id, selectors) {
  return page.evaluate(({ id, selectors }) => {
    const root = document.getElementById(id).shadowRoot;
    return Object.fromEntries(Object.entries(selectors).map(([name, sel]) => {
      const el = root.querySelector(sel);
      if (!el) return [name, null];
      return [name, { direction: getComputedStyle(el).direction, text: el.innerText, lang: el.closest('[lang]')?.getAttribute('lang') ?? null }];
    }));
  }, { id, selectors });
}

test('each field reads in its own direction, with digits as the script around them has them', async () => {
  const page = await h.browser.newPage();
  const seen = watch(page);
  await mount(page, [{ 'data-src': 'mixed.json', 'data-items': '4' }]);
  const f = await fields(page, 'w0', {
    card: '.ew',
    title: '.card__title',
    lead: '.card__lead',
    persianParagraph: '.card__body p:nth-child(1)',
    englishParagraph: '.card__body p:nth-child(2)',
    source: '.card__source bdi',
    latinHeadline: '.headlines li:nth-child(1) .headlines__title',
    persianHeadline: '.headlines li:nth-child(2) .headlines__title',
    readMore: '.card__actions button',
  });
  assert.equal(f.card.direction, 'rtl', 'the feed names no language: the widget is Persian');
  assert.deepEqual(f.title, { direction: 'rtl', text: 'FATF در دستور کار مجمع در سال ۱۴۰۲', lang: 'fa' }, 'a Persian title that opens with an acronym');
  assert.equal(f.lead.direction, 'ltr');
  assert.equal(f.lead.text, 'Why did 3 of 5 voters stay home?', 'Latin text keeps its digits and its final ?');
  assert.equal(f.persianParagraph.direction, 'rtl');
  assert.equal(f.persianParagraph.text, 'نتایج ۱۲ حوزه اعلام شد.');
  assert.equal(f.englishParagraph.direction, 'ltr', 'each paragraph decided on its own');
  assert.equal(f.englishParagraph.text, 'Microsoft released Windows 95 in 1995.');
  assert.equal(f.source.direction, 'ltr');
  assert.equal(f.latinHeadline.direction, 'ltr');
  assert.equal(f.latinHeadline.text, 'Uber Lost $4.5 Billion in 2017');
  assert.equal(f.persianHeadline.direction, 'rtl');
  assert.equal(f.readMore.text, 'ادامه خبر', 'the chrome follows the widget');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a Persian title in an English card reads right to left; declared languages are carried', async () => {
  const page = await h.browser.newPage();
  await mount(page, [
    { 'data-src': 'mixed.json', 'data-lang': 'en' },
    { 'data-src': 'yoast.json', 'data-lang': 'fa' },
  ]);
  const en = await fields(page, 'w0', { card: '.ew', title: '.card__title', lead: '.card__lead', date: '.card__date time' });
  assert.equal(en.card.direction, 'ltr');
  assert.equal(en.title.direction, 'rtl');
  assert.equal(en.title.lang, 'en', 'data-lang names the language of a feed that names none');
  assert.equal(en.lead.direction, 'ltr');
  assert.match(en.date.text, /^Tuesday 20 February 2024, /, 'the card\'s dates in the widget\'s language');
  // an English Yoast article (inLanguage en-US) in a Persian widget
  const fa = await fields(page, 'w1', { card: '.ew', title: '.card__title', date: '.card__date time', link: '.card__link' });
  assert.equal(fa.card.direction, 'rtl');
  assert.equal(fa.title.direction, 'ltr');
  assert.equal(fa.title.lang, 'en-US');
  assert.match(fa.title.text, /^Two Labour council leaders call for Starmer to resign/);
  assert.match(fa.date.text, /۱۴۰۲/, 'Solar Hijri, Persian digits');
  assert.equal(fa.link.text, 'متن کامل خبر');
  await page.close();
});

test('headline dates sit on their own line, isolated from titles', async () => {
  const page = await h.browser.newPage();
  await mount(page, [{ 'data-src': 'mixed.json', 'data-items': '4' }, { 'data-src': 'mixed.json', 'data-items': '4', 'data-lang': 'en' }]);
  const headlines = (id) => page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return [...root.querySelectorAll('.headlines li')].map((li) => {
      const title = li.querySelector('.headlines__title');
      const date = li.querySelector('.headlines__date');
      const text = date.firstChild.firstChild ?? date.firstChild;
      // where the date's first and last characters are drawn
      const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
      return {
        lines: li.innerText.split('\n'),
        below: date.getBoundingClientRect().top >= title.getBoundingClientRect().bottom - 1,
        titleBidi: getComputedStyle(title).unicodeBidi,
        firstLeft: at(0),
        lastLeft: at(text.length - 1),
        date: text.data,
      };
    });
  }, id);
  const fa = await headlines('w0');
  assert.equal(fa.length, 3);
  assert.deepEqual(fa[1].lines.length, 2, `title and date apart in the text copied and read: ${fa[1].lines}`);
  assert.equal(fa[1].lines[0], 'خبر دوم');
  assert.match(fa[1].lines[1], /۱۴۰۲/);
  for (const line of fa) {
    assert.ok(line.below, 'the date on a line of its own');
    assert.equal(line.titleBidi, 'isolate');
  }
  assert.ok(fa[1].firstLeft > fa[1].lastLeft, 'a Persian date reads right to left');
  const en = await headlines('w1');
  const overridden = en[2];
  assert.equal(overridden.lines[0], 'Results \u202Egnitov');
  assert.match(overridden.date, /^Tuesday 20 February 2024$/);
  assert.ok(overridden.firstLeft < overridden.lastLeft, `the title's override does not reverse its date (${overridden.firstLeft} < ${overridden.lastLeft})`);
  await page.close();
});

test('no retry button where retrying cannot help', async () => {
  const page = await h.browser.newPage();
  const seen = watch(page);
  await mount(page, [
    { 'data-src': 'not-json.json' },
    { 'data-src': 'untitled.json' },
    { 'data-src': `${h.faults.url}404` },
    { 'data-src': `${h.faults.url}drop`, 'data-timeout': '2' },
  ]);
  const errors = await page.evaluate(() => [0, 1, 2, 3].map((i) => {
    const root = document.getElementById(`w${i}`).shadowRoot;
    return { code: root.querySelector('.error')?.getAttribute('data-code'), retry: Boolean(root.querySelector('.error button')) };
  }));
  assert.deepEqual(errors, [
    { code: 'bad-data', retry: false },
    { code: 'bad-data', retry: false },
    { code: 'not-found', retry: false },
    { code: 'network', retry: true },
  ]);
  assert.ok(seen.console.some((l) => l.includes('untitled.json') && l.includes('none of the 2 items has a title')), seen.console.join('\n'));
  await page.close();
});

test('real Persian news articles render right to left, headLine and all', async () => {
  const page = await h.browser.newPage();
  await mount(page, [{ 'data-src': 'yjc.json' }, { 'data-src': 'khabaronline.json' }]);
  // yjc.ir writes `headLine`, a widespread Persian news CMS's spelling
  const yjc = await fields(page, 'w0', { title: '.card__title', body: '.card__body p', source: '.card__source bdi', date: '.card__date time' });
  assert.deepEqual(yjc.title, { direction: 'rtl', text: 'از کشف ۷۲ دستگاه موتور قاچاق در مهریز تا دستگیری سارق ۱۰۰ میلیون ریالی طلاجات منزل در بافق', lang: 'fa' });
  assert.equal(yjc.body.direction, 'rtl');
  assert.equal(yjc.source.direction, 'rtl', 'a Persian name ending in «YJC»');
  assert.match(yjc.date.text, /^یکشنبه ۲۱ اردیبهشت ۱۳۹۹، ساعت ۱۸:۵۹$/, '2020-05-10T18:59:01+04:30, in Tehran time');
  const khabar = await fields(page, 'w1', { title: '.card__title', lead: '.card__lead', image: '.card__image' });
  assert.deepEqual(khabar.title, { direction: 'rtl', text: 'تحلیل روزنامه اصولگرا از دعوت اصلاح طلبان به حضور مردم در انتخابات', lang: 'fa' });
  assert.equal(khabar.lead.direction, 'rtl');
  assert.ok(khabar.image, 'the first image of the list');
  await page.close();
});
