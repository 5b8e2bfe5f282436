// The iframe embed: builds one widget from this page's URL parameters and tells the parent
// page its height, so the frame fits without scrollbars.
//
//   frame.html?src=<bulletin URL>&origin=<parent page origin>[&lang=&theme=&items=&heading=&font=…]
//
// Heights go only to `origin` (never '*'); the parent's listener (frame-resize.js) checks
// the sender and clamps the height.
//
// There is deliberately no `now` parameter: an iframe is what comment filters often let
// through, and a frame that anyone can link with a fixed clock could show an official bulletin
// as "voting has closed". Which bulletins the frame may show is the deploy's choice
// (data-sources on frame.html's embed.js tag, written at build time), not the URL's.
const params = new URLSearchParams(location.search);
const ATTRIBUTES = { src: 'data-src', lang: 'data-lang', theme: 'data-theme', items: 'data-items',
  heading: 'data-heading-level', font: 'data-font', format: 'data-format', election: 'data-election-src',
  refresh: 'data-refresh', timeout: 'data-timeout' };

const host = document.createElement('div');
host.id = 'widget';
host.setAttribute('data-election-widget', '');
host.setAttribute('data-eager', '');
for (const [param, attribute] of Object.entries(ATTRIBUTES)) {
  const value = params.get(param);
  if (value !== null) host.setAttribute(attribute, value);
}
const fallback = document.createElement('p');
fallback.textContent = 'در حال بارگذاری…';
host.append(fallback);
document.getElementById('frame').append(host);

// Only an http(s) origin is a postMessage target: `javascript:`, `data:` and the like have the
// opaque origin "null", which postMessage rejects (it threw on every resize).
let parentOrigin = null;
try {
  const o = new URL(params.get('origin') ?? '');
  if (o.protocol === 'https:' || o.protocol === 'http:') parentOrigin = o.origin;
} catch { parentOrigin = null; }
if (params.has('origin') && !parentOrigin) {
  console.warn('[election-widget] frame.html: the origin parameter must be the http(s) origin of the page that embeds this frame; heights are not sent.');
}
if (params.has('now')) console.warn('[election-widget] frame.html: the now parameter is not supported; the widget uses the device clock.');

if (parentOrigin && window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: 'election-widget:height', height, frame: params.get('id') ?? '' }, parentOrigin);
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener('load', report);
}
