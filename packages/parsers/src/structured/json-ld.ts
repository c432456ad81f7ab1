/**
 * Tolerant JSON-LD reading: repairs what real sites emit (comment/CDATA wrappers, trailing
 * commas and semicolons, HTML-escaped or raw control characters), parses without prototype
 * keys, and flattens `@graph`/arrays into schema.org nodes with bounded depth.
 * @module
 */
import { cleanText } from '@jobkit/core';

/** A JSON object read from untrusted input: null prototype, no `__proto__`/`constructor`/`prototype` keys. */
export type JsonObject = { [key: string]: unknown };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deepest nesting walked when looking for nodes; JSON-LD on real pages is a few levels deep. */
const MAX_WALK_DEPTH = 24;
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

/** Remove commas directly before `}` or `]` (whitespace between allowed), outside strings. One pass, no rebuilding per comma. */
function removeTrailingCommas(text: string): string {
  const drop: number[] = [];
  let inString = false;
  let pendingComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (isSpaceCode(c)) continue;
    if ((c === 0x7d || c === 0x5d) && pendingComma >= 0) drop.push(pendingComma);
    pendingComma = c === 0x2c ? i : -1;
    if (c === 0x22) inString = true;
  }
  if (drop.length === 0) return text;
  const parts: string[] = [];
  let start = 0;
  for (const at of drop) {
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts.join('');
}

/** `\s` in a RegExp, as a char code test (no regex call per character). */
function isSpaceCode(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text` without its trailing run of `;`, `,` and whitespace (a backwards scan: `/[;,\s]+$/` is quadratic on long runs). */
function trimTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0) {
    const c = text.charCodeAt(end - 1);
    if (c !== 0x3b && c !== 0x2c && !isSpaceCode(c)) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Strip wrappers sites put around JSON-LD: HTML comments, CDATA, JS comments, trailing `;`/`,`. */
function unwrap(text: string): string {
  let t = text.replace(/^\uFEFF/, '').trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  t = t
    .replace(/^(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>$/, '')
    .trim();
  t = t.replace(/^\/\*[\s\S]*?\*\//, '').trim();
  t = t.replace(/^<!--/, '').replace(/-->$/, '').trim();
  return trimTrailingSeparators(t);
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
function localType(type: string): string {
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
  return walkNodes(roots).nodes;
}

/** What {@link walkNodes} found, and which cap (if any) cut the walk short. */
interface NodeWalk {
  nodes: JsonObject[];
  /** `nodes`: the {@link MAX_NODES} cap stopped the walk; `depth`: values nested past {@link MAX_WALK_DEPTH} were skipped. */
  cut: 'nodes' | 'depth' | null;
}

/** {@link flattenNodes}, also saying whether a cap cut the walk (so callers can name it instead of "no posting found"). */
function walkNodes(roots: readonly unknown[]): NodeWalk {
  const out: JsonObject[] = [];
  const seen = new Set<unknown>();
  const stack: Array<[unknown, number]> = roots.map((r): [unknown, number] => [r, 0]).reverse();
  let cut: NodeWalk['cut'] = null;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    if (depth > MAX_WALK_DEPTH) {
      cut ??= 'depth';
      continue;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], depth + 1]);
      continue;
    }
    if (out.length >= MAX_NODES) {
      cut = 'nodes';
      break;
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
  return { nodes: out, cut };
}

/** Start of the warning {@link readJsonLd} gives when the node cap cut its walk (see {@link withNodeCapReason}). */
const NODE_CAP_WARNING = `JSON-LD walk stopped at the ${MAX_NODES.toLocaleString('en-US')}-node cap`;

/**
 * `reason` for "no posting found", prefixed with the node cap when `warnings` say the JSON-LD
 * walk was cut by it: the posting may sit past the cap, and "not a job posting" would mislead.
 */
export function withNodeCapReason(reason: string, warnings: readonly string[]): string {
  return warnings.some((w) => w.startsWith(NODE_CAP_WARNING))
    ? `no JobPosting within the first ${MAX_NODES.toLocaleString('en-US')} JSON-LD nodes (the node cap; the rest was not read); ${reason}`
    : reason;
}

/** Result of reading a page's JSON-LD blocks. */
export interface JsonLdRead {
  /** Parsed top-level values, one per block that parsed. */
  roots: unknown[];
  /** Every object node within them, in document order where possible. */
  nodes: JsonObject[];
  /** Which cap cut the walk over the nodes, if any (also said in `warnings`). */
  cut: NodeWalk['cut'];
  warnings: string[];
}

/** Parse each block tolerantly and flatten the result into nodes. */
export function readJsonLd(blocks: readonly string[]): JsonLdRead {
  const roots: unknown[] = [];
  const warnings: string[] = [];
  blocks.forEach((block, i) => {
    const res = parseJsonLdText(block);
    if (res.value === undefined) {
      if ('error' in res && res.error !== 'empty block')
        warnings.push(`JSON-LD block ${i + 1} is not valid JSON (${cleanText(res.error.slice(0, 120))})`);
      return;
    }
    roots.push(res.value);
  });
  const walk = walkNodes(roots);
  if (walk.cut === 'nodes') warnings.push(`${NODE_CAP_WARNING}; later nodes were not read`);
  else if (walk.cut === 'depth') warnings.push(`JSON-LD nested deeper than ${MAX_WALK_DEPTH} levels was not read`);
  return { roots, nodes: walk.nodes, cut: walk.cut, warnings };
}

/** Nodes whose `@type` includes `JobPosting`. */
export function jobPostingNodes(nodes: readonly JsonObject[]): JsonObject[] {
  return nodes.filter((n) => typesOf(n).includes('JobPosting'));
}
