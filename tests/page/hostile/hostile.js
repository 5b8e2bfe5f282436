// Hostile host scripts: patched built-ins and a wrapped fetch, plus the measurements the
// test reads back (CSP violations, errors, layout shift, events).
window.__host = { violations: [], errors: [], shift: 0, events: [], fetches: 0 };
document.addEventListener('securitypolicyviolation', (e) => {
  window.__host.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
window.addEventListener('error', (e) => window.__host.errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__host.errors.push(String(e.reason)));
for (const type of ['election-widget:ready', 'election-widget:error']) {
  document.addEventListener(type, (e) => window.__host.events.push({ type, id: e.target.id, detail: { ...e.detail } }));
}
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__host.shift += entry.value;
}).observe({ type: 'layout-shift', buffered: true });

// patched built-ins, as old CMS plugins do
Array.prototype.toJSON = function () { return 'patched'; };
Object.defineProperty(Object.prototype, 'hostile', { value: 1, enumerable: true, configurable: true, writable: true });
const realFetch = window.fetch;
window.fetch = function (...args) { window.__host.fetches += 1; return realFetch.apply(this, args); };
const realDefine = customElements.define.bind(customElements);
customElements.define = (...args) => realDefine(...args);

// one widget added after load, one removed after it is ready
window.addEventListener('load', () => {
  setTimeout(() => {
    const late = document.createElement('div');
    late.id = 'late';
    late.setAttribute('data-election-widget', '');
    late.setAttribute('data-eager', '');
    late.setAttribute('data-src', document.body.dataset.bulletin);
    late.innerText = 'fallback';
    document.getElementById('slot').append(late);
  }, 200);
});
document.addEventListener('election-widget:ready', (e) => {
  if (e.target.id === 'doomed') {
    window.__host.doomed = e.target;
    setTimeout(() => e.target.remove(), 50);
  }
});
