/**
 * Identity of a posting: canonical URL, URL hash, stable id and content hash.
 * @module
 */
import { createHash } from 'node:crypto';
import { invalidArgument, JobkitError, readArgument } from './errors.js';

/**
 * Query parameters that only track where a click came from, on any host. Vendor-specific ones
 * (`gh_src`, `lever-source`, iCIMS `iis`…) are declared by the ATS definitions in
 * `@jobkit/parsers` and reach this module through {@link registerCanonicalUrlRules}.
 */
const TRACKING_PARAMS = new Set([
  'source',
  'src',
  'ref',
  'referrer',
  'referer',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'yclid',
  '_hsenc',
  '_hsmi',
  'trk',
  'trkid',
  'sourcetype',
  'ccuid',
  'jobpipeline',
  'jobboardsource',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

/**
 * One vendor's contribution to canonical URLs, e.g. an ATS whose job page has several URL forms.
 * `@jobkit/parsers` registers one per built-in ATS definition; core holds no vendor knowledge.
 *
 * Rules are part of every job's identity: changing one changes the id of every posting it
 * touches, so a rule, once published, is only ever added to.
 */
export interface CanonicalUrlRule {
  /** Who declares the rule (an ATS id such as `greenhouse`); registering the same id again replaces it. */
  readonly id: string;
  /** Query parameter names, lower case, dropped on every host (the vendor's widgets append them to company-site links too). */
  readonly trackingParams?: readonly string[];
  /**
   * Rewrite `url` in place into the vendor's one canonical form (host variants, `/apply`
   * suffixes). Runs after the host is lower-cased and tracking parameters are dropped and the
   * query is sorted, before duplicate and trailing slashes are removed. Must return quickly,
   * check the host before anything else, and leave URLs of other hosts alone.
   */
  readonly canonicalize?: (url: URL) => void;
}

/** Options of {@link canonicalizeUrl}. */
export interface CanonicalizeUrlOptions {
  /** Vendor rules to apply instead of the registered ones (see {@link registerCanonicalUrlRules}). */
  rules?: readonly CanonicalUrlRule[];
}

interface RuleSet {
  tracking: ReadonlySet<string>;
  rewrites: ReadonlyArray<(u: URL) => void>;
}

interface RuleRegistry {
  rules: Map<string, CanonicalUrlRule>;
  compiled: RuleSet | null;
}

// Kept on globalThis so two copies of @jobkit/core in one process (a linked and a published one)
// still share the rules parsers registered; ids must not depend on which copy computed them.
const REGISTRY_KEY = Symbol.for('@jobkit/core/canonical-url-rules');
const registry: RuleRegistry =
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] as RuleRegistry | undefined) ??
  ((globalThis as Record<symbol, unknown>)[REGISTRY_KEY] = { rules: new Map(), compiled: null } as RuleRegistry);

function compile(rules: Iterable<CanonicalUrlRule>): RuleSet {
  const tracking = new Set(TRACKING_PARAMS);
  const rewrites: Array<(u: URL) => void> = [];
  for (const rule of rules) {
    for (const p of rule.trackingParams ?? []) tracking.add(p.toLowerCase());
    if (rule.canonicalize) rewrites.push(rule.canonicalize);
  }
  return { tracking, rewrites };
}

/**
 * Add (or, for an id already registered, replace) vendor rules used by {@link canonicalizeUrl},
 * {@link urlHash} and so every job id. `@jobkit/parsers` registers its ATS definitions' rules
 * when loaded; call this for your own ATS definitions before computing identities.
 * @throws JobkitError `INVALID_ARGUMENT` for a rule without an id or with a non-function `canonicalize`.
 */
export function registerCanonicalUrlRules(rules: readonly CanonicalUrlRule[]): void {
  for (const rule of rules) {
    if (typeof rule?.id !== 'string' || rule.id === '') throw invalidArgument('core/identity', 'a canonical URL rule needs an id');
    if (rule.canonicalize !== undefined && typeof rule.canonicalize !== 'function') {
      throw invalidArgument('core/identity', `canonical URL rule "${rule.id}": canonicalize must be a function`);
    }
    if (rule.trackingParams !== undefined && !rule.trackingParams.every((p) => typeof p === 'string' && p !== '')) {
      throw invalidArgument('core/identity', `canonical URL rule "${rule.id}": trackingParams must be non-empty strings`);
    }
  }
  for (const rule of rules) registry.rules.set(rule.id, rule);
  registry.compiled = null;
}

/** The registered vendor rules, in registration order. */
export function canonicalUrlRules(): CanonicalUrlRule[] {
  return [...registry.rules.values()];
}

/**
 * Canonical form of a job URL: https-normalized host in lower case, no fragment, no tracking
 * parameters, sorted query, no default port, no trailing slash (except the root), plus the
 * vendor forms of the registered {@link CanonicalUrlRule}s (e.g. Greenhouse `job-boards.` → `boards.`).
 * @throws JobkitError `INVALID_ARGUMENT` when `url` is not an absolute http(s) URL.
 */
export function canonicalizeUrl(url: string, options?: CanonicalizeUrlOptions): string {
  if (typeof url !== 'string') throw invalidArgument('core/identity', `url must be a string, got ${url === null ? 'null' : typeof url}`);
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch (cause) {
    throw invalidArgument('core/identity', `not an absolute URL: ${JSON.stringify(url.slice(0, 200))}`, cause);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw invalidArgument('core/identity', `only http(s) URLs have a canonical form, got ${u.protocol}`);
  }
  const rules = readArgument('core/identity', 'options.rules', () =>
    options?.rules !== undefined ? compile(options.rules) : (registry.compiled ??= compile(registry.rules.values())),
  );
  u.hash = '';
  u.username = '';
  u.password = '';
  u.hostname = u.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...u.searchParams.entries()].filter(([k]) => {
    const key = k.toLowerCase();
    return !rules.tracking.has(key) && !TRACKING_PREFIXES.some((p) => key.startsWith(p));
  });
  kept.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  u.search = new URLSearchParams(kept).toString();
  for (const rewrite of rules.rewrites) rewrite(u);
  u.pathname = u.pathname.replace(/\/{2,}/g, '/');
  if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.slice(0, -1);
  return u.toString();
}

/**
 * SHA-256 hex of `text` (UTF-8; a lone surrogate is hashed as U+FFFD, as every encoder writes it).
 * @throws JobkitError `INVALID_ARGUMENT` when `text` is not a string.
 */
export function sha256Hex(text: string): string {
  if (typeof text !== 'string')
    throw invalidArgument('core/identity', `sha256Hex expects a string, got ${text === null ? 'null' : typeof text}`);
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 hex of the canonical URL. */
export function urlHash(url: string): string {
  return sha256Hex(canonicalizeUrl(url));
}

/** Stable job id derived from a URL hash. */
export function jobIdFromUrlHash(hash: string): string {
  if (typeof hash !== 'string' || hash.length < 24)
    throw invalidArgument(
      'core/identity',
      `jobIdFromUrlHash expects a hex URL hash, got ${typeof hash === 'string' ? JSON.stringify(hash.slice(0, 40)) : typeof hash}`,
    );
  return `jk_${hash.slice(0, 24)}`;
}

/** Fields that change without the posting changing; excluded from {@link contentHash}. */
export const VOLATILE_JOB_FIELDS = ['quality', 'fetchedAt', 'dateNotes'] as const;

/**
 * Deepest nesting {@link stableStringify} and {@link contentHash} accept. Far beyond any posting or
 * event (a few levels); it bounds the recursion so hostile input (5,000 nested objects in an API
 * body) gets a typed error instead of a stack overflow.
 */
export const MAX_STABLE_DEPTH = 256;

/**
 * Objects and arrays {@link stableStringify} and {@link contentHash} visit in one call. A posting
 * or event has a few hundred; the budget ends a value whose shared references make the walk
 * exponential (`a = { x: a0, y: a0 }` fifty levels deep is 2^50 visits, and as much JSON).
 */
const MAX_STABLE_NODES = 1_000_000;
let nodesLeft = MAX_STABLE_NODES;

const tooLarge = () =>
  new JobkitError(
    'INVALID_ARGUMENT',
    `[core/identity] value has more than ${MAX_STABLE_NODES.toLocaleString('en-US')} objects and arrays (or shares one object many times)`,
    {
      details: { maxNodes: MAX_STABLE_NODES },
    },
  );

/**
 * Run one public serialization with a fresh node budget; whatever a getter or `toJSON` of the
 * value throws (or a string past V8's length limit) becomes `INVALID_ARGUMENT` with that cause.
 */
function serializing<T>(run: () => T): T {
  nodesLeft = MAX_STABLE_NODES;
  try {
    return run();
  } catch (error) {
    if (error instanceof JobkitError) throw error;
    throw invalidArgument(
      'core/identity',
      `the value could not be serialized: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}

const tooDeep = () =>
  new JobkitError('INVALID_ARGUMENT', `[core/identity] value is nested deeper than ${MAX_STABLE_DEPTH} levels`, {
    details: { maxDepth: MAX_STABLE_DEPTH },
  });

/**
 * JSON with object keys sorted at every depth; `undefined` members dropped.
 * @throws JobkitError `INVALID_ARGUMENT` past {@link MAX_STABLE_DEPTH} levels of nesting or 1,000,000 objects and arrays, or when a getter or `toJSON` of the value throws (the cause kept)
 */
export function stableStringify(value: unknown): string {
  return serializing(() => {
    const sorted = sortedClone(value, null);
    if (sorted !== NOT_PLAIN) return JSON.stringify(sorted) ?? 'null';
    nodesLeft = MAX_STABLE_NODES;
    return writeStable(value);
  });
}

const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

/**
 * Fast path: a copy of plain JSON data with object keys inserted in sorted order, for the native
 * JSON.stringify to serialize (several times faster than building the string in JS). Returns
 * NOT_PLAIN wherever JSON.stringify's output could differ from {@link writeStable}'s: class
 * instances (toJSON), functions, symbols, bigint, array holes, and keys JS would not keep in
 * insertion order (integer-like keys) or cannot assign plainly (`__proto__`).
 */
function sortedClone(value: unknown, skip: ReadonlySet<string> | null, depth = 0): unknown {
  if (value === null) return null;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value;
  if (t !== 'object') return NOT_PLAIN;
  if (depth >= MAX_STABLE_DEPTH) throw tooDeep();
  if (--nodesLeft < 0) throw tooLarge();
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === Array.prototype) {
    const arr = value as unknown[];
    const out = new Array<unknown>(arr.length);
    for (let i = 0; i < arr.length; i++) {
      if (!(i in arr)) return NOT_PLAIN;
      const v = arr[i];
      if (v === undefined) out[i] = null;
      else if ((out[i] = sortedClone(v, null, depth + 1)) === NOT_PLAIN) return NOT_PLAIN;
    }
    return out;
  }
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const c = key.charCodeAt(0);
    if ((c >= 48 && c <= 57) || key === '__proto__') return NOT_PLAIN;
    if (skip !== null && skip.has(key)) continue;
    const v = obj[key];
    if (v === undefined) continue;
    if ((out[key] = sortedClone(v, null, depth + 1)) === NOT_PLAIN) return NOT_PLAIN;
  }
  return out;
}

// Hot path of every bulk upsert (one call per posting). Output must stay byte-identical to the
// original recursive map/join/sort version — stored content hashes depend on it — so quirks
// are kept on purpose: class instances (Date, Map) serialize their own enumerable keys, not
// toJSON; array holes stay empty (`[1,,3]`); functions and symbols become `null`.
// identity.test.ts checks equality against that original on random nested values.
function writeStable(value: unknown, depth = 0): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') plainJson = false;
    return JSON.stringify(value) ?? 'null';
  }
  if (depth >= MAX_STABLE_DEPTH) throw tooDeep();
  if (--nodesLeft < 0) throw tooLarge();
  if (Array.isArray(value)) return writeArray(value, depth);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) plainJson = false;
  return writeObject(value as Record<string, unknown>, Object.keys(value), null, depth);
}

/**
 * Cleared by the writer when it meets something where its output differs from JSON.stringify's
 * (class instances and toJSON, functions, symbols, array holes); see {@link contentHashWithJson}.
 */
let plainJson = true;

function writeArray(value: unknown[], depth: number): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    const v = value[i];
    if (v === undefined) {
      if (i in value) out += 'null';
      else plainJson = false;
    } else out += writeStable(v, depth + 1);
  }
  return out + ']';
}

function writeObject(obj: Record<string, unknown>, keys: string[], skip: ReadonlySet<string> | null, depth = 0): string {
  // Objects built by finalizeJob/zod mostly arrive with sorted or few keys; skip the sort then.
  for (let i = 1; i < keys.length; i++) {
    if ((keys[i - 1] as string) > (keys[i] as string)) {
      keys.sort();
      break;
    }
  }
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (skip !== null && skip.has(key)) continue;
    const v = obj[key];
    if (v === undefined) continue;
    if (first) first = false;
    else out += ',';
    out += `${quoteKey(key)}:${writeStable(v, depth + 1)}`;
  }
  return out + '}';
}

// Postings share a small key vocabulary; quoting each key once saves a JSON.stringify per member.
const QUOTED_KEYS = new Map<string, string>();
function quoteKey(key: string): string {
  let q = QUOTED_KEYS.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (QUOTED_KEYS.size < 4096) QUOTED_KEYS.set(key, q);
  }
  return q;
}

const VOLATILE = new Set<string>(VOLATILE_JOB_FIELDS);

/**
 * Hash of what a posting says: stable under key order, ignoring volatile fields
 * (`quality`, `fetchedAt`). Two fetches of an unchanged posting give the same hash.
 * @throws JobkitError `INVALID_ARGUMENT` past {@link MAX_STABLE_DEPTH} levels of nesting or 1,000,000 objects and arrays, or when a getter or `toJSON` of the value throws (the cause kept)
 */
export function contentHash(job: object): string {
  return serializing(() => {
    if (job !== null && typeof job === 'object' && !Array.isArray(job)) {
      const sorted = sortedClone(job, VOLATILE);
      if (sorted !== NOT_PLAIN) return sha256Hex(JSON.stringify(sorted));
      nodesLeft = MAX_STABLE_NODES;
    }
    return sha256Hex(contentHashText(job));
  });
}

/** The text {@link contentHash} hashes: {@link stableStringify} of `job` without volatile fields. */
function contentHashText(job: object): string {
  // Same text as stableStringify({ ...job } minus volatile fields), without the copy and the
  // deletes (which push V8 into slow dictionary-mode objects). Arrays and null keep the original
  // spread path: spreading them yields index keys / an empty object.
  if (job === null || typeof job !== 'object' || Array.isArray(job)) {
    const copy: Record<string, unknown> = { ...(job as unknown as Record<string, unknown>) };
    for (const f of VOLATILE_JOB_FIELDS) delete copy[f];
    return stableStringify(copy);
  }
  return writeObject(job as Record<string, unknown>, Object.keys(job), VOLATILE);
}

/**
 * {@link contentHash} of `job` plus JSON text of the whole posting, from one serialization pass
 * (SQL stores send that text to jsonb, which ignores key order). For plain JSON data the text
 * parses to the same value as `JSON.stringify(job)`; anything else (class instances, toJSON,
 * functions, array holes) falls back to `JSON.stringify`, so stored payloads never change shape.
 */
export function contentHashWithJson(job: object): { hash: string; json: string } {
  return serializing(() => hashWithJson(job));
}

function hashWithJson(job: object): { hash: string; json: string } {
  if (job === null || typeof job !== 'object' || Array.isArray(job)) return { hash: contentHash(job), json: JSON.stringify(job) };
  const sorted = sortedClone(job, VOLATILE);
  if (sorted !== NOT_PLAIN) {
    const text = JSON.stringify(sorted);
    let json = text;
    for (const f of VOLATILE_JOB_FIELDS) {
      const v = (job as Record<string, unknown>)[f];
      if (v === undefined || !Object.prototype.propertyIsEnumerable.call(job, f)) continue;
      const vj = JSON.stringify(v) as string | undefined;
      if (vj === undefined) continue;
      json = `${json.length === 2 ? '{' : `${json.slice(0, -1)},`}${quoteKey(f)}:${vj}}`;
    }
    return { hash: sha256Hex(text), json };
  }
  nodesLeft = MAX_STABLE_NODES;
  plainJson = Object.getPrototypeOf(job) === Object.prototype || Object.getPrototypeOf(job) === null;
  const text = contentHashText(job);
  const obj = job as Record<string, unknown>;
  let json = text;
  for (const f of VOLATILE_JOB_FIELDS) {
    const v = obj[f];
    if (v === undefined || !Object.prototype.propertyIsEnumerable.call(obj, f)) continue;
    json = `${json.length === 2 ? '{' : `${json.slice(0, -1)},`}${quoteKey(f)}:${writeStable(v)}}`;
  }
  return { hash: sha256Hex(text), json: plainJson ? json : JSON.stringify(job) };
}
