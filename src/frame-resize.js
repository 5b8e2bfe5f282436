// For the page that embeds frame.html in an <iframe>: resizes each such frame to the height
// it reports. Include once:  <script src="https://WIDGET-ORIGIN/frame-resize.js" defer></script>
// (or type="module"; both work).
//
// Only a message from an <iframe> on this page whose src is on the widget's origin (the origin
// this file was loaded from) is obeyed, and only that frame is resized, to a clamped height.
// The sender must be that origin, or, for a frame with a sandbox attribute (an opaque origin,
// whose messages say "null"), the frame the src names.
(() => {
  // A symbol, not a property name: an element with id or name "…Frames" cannot fake it
  const ONCE = Symbol.for('election-widget:frame-resize');
  if (window[ONCE]) return;
  window[ONCE] = true;
  const MIN = 120;
  const MAX = 3000;
  const NAME = /\/frame-resize\.js$/;
  const originOf = (url) => {
    try {
      const u = new URL(url, document.baseURI);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
    } catch {
      return null;
    }
  };
  // Where this file came from. A classic script knows (document.currentScript); a module has
  // no currentScript (and this file cannot use import.meta and still run as a classic script),
  // so its <script> element is found by name, or, for an import from another module, the
  // resource-timing entry that fetched it.
  const widgetOrigins = () => {
    const origins = new Set();
    const add = (url) => {
      const o = originOf(url);
      if (o && NAME.test(new URL(url, document.baseURI).pathname)) origins.add(o);
    };
    if (document.currentScript?.src) add(document.currentScript.src);
    for (const script of document.querySelectorAll('script[src]')) add(script.src);
    if (!origins.size) {
      for (const entry of performance.getEntriesByType?.('resource') ?? []) add(entry.name);
    }
    return origins;
  };
  let origins = widgetOrigins();

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'election-widget:height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    if (!event.source) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      const origin = originOf(frame.src);
      if (!origin) return; // srcdoc, about:blank, javascript:…
      if (!origins.has(origin)) origins = widgetOrigins(); // a script tag added since
      if (!origins.has(origin)) return;
      const sandboxed = event.origin === 'null' && frame.hasAttribute('sandbox');
      if (event.origin !== origin && !sandboxed) return; // the frame has gone elsewhere
      const height = Math.min(MAX, Math.max(MIN, Math.round(data.height)));
      frame.style.setProperty('height', `${height}px`);
      return;
    }
  });
})();
