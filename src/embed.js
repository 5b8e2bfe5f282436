// Election widget loader: the one script a page includes (stable URL: embed.js).
//
// It finds every element with the attribute data-election-widget, now and later, and mounts a
// widget on each as it nears the viewport (data-eager: at once). The WebAssembly module is
// downloaded only when the first widget is about to mount, compiled once, and instantiated for
// the whole page; removing an element tears its widget down. Everything else is loaded relative
// to this file's own URL, so the folder can be served from any path or origin. No inline
// script, no eval, one global (ElectionWidget) that named elements cannot clobber.
//
// Supervision: a trap in the module (a WebAssembly RuntimeError) would leave every widget on
// the page dead. The loader notices it, fences the dead instance (its timers and pending
// promises can no longer reach the page), starts a fresh instance from the compiled module and
// mounts every live widget again, at most MAX_RESTARTS times; then each widget shows its
// fallback content and fires election-widget:error with code "wasm".
//
// Release builds (.ci/postbuild.mjs) put the wasm-bindgen glue inside this file as a factory
// (GLUE below), so that a restart gets a fresh copy of its state and a page that pins this
// file with Subresource Integrity pins the glue too; the module is then fetched with the
// integrity value written here (WASM_INTEGRITY). Development builds (trunk serve) import the
// glue as a separate module.
const SELECTOR = '[data-election-widget]';
const PREFIX = '[election-widget]';
const MAX_RESTARTS = 3;
const GLUE = null; // release: function (fence) { …the glue… }
const WASM_INTEGRITY = ''; // release: sha384-… of the module

// Named elements clobber properties of `document` (<img name="querySelectorAll">) and add
// globals (<div id="ElectionWidget">): the loader reaches the DOM through the prototypes and
// keeps its guard under a symbol, which no element can name.
const KEY = Symbol.for('election-widget.loader');
const docProto = Document.prototype;
const docGet = (name) => Object.getOwnPropertyDescriptor(docProto, name).get.call(document);
const all = (selector, root = document) => (root === document
  ? docProto.querySelectorAll.call(document, selector)
  : Element.prototype.querySelectorAll.call(root, selector));
const create = (tag) => docProto.createElement.call(document, tag);
// (addEventListener comes from EventTarget.prototype, below the window's named properties:
// `<div id="addEventListener">` would shadow it)
const listen = (target, type, fn, options) => EventTarget.prototype.addEventListener.call(target, type, fn, options);
const pageBase = () => Object.getOwnPropertyDescriptor(Node.prototype, 'baseURI').get.call(document);

if (!window[KEY]) {
  window[KEY] = true;
  performance.mark?.('election-widget:start');
  const here = import.meta.url;
  const WASM_FILE = './election-widget_bg.wasm';
  const wasmUrl = new URL(WASM_FILE, here);
  const FENCE = new Error(`${PREFIX} a stopped WebAssembly instance was called after a restart (ignored)`);

  let instance = null; // { api, memory, fence } of the live WebAssembly instance
  let starting = null; // the promise of the instance being started
  let compiled = null; // the promise of the compiled WebAssembly.Module, fetched once
  let restarts = 0;
  let generation = 0; // which instance a restart replaces
  let failed = false; // gave up: WebAssembly cannot run here, or too many traps
  const waiting = new Set(); // hosts asked for before the instance was ready
  const mounted = new Set();

  // ---- the page's own rules, from the loader's <script> element(s) -------------------------
  // data-sources: the endpoints widgets on this page may read; data-allow-now: data-now may fix
  // widgets' clocks (demos, tests). A widget element cannot say so itself: sanitised user
  // content (a comment) can carry data-* attributes, never a <script>.
  const loaderTags = () => [...all('script[src]')].filter((s) => {
    try {
      const u = new URL(s.getAttribute('src'), pageBase());
      return u.href === here || (new URL('.', u).href === new URL('.', here).href && /\/embed(-[\w.-]+)?\.js$/.test(u.pathname));
    } catch { return false; }
  });
  let warnedNoSources = false;
  const pageRules = () => {
    const tags = loaderTags();
    const lists = tags.filter((t) => t.hasAttribute('data-sources')).map((t) => t.getAttribute('data-sources'));
    const sources = lists.length ? lists.join(' ') : null;
    if (sources === null && !warnedNoSources) {
      warnedNoSources = true;
      console.warn(`${PREFIX} this page names no data-sources on the loader's <script>: any element on it, including sanitised user content, can point a widget at any endpoint. See the README, "Security".`);
    }
    // pinned with Subresource Integrity: the module is checked too
    const pinned = tags.some((t) => t.hasAttribute('integrity'));
    return { sources, allowNow: tags.some((t) => t.hasAttribute('data-allow-now')), pinned };
  };
  // the same test as the module's policy::allows, for preloads only (the module decides)
  const allowedSource = (url, sources) => sources === null || sources.split(/\s+/).filter(Boolean).some((raw) => {
    try {
      const p = new URL(raw, pageBase());
      if (p.origin !== url.origin || p.username || p.password) return false;
      return url.pathname === p.pathname || (url.pathname.startsWith(p.pathname)
        && (p.pathname.endsWith('/') || url.pathname[p.pathname.length] === '/'));
    } catch { return false; }
  });

  // ---- starting the module ----------------------------------------------------------------
  // The host page comes first: the module (about 120 KiB) is requested only once the page has
  // painted what it shows first, and at low priority, so that it never takes bandwidth from
  // the page's hero image; and only when a widget is about to mount (a widget far below the
  // fold downloads nothing until the reader scrolls near it). "Painted first" is the page's
  // `load` event, or sooner, once the document is parsed and every image in the viewport has
  // arrived (`load` also waits for the widget's own bulletin preload and for images far down
  // the page), or PAGE_WAIT ms at most.
  const PAGE_WAIT = 3000;
  const pageLoaded = new Promise((resolve) => {
    if (document.readyState === 'complete') { resolve(); return; }
    const check = () => {
      if (document.readyState === 'loading') return;
      const shown = [...all('img')].filter((img) => {
        if (img.complete) return false;
        const r = img.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.width > 0;
      });
      if (shown.length === 0) done();
    };
    const done = () => {
      resolve();
      for (const type of ['load', 'error']) EventTarget.prototype.removeEventListener.call(document, type, onImage, true);
    };
    const onImage = (e) => { if (e.target instanceof HTMLImageElement) check(); };
    listen(document, 'load', onImage, true); // images' load events, captured
    listen(document, 'error', onImage, true);
    listen(document, 'DOMContentLoaded', check, { once: true });
    listen(window, 'load', done, { once: true });
    setTimeout(done, PAGE_WAIT);
    check();
  });
  const compile = (pinned) => {
    compiled ??= (async () => {
      await pageLoaded;
      const init = { priority: 'low' };
      if (pinned && WASM_INTEGRITY) init.integrity = WASM_INTEGRITY;
      const response = await fetch(wasmUrl, init);
      if (!response.ok) throw new Error(`${wasmUrl.href}: HTTP ${response.status}`);
      try {
        return await WebAssembly.compileStreaming(response.clone());
      } catch (err) {
        // a server that sends the module without Content-Type application/wasm
        if (!(err instanceof TypeError)) throw err;
        return WebAssembly.compile(await response.arrayBuffer());
      }
    })();
    return compiled;
  };
  const instantiate = async (n, pinned) => {
    const module = await compile(pinned);
    await nextTask(); // the compile's last step and the instantiation: two tasks, not one
    const glue = GLUE
      ? GLUE(FENCE)
      // development: a separate module per instance (a module record holds one instance)
      : await import(new URL(n === 0 ? './election-widget.js' : `./election-widget.js?instance=${n}`, here).href);
    const exports = await glue.default({ module_or_path: module });
    return { api: glue, memory: exports.memory ?? null, fence: glue.fence ?? (() => {}) };
  };
  // Widgets mount after the task that instantiated the module, as many per task as fit in
  // SLICE ms: the main thread is never held for a whole page of widgets at once, and a page of
  // small widgets is not laid out once per widget either.
  const SLICE = 30;
  const EARLY_KEPT = 10_000; // ms an early response waits, once the module has started
  const nextTask = () => new Promise((resolve) => {
    if (globalThis.scheduler?.postTask) globalThis.scheduler.postTask(resolve, { priority: 'user-visible' });
    else setTimeout(resolve, 0);
  });
  const start = () => {
    if (instance || starting || failed) return;
    const n = generation;
    const rules = pageRules();
    starting = instantiate(n, rules.pinned).then(async (inst) => {
      starting = null;
      if (n !== generation) { inst.fence(); return; }
      instance = inst;
      // widgets mount in slices of about SLICE ms, each slice a task of its own
      let slice = -Infinity;
      for (;;) {
        if (performance.now() - slice > SLICE) {
          await nextTask();
          slice = performance.now();
        }
        const [host] = waiting;
        if (instance !== inst || !host) break;
        waiting.delete(host);
        mountNow(host);
      }
      // What the first mounts have not taken by then (their widget was removed, or waits to
      // come into view) is not taken at all: a widget added later asks the network (and the
      // HTTP cache) rather than getting a response that may be minutes old.
      setTimeout(() => prefetched.clear(), EARLY_KEPT);
    }, async (err) => {
      starting = null;
      await null; // the rest of this file has run (this can fail before its first await)
      giveUp(`could not start (WebAssembly unsupported, blocked by the page's Content-Security-Policy — script-src needs 'wasm-unsafe-eval' — or the module failed its integrity check)`, err);
    });
  };

  const fail = (host, code) => {
    host.setAttribute('data-state', 'error');
    host.dispatchEvent(new CustomEvent('election-widget:error', { bubbles: true, composed: true, detail: { code } }));
  };
  // every widget back to its fallback content, for good
  const giveUp = (why, err) => {
    failed = true;
    console.error(`${PREFIX} ${why}; the fallback content stays.`, err);
    for (const host of new Set([...all(SELECTOR), ...mounted, ...waiting, ...early])) {
      showFallback(host);
      fail(host, 'wasm');
    }
    mounted.clear();
    waiting.clear();
  };

  // ---- supervision ------------------------------------------------------------------------
  const ours = (err) => err instanceof WebAssembly.RuntimeError
    && (typeof err.stack !== 'string' || !/wasm/.test(err.stack) || err.stack.includes(wasmUrl.pathname.split('/').pop()));
  const restart = (err) => {
    if (failed || !instance) return;
    const dead = instance;
    instance = null;
    generation += 1;
    dead.fence();
    restarts += 1;
    if (restarts > MAX_RESTARTS) {
      giveUp(`the WebAssembly module stopped ${restarts} times`, err);
      return;
    }
    console.error(`${PREFIX} the WebAssembly module stopped; restarting it (${restarts} of ${MAX_RESTARTS}) and mounting every widget again.`, err);
    for (const host of mounted) {
      waiting.add(host);
      // the dead instance's roots go; the new one mounts into fresh ones
      if (host.shadowRoot) host.shadowRoot.replaceChildren();
    }
    mounted.clear();
    start();
  };
  listen(window, 'error', (e) => {
    if (e.error === FENCE) e.preventDefault();
    else if (ours(e.error)) restart(e.error);
  });
  listen(window, 'unhandledrejection', (e) => {
    if (e.reason === FENCE) e.preventDefault();
    else if (ours(e.reason)) restart(e.reason);
  });
  // a call into the module that traps there and then
  const guarded = (fn) => {
    try { fn(); } catch (err) {
      if (err === FENCE) return;
      if (ours(err)) restart(err); else throw err;
    }
  };

  // ---- fonts ------------------------------------------------------------------------------
  // Vazirmatn (Arabic-script subset, OFL, shipped in fonts/) under a family name of our own,
  // since host pages often declare their own "Vazirmatn". @font-face inside a shadow root is
  // ignored, so the faces are added to the document.
  //
  // A font must never cost the reader bytes that are not drawn, nor move text on screen
  // (issue 14 measured the earlier way, fetched after the module, as drawn in 0 of 45 page
  // views). So: on a view where the font is not yet in the HTTP cache, the widget uses the
  // system's Persian font (Tahoma, Segoe UI, Noto Sans Arabic, SF Arabic…) and fetches the two
  // files at idle after the page and its widgets are done, at low priority (never with
  // Save-Data on); the next view, knowing they are cached, adds the faces before any widget
  // shows text, and draws with them. `font-display: optional` keeps a late font off screen.
  const fonts = (() => {
    const FILES = [['Vazirmatn-NL-Regular.woff2', '400'], ['Vazirmatn-NL-Bold.woff2', '700']];
    const KEY = 'election-widget:font:v1';
    const urls = FILES.map(([file]) => new URL(`fonts/${file}`, here).href);
    const stamp = urls.join(' ');
    let wanted = false;
    let store = null;
    try { store = window.localStorage; } catch { /* disabled: the system fonts, always */ }
    const cached = () => { try { return store?.getItem(KEY) === stamp; } catch { return false; } };
    let added = false;
    const add = () => {
      const set = docGet('fonts');
      if (added || typeof FontFace !== 'function' || !set) return;
      added = true;
      const range = 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+FB50-FDFF, U+FE70-FEFF';
      for (const [i, [, weight]] of FILES.entries()) {
        const face = new FontFace('Election Widget Vazirmatn', `url("${urls[i]}") format("woff2")`, { weight, unicodeRange: range, display: 'optional' });
        set.add(face);
        face.load().catch(() => {}); // from the HTTP cache, while the module starts
      }
    };
    let scheduled = false;
    return {
      /** A widget that uses the font is coming: add it now where it is cached. */
      want: (host) => {
        if (host.getAttribute('data-font') === 'system') return;
        wanted = true;
        if (cached()) add();
      },
      /** Once the widgets have settled: fetch the files at idle, for the next view. */
      settled: () => {
        if (!wanted || scheduled || added || cached() || navigator.connection?.saveData) return;
        if ([...mounted, ...waiting].some((h) => h.getAttribute('data-state') === 'loading')) return;
        scheduled = true;
        const idle = (fn) => (window.requestIdleCallback ? requestIdleCallback(fn, { timeout: 10_000 }) : setTimeout(fn, 2000));
        pageLoaded.then(() => idle(() => {
          Promise.all(urls.map((u) => fetch(u, { priority: 'low', mode: 'cors', credentials: 'same-origin' }).then((r) => {
            if (!r.ok) throw new Error(`HTTP ${r.status}`);
            return r.arrayBuffer();
          }))).then(() => { try { store?.setItem(KEY, stamp); } catch { /* full */ } }, () => {});
        }));
      },
    };
  })();

  listen(document, 'election-widget:ready', () => fonts.settled(), true);
  listen(document, 'election-widget:error', () => fonts.settled(), true);

  // ---- mounting ---------------------------------------------------------------------------
  let configured = null;
  const mountNow = (host) => {
    if (mounted.has(host) || !host.isConnected || failed) return;
    fonts.want(host);
    if (!instance) { waiting.add(host); start(); return; }
    const rules = pageRules();
    const key = `${rules.sources}\n${rules.allowNow}`;
    mounted.add(host);
    early.delete(host);
    watchRoot(host);
    guarded(() => {
      if (key !== configured) { instance.api.configure(rules.sources ?? undefined, rules.allowNow); configured = key; }
      instance.api.mount(host);
    });
  };

  // A widget near the viewport (within 600 px): its skeleton and its bulletin's preload while
  // the module is on its way, and its mount. The observer reports after the page's layout, so
  // deciding this costs the page no extra layout while the loader first runs.
  const approach = (host) => {
    if (!instance) {
      prefetch(host);
      drawSkeleton(host);
    }
    mountNow(host);
  };
  const lazy = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (e.isIntersecting) { lazy.unobserve(e.target); approach(e.target); }
        }
      }, { rootMargin: '600px 0px' })
    : null;

  // The chain embed.js -> wasm -> bulletin is what a reader waits for: bulletins of widgets
  // about to mount are requested here while the module downloads and compiles, and the
  // module's first request for that URL takes this response (src/fetch.rs, `early`) instead of
  // asking again. A plain fetch rather than a <link rel=preload>: it carries no credentials,
  // even to the page's own origin (a preload would send the reader's cookies), it does not
  // hold back the page's `load` event, and it runs at low priority, after the page's own
  // first requests.
  const EARLY = Symbol.for('election-widget.early');
  const prefetched = new Map();
  Object.defineProperty(window, EARLY, { value: prefetched });
  // the element's data-src as an absolute URL, or null
  const srcUrl = (host) => {
    try { return new URL(host.getAttribute('data-src') || '', host.baseURI).href; } catch { return null; }
  };
  const prefetch = (host) => {
    if (!host.getAttribute('data-src')) return;
    let url;
    try { url = new URL(srcUrl(host)); } catch { return; }
    if (!/^https?:$/.test(url.protocol) || url.username || url.password
      || prefetched.has(url.href) || !allowedSource(url, pageRules().sources)) return;
    const response = fetch(url.href, { credentials: 'omit', priority: 'low' });
    response.catch(() => {}); // the module's own request reports a failure, with its retries
    prefetched.set(url.href, response);
  };

  // Until the module has started, widgets about to mount show a skeleton drawn from here, in
  // the card's size, so a reader on a slow line sees the widget at once. The module keeps it
  // (marked data-early) until it has content to show, rather than drawing its own under it.
  // Should the module fail, a <slot> brings the element's own fallback content back.
  // The element's box is the page's (the :host rule is a default any page rule overrides);
  // what the page could pass down by inheritance stops at .r (all:initial), which also gives
  // the element its intrinsic width (360 px with room): the same rules as the widget's
  // stylesheet, so nothing moves when it replaces this one. The skeleton's height is the
  // card's expected height (--_ew-h, set by the reservation block below).
  const SKELETON = ':host{display:block;contain:layout paint style}'
    + '.r{all:initial;display:block;--_ew-h:560px}.r:after{content:"";display:grid;grid-template-columns:minmax(0,360px)}'
    + '.s{box-sizing:border-box;display:flex;flex-direction:column;gap:12px;padding:clamp(12px,4%,16px);max-inline-size:720px;'
    + 'border:1px solid #d6d6d6;border-radius:var(--election-widget-radius,12px);background:#fff;min-block-size:var(--_ew-h)}'
    + '.l{block-size:14px;border-radius:7px;background:#e6e6e6}.w{inline-size:40%}.t{block-size:26px;inline-size:85%}'
    + '.c{block-size:130px;border-radius:8px;background:#e6e6e6;margin-block-start:auto}'
    + '.v{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}'
    + '@media (prefers-reduced-motion:no-preference){.l,.c{animation:p 1.6s ease-in-out infinite}}@keyframes p{50%{opacity:.55}}'
    + '@media (prefers-color-scheme:dark){:host(:not([data-theme=light])) .s{background:#16191b;border-color:#3a4044}'
    + ':host(:not([data-theme=light])) .l,:host(:not([data-theme=light])) .c{background:#2b3134}}'
    + ':host([data-theme=dark]) .s{background:#16191b;border-color:#3a4044}:host([data-theme=dark]) .l,:host([data-theme=dark]) .c{background:#2b3134}';
  let skeletonSheet = null;
  const early = new Set();
  const drawSkeleton = (host) => {
    if (host.shadowRoot || typeof CSSStyleSheet !== 'function') return;
    let root;
    try {
      if (!skeletonSheet) {
        skeletonSheet = new CSSStyleSheet();
        skeletonSheet.replaceSync(SKELETON);
      }
      root = host.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [skeletonSheet];
    } catch { return; }
    const div = (cls) => { const d = create('div'); d.className = cls; return d; };
    // what the module's own skeleton says to screen readers, in the widget's language
    // (the strings tables' `loading`; Locale::for_tag: Persian unless data-lang names another)
    const tag = (host.getAttribute('data-lang') || '').trim();
    const persian = !/^[A-Za-z0-9_-]{1,35}$/.test(tag) || tag.split(/[-_]/)[0].toLowerCase() === 'fa';
    const outer = div('r');
    outer.setAttribute('data-early', '');
    const box = div('s');
    box.dir = persian ? 'rtl' : 'ltr'; // as the card's own: the page's direction is not the skeleton's
    box.setAttribute('role', 'status');
    box.setAttribute('aria-busy', 'true');
    const note = create('span');
    note.className = 'v';
    note.lang = persian ? 'fa' : 'en';
    note.textContent = persian ? 'در حال بارگذاری خبرها…' : 'Loading the news…';
    const lines = [div('l w'), div('l t'), div('l'), div('l'), div('l w'), div('c')];
    for (const l of lines) l.setAttribute('aria-hidden', 'true');
    box.append(note, ...lines);
    outer.append(box);
    root.append(outer);
    early.add(host);
    reserve.skeleton(host, outer);
  };
  // the element's own children, through a <slot>, instead of anything the widget drew
  const showFallback = (host) => {
    early.delete(host);
    if (!host.shadowRoot) return;
    host.shadowRoot.adoptedStyleSheets = [];
    host.shadowRoot.replaceChildren(create('slot'));
  };

  // ---- Reserved space ----------------------------------------------------------------------
  // embed.css gives each element a min-height before any script runs, read through the public
  // custom property --election-widget-reserve. This block remembers the height each card took
  // (per endpoint, width class and font, in localStorage, bounded) and uses it for the skeleton
  // and for that property; once a card is final, it fits the property to the card. The property
  // changes only where that moves nothing in view: while the element is below the viewport (it
  // and everything after it are out of view), above it where the browser anchors scrolling
  // (it keeps what is in view in place, and layout-shift scoring sees no shift), or within
  // 450 ms of a press or key in the widget (scoring leaves out 500 ms after input). In view it
  // only grows, to a height a card is known to need (the card would push the page as far,
  // later). Driven by data-state and the widget's events; the loader calls only
  // reserve.skeleton(host, outer).
  const reserve = (() => {
    const PROP = '--election-widget-reserve';
    const KEY = 'election-widget:heights:v1';
    const MAX = 32; // entries kept, least recently used out
    const NOTE = 64; // what a cached copy's "last updated" note adds, until measured (36 to 61 px)
    // the Persian sample's card by its width (within 35 px from 264 to 720 px; measured by
    // tests/bench/reserve.mjs), for the skeleton where nothing is remembered yet
    const fallback = (w) => Math.round(250 + 210000 / Math.max(Math.min(w, 720), 120));
    let store = null;
    try { store = window.localStorage; } catch { /* disabled: nothing is remembered */ }
    let table = null;
    const read = () => {
      if (!table) {
        table = {};
        try {
          const t = JSON.parse(store?.getItem(KEY) || '{}');
          if (t && typeof t === 'object' && !Array.isArray(t)) table = t;
        } catch { /* corrupt: start again */ }
      }
      return table;
    };
    const num = (v) => (typeof v === 'number' && v > 0 && v < 20000 ? v : 0);
    const px = (v) => parseFloat(v) || 0;
    const src = (host) => srcUrl(host) ?? '';
    // what the card's height depends on: the endpoint and the attributes that change the
    // content, and its width in 20 px classes (at most the card's 720 px); then the font
    const key = (host, width) => [
      src(host), host.getAttribute('data-items'), host.getAttribute('data-election-src'), host.getAttribute('data-lang'),
      Math.floor(Math.min(width, 720) / 20),
    ].join('\n') + '\n';
    // the font: whether the self-hosted faces were in use (only where they arrived before the
    // card's text; a page's own --election-widget-font counts as the fonts it falls back to)
    const faces = () => {
      let on = 0;
      docGet('fonts')?.forEach((f) => { if (f.status === 'loaded' && f.family.includes('Election Widget Vazirmatn')) on = 1; });
      return on;
    };
    // the height to keep: the largest for either face; with a cached copy (shown first, with
    // its note) the cached copy's card, else the fresh one's
    const recall = (host, width) => {
      const k = key(host, width);
      let cached = false;
      // (the key of src/cache.rs: a cached copy will be shown first)
      try { cached = store?.getItem(`election-widget:v1:${src(host)}`) != null; } catch { /* disabled */ }
      let best = 0;
      for (const [name, e] of Object.entries(read())) {
        if (!name.startsWith(k) || !e) continue;
        const r = num(e.r);
        best = Math.max(best, cached ? Math.max(r, num(e.s) || (r && r + NOTE)) : r || num(e.s));
      }
      return best;
    };
    // updates the table; `save` writes it once for a batch of widgets
    let dirty = false;
    const remember = (host, kind, height, width) => {
      const t = read();
      const name = key(host, width) + faces();
      const e = t[name] && typeof t[name] === 'object' ? t[name] : {};
      const h = Math.ceil(height);
      if (e[kind] === h) return;
      e[kind] = h;
      e.t = Date.now();
      t[name] = e;
      dirty = true;
    };
    const save = () => {
      if (!dirty) return;
      dirty = false;
      const t = read();
      for (const old of Object.keys(t).sort((a, b) => (t[b]?.t || 0) - (t[a]?.t || 0)).slice(MAX)) delete t[old];
      try { store?.setItem(KEY, JSON.stringify(t)); } catch { /* full */ }
    };

    const hosts = new WeakMap(); // element -> { input: time of the last press or key in it, touched, settled, root }
    const info = (host) => {
      let i = hosts.get(host);
      if (!i) hosts.set(host, (i = { input: -1e9, touched: false, settled: false, root: null }));
      return i;
    };
    // scroll anchoring, unless the page turned it off on the way to the element
    const anchored = (host) => {
      if (!CSS.supports?.('overflow-anchor', 'auto')) return false;
      for (let e = host.parentElement; e; e = e.parentElement) if (getComputedStyle(e).overflowAnchor === 'none') return false;
      return true;
    };
    const free = (host) => {
      const r = host.getBoundingClientRect();
      return r.top >= innerHeight || (r.bottom <= 0 && anchored(host)) || performance.now() - info(host).input < 450;
    };
    // min-height counts padding and border where the page sizes the element's border box
    const extra = (cs) => (cs.boxSizing === 'border-box'
      ? px(cs.paddingTop) + px(cs.paddingBottom) + px(cs.borderTopWidth) + px(cs.borderBottomWidth) : 0);
    const kept = (cs) => px(cs.minHeight) - extra(cs);
    // Each step below reads the layout of all its widgets first and then writes (read, write,
    // read again would lay the page out once per widget: on a page of ten widgets, about
    // 16 ms each at 4x CPU). Reads happen before the frame's own layout (in the task that drew
    // a skeleton, or in an animation frame callback), not after it in a ResizeObserver's
    // callback: a change made after the frame's first layout is scored as a layout shift
    // even though it is never painted (measured in Chromium 156).
    //
    // the reservation `h` px of content asks for, where that moves nothing in view (or, with
    // `grow`, where it only grows): the value to set, '' where it is right already, null where
    // it has to wait
    const fitting = (host, cs, h, grow) => {
      if (Math.abs(kept(cs) - h) < 1) return '';
      if (!free(host) && !(grow && h > kept(cs))) return null;
      return `${Math.ceil(h + extra(cs))}px`;
    };
    // an element's layout size: what min-height reserves, whatever transform the page applies
    // (the ResizeObserver's border box and offsetWidth/offsetHeight agree; a bounding rect
    // would not under a scale)
    const size = (el) => ({ width: el?.offsetWidth ?? 0, height: el?.offsetHeight ?? 0 });
    const box = (e) => {
      const b = e.borderBoxSize?.[0];
      return b ? { width: b.inlineSize, height: b.blockSize } : size(e.target);
    };
    // the finished cards: `cards` is [host, { width, height } of its card]; each is remembered,
    // and the reservation fitted to it
    const measure = (cards) => {
      const writes = [];
      for (const [host, { width, height }] of cards) {
        // (a card the module has since replaced is in no shadow root: no host)
        const state = host?.isConnected ? host.getAttribute('data-state') : null;
        if (!height || !['ready', 'error', 'stale'].includes(state)) continue;
        const i = info(host);
        // a card changed by the reader (the body unfolded) is not what the next visit shows
        if (!i.touched) writes.push(() => remember(host, state === 'stale' ? 's' : 'r', height, width));
        // a cached copy waiting for the network is not final: the fresh one may be shorter
        if (!i.settled) continue;
        const value = fitting(host, getComputedStyle(host), height, false);
        if (value === null) writes.push(() => away?.observe(host));
        else if (value) writes.push(() => host.style.setProperty(PROP, value));
      }
      for (const w of writes) w();
      save();
    };
    const card = (host) => {
      const root = host?.shadowRoot?.querySelector('.ew-root');
      return root && !root.hidden ? root : null;
    };
    // a card's size, read in an animation frame, for the cards whose state changed in it
    let due = new Set();
    const frame = () => {
      const hosts = [...due];
      due = new Set();
      measure(hosts.map((host) => [host, size(card(host))]));
    };
    // and later changes of size (an image that arrived, a body unfolded), when they happen
    const cards = typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => measure(entries.map((e) => [e.target.getRootNode().host, box(e)])))
      : null;
    const watch = (host) => {
      const root = card(host);
      if (!root) return;
      const i = info(host);
      if (i.root !== root) {
        if (i.root) cards?.unobserve(i.root);
        i.root = root;
        cards?.observe(root);
      }
      if (due.size === 0) requestAnimationFrame(frame);
      due.add(host);
    };
    // a reservation that has to wait is fitted once the element has left the viewport
    const away = 'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => {
          const gone = entries.filter((e) => !e.isIntersecting && free(e.target)).map((e) => e.target);
          for (const host of gone) away.unobserve(host);
          measure(gone.map((host) => [host, size(card(host))]));
        })
      : null;

    // before the card, what is remembered sets the reservation and the skeleton's height
    // (`el`: the skeleton's outermost element), once its width is known
    const expect = (sized) => {
      const writes = [];
      for (const [host, el, width] of sized) {
        if (!host?.isConnected || !el.isConnected) continue; // (replaced in the meantime)
        const known = recall(host, width);
        const cs = getComputedStyle(host);
        let h = known;
        if (known) {
          const value = fitting(host, cs, known, true);
          if (value) writes.push(() => host.style.setProperty(PROP, value));
        } else {
          h = fallback(width);
          // never taller than the page's space, in view
          if (kept(cs) > 0 && !free(host)) h = Math.min(h, kept(cs));
        }
        writes.push(() => el.style.setProperty('--_ew-h', `${Math.round(h)}px`));
      }
      for (const w of writes) w();
    };
    // skeletons drawn in one task are sized together, at the end of it
    let drawn = [];
    const sized = () => {
      const items = drawn;
      drawn = [];
      expect(items.map(([host, el]) => [host, el, size(el).width]));
    };
    const skeleton = (host, el) => {
      if (drawn.length === 0) queueMicrotask(sized);
      drawn.push([host, el]);
    };

    new MutationObserver((records) => {
      for (const { target: host } of records) {
        if (!host.matches?.(SELECTOR)) continue;
        const state = host.getAttribute('data-state');
        if (state === 'loading') {
          // the module's own skeleton (a widget mounted after the module started, usually
          // 600 px before it comes into view)
          const root = card(host);
          if (root) skeleton(host, root);
        } else if (state) watch(host);
        else away?.unobserve(host);
      }
    }).observe(docGet('documentElement'), { attributes: true, attributeFilter: ['data-state'], subtree: true });
    const settle = (e) => {
      if (!e.target?.matches?.(SELECTOR)) return;
      info(e.target).settled = true;
      // in the next animation frame, before the layout the browser does anyway, not in the event's task
      watch(e.target);
    };
    listen(document, 'election-widget:ready', settle, true);
    listen(document, 'election-widget:error', settle, true);
    const press = (e) => {
      if (!e.isTrusted) return;
      for (const n of e.composedPath()) {
        if (n instanceof Element && n.matches(SELECTOR)) {
          const i = info(n);
          i.input = performance.now();
          i.touched = true;
          const root = card(n);
          if (root) measure([[n, size(root)]]);
        }
      }
    };
    listen(document, 'pointerdown', press, { capture: true, passive: true });
    listen(document, 'keydown', press, { capture: true, passive: true });

    return {
      /** The loader's skeleton, just drawn: its height, and the reservation, from what is remembered. */
      skeleton,
    };
  })();
  // ---- end of reserved space ---------------------------------------------------------------

  const consider = (host) => {
    if (mounted.has(host)) return;
    if (failed) { fail(host, 'wasm'); return; }
    if (!host.hasAttribute('data-state')) host.setAttribute('data-state', 'loading');
    if (!lazy || host.hasAttribute('data-eager')) approach(host);
    else lazy.observe(host);
  };

  const release = (host) => {
    if (lazy) lazy.unobserve(host);
    waiting.delete(host);
    if (early.has(host)) showFallback(host);
    if (mounted.delete(host) && instance) guarded(() => instance.api.unmount(host));
  };

  const each = (node, fn) => {
    if (node.nodeType !== 1) return;
    if (node.matches(SELECTOR)) fn(node);
    for (const el of all(SELECTOR, node)) fn(el);
  };

  // Removals inside another component's shadow root are invisible to the document's
  // observer: those roots are observed too, and every removal sweeps the mounted widgets for
  // ones that left the page (a widget in a removed component must not keep refreshing).
  const watchedRoots = new WeakSet();
  const sweep = () => {
    for (const host of [...mounted, ...waiting]) if (!host.isConnected) release(host);
  };
  const observer = new MutationObserver((records) => {
    let removed = false;
    for (const r of records) {
      for (const n of r.removedNodes) { removed = true; each(n, (el) => { if (!el.isConnected) release(el); }); }
      for (const n of r.addedNodes) each(n, consider);
    }
    if (removed) sweep();
  });
  const watchRoot = (host) => {
    const root = host.getRootNode();
    if (root instanceof ShadowRoot && !watchedRoots.has(root)) {
      watchedRoots.add(root);
      observer.observe(root, { childList: true, subtree: true });
      if (root.host) watchRoot(root.host);
    }
  };
  const top = docGet('documentElement');
  observer.observe(top, { childList: true, subtree: true });

  Object.defineProperty(window, 'ElectionWidget', {
    value: Object.freeze({
      mount: (el) => { if (el instanceof Element) { if (lazy) lazy.unobserve(el); mountNow(el); } },
      unmount: (el) => { if (el instanceof Element) release(el); },
      /** Bytes of WebAssembly linear memory in use by all widgets (0 before start). */
      memoryBytes: () => (instance?.memory ? instance.memory.buffer.byteLength : 0),
    }),
    enumerable: true,
  });

  each(top, consider);
}
