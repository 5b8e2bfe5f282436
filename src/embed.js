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
  // what the page could pass down by inheritance stops at .r (all:initial): the same rules as
  // the widget's stylesheet, so nothing moves when it replaces this one.
  const SKELETON = ':host{display:block;contain:layout paint style}'
    + '.r{all:initial;display:block;container-type:inline-size}.s{box-sizing:border-box;display:flex;flex-direction:column;gap:12px;padding:16px;'
    + 'border:1px solid #d6d6d6;border-radius:12px;background:#fff;inline-size:100%;max-inline-size:720px;min-block-size:560px}'
    + '@container (max-width:600px){.s{min-block-size:780px}}@container (max-width:420px){.s{min-block-size:900px}}'
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
  };
  const restoreFallback = (host) => {
    if (!early.delete(host) || !host.shadowRoot) return;
    host.shadowRoot.adoptedStyleSheets = [];
    host.shadowRoot.replaceChildren(document.createElement('slot'));
  };

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
