// The host-page benchmark (issue 14): what the widget does to an office page's own speed.
//
// A realistic Persian office page whose largest paint is its hero image (about 150 KB), with
// the page, the widget's files and the bulletin on three origins (the files served as the
// README's nginx configuration serves them: precompressed, hashed files cached for good,
// embed.js for five minutes). Variants: no widget, the widget above the fold (in the first
// screen, below the hero), the same with the pinned snippet, the widget far below the fold,
// and the hand-written reference card above the fold. Each is loaded cold and then again from
// the HTTP cache (a repeat view), interleaved, under CDP throttling (4x CPU, 1.6 Mbit/s,
// 150 ms RTT) in a phone-sized viewport, and measured: the host's largest contentful paint,
// total blocking time (long tasks after the first paint), bytes and requests before any
// scrolling, the widget's time to ready, and whether the widget's text was drawn with the
// self-hosted font. Then, where npm's `lighthouse` is installed (`.ci/bench` installs it
// outside the project's lockfile), a Lighthouse run (mobile, simulated throttling) of each.
//
// `node tests/bench/host.mjs` after `bash .ci/release`; HOST_RUNS sets the runs (default 7),
// HOST_LIGHTHOUSE_RUNS the Lighthouse runs (default 5; 0 skips Lighthouse), HOST_VARIANTS a
// space-separated subset of the variants (the page without a widget is always measured).
import { readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { serve } from '../page/serve.mjs';
import { launch, CHROMIUM } from '../page/browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const css = readFileSync(new URL('../../styles/widget.css', import.meta.url), 'utf8');
const reference = readFileSync(new URL('./reference.js', import.meta.url), 'utf8').replace('const CSS = __WIDGET_CSS__;', () => `const CSS = ${JSON.stringify(css)};`);

/** A hero picture of about 150 KB (an 800x533 PNG of a gradient with sparse noise). */
function hero(w = 800, h = 533, p = 0.015) {
  let s = 7;
  const rnd = () => { s = (s * 1103515245 + 12345) & 0x7fffffff; return s / 0x7fffffff; };
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const i = y * (w * 3 + 1) + 1 + x * 3;
      const base = [40 + 150 * x / w, 90 + 100 * y / h, 120 + 60 * Math.sin(x / 37 + y / 53)];
      for (let c = 0; c < 3; c += 1) raw[i + c] = (Math.round(base[c] / 4) * 4 + (rnd() < p ? Math.floor(rnd() * 24) : 0)) & 255;
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}
const HERO = hero();

const integrity = JSON.parse(readFileSync(`${DIST}integrity.json`, 'utf8'));
const pinnedName = Object.keys(integrity).find((n) => /^embed-.+\.js$/.test(n));

const paragraph = 'به گزارش روابط عمومی فرمانداری شهرستان، جلسهٔ شورای اداری با حضور مدیران دستگاه‌های اجرایی برگزار شد و گزارش عملکرد ادارات در حوزهٔ خدمات‌رسانی به شهروندان ارائه شد. فرماندار بر ضرورت پاسخ‌گویی به‌موقع و شفاف به مردم تأکید کرد.';

const embedCss = readFileSync(`${DIST}embed.css`, 'utf8');

/**
 * The office page for a variant; `files` and `bulletins` are the other two origins. A variant
 * named `…-copied` has embed.css's rules copied into the page's own stylesheet instead of
 * linking embed.css from the widget's origin (the README offers both); one named
 * `…-preconnect` has the embed-code page's preconnect hints for both origins in its head; one
 * named `…-same` has the widget's files on the page's own origin (`own`: a site that copies
 * the build into its own folder), embed.css's rules copied too.
 */
function office(name, files, bulletins, own) {
  const copied = name.endsWith('-copied') || name.endsWith('-same');
  const preconnect = name.endsWith('-preconnect');
  if (name.endsWith('-same')) files = own;
  const variant = name.replace(/-(copied|preconnect|same)$/, '');
  const src = `${bulletins}bulletin.fa.json`;
  const fallback = `<a href="${src}">اخبار انتخابات</a>`;
  const element = `<div id="news-widget" data-election-widget data-src="${src}">${fallback}</div>`;
  const widget = {
    none: '',
    above: `${element}<script type="module" src="${files}embed.js" data-sources="${bulletins}"></script>`,
    pinned: `${element}<script type="module" src="${files}${pinnedName}" integrity="${integrity[pinnedName]}" crossorigin="anonymous" data-sources="${bulletins}"></script>`,
    below: '',
    // the same reservation as the widget (embed.css reserves [data-election-widget])
    reference: `<div id="news-widget" data-election-widget data-reference-card data-src="${src}"></div><script type="module" src="/reference.js"></script>`,
  }[variant];
  const below = variant === 'below'
    ? `${element}<script type="module" src="${files}embed.js" data-sources="${bulletins}"></script>` : '';
  const reserve = variant === 'none' ? '' : copied ? `<style>${embedCss}</style>` : `<link rel="stylesheet" href="${files}embed.css">`;
  const text = Array.from({ length: 24 }, () => `<p>${paragraph}</p>`).join('');
  return `<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>فرمانداری شهرستان قدس</title>
<style>body{margin:0;font-family:Tahoma,sans-serif;line-height:1.8;color:#222}header{background:#0b4f6c;color:#fff;padding:12px 16px}
nav a{color:#fff;margin-inline-end:12px}main{padding:0 16px}.hero{display:block;width:100%;height:auto}h1{font-size:22px}</style>
${reserve}${preconnect ? [files, bulletins].map((o) => `<link rel="preconnect" href="${new URL(o).origin}" crossorigin>`).join('') : ''}</head><body>
<header><strong>فرمانداری شهرستان قدس</strong><nav><a href="#">خانه</a><a href="#">اخبار</a><a href="#">تماس</a></nav></header>
<main><h1>خبرهای امروز فرمانداری</h1>
<img class="hero" src="/hero.png" width="800" height="533" alt="نشست شورای اداری">
${widget}
<article>${text}</article>
<div style="height:2400px"></div>${below}
</main></body></html>`;
}

const median = (xs) => { const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };

export async function hostBench({ runs = Number(process.env.HOST_RUNS ?? 7), log = console.log } = {}) {
  const cache = (path) => (/\.[0-9a-f]{10}\.(js|wasm|woff2)$/.test(path)
    ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  const files = await serve(DIST, { headers: (path) => ({ 'access-control-allow-origin': '*', 'cache-control': cache(path) }) });
  const bulletins = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=300' }) });
  const site = await serve(DIST, {
    // the widget's files, for the variants that serve them from the page's own origin
    headers: (path) => ({ 'cache-control': cache(path) }),
    routes: {
      '/office.html': (req, res) => {
        const variant = new URL(req.url, 'http://x').searchParams.get('variant');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(office(variant, files.url, bulletins.url, site.url));
      },
      '/hero.png': (req, res) => { res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600' }); res.end(HERO); },
      '/reference.js': (req, res) => { res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'public, max-age=3600' }); res.end(reference); },
    },
  });
  const browser = await launch();

  /** One page view in `context` (cold on a fresh context, warm on a used one). */
  async function view(context, variant) {
    const p = await context.newPage();
    const cdp = await context.newCDPSession(p);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
    let bytes = 0;
    let requests = 0;
    const widgetUrls = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      requests += 1;
      const own = e.request.url.startsWith(site.url) && !/\/(office\.html|hero\.png|reference\.js|favicon\.ico)(\?|$)/.test(e.request.url);
      if (own || e.request.url.startsWith(files.url) || e.request.url.startsWith(bulletins.url)) widgetUrls.push(e.request.url.slice(e.request.url.lastIndexOf('/') + 1));
    });
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    await p.addInitScript(() => {
      window.__host = { lcp: null, lcpElement: null, long: [], fcp: null, ready: null };
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) { window.__host.lcp = e.startTime; window.__host.lcpElement = e.element?.tagName ?? null; }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__host.long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'first-contentful-paint') window.__host.fcp = e.startTime; }).observe({ type: 'paint', buffered: true });
      document.addEventListener('election-widget:ready', () => requestAnimationFrame(() => { window.__host.ready ??= performance.now(); }));
    });
    await p.goto(`${site.url}office.html?variant=${variant}`, { waitUntil: 'load' });
    const shows = /^(above|pinned)/.test(variant);
    if (shows) {
      await p.waitForFunction(() => window.__host.ready !== null, null, { timeout: 60_000, polling: 50 });
    }
    if (variant === 'reference') {
      await p.waitForFunction(() => document.querySelector('[data-reference-card]')?.shadowRoot?.querySelector('.card'), null, { timeout: 60_000, polling: 50 });
      await p.evaluate(() => { window.__host.ready ??= performance.now(); });
    }
    await p.waitForLoadState('networkidle');
    const r = await p.evaluate(() => {
      const h = window.__host;
      const tbt = h.long.filter(([start]) => h.fcp === null || start >= h.fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      return { lcp: h.lcp, lcpElement: h.lcpElement, tbt, longest: Math.max(0, ...h.long.map(([, d]) => d)), ready: h.ready };
    });
    // which font the widget's text was drawn with
    if (shows) {
      const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
      const find = (n) => (n.nodeName === 'H2' && /card__title/.test((n.attributes ?? []).join(' ')) ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
      const title = find(root);
      if (title?.children?.[0]) {
        await cdp.send('CSS.enable');
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: title.children[0].nodeId });
        r.font = fonts.map((f) => f.familyName).join(', ');
      }
    }
    await p.close();
    return { ...r, bytes, requests, widgetFiles: widgetUrls };
  }

  // HOST_VARIANTS="none above …" measures only those (none is always measured: the baseline)
  const all = ['none', 'above', 'above-copied', 'above-preconnect', 'above-same', 'pinned', 'below', 'below-copied', 'below-same', 'reference'];
  const only = (process.env.HOST_VARIANTS ?? '').split(/\s+/).filter(Boolean);
  const variants = only.length ? all.filter((v) => v === 'none' || only.includes(v)) : all;
  const results = Object.fromEntries(variants.map((v) => [v, { cold: [], warm: [] }]));
  if (runs === 0) {
    await browser.close();
    await lighthouseTable(site.url, variants, Number(process.env.HOST_LIGHTHOUSE_RUNS ?? 5), log);
    await Promise.all([site.close(), files.close(), bulletins.close()]);
    return;
  }
  for (let i = 0; i < runs; i += 1) {
    for (const v of variants) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      results[v].cold.push(await view(context, v));
      results[v].warm.push(await view(context, v));
      await context.close();
    }
  }
  await browser.close();

  const m = (v, kind, key) => median(results[v][kind].map((r) => r[key]));
  const f = (x, unit = ' ms') => (x === null ? 'n/a' : `${Math.round(x)}${unit}`);
  const d = (x, base) => (x === null || base === null ? '' : ` (${x - base >= 0 ? '+' : ''}${Math.round(x - base)})`);
  const kib = (x) => `${(x / 1024).toFixed(1)} KiB`;
  log(`\n## The host page (issue 14): an office page with a 150 KB hero image, phone viewport, 4x CPU, 1.6 Mbit/s, 150 ms RTT; median of ${runs} runs, variants interleaved\n`);
  log('| variant | LCP cold | LCP repeat | TBT cold | longest task | bytes before scrolling | requests | widget files requested | ready cold | ready repeat | widget text font (cold / repeat) |');
  log('|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|');
  const base = { cold: m('none', 'cold', 'lcp'), warm: m('none', 'warm', 'lcp'), tbt: m('none', 'cold', 'tbt') };
  for (const v of variants) {
    const files = [...new Set(results[v].cold.flatMap((r) => r.widgetFiles.map((n) => n.replace(/\.[0-9a-f]{10}\./, '.<hash>.').replace(/\?.*$/, ''))))].join(', ') || 'none';
    const font = (kind) => results[v][kind].map((r) => r.font).find(Boolean) ?? 'n/a';
    log(`| ${v} | ${f(m(v, 'cold', 'lcp'))}${d(m(v, 'cold', 'lcp'), base.cold)} | ${f(m(v, 'warm', 'lcp'))}${d(m(v, 'warm', 'lcp'), base.warm)} | ${f(m(v, 'cold', 'tbt'))}${d(m(v, 'cold', 'tbt'), base.tbt)} | ${f(m(v, 'cold', 'longest'))} | ${kib(m(v, 'cold', 'bytes'))} | ${m(v, 'cold', 'requests')} | ${files} | ${f(m(v, 'cold', 'ready'))} | ${f(m(v, 'warm', 'ready'))} | ${font('cold')} / ${font('warm')} |`);
  }
  const ratio = (v, kind) => {
    if (!results[v] || !results.reference) return 'n/a';
    const a = m(v, kind, 'ready');
    const b = m('reference', kind, 'ready');
    return a && b ? (a / b).toFixed(2) : 'n/a';
  };
  log(`\nTime to ready against the reference card on this page: ${ratio('above', 'cold')} cold (budget 1.5), ${ratio('above', 'warm')} on a repeat view (budget 1.1); pinned snippet ${ratio('pinned', 'cold')} cold, ${ratio('pinned', 'warm')} repeat.`);
  log(`The largest paint is the hero image in ${results.none.cold.filter((r) => r.lcpElement === 'IMG').length} of ${runs} runs without a widget and ${results.above?.cold.filter((r) => r.lcpElement === 'IMG').length ?? 'n/a'} of ${runs} with one above the fold.`);

  const lhRuns = Number(process.env.HOST_LIGHTHOUSE_RUNS ?? 5);
  if (lhRuns > 0) await lighthouseTable(site.url, variants, lhRuns, log);
  await site.close();
  await files.close();
  await bulletins.close();
}

/** Lighthouse (mobile, default simulated throttling) of each variant, median of `runs`. */
async function lighthouseTable(siteUrl, variants, runs, log) {
  let lighthouse;
  let launchChrome;
  try {
    const where = process.env.LIGHTHOUSE_DIR ?? new URL('../../target/lighthouse/node_modules/', import.meta.url).pathname;
    ({ default: lighthouse } = await import(`${where}lighthouse/core/index.js`));
    ({ launch: launchChrome } = await import(`${where}chrome-launcher/dist/index.js`));
  } catch (err) {
    log(`\n(Lighthouse is not installed: \`.ci/bench\` installs it into target/lighthouse; ${err.message.split('\n')[0]})`);
    return;
  }
  const chrome = await launchChrome({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const scores = Object.fromEntries(variants.map((v) => [v, []]));
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const v of variants) {
        const result = await lighthouse(`${siteUrl}office.html?variant=${v}`, {
          port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
        }, { extends: 'lighthouse:default', settings: { formFactor: 'mobile', throttlingMethod: 'simulate' } });
        const a = result.lhr.audits;
        scores[v].push({
          score: result.lhr.categories.performance.score * 100,
          lcp: a['largest-contentful-paint'].numericValue,
          tbt: a['total-blocking-time'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
        });
      }
    }
  } finally {
    await chrome.kill();
  }
  const m = (v, key) => median(scores[v].map((s) => s[key]));
  log(`\n## Lighthouse (mobile, simulated throttling; median of ${runs} runs)\n`);
  log('| variant | score | LCP | TBT | CLS |');
  log('|---|---:|---:|---:|---:|');
  for (const v of variants) {
    const dl = (key, unit) => {
      const x = m(v, key);
      const b = m('none', key);
      return `${Math.round(x)}${unit}${v === 'none' ? '' : ` (${x - b >= 0 ? '+' : ''}${Math.round(x - b)})`}`;
    };
    log(`| ${v} | ${Math.round(m(v, 'score'))} | ${dl('lcp', ' ms')} | ${dl('tbt', ' ms')} | ${m(v, 'cls').toFixed(4)} |`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await hostBench();
