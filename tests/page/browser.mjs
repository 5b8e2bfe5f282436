// Shared Playwright setup: Debian's Chromium, never a downloaded browser, no network but loopback.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { startFaults } from './faults.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}

/** Collects page errors and console messages for assertions. */
export function watch(page) {
  const seen = { errors: [], console: [] };
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  return seen;
}

/** Records every widget event on the page into window.__ewEvents, from before any script runs. */
export async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__ewEvents = [];
    for (const type of ['election-widget:ready', 'election-widget:error']) {
      document.addEventListener(type, (e) => {
        window.__ewEvents.push({ type, id: e.target.id, detail: { ...e.detail } });
      });
    }
  });
  return () => page.evaluate(() => window.__ewEvents);
}

/**
 * The usual setup of a page-level test file: the release build (dist/) on 127.0.0.1 with
 * `routes` added (and /blank.html, a page that only loads embed.js), the fault-injection
 * server, and Chromium; all closed after the file's tests. Fields fill in before the tests run.
 */
export function harness(routes = {}) {
  const h = { site: null, faults: null, browser: null };
  before(async () => {
    const blank = (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><body><script type="module" src="embed.js" data-allow-now></script></body>');
    };
    h.site = await serve(DIST, { routes: { '/blank.html': blank, ...routes } });
    h.faults = await startFaults();
    h.browser = await launch();
  });
  after(async () => {
    await h.browser?.close();
    await h.faults?.close();
    await h.site?.close();
  });
  return h;
}
