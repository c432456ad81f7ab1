/**
 * Tolerant JSON-LD reading: repairs what real sites emit (comment/CDATA wrappers, trailing
 * commas and semicolons, HTML-escaped or raw control characters), parses without prototype
 * keys, and flattens `@graph`/arrays into schema.org nodes with bounded depth.
 * @module
 */

/** A JSON object read from untrusted input: null prototype, no `__proto__`/`constructor`/`prototype` keys. */
export type JsonObject = { [key: string]: unknown };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting walked when looking for nodes; JSON-LD on real pages is a few levels deep. */
export const MAX_WALK_DEPTH = 24;
/** Nodes collected per page at most. */
const MAX_NODES = 5_000;

/** Drop prototype-related keys and give every object a null prototype. */
function reviver(this: unknown, key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) return undefined;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.assign(Object.create(null) as JsonObject, value);
  }
  return value;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text, reviver) as unknown };
  } catch (error) {
    // RangeError (too deep) lands here too: hostile nesting is just a failed block.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

function decodeBasicEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** Escape raw control characters inside string literals (JSON forbids them; browsers' sites emit them). */
function escapeControlCharsInStrings(text: string): string {
  let out = '';
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) {
        i++;
        continue;
      }
      if (c === 0x22) inString = false;
      else if (c < 0x20) {
        out += text.slice(start, i) + (c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : c === 0x09 ? '\\t' : ' ');
        start = i + 1;
      }
    } else if (c === 0x22) inString = true;
  }
  return out + text.slice(start);
}

/** Remove commas directly before `}` or `]`, outside strings. */
function removeTrailingCommas(text: string): string {
  let out = '';
  let inString = false;
  let pendingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === '\\' && i + 1 < text.length) out += text[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ',') {
      pendingComma = out.length;
      out += ch;
      continue;
    }
    if ((ch === '}' || ch === ']') && pendingComma >= 0 && out.slice(pendingComma + 1).trim() === '') {
      out = out.slice(0, pendingComma) + out.slice(pendingComma + 1);
    }
    if (!/\s/.test(ch)) pendingComma = -1;
    out += ch;
  }
  return out;
}

/** Strip wrappers sites put around JSON-LD: HTML comments, CDATA, JS comments, trailing `;`/`,`. */
function unwrap(text: string): string {
  let t = text.replace(/^\uFEFF/, '').trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  t = t.replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '').replace(/(?:\/\/\s*)?\]\]>$/, '').trim();
  t = t.replace(/^\/\*[\s\S]*?\*\//, '').trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  t = t.replace(/[;,\s]+$/, '');
  return t;
}

/** Parse one JSON-LD block, repairing common breakage. Returns `undefined` plus a reason on failure. */
export function parseJsonLdText(raw: string): { value: unknown; repaired: boolean } | { value: undefined; error: string } {
  const text = unwrap(raw);
  if (!text) return { value: undefined, error: 'empty block' };
  const first = tryParse(text);
  if (first.ok) return { value: first.value, repaired: text !== raw.trim() };
  let fixed = text;
  if (/&(quot|#34|#x22);/i.test(fixed) && !/"\s*:/.test(fixed)) fixed = decodeBasicEntities(fixed);
  fixed = removeTrailingCommas(escapeControlCharsInStrings(fixed));
  const second = tryParse(fixed);
  if (second.ok) return { value: second.value, repaired: true };
  // Several objects back to back (`{…}{…}`): wrap as an array.
  const third = /}\s*{/.test(fixed) ? tryParse(`[${fixed.replace(/}\s*{/g, '},{')}]`) : second;
  if (third.ok) return { value: third.value, repaired: true };
  return { value: undefined, error: first.error };
}

/** Local name of a schema.org type: `https://schema.org/JobPosting` / `schema:JobPosting` → `JobPosting`. */
export function localType(type: string): string {
  const t = type.trim();
  const cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf(':'), t.lastIndexOf('#'));
  return cut >= 0 ? t.slice(cut + 1) : t;
}

/** The node's `@type` values as local names. */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'] ?? node.type;
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map(localType);
}

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every object node reachable from `roots` (arrays, `@graph`, nested values), depth-bounded, each once. */
export function flattenNodes(roots: readonly unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  const seen = new Set<unknown>();
  const stack: Array<[unknown, number]> = roots.map((r): [unknown, number] => [r, 0]).reverse();
  while (stack.length > 0 && out.length < MAX_NODES) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_WALK_DEPTH || value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      continue;
    }
    const node = value as JsonObject;
    out.push(node);
    // Reverse push so nodes come out in document (pre-)order.
    const keys = Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = node[keys[i]!];
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return out;
}

/** Result of reading a page's JSON-LD blocks. */
export interface JsonLdRead {
  /** Parsed top-level values, one per block that parsed. */
  roots: unknown[];
  /** Every object node within them, in document order where possible. */
  nodes: JsonObject[];
  warnings: string[];
}

/** Parse each block tolerantly and flatten the result into nodes. */
export function readJsonLd(blocks: readonly string[]): JsonLdRead {
  const roots: unknown[] = [];
  const warnings: string[] = [];
  blocks.forEach((block, i) => {
    const res = parseJsonLdText(block);
    if (res.value === undefined) {
      if ('error' in res && res.error !== 'empty block') warnings.push(`JSON-LD block ${i + 1} is not valid JSON (${res.error.slice(0, 120)})`);
      return;
    }
    roots.push(res.value);
  });
  return { roots, nodes: flattenNodes(roots), warnings };
}

/** Nodes whose `@type` includes `JobPosting`. */
export function jobPostingNodes(nodes: readonly JsonObject[]): JsonObject[] {
  return nodes.filter((n) => typesOf(n).includes('JobPosting'));
}
