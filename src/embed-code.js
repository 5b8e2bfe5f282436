// The embed-code page: options in, live preview and the finished snippet out.
const form = document.getElementById('options');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const frameSnippet = document.getElementById('frame-snippet');
const base = new URL('.', import.meta.url);

// The build's integrity.json names the versioned embed.js and the hashed module and glue it
// loads: a pinned snippet preloads those two from the page's <head>, so their download starts
// with the page instead of after embed.js (about 170 ms sooner on a slow line; see the README).
let pinned = null;
fetch(new URL('integrity.json', base)).then((r) => (r.ok ? r.json() : null)).then((sri) => {
  const names = Object.keys(sri ?? {});
  const embed = names.find((n) => /^embed-.+\.js$/.test(n));
  const wasm = names.find((n) => n.endsWith('.wasm'));
  const glue = names.find((n) => /^election-widget\..+\.js$/.test(n));
  if (!embed || !wasm || !glue) return;
  pinned = { embed, integrity: sri[embed], wasm, glue };
  form.elements.pin.disabled = false;
  update();
}).catch(() => {}); // a development build has no integrity.json: no pinned snippet

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function attributes() {
  const f = new FormData(form);
  const src = new URL(String(f.get('src') || ''), location.href).href;
  const attrs = [['data-src', src]];
  if (f.get('format')) attrs.push(['data-format', f.get('format')]);
  if (f.get('items') && f.get('items') !== '1') attrs.push(['data-items', f.get('items')]);
  if (f.get('theme')) attrs.push(['data-theme', f.get('theme')]);
  if (f.get('heading') && f.get('heading') !== '2') attrs.push(['data-heading-level', f.get('heading')]);
  if (f.get('system-font')) attrs.push(['data-font', 'system']);
  return { src, attrs, fallback: String(f.get('fallback') || 'اخبار انتخابات'), pin: Boolean(f.get('pin')) && pinned };
}

function update() {
  const { src, attrs, fallback, pin } = attributes();
  // a fresh element each time: the loader tears the old widget down and mounts the new one
  const host = document.createElement('div');
  host.setAttribute('data-election-widget', '');
  host.setAttribute('data-eager', '');
  for (const [k, v] of attrs) host.setAttribute(k, v);
  const link = document.createElement('a');
  link.href = src;
  link.textContent = fallback;
  host.append(link);
  preview.replaceChildren(host);

  const attrText = attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const element = `<div data-election-widget${attrText}>\n  <a href="${escape(src)}">${escape(fallback)}</a>\n</div>\n`;
  const at = (name) => escape(new URL(name, base).href);
  snippet.value = pin
    ? `<!-- in <head> -->\n<link rel="modulepreload" href="${at(pin.glue)}">\n`
      + `<link rel="preload" href="${at(pin.wasm)}" as="fetch" type="application/wasm" crossorigin="anonymous">\n`
      + `<!-- where the widget goes -->\n${element}`
      + `<script type="module" src="${at(pin.embed)}" integrity="${escape(pin.integrity)}" crossorigin="anonymous"></script>\n`
    : `${element}<script type="module" src="${new URL('embed.js', base).href}"></script>\n`;
  const frameUrl = new URL('frame.html', base);
  frameUrl.searchParams.set('src', src);
  for (const [k, v] of attrs) {
    const name = { 'data-format': 'format', 'data-items': 'items', 'data-theme': 'theme', 'data-heading-level': 'heading', 'data-font': 'font' }[k];
    if (name) frameUrl.searchParams.set(name, v);
  }
  frameUrl.searchParams.set('origin', 'https://YOUR-SITE.example');
  frameSnippet.value = `<iframe src="${escape(frameUrl.href)}" title="${escape(fallback)}" loading="lazy" width="100%" height="600" frameborder="0"></iframe>\n`
    + `<script src="${new URL('frame-resize.js', base).href}" defer></script>\n`;
}

form.addEventListener('input', update);
form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
document.getElementById('copy').addEventListener('click', async () => {
  const status = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = 'کد کپی شد.';
  } catch {
    snippet.focus();
    snippet.select();
    status.textContent = 'کد انتخاب شد؛ با Ctrl+C کپی کنید.';
  }
});
update();
