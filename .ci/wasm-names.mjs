// Short import and export names for the shipped module (release builds; called by
// .ci/postbuild.mjs).
//
// wasm-bindgen names each import after its JavaScript function plus a 16-digit hash
// (`__wbg_new_with_event_init_dict_afa9822926033490`), and the module name after the glue file.
// The module has about 160 imports, and every name is written twice: in the module's import
// section and as a key of the glue's import object. Hashes do not compress, so this costs about
// 2 KiB brotli. Its exports for the glue are named alike: the closure trampolines after their
// whole Rust types, hashes included, 140 to 330 characters each. Both sides are renamed here,
// in step, and checked: every old name must occur where expected in the glue, and the rewritten
// module must still compile.

const td = new TextDecoder();
const te = new TextEncoder();

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new Error('wasm-names: truncated LEB128');
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) b |= 0x80;
    out.push(b);
  } while (value > 0);
  return out;
}

function readName(bytes, at) {
  const [len, start] = readU32(bytes, at);
  return [td.decode(bytes.subarray(start, start + len)), start + len];
}

const name = (text) => { const b = te.encode(text); return [...u32(b.length), ...b]; };

/** The length in bytes of an import's description (after its kind byte) at `at`. */
function descEnd(bytes, kind, at) {
  const limits = (p) => { const flags = bytes[p]; let [, q] = readU32(bytes, p + 1); if (flags & 1) [, q] = readU32(bytes, q); return q; };
  switch (kind) {
    case 0: return readU32(bytes, at)[1]; // function: type index
    case 1: return limits(at + 1); // table: reference type, limits
    case 2: return limits(at); // memory: limits
    case 3: return at + 2; // global: value type, mutability
    case 4: return readU32(bytes, at + 1)[1]; // tag: attribute, type index
    default: throw new Error(`wasm-names: unknown import kind ${kind}`);
  }
}

/** a, b, …, z, A, …, Z, aa, ab, … */
function shortName(i) {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s = chars[i % 52] + s; i = Math.floor(i / 52) - 1; } while (i >= 0);
  return s;
}

/** Where the section with id `id` lies in the module: its id byte, contents start and end; null if absent. */
function findSection(bytes, id) {
  let at = 8;
  while (at < bytes.length) {
    const [size, start] = readU32(bytes, at + 1);
    if (bytes[at] === id) return { at, start, end: start + size };
    at = start + size;
  }
  return null;
}

/** The module with the section whose id byte is at `at` (its contents ending at `end`) replaced by `contents`. */
function splice(bytes, at, end, contents) {
  const section = [...u32(contents.length), ...contents];
  const out = new Uint8Array(at + 1 + section.length + (bytes.length - end));
  out.set(bytes.subarray(0, at + 1), 0);
  out.set(section, at + 1);
  out.set(bytes.subarray(end), at + 1 + section.length);
  if (!WebAssembly.validate(out)) throw new Error('wasm-names: the rewritten module does not validate');
  return out;
}

/**
 * Renames the imports of `wasm` (bytes) and the matching keys of `glue` (the wasm-bindgen
 * JavaScript, not yet minified). Returns { wasm, glue, count }.
 */
export function shortenImports(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  const section = findSection(bytes, 2);
  if (!section) return { wasm: bytes, glue, count: 0 };
  const { at, start, end } = section;
  let [count, p] = readU32(bytes, start);
  const entries = [...u32(count)];
  const renamed = new Map();
  let moduleName = null;
  for (let i = 0; i < count; i += 1) {
    let mod; let field;
    [mod, p] = readName(bytes, p);
    [field, p] = readName(bytes, p);
    const kind = bytes[p];
    const descStart = p + 1;
    p = descEnd(bytes, kind, descStart);
    if (moduleName !== null && mod !== moduleName) throw new Error(`wasm-names: a second import module ${mod}`);
    moduleName = mod;
    if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
    entries.push(...name('w'), ...name(renamed.get(field)), kind, ...bytes.subarray(descStart, p));
  }
  if (p !== end) throw new Error('wasm-names: the import section did not parse to its end');

  let text = glue;
  const moduleKey = `${JSON.stringify(moduleName)}: import0`;
  if (text.split(moduleKey).length !== 2) throw new Error(`wasm-names: the glue does not name ${moduleKey} exactly once`);
  text = text.replace(moduleKey, '"w": import0');
  for (const [old, short] of renamed) {
    const word = new RegExp(`(?<![\\w$])${old.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    const hits = text.match(word)?.length ?? 0;
    if (hits !== 1) throw new Error(`wasm-names: ${old} occurs ${hits} times in the glue, expected once`);
    text = text.replace(word, short);
  }

  return { wasm: splice(bytes, at, end, entries), glue: text, count: renamed.size };
}

/**
 * Renames the exports of `wasm` (bytes) that the glue reads as properties (`wasm.NAME`), except
 * those in `keep` (what embed.js reads: the memory, mount, unmount), and the same property
 * reads in `glue` (not yet minified). An export the glue never reads keeps its name. Returns
 * { wasm, glue, count }.
 */
export function shortenExports(wasm, glue, keep) {
  const bytes = new Uint8Array(wasm);
  const section = findSection(bytes, 7);
  if (!section) return { wasm: bytes, glue, count: 0 };
  const { at, start, end } = section;
  let [count, p] = readU32(bytes, start);
  const entries = [...u32(count)];
  let text = glue;
  let renamed = 0;
  for (let i = 0; i < count; i += 1) {
    let field;
    [field, p] = readName(bytes, p);
    const [, after] = readU32(bytes, p + 1); // kind byte, index
    const desc = bytes.subarray(p, after);
    p = after;
    const escaped = field.replace(/\$/g, '\\$');
    const read = new RegExp(`(?<=\\.)${escaped}(?![\\w$])`, 'g');
    const reads = text.match(read)?.length ?? 0;
    let short = field;
    if (!keep.includes(field) && reads > 0) {
      // a quoted name would be a read this rewrite cannot see
      if (text.includes(`'${field}'`) || text.includes(`"${field}"`)) throw new Error(`wasm-names: the glue quotes the export ${field}`);
      short = `x${shortName(renamed)}`;
      renamed += 1;
      text = text.replace(read, short);
    }
    entries.push(...name(short), ...desc);
  }
  if (p !== end) throw new Error('wasm-names: the export section did not parse to its end');
  return { wasm: splice(bytes, at, end, entries), glue: text, count: renamed };
}
