// Fits any host page (issue 12). Five host layouts, each with the page's own CSS placing the
// element and the hostile stylesheet of the embed suite, for the sample bulletin, a one-item
// JSON Feed, an empty bulletin and an error, on a first and a repeat visit (the cached copy
// shown, then replaced): the element's margin, width and grid placement stay the page's, the
// widget causes no layout shift (these pages change nothing themselves), and the card's border
// wraps its content. Narrow widths, the reservation's release and the remembered heights have
// tests of their own. Screenshots go to target/screenshots/ for review.
//
// One browser; one page per test, navigated from case to case; no sleeps: every wait is for
// a condition (an event, a state, two animation frames for layout-shift entries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { harness } from './browser.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
mkdirSync(SHOTS, { recursive: true });
const HOSTILE = readFileSync(new URL('./hostile/hostile.css', import.meta.url));
const SAMPLE = readFileSync(new URL('../../src/assets/bulletin.fa.json', import.meta.url));
const FEED = JSON.parse(readFileSync(new URL('../fixtures/feeds/jsonfeed.json', import.meta.url), 'utf8'));

/** The four bulletins of every case, and the state each ends in. */
const KINDS = {
  sample: { state: 'ready', body: SAMPLE },
  // the fixture's first item only (its image is a 404 here: the card keeps the image's box)
  'one-item': { state: 'ready', body: JSON.stringify({ ...FEED, items: FEED.items.slice(0, 1) }) },
  empty: { state: 'ready', body: JSON.stringify({ version: 1, lang: 'fa', items: [] }) },
  missing: { state: 'error', status: 404, body: '{"error":"not found"}' },
};
const NOW = '2024-02-24T14:15:00+03:30'; // before polling day: the fullest call to vote

// What a page with a narrow column reserves itself, as the README says: the card's height at
// the element's content width (the column minus the element's padding and border, 70 px on
// this hostile page). Figures from tests/bench/reserve.mjs.
const RESERVE_230 = 1290;
const RESERVE_210 = 1420;
const RESERVE_360 = 980;

const TEXT = '<p>The office publishes its notices here. Opening hours are from eight to two, and the front desk answers questions about registration, polling stations and documents. Please bring your national card.</p>';
const widget = (kind) => `<div id="w" data-election-widget data-src="/b/${kind}.json" data-now="${NOW}"><a href="/b/${kind}.json">اخبار انتخابات</a></div>`;

/** The host layouts: the page's own CSS and body; `far`: scrolled to; `intrinsic`: sized by its content. */
const LAYOUTS = [
  {
    id: 1, name: 'above-the-fold',
    css: '#w { margin: 40px auto; max-width: 640px; }',
    body: (k) => `<header><h1>Office of the Governor</h1></header><main>${widget(k)}${TEXT.repeat(12)}</main>`,
  },
  {
    id: 2, name: 'sidebar',
    css: `.row { display: flex; gap: 24px; align-items: flex-start; } .row > main { flex: 1; } .row > aside { flex: 0 0 300px; }
      aside [data-election-widget] { --election-widget-reserve: ${RESERVE_230}px; margin-block-end: 24px; }`,
    body: (k) => `<header><h1>Office of the Governor</h1></header><section class="row"><main>${TEXT.repeat(8)}</main>
      <aside>${widget(k)}<ul><li><a href="#a">Registration</a></li><li><a href="#b">Polling stations</a></li><li><a href="#c">Contact</a></li></ul></aside></section>`,
  },
  {
    id: 3, name: 'far-below', far: true,
    css: '.grid { display: grid; grid-template-columns: 1fr 2fr; gap: 24px; } #w { grid-column: 2; grid-row: 1; margin-block: 16px; }',
    body: (k) => `<header><h1>Office of the Governor</h1></header><main>${TEXT.repeat(40)}</main>
      <section class="grid"><p>Election news, from the county's election office.</p>${widget(k)}</section><footer>${TEXT.repeat(3)}</footer>`,
  },
  {
    id: 4, name: 'column-280',
    css: `.cols { display: grid; grid-template-columns: 280px 1fr; gap: 24px; align-items: start; }
      #w { grid-column: 1; grid-row: 1; margin: 0; --election-widget-reserve: ${RESERVE_210}px; }`,
    body: (k) => `<header><h1>Office of the Governor</h1></header><section class="cols">${widget(k)}<main>${TEXT.repeat(4)}</main></section><footer>${TEXT.repeat(4)}</footer>`,
  },
  {
    id: 5, name: 'flex-item-no-width', intrinsic: true,
    css: `.row { display: flex; gap: 24px; align-items: flex-start; } .row > main { flex: 1; }
      aside [data-election-widget] { --election-widget-reserve: ${RESERVE_360}px; }`,
    body: (k) => `<header><h1>Office of the Governor</h1></header><section class="row"><main>${TEXT}</main><aside>${widget(k)}</aside></section><footer>${TEXT.repeat(4)}</footer>`,
  },
];

const page = (layout, kind, script) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width"><title>Layout ${layout.id}</title>
<link rel="stylesheet" href="/hostile.css">
<link rel="stylesheet" href="/embed.css">
<style>body { margin: 0 24px; font-size: 16px; } h1 { font-size: 20px; margin: 0; } ${layout.css}</style>
${script ? '<script type="module" src="/embed.js"></script>' : ''}
</head><body>${layout.body(kind)}</body></html>`;

const routes = {
  '/hostile.css': (req, res) => { res.writeHead(200, { 'content-type': 'text/css' }); res.end(HOSTILE); },
  '/narrow.html': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    // an ordinary page that sizes border boxes, with padding on the element
    res.end(`<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="/embed.css"><style>*, *::before, *::after { box-sizing: border-box; } body { margin: 0; font: 16px/1.6 Tahoma, sans-serif; }
#w { padding: 0; }</style><script type="module" src="/embed.js"></script></head>
<body>${widget('sample')}<p>پایان صفحه</p></body></html>`);
  },
};
// the issue's own example, in a style attribute this time, in a grid, with order and an offset,
// and the reservation the README gives for a 400 px element
routes['/attribute.html'] = (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/hostile.css"><link rel="stylesheet" href="/embed.css">
<style>body { margin: 0 24px; font-size: 16px; } .grid { display: grid; grid-template-columns: 1fr 1fr 1fr; }</style>
${req.url.includes('bare') ? '' : '<script type="module" src="/embed.js"></script>'}</head><body><section class="grid"><p>one</p><p>three</p>
<div id="w" data-election-widget data-src="/b/sample.json" data-now="${NOW}" style="margin: 40px auto; max-width: 400px; grid-column: 2; order: -1; position: relative; left: 10px; --election-widget-reserve: 910px"><a href="/b/sample.json">news</a></div>
</section></body></html>`);
};
for (const [kind, { status = 200, body }] of Object.entries(KINDS)) {
  routes[`/b/${kind}.json`] = (req, res) => { res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }); res.end(body); };
}
for (const layout of LAYOUTS) {
  routes[`/layout-${layout.id}.html`] = (req, res) => {
    const q = new URL(req.url, 'http://x').searchParams;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(layout, q.get('b') ?? 'sample', q.get('bare') === null));
  };
}
const h = harness(routes);

/** Layout-shift entries and the widget's events, recorded from before any script runs. */
async function observe(context) {
  await context.addInitScript(() => {
    window.__shifts = [];
    window.__events = [];
    const keep = (list) => {
      for (const e of list) {
        window.__shifts.push({ value: e.value, input: e.hadRecentInput, sources: e.sources.map((s) => `${s.node?.nodeName ?? '?'}#${s.node?.id ?? ''}.${s.node?.className ?? ''}`) });
      }
    };
    window.__shiftObserver = new PerformanceObserver((l) => keep(l.getEntries()));
    window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
    window.__flushShifts = () => keep(window.__shiftObserver.takeRecords());
    for (const type of ['election-widget:ready', 'election-widget:error']) {
      document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, detail: { ...e.detail } }));
    }
  });
}

const frames = (p) => p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

/** Where the element is and what the page's CSS made of its box. */
const hostBox = (p) => p.evaluate(() => {
  const host = document.getElementById('w');
  const cs = getComputedStyle(host);
  const r = host.getBoundingClientRect();
  return {
    x: r.left + scrollX, y: r.top + scrollY, width: r.width,
    margin: [cs.marginTop, cs.marginRight, cs.marginBottom, cs.marginLeft].join(' '),
    maxWidth: cs.maxWidth, grid: `${cs.gridColumnStart} / ${cs.gridColumnEnd}`, order: cs.order,
    position: `${cs.position} ${cs.left} ${cs.float}`,
  };
});

/** The card: its state, width, and the empty band between its content and its bottom border. */
const cardLook = (p) => p.evaluate(() => {
  const host = document.getElementById('w');
  const card = host.shadowRoot?.querySelector('.ew');
  if (!card) return null;
  const box = card.getBoundingClientRect();
  const cs = getComputedStyle(card);
  const inner = { left: box.left + parseFloat(cs.borderLeftWidth), right: box.right - parseFloat(cs.borderRightWidth), bottom: box.bottom - parseFloat(cs.borderBottomWidth) };
  const hidden = (el) => {
    for (let e = el; e && e !== card; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.clipPath !== 'none') return true;
    }
    return false;
  };
  // what a reader sees: text, controls, images and boxes with a background or a border
  let bottom = box.top;
  let outside = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let rects = [];
    if (n.nodeType === 3) {
      if (!n.textContent.trim() || hidden(n.parentElement)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      rects = [...range.getClientRects()];
    } else {
      if (hidden(n)) continue;
      const s = getComputedStyle(n);
      const painted = /^(IMG|METER|BUTTON|INPUT|A)$/.test(n.tagName) || s.backgroundColor !== 'rgba(0, 0, 0, 0)'
        || parseFloat(s.borderTopWidth) > 0 || parseFloat(s.borderBottomWidth) > 0;
      if (painted) rects = [n.getBoundingClientRect()];
    }
    for (const r of rects) {
      if (!r.width || !r.height) continue;
      bottom = Math.max(bottom, r.bottom);
      if (r.left < inner.left - 0.5 || r.right > inner.right + 0.5) outside.push(`${n.nodeName}.${n.className ?? ''}`);
    }
  }
  const turnout = card.querySelector('.turnout__label');
  const bar = card.querySelector('.turnout__bar');
  const cta = card.querySelector('.cta');
  return {
    state: host.getAttribute('data-state'),
    width: box.width,
    height: box.height,
    empty: Math.round((inner.bottom - bottom) * 10) / 10,
    outside,
    overflowing: [...host.shadowRoot.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible' && getComputedStyle(e).clipPath === 'none').map((e) => e.className),
    pageOverflow: document.documentElement.scrollWidth - innerWidth,
    reserve: host.style.getPropertyValue('--election-widget-reserve'),
    // the page's space kept below the card (the element's content box less the card)
    below: Math.round(host.clientHeight - parseFloat(getComputedStyle(host).paddingTop) - parseFloat(getComputedStyle(host).paddingBottom) - box.height),
    turnout: turnout && bar ? {
      labelBottom: turnout.getBoundingClientRect().bottom, barTop: bar.getBoundingClientRect().top,
      bar: bar.getBoundingClientRect().width, room: cta.clientWidth - parseFloat(getComputedStyle(cta).paddingLeft) - parseFloat(getComputedStyle(cta).paddingRight),
    } : null,
  };
});

const shifts = async (p) => {
  await frames(p);
  return p.evaluate(() => { window.__flushShifts(); return window.__shifts; });
};
const total = (list) => Math.round(list.filter((s) => !s.input).reduce((a, s) => a + s.value, 0) * 10000) / 10000;

/** Loads `url` and waits for the widget's fresh outcome (ready or error), and for layout to settle. */
async function visit(p, url, layout) {
  await p.goto(url);
  if (layout.far) {
    // scrolled to just above the element: it mounts (600 px ahead) while out of view
    await p.evaluate(() => scrollBy(0, document.getElementById('w').getBoundingClientRect().top - innerHeight - 100));
  }
  await p.waitForFunction(() => window.__events.some((e) => e.id === 'w' && (e.type === 'election-widget:ready' || !e.detail.stale)), null, { timeout: 20_000 });
  await frames(p);
  if (layout.far) {
    await p.evaluate(() => document.getElementById('w').scrollIntoView({ block: 'start' }));
    await frames(p);
  }
}

const results = [];

test('five host layouts with the hostile stylesheet: the box is the page\'s, nothing moves, the card wraps its content', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await observe(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  for (const layout of LAYOUTS) {
    const url = (kind, bare = false) => `${h.site.url}layout-${layout.id}.html?b=${kind}${bare ? '&bare' : ''}`;
    // the page's own layout, with no script: where the element stands and how wide it is
    await p.goto(url('sample', true));
    const before = await hostBox(p);
    for (const [kind, { state }] of Object.entries(KINDS)) {
      await p.evaluate(() => localStorage.clear());
      for (const round of ['first', 'repeat']) {
        await visit(p, url(kind), layout);
        const box = await hostBox(p);
        const card = await cardLook(p);
        const list = await shifts(p);
        const shift = total(list);
        const where = `layout ${layout.id} (${layout.name}), ${kind}, ${round} visit`;
        results.push({ layout: layout.id, name: layout.name, kind, round, shift, empty: card?.empty, width: card?.width, below: card?.below });
        assert.equal(card?.state, state, `${where}: state`);
        // the element's box is the page's
        assert.equal(box.margin, before.margin, `${where}: margin`);
        assert.equal(box.maxWidth, before.maxWidth, `${where}: max-width`);
        assert.equal(box.grid, before.grid, `${where}: grid placement`);
        assert.ok(Math.abs(box.y - before.y) < 0.5, `${where}: top ${before.y} -> ${box.y}`);
        if (layout.intrinsic) {
          assert.ok(card.width >= 280, `${where}: a usable card width, not ${card.width}px`);
        } else {
          assert.ok(Math.abs(box.x - before.x) < 0.5 && Math.abs(box.width - before.width) < 0.5,
            `${where}: x ${before.x} -> ${box.x}, width ${before.width} -> ${box.width}`);
        }
        assert.ok(shift < 0.005, `${where}: layout shift ${shift} ${JSON.stringify(list)}`);
        assert.ok(card.empty <= 24, `${where}: ${card.empty}px of empty card below the content`);
        assert.deepEqual(card.outside, [], `${where}: content outside the card`);
        assert.ok(card.pageOverflow <= 0, `${where}: the page scrolls sideways by ${card.pageOverflow}px`);
        if (kind === 'sample' && round === 'repeat') {
          await p.evaluate(() => document.getElementById('w').scrollIntoView({ block: 'start' }));
          for (const scheme of ['light', 'dark']) {
            await p.emulateMedia({ colorScheme: scheme });
            await frames(p);
            await p.screenshot({ path: `${SHOTS}layout-${layout.id}-${layout.name}-${scheme}.png` });
          }
          await p.emulateMedia({ colorScheme: 'light' });
        }
      }
    }
  }
  assert.deepEqual(errors, []);
  console.log('layout | bulletin | visit | layout shift | empty card px | card width | page space below the card');
  for (const r of results) console.log(`${r.layout} ${r.name} | ${r.kind} | ${r.round} | ${r.shift} | ${r.empty} | ${r.width} | ${r.below}`);
  await context.close();
});

test('the page\'s style attribute places and sizes the element too (margin, max-width, grid column, order, offset)', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await observe(context);
  const p = await context.newPage();
  await p.goto(`${h.site.url}attribute.html?bare`);
  const before = await hostBox(p);
  assert.match(before.margin, /^40px \S+ 40px \S+$/);
  assert.deepEqual([before.maxWidth, before.grid, before.order, before.position], ['400px', '2 / auto', '-1', 'relative 10px none']);
  for (const round of ['first', 'repeat']) {
    await visit(p, `${h.site.url}attribute.html`, {});
    assert.deepEqual(await hostBox(p), before, round);
    const list = await shifts(p);
    assert.ok(total(list) < 0.005, `${round}: layout shift ${JSON.stringify(list)}`);
  }
  await context.close();
});

test('narrow to wide (280 to 1280 px): turnout label above a full-width bar when narrow, buttons wrap, nothing cut or moved', async () => {
  for (const width of [280, 320, 360, 768, 1280]) {
    const context = await h.browser.newContext({ viewport: { width, height: 900 } });
    await observe(context);
    const p = await context.newPage();
    for (const round of ['first', 'repeat']) {
      await visit(p, `${h.site.url}narrow.html`, {});
      const card = await cardLook(p);
      const shift = total(await shifts(p));
      const where = `${width} px, ${round} visit`;
      assert.equal(card.state, 'ready', where);
      assert.ok(Math.abs(card.width - Math.min(width, 720)) < 1, `${where}: card ${card.width}px wide`);
      assert.deepEqual(card.outside, [], `${where}: content outside the card`);
      assert.deepEqual(card.overflowing, [], `${where}: clipped content`);
      assert.ok(card.pageOverflow <= 0, `${where}: the page scrolls sideways by ${card.pageOverflow}px`);
      assert.ok(card.empty <= 24, `${where}: ${card.empty}px of empty card`);
      assert.ok(shift < 0.005, `${where}: layout shift ${shift}`);
      const t = card.turnout;
      if (width <= 360) {
        assert.ok(t.labelBottom <= t.barTop + 0.5, `${where}: the turnout label stands above the bar`);
        assert.ok(t.bar >= t.room - 1, `${where}: the bar is ${t.bar}px of ${t.room}px`);
      } else {
        assert.ok(t.bar >= 0.5 * t.room, `${where}: the bar is ${t.bar}px of ${t.room}px`);
      }
      if (round === 'repeat') {
        for (const scheme of ['light', 'dark']) {
          await p.emulateMedia({ colorScheme: scheme });
          await frames(p);
          await p.screenshot({ path: `${SHOTS}width-${width}-${scheme}.png`, fullPage: true });
        }
      }
    }
    await context.close();
  }
});

test('the space kept below a card is fitted to it only where nothing in view moves: on a press in the widget, or once it is out of view', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await observe(context);
  const p = await context.newPage();
  // an empty bulletin's card is short: most of embed.css's 670 px stays the page's, below it
  await visit(p, `${h.site.url}layout-1.html?b=empty`, {});
  let card = await cardLook(p);
  assert.equal(card.reserve, '', 'not fitted in view');
  assert.ok(card.below > 400, `${card.below}px kept below the card`);
  // a press on the card: fitted at once, within the 500 ms that layout-shift scoring leaves out
  const at = await p.evaluate(() => {
    const r = document.getElementById('w').shadowRoot.querySelector('.empty').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await p.mouse.click(at.x, at.y);
  await p.waitForFunction(() => document.getElementById('w').style.getPropertyValue('--election-widget-reserve') !== '');
  card = await cardLook(p);
  assert.ok(Math.abs(card.below) <= 1, `${card.below}px kept after the press`);
  let list = await shifts(p);
  assert.ok(list.some((s) => s.input), 'the text after the widget moved up, after the press');
  assert.equal(total(list), 0, 'and only then');

  // scrolled past: fitted while above the viewport, where scroll anchoring keeps the text in
  // view where it was
  await p.evaluate(() => localStorage.clear());
  await visit(p, `${h.site.url}layout-1.html?b=empty`, {});
  assert.equal((await cardLook(p)).reserve, '');
  const text = await p.evaluate(() => {
    const host = document.getElementById('w');
    scrollTo(0, host.getBoundingClientRect().bottom + scrollY + 20);
    return document.querySelector('main p').getBoundingClientRect().top;
  });
  await p.waitForFunction(() => document.getElementById('w').style.getPropertyValue('--election-widget-reserve') !== '');
  await frames(p);
  assert.ok(Math.abs(await p.evaluate(() => document.querySelector('main p').getBoundingClientRect().top) - text) < 1, 'the text in view stays put');
  card = await cardLook(p);
  assert.ok(Math.abs(card.below) <= 1, `${card.below}px kept once scrolled past`);
  list = await shifts(p);
  assert.equal(total(list), 0, `no layout shift ${JSON.stringify(list)}`);

  // scrolled to the widget far down the page: the space stays while it is in view, and is
  // fitted once the reader scrolls back up and it is below the viewport
  await p.evaluate(() => localStorage.clear());
  await p.goto(`${h.site.url}layout-3.html?b=empty#w`);
  await p.waitForFunction(() => window.__events.some((e) => e.id === 'w'), null, { timeout: 20_000 });
  await frames(p);
  card = await cardLook(p);
  assert.equal(card.reserve, '', 'not fitted in view');
  assert.ok(card.below > 400, `${card.below}px kept below the card`);
  await p.evaluate(() => scrollTo(0, 0));
  await p.waitForFunction(() => document.getElementById('w').style.getPropertyValue('--election-widget-reserve') !== '');
  card = await cardLook(p);
  assert.ok(Math.abs(card.below) <= 1, `${card.below}px kept once out of view`);
  list = await shifts(p);
  assert.equal(total(list), 0, `no layout shift ${JSON.stringify(list)}`);
  await context.close();
});

test('the skeleton takes the height the card took last time; storage disabled or corrupt is harmless; what is kept is bounded', async () => {
  const context = await h.browser.newContext({ viewport: { width: 800, height: 900 } });
  await observe(context);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await visit(p, `${h.site.url}narrow.html`, {});
  const first = await cardLook(p);
  // the next visit without the cached bulletin (so the skeleton shows), with the bulletin held
  await p.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('election-widget:v1:')) localStorage.removeItem(k); });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route('**/b/sample.json', async (route) => { await held; await route.continue(); });
  await p.goto(`${h.site.url}narrow.html`);
  await p.waitForFunction(() => document.getElementById('w').shadowRoot?.querySelector('.ew-root'));
  const skeleton = await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('[data-early] [role=status]').getBoundingClientRect().height);
  assert.ok(Math.abs(skeleton - first.height) <= 1, `skeleton ${skeleton}px, card ${first.height}px`);
  release();
  await p.waitForFunction(() => window.__events.some((e) => e.id === 'w'));
  assert.equal(total(await shifts(p)), 0);
  await p.unroute('**/b/sample.json');

  // a corrupt entry is replaced
  await p.evaluate(() => localStorage.setItem('election-widget:heights:v1', '{"oops'));
  await visit(p, `${h.site.url}narrow.html`, {});
  const kept = await p.evaluate(() => JSON.parse(localStorage.getItem('election-widget:heights:v1')));
  assert.ok(Object.values(kept).some((e) => e.r > 0), 'heights are kept again');
  // forty endpoints: at most 32 entries kept
  await p.goto(`${h.site.url}blank.html`);
  await p.evaluate(() => {
    for (let i = 0; i < 40; i++) {
      const el = document.createElement('div');
      el.setAttribute('data-election-widget', '');
      el.setAttribute('data-eager', '');
      el.setAttribute('data-src', `/b/empty.json?n=${i}`);
      document.body.append(el);
    }
  });
  await p.waitForFunction(() => [...document.querySelectorAll('[data-election-widget]')].every((el) => el.getAttribute('data-state') === 'ready'), null, { timeout: 30_000 });
  const entries = await p.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('election-widget:heights:v1'))).length);
  assert.equal(entries, 32);
  assert.deepEqual(errors, []);
  await context.close();

  // storage that throws (a privacy mode): the widget works, and nothing moves
  const locked = await h.browser.newContext({ viewport: { width: 800, height: 900 } });
  await observe(locked);
  await locked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const q = await locked.newPage();
  const lockedErrors = [];
  q.on('pageerror', (e) => lockedErrors.push(String(e)));
  for (const round of ['first', 'repeat']) {
    await visit(q, `${h.site.url}narrow.html`, {});
    const card = await cardLook(q);
    assert.equal(card.state, 'ready', round);
    assert.equal(total(await shifts(q)), 0, round);
  }
  assert.deepEqual(lockedErrors, []);
  await locked.close();
});
