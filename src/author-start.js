// The newsroom page's loader (author.html): starts the page's own WebAssembly module
// (author_bg.wasm, built by trunk from src/bin/author/) with its wasm-bindgen glue. A file of
// its own, not an inline script, so the page runs under script-src 'self'. The module's
// `main` renders the page into #app.
import init from './author.js';

init({ module_or_path: new URL('./author_bg.wasm', import.meta.url) }).catch((err) => {
  document.getElementById('app')?.setAttribute('aria-busy', 'false');
  const loading = document.getElementById('app-loading');
  if (loading) loading.hidden = true;
  const failed = document.getElementById('app-failed');
  if (failed) failed.hidden = false;
  console.error('[newsroom] the page could not start', err);
});
