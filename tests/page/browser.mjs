// Shared Playwright setup: Debian's Chromium, never a downloaded browser, no network but loopback.
import { chromium } from 'playwright-core';

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
