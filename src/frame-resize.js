// For the page that embeds frame.html in an <iframe>: resizes each such frame to the height
// it reports. Include once:  <script src="https://WIDGET-ORIGIN/frame-resize.js" defer></script>
// Only messages from an iframe on this page, from the widget's own origin, are obeyed, and
// the height is clamped.
(() => {
  if (window.__electionWidgetFrames) return;
  window.__electionWidgetFrames = true;
  const widgetOrigin = new URL(document.currentScript ? document.currentScript.src : location.href).origin;
  const MIN = 120;
  const MAX = 3000;
  window.addEventListener('message', (event) => {
    if (event.origin !== widgetOrigin) return;
    const data = event.data;
    if (!data || data.type !== 'election-widget:height' || typeof data.height !== 'number' || !Number.isFinite(data.height)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow === event.source) {
        const height = Math.min(MAX, Math.max(MIN, Math.round(data.height)));
        frame.style.setProperty('height', `${height}px`);
      }
    }
  });
})();
