// The benchmark's reference: a minimal hand-written JavaScript card that renders the same
// bulletin with the same markup and CSS (styles/widget.css, inlined by the benchmark as
// __WIDGET_CSS__), so the widget's cost can be measured against it in the same run.
const CSS = __WIDGET_CSS__;
const sheet = new CSSStyleSheet();
sheet.replaceSync(CSS);
const pad = (n) => String(n).padStart(2, '0');
const fa = (s) => String(s).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; };

function skeleton(root) {
  const ew = el('div', 'ew');
  const s = el('div', 'skeleton');
  const card = el('div', 'skeleton__card');
  for (const c of ['skeleton__line skeleton__line--short', 'skeleton__line skeleton__line--title', 'skeleton__line', 'skeleton__line']) card.append(el('div', c));
  s.append(card, el('div', 'skeleton__cta'));
  ew.append(s);
  root.replaceChildren(el('div', 'ew-root'));
  root.firstChild.append(ew);
}

function card(root, b) {
  const item = b.items[0];
  const ew = el('div', 'ew');
  ew.lang = b.lang || 'fa';
  ew.dir = 'rtl';
  const a = el('article', 'card');
  if (item.kicker) a.append(el('p', 'card__kicker', item.kicker));
  a.append(el('h2', 'card__title', item.title));
  if (item.lead) a.append(el('p', 'card__lead', item.lead));
  if (item.published) {
    const d = new Date(item.published);
    const date = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { timeZone: 'Asia/Tehran', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(d);
    a.append(el('p', 'card__meta', `${item.source ?? ''} ${date}`));
  }
  const body = el('div', 'card__body');
  body.hidden = true;
  for (const p of item.body ?? []) body.append(el('p', null, p));
  const more = el('button', 'button button--quiet', 'ادامه خبر');
  more.addEventListener('click', () => { body.hidden = !body.hidden; });
  a.append(body, more);
  ew.append(a);
  if (b.election) {
    const e = b.election;
    const s = el('section', 'cta');
    s.append(el('h2', 'cta__title', e.title));
    const opens = new Date(e.opens);
    const t = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tehran', hour: '2-digit', minute: '2-digit' });
    s.append(el('p', 'cta__when', fa(`${t.format(opens)} – ${t.format(new Date(e.closes))}`)));
    const left = opens - Date.now();
    s.append(el('p', 'cta__status', left > 0 ? fa(`${Math.floor(left / 864e5)} روز`) : 'رأی‌گیری به پایان رسیده است.'));
    if (e.cta) { const l = el('a', 'button button--primary', e.cta.label); l.href = e.cta.url; s.append(l); }
    ew.append(s);
  }
  root.firstChild.replaceChildren(ew);
}

for (const host of document.querySelectorAll('[data-reference-card]')) {
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  skeleton(root);
  fetch(host.dataset.src).then((r) => r.json()).then((b) => {
    card(root, b);
    host.setAttribute('data-state', 'ready');
    host.dispatchEvent(new CustomEvent('election-widget:ready', { bubbles: true, composed: true, detail: { items: 1 } }));
  });
}
