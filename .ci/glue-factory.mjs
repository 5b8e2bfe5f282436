// The wasm-bindgen glue as a factory inside embed.js (release builds; called by
// .ci/postbuild.mjs on the glue before minification).
//
// Why a factory: the glue keeps one WebAssembly instance per module record (its `wasm`,
// heap and caches live at module level), so a fresh instance after a trap needs a fresh copy
// of that state: `GLUE(FENCE)` makes one. Inside embed.js it is also covered by the page's
// Subresource Integrity hash for the pinned loader (a dynamic import() carries none).
//
// Three more changes, each checked so that a new wasm-bindgen release cannot silently undo it:
// - `fence()`: after a trap the loader fences the dead instance: every later call into it
//   (a timer, a fetch continuation, a listener of the old instance) throws FENCE, which the
//   loader swallows, instead of running code that could touch a live widget's host.
// - A tolerant insertBefore: Yew panics (and, with panic=abort, traps) when the node it
//   inserts before is no longer a child of the parent it expects, which is what a page script,
//   a translation tool or an extension editing the open shadow root causes. The node is then
//   appended instead: the widget's next render may put it in another place, but no trap.
// - Yew's DOM expandos (`__yew_listener_id`, …) get names of our own: a host page that is
//   itself a Yew app reads the same property names on every element an event passes through,
//   and would run its own handlers for the widget's buttons.

const once = (text, from, to, what) => {
  const n = text.split(from).length - 1;
  if (n !== 1) throw new Error(`glue-factory: expected ${what} once in the glue, found ${n} times`);
  return text.replace(from, to);
};

/**
 * The glue (an ES module's text, not yet minified) as the source of a function expression
 * `function (FENCE) { …; return { default, mount, unmount, configure, fence } }`.
 */
export function glueFactory(glue) {
  let text = glue.replace(/^\/\* @ts-self-types=.*\*\/\n/m, '');
  text = once(text, 'export { initSync, __wbg_init as default };', '', 'the export list');
  const exported = [...text.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  for (const name of ['mount', 'unmount', 'configure']) {
    if (!exported.includes(name)) throw new Error(`glue-factory: the glue exports no ${name}`);
  }
  text = text.replace(/^export function /gm, 'function ');
  if (/^\s*(export|import)\b/m.test(text)) throw new Error('glue-factory: the glue has another import or export statement');
  text = once(text, 'const ret = arg0.insertBefore(arg1, arg2);',
    'const ret = arg2 !== null && arg2 !== undefined && arg2.parentNode !== arg0 ? arg0.appendChild(arg1) : arg0.insertBefore(arg1, arg2);',
    'the insertBefore shim');
  const expandos = text.match(/__yew_\w+/g) ?? [];
  if (!expandos.includes('__yew_listener_id')) throw new Error('glue-factory: the glue names no __yew_listener_id');
  text = text.replaceAll('__yew_', '__election_widget_');
  const fence = `fence() {
    const stop = new Proxy(function () {}, { get: () => stop, apply: () => { throw FENCE; }, construct: () => { throw FENCE; } });
    wasm = stop;
  }`;
  if (!/^let wasmModule, wasmInstance, wasm;$/m.test(text)) throw new Error('glue-factory: the glue keeps its instance elsewhere');
  return `function (FENCE) {\n${text}\nreturn { default: __wbg_init, ${exported.join(', ')}, ${fence} };\n}`;
}
