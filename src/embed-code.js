// The embed-code page: options in, live preview and the finished snippet out.
const form = document.getElementById('options');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const frameSnippet = document.getElementById('frame-snippet');
const base = new URL('.', import.meta.url);

// The build's integrity.json names the versioned embed.js (and the module it loads): a pinned
// snippet loads that copy with Subresource Integrity. Only the versioned embed.js is required;
// the module's entry, where present, lets the snippet offer a preload of it (its own option,
// off by default: a preload competes with the host page's own first-view downloads). Older
// builds also named a separate glue file; newer ones bundle it into embed.js, and nothing here
// depends on it.
let pinned = null;
fetch(new URL('integrity.json', base)).then((r) => (r.ok ? r.json() : null)).then((sri) => {
  const names = Object.keys(sri ?? {});
  const embed = names.find((n) => /^embed-.+\.js$/.test(n));
  if (!embed || typeof sri[embed] !== 'string') return;
  const wasm = names.find((n) => n.endsWith('.wasm'));
  pinned = { embed, integrity: sri[embed], wasm: wasm ?? null, wasmIntegrity: wasm ? sri[wasm] : null };
  form.elements.pin.disabled = false;
  update();
}).catch(() => {}); // a development build has no integrity.json: no pinned snippet

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Why a URL field cannot go into a snippet, in words for the webmaster (null: it can).
const MESSAGES = {
  empty: 'نشانی خبرنامه را وارد کنید.',
  unparsable: 'این نشانی خوانا نیست. یک نشانی کامل وارد کنید، مانند https://news.example.ir/election/bulletin.json',
  scheme: 'فقط نشانی‌های http و https پذیرفته می‌شوند؛ نشانی‌هایی مانند javascript: یا data: در کد گذاشته نمی‌شوند.',
  credentials: 'نشانی نباید نام کاربری یا گذرواژه داشته باشد؛ هر خواننده‌ای آن را در کد صفحه می‌بیند.',
};

/** An http(s) URL from a field (relative to this page), or { error } with the reason. */
function webUrl(value, { required = false } = {}) {
  const text = String(value ?? '').trim();
  if (!text) return required ? { error: MESSAGES.empty } : { url: null };
  let url;
  try {
    url = new URL(text, location.href);
  } catch {
    return { error: MESSAGES.unparsable };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: MESSAGES.scheme };
  // a host name is letters, digits, dots and hyphens (IDNs arrive in punycode) or an IPv6
  // literal; Chromium's parser lets a space through as %20, which no server has
  if (!/^(?:[a-z0-9_-]+\.)*[a-z0-9_-]+\.?$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return { error: MESSAGES.unparsable };
  if (url.username || url.password) return { error: MESSAGES.credentials };
  return { url };
}

/** Shows (or clears) a field's message beside it. */
function report(name, error) {
  const field = form.elements[name];
  const note = document.getElementById(`${name}-error`);
  note.textContent = error ?? '';
  note.hidden = !error;
  if (error) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
}

function options() {
  const f = new FormData(form);
  const src = webUrl(f.get('src'), { required: true });
  const election = webUrl(f.get('election'));
  const site = webUrl(f.get('site'));
  report('src', src.error);
  report('election', election.error);
  report('site', site.error);
  if (src.error || election.error || site.error) return null;
  const attrs = [['data-src', src.url.href]];
  if (election.url) attrs.push(['data-election-src', election.url.href]);
  if (f.get('format')) attrs.push(['data-format', f.get('format')]);
  if (f.get('items') && f.get('items') !== '1') attrs.push(['data-items', f.get('items')]);
  if (f.get('theme')) attrs.push(['data-theme', f.get('theme')]);
  if (f.get('heading') && f.get('heading') !== '2') attrs.push(['data-heading-level', f.get('heading')]);
  if (f.get('system-font')) attrs.push(['data-font', 'system']);
  const pin = Boolean(f.get('pin')) && pinned;
  return {
    src: src.url,
    election: election.url,
    site: site.url ? site.url.origin : null,
    attrs,
    fallback: String(f.get('fallback') || 'اخبار انتخابات'),
    pin,
    preloadWasm: Boolean(pin && pin.wasm && f.get('preload-wasm')),
    preconnect: Boolean(f.get('preconnect')),
  };
}

// The endpoints the snippet's widget may read, for the loader's data-sources: the folder of
// the bulletin (so the same folder's other files, and query strings, stay allowed) and that of
// the election endpoint. Space-separated URL prefixes.
const folder = (url) => new URL('.', url).href; // the last path segment, query and fragment dropped
function sources({ src, election }) {
  return [...new Set([src, election].filter(Boolean).map(folder))].join(' ');
}

// preconnect hints for the origins the widget will reach first (its own files, the bulletin,
// the election endpoint), except the page's own; `crossorigin` because every one of those
// requests is a CORS request without credentials, which uses its own connections.
function preconnects({ src, election, site }) {
  const origins = [base.origin, src.origin, election?.origin].filter((o) => o && o !== site);
  return [...new Set(origins)].map((o) => `<link rel="preconnect" href="${escape(o)}" crossorigin>\n`).join('');
}

function update() {
  const o = options();
  if (!o) {
    // nothing half-made to copy: no preview and no snippet until the fields are fixed
    preview.replaceChildren();
    snippet.value = '';
    frameSnippet.value = '';
    form.elements['preload-wasm'].disabled = true;
    return;
  }
  const { src, attrs, fallback, pin } = o;
  form.elements['preload-wasm'].disabled = !(pin && pin.wasm);
  // a fresh element each time: the loader tears the old widget down and mounts the new one
  const host = document.createElement('div');
  host.setAttribute('data-election-widget', '');
  host.setAttribute('data-eager', '');
  for (const [k, v] of attrs) host.setAttribute(k, v);
  const link = document.createElement('a');
  link.href = src.href;
  link.textContent = fallback;
  host.append(link);
  preview.replaceChildren(host);

  const attrText = attrs.map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  const element = `<div data-election-widget${attrText}>\n  <a href="${escape(src.href)}">${escape(fallback)}</a>\n</div>\n`;
  const at = (name) => escape(new URL(name, base).href);
  const allowed = ` data-sources="${escape(sources(o))}"`;
  const head = (o.preconnect ? preconnects(o) : '')
    + (o.preloadWasm
      ? `<link rel="preload" href="${at(pin.wasm)}" as="fetch" type="application/wasm" crossorigin="anonymous"`
        + `${pin.wasmIntegrity ? ` integrity="${escape(pin.wasmIntegrity)}"` : ''}>\n`
      : '');
  const loader = pin
    ? `<script type="module" src="${at(pin.embed)}" integrity="${escape(pin.integrity)}" crossorigin="anonymous"${allowed}></script>\n`
    : `<script type="module" src="${at('embed.js')}"${allowed}></script>\n`;
  snippet.value = head
    ? `<!-- in <head> -->\n${head}<!-- where the widget goes -->\n${element}${loader}`
    : `${element}${loader}`;

  const frameUrl = new URL('frame.html', base);
  frameUrl.searchParams.set('src', src.href);
  for (const [k, v] of attrs) {
    const name = { 'data-election-src': 'election', 'data-format': 'format', 'data-items': 'items', 'data-theme': 'theme', 'data-heading-level': 'heading', 'data-font': 'font' }[k];
    if (name) frameUrl.searchParams.set(name, v);
  }
  frameUrl.searchParams.set('origin', o.site ?? 'https://YOUR-SITE.example');
  frameSnippet.value = `<iframe src="${escape(frameUrl.href)}" title="${escape(fallback)}" loading="lazy" width="100%" height="600" frameborder="0"></iframe>\n`
    + `<script src="${at('frame-resize.js')}" defer></script>\n`;
}

form.addEventListener('input', update);
form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
document.getElementById('copy').addEventListener('click', async () => {
  const status = document.getElementById('copied');
  if (!snippet.value) {
    status.textContent = 'ابتدا نشانی خبرنامه را درست کنید.';
    return;
  }
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
