// Election widget loader: the one script a page includes (stable URL: embed.js).
//
// It finds every element with the attribute data-election-widget, now and later,
// starts the WebAssembly module once for the whole page and mounts a widget on each
// element as it nears the viewport (data-eager: at once). Removing an element tears
// its widget down. Everything else is loaded relative to this file's own URL, so the
// folder can be served from any path or origin. No inline script, no eval, no globals
// beyond window.ElectionWidget.
const SELECTOR = '[data-election-widget]';
const PREFIX = '[election-widget]';

if (!window.ElectionWidget) {
  performance.mark?.('election-widget:start');
  const here = import.meta.url;
  let memory = null; // the module's linear memory, for ElectionWidget.memoryBytes()
  let api = null; // the wasm exports, once started
  const waiting = new Set(); // hosts asked for before the module was ready
  const mounted = new Set();

  // The module first: it is what a reader waits for, and the rest of this file (observers,
  // skeletons, preloads) runs while it downloads.
  (async () => {
    try {
      if (typeof WebAssembly !== 'object') throw new Error('WebAssembly is not available');
      // the module and its glue download side by side; the module compiles as it streams in
      const wasm = fetch(new URL('./election-widget_bg.wasm', here));
      const glue = await import(new URL('./election-widget.js', here).href);
      const exports = await glue.default({ module_or_path: wasm });
      memory = exports.memory ?? null;
      api = glue;
    } catch (err) {
      await null; // the rest of this file has run (this can fail before its first await)
      console.error(`${PREFIX} could not start (WebAssembly unsupported or blocked by the page's Content-Security-Policy: script-src needs 'wasm-unsafe-eval'); the fallback content stays.`, err);
      for (const host of document.querySelectorAll(SELECTOR)) {
        restoreFallback(host);
        fail(host, 'wasm');
      }
      return;
    }
    for (const host of waiting) mountNow(host);
    waiting.clear();
  })();

  const fail = (host, code) => {
    host.setAttribute('data-state', 'error');
    host.dispatchEvent(new CustomEvent('election-widget:error', { bubbles: true, composed: true, detail: { code } }));
  };

  // Vazirmatn (Arabic-script subset, OFL, shipped in fonts/) under a family name of our own,
  // since host pages often declare their own "Vazirmatn". @font-face inside a shadow root is
  // ignored, so the faces are added to the document, once, when the first widget wants them.
  // They download only after the module has arrived: on a slow line 44 KiB of font would
  // otherwise share the bandwidth with the module and hold back the card by a quarter of a
  // second. Both faces are added together, and only while no widget shows text yet: a font
  // that arrives later is never swapped in under the reader's eyes (it waits in the HTTP
  // cache for the next page view, which gets it at once).
  let fontsWanted = false;
  let fontsStarted = false;
  const startFonts = () => {
    if (fontsStarted || !fontsWanted || !api || typeof FontFace !== 'function' || !document.fonts) return;
    fontsStarted = true;
    const range = 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+FB50-FDFF, U+FE70-FEFF';
    const faces = [['Vazirmatn-NL-Regular.woff2', '400'], ['Vazirmatn-NL-Bold.woff2', '700']].map(([file, weight]) =>
      new FontFace('Election Widget Vazirmatn', `url("${new URL(`fonts/${file}`, here)}") format("woff2")`, {
        weight, unicodeRange: range, display: 'optional',
      }));
    Promise.all(faces.map((f) => f.load())).then(() => {
      const shown = [...mounted].some((h) => h.getAttribute('data-state') !== 'loading');
      if (!shown) for (const f of faces) document.fonts.add(f);
    }, () => {}); // a blocked or missing font leaves the system fonts in place
  };
  const mountNow = (host) => {
    if (mounted.has(host) || !host.isConnected) return;
    if (host.getAttribute('data-font') !== 'system') fontsWanted = true;
    if (!api) { waiting.add(host); return; }
    mounted.add(host);
    early.delete(host);
    api.mount(host);
    startFonts(); // after the mount: the card comes first
  };

  const lazy = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          if (e.isIntersecting) { lazy.unobserve(e.target); mountNow(e.target); }
        }
      }, { rootMargin: '600px 0px' })
    : null;

  // The chain embed.js -> glue -> wasm -> bulletin is what a reader waits for: bulletins of
  // widgets that will mount now are preloaded while the module downloads and compiles. The
  // widget's own request (same URL, CORS mode, same-origin credentials) takes the preload.
  const preloaded = new Set();
  const preload = (host) => {
    const src = host.getAttribute('data-src');
    if (!src || !document.head) return;
    let url;
    try { url = new URL(src, host.baseURI); } catch { return; }
    if (!/^https?:$/.test(url.protocol) || preloaded.has(url.href)) return;
    preloaded.add(url.href);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = url.href;
    document.head.append(link);
  };

  const nearViewport = (host) => {
    const r = host.getBoundingClientRect();
    return r.top < innerHeight + 600 && r.bottom > -600;
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
    const div = (cls) => { const d = document.createElement('div'); d.className = cls; return d; };
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
    const note = document.createElement('span');
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
  const restoreFallback = (host) => {
    if (!early.delete(host) || !host.shadowRoot) return;
    host.shadowRoot.adoptedStyleSheets = [];
    host.shadowRoot.replaceChildren(document.createElement('slot'));
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
    const src = (host) => {
      try { return new URL(host.getAttribute('data-src') || '', host.baseURI).href; } catch { return ''; }
    };
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
      document.fonts?.forEach((f) => { if (f.status === 'loaded' && f.family.includes('Election Widget Vazirmatn')) on = 1; });
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
    const remember = (host, kind, height, width) => {
      const t = read();
      const name = key(host, width) + faces();
      const e = t[name] && typeof t[name] === 'object' ? t[name] : {};
      const h = Math.ceil(height);
      if (e[kind] === h) return;
      e[kind] = h;
      e.t = Date.now();
      t[name] = e;
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
    // sets the reservation to `h` px of content where that moves nothing in view (or, with
    // `grow`, where it only grows); false where it has to wait
    const fit = (host, h, grow) => {
      const cs = getComputedStyle(host);
      if (Math.abs(kept(cs) - h) < 1) return true;
      if (!free(host) && !(grow && h > kept(cs))) return false;
      host.style.setProperty(PROP, `${Math.ceil(h + extra(cs))}px`);
      return true;
    };
    // a reservation that has to wait is fitted once the element has left the viewport
    const away = 'IntersectionObserver' in window
      ? new IntersectionObserver((entries) => {
          for (const e of entries) if (!e.isIntersecting && free(e.target)) { away.unobserve(e.target); measure(e.target); }
        })
      : null;
    const sizes = typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => { for (const e of entries) measure(e.target.getRootNode().host); })
      : null;
    const measure = (host) => {
      const state = host?.getAttribute('data-state');
      const root = host?.shadowRoot?.querySelector('.ew-root');
      if (!root || root.hidden || !['ready', 'error', 'stale'].includes(state)) return;
      const i = info(host);
      if (i.root !== root) { i.root = root; sizes?.observe(root); }
      const { width, height } = root.getBoundingClientRect();
      if (!height) return;
      // a card changed by the reader (the body unfolded) is not what the next visit shows
      if (!i.touched) remember(host, state === 'stale' ? 's' : 'r', height, width);
      // a cached copy waiting for the network is not final: the fresh one may be shorter
      if (i.settled && !fit(host, height, false)) away?.observe(host);
    };
    // before the card: what is remembered, for the reservation and the skeleton's height
    const expect = (host, el, width) => {
      const known = recall(host, width);
      if (known) fit(host, known, true);
      let h = known || fallback(width);
      const cs = getComputedStyle(host);
      if (kept(cs) > 0 && !free(host)) h = Math.min(h, kept(cs)); // never taller than the page's space, in view
      el.style.setProperty('--_ew-h', `${Math.round(h)}px`);
    };

    new MutationObserver((records) => {
      for (const { target: host } of records) {
        if (!host.matches?.(SELECTOR)) continue;
        const state = host.getAttribute('data-state');
        if (state === 'loading') {
          // the module's own skeleton (a widget mounted after the module started, usually
          // 600 px before it comes into view)
          const root = host.shadowRoot?.querySelector('.ew-root');
          if (root && !root.hidden) expect(host, root, root.getBoundingClientRect().width);
        } else if (state) measure(host);
        else away?.unobserve(host);
      }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-state'], subtree: true });
    const settle = (e) => {
      if (!e.target?.matches?.(SELECTOR)) return;
      info(e.target).settled = true;
      measure(e.target);
    };
    document.addEventListener('election-widget:ready', settle, true);
    document.addEventListener('election-widget:error', settle, true);
    const press = (e) => {
      if (!e.isTrusted) return;
      for (const n of e.composedPath()) {
        if (n instanceof Element && n.matches(SELECTOR)) {
          const i = info(n);
          i.input = performance.now();
          i.touched = true;
          measure(n);
        }
      }
    };
    document.addEventListener('pointerdown', press, { capture: true, passive: true });
    document.addEventListener('keydown', press, { capture: true, passive: true });

    return {
      /** The loader's skeleton, just drawn: its height, and the reservation, from what is remembered. */
      skeleton: (host, outer) => expect(host, outer, outer.getBoundingClientRect().width),
    };
  })();
  // ---- end of reserved space ---------------------------------------------------------------

  const consider = (host) => {
    if (mounted.has(host)) return;
    if (!host.hasAttribute('data-state')) host.setAttribute('data-state', 'loading');
    const now = !lazy || host.hasAttribute('data-eager');
    if (!api && (now || nearViewport(host))) {
      preload(host);
      drawSkeleton(host);
    }
    if (now) mountNow(host); else lazy.observe(host);
  };

  const release = (host) => {
    if (lazy) lazy.unobserve(host);
    waiting.delete(host);
    restoreFallback(host);
    if (mounted.delete(host) && api) api.unmount(host);
  };

  const each = (node, fn) => {
    if (node.nodeType !== 1) return;
    if (node.matches(SELECTOR)) fn(node);
    for (const el of node.querySelectorAll(SELECTOR)) fn(el);
  };

  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.removedNodes) each(n, (el) => { if (!el.isConnected) release(el); });
      for (const n of r.addedNodes) each(n, consider);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  window.ElectionWidget = Object.freeze({
    mount: (el) => { if (el instanceof Element) { if (lazy) lazy.unobserve(el); mountNow(el); } },
    unmount: (el) => { if (el instanceof Element) release(el); },
    /** Bytes of WebAssembly linear memory in use by all widgets (0 before start). */
    memoryBytes: () => (memory ? memory.buffer.byteLength : 0),
  });

  each(document.documentElement, consider);
}
