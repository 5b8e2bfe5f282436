// The iframe embed: builds one widget from this page's URL parameters and tells the parent
// page its height, so the frame fits without scrollbars.
//
//   frame.html?src=<bulletin URL>&origin=<parent page origin>[&lang=&theme=&items=&now=&heading=&font=]
//
// Heights go only to `origin` (never '*'); the parent's listener (frame-resize.js) checks
// the sender and clamps the height.
const params = new URLSearchParams(location.search);
const ATTRIBUTES = { src: 'data-src', lang: 'data-lang', theme: 'data-theme', items: 'data-items', now: 'data-now',
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

let parentOrigin = null;
try {
  const o = params.get('origin');
  if (o) parentOrigin = new URL(o).origin;
} catch { parentOrigin = null; }

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
