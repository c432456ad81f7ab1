/**
 * RDFa (Lite) reader: turns `vocab`/`prefix`/`typeof`/`property`/`resource` markup into the same
 * schema.org object shape the microdata reader gives, so one normalizer serves JSON-LD,
 * microdata and RDFa. Only schema.org names are kept (a schema.org `vocab`, `schema:` or any
 * declared prefix mapped to schema.org, full IRIs); other vocabularies (`og:`, `dc:`…) are ignored.
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, textOf } from '../html/dom.js';
import type { JsonObject } from './json-ld.js';
import { addProp, FORBIDDEN, HTML_PROPS, innerHtml, MAX_ITEM_DEPTH } from './microdata.js';

/** Caps that keep hostile RDFa bounded (nesting uses the microdata reader's item depth). */
export const RDFA_LIMITS = {
  /** Elements visited per page, like the microdata walk. */
  maxElements: 500_000,
  /** Items (typed resources) read per page. */
  maxItems: 5_000,
  /** Characters of a `property`/`typeof` attribute looked at, and names kept from it. */
  maxNamesChars: 1_000,
  maxNames: 16,
  /** Characters of a `prefix` attribute looked at, and mappings kept from it. */
  maxPrefixChars: 4_000,
  maxPrefixes: 64,
  /** Characters kept of an attribute value (`content`, `href`, `resource`…) and of an `@id`. */
  maxAttrValueChars: 100_000,
  maxIdChars: 2_000,
  /** Characters kept of an HTML value (descriptions; the sanitizer cuts at 500,000 anyway). */
  maxHtmlChars: 1_000_000,
  /** Values kept per property name per item (the normalizer reads at most 50). */
  maxValuesPerName: 50,
  /**
   * DOM nodes that computing text/HTML values may visit per page in total: property elements
   * nested inside each other would otherwise re-read the same large subtree once per level.
   */
  maxValueNodes: 2_000_000,
} as const;

const SCHEMA_VOCAB = /^\s*https?:\/\/(?:www\.)?schema\.org\/?\s*$/i;
const SCHEMA_NAME = /^https?:\/\/(?:www\.)?schema\.org\/([^\s/#?:]+)$/i;
/** A prefix name as the `prefix` attribute writes it, colon included (`schema:`). */
const PREFIX_NAME = /^[a-z_][\w.-]*:$/i;

/** Vocabulary and prefixes in force for an element (inherited down the tree). */
interface Scope {
  /** `none`: no `vocab` declared; bare names are then read as schema.org (the only one a JobPosting uses). */
  vocab: 'schema' | 'other' | 'none';
  prefixes: ReadonlyMap<string, string>;
}

/** The RDFa initial context maps `schema:` to schema.org; other initial prefixes never name schema.org terms. */
const ROOT_SCOPE: Scope = { vocab: 'none', prefixes: new Map([['schema', 'http://schema.org/']]) };

/** Result of {@link readRdfa}. */
export interface RdfaRead {
  /** Top-level typed resources (and untyped `resource`/`about` subjects), in document order. */
  items: JsonObject[];
  /** What was cut short on a hostile page. */
  warnings: string[];
}

function childScope(parent: Scope, el: Element): Scope {
  const a = el.attribs;
  let scope = parent;
  if (a.vocab !== undefined) {
    const v = a.vocab.trim();
    scope = { ...scope, vocab: v === '' ? 'none' : SCHEMA_VOCAB.test(v) ? 'schema' : 'other' };
  }
  let prefixes: Map<string, string> | null = null;
  const declare = (name: string, iri: string) => {
    const key = name.toLowerCase();
    if (key === '_' || FORBIDDEN.has(key)) return;
    prefixes ??= new Map(scope.prefixes);
    prefixes.set(key, iri.slice(0, RDFA_LIMITS.maxIdChars));
  };
  if (a.prefix !== undefined) {
    // `name: IRI` pairs separated by whitespace, read token by token (a global regex with a
    // name run before `:\s+` rescans long names from every start: quadratic per attribute).
    let count = 0;
    const tokens = a.prefix.slice(0, RDFA_LIMITS.maxPrefixChars).split(/\s+/);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const name = tokens[i]!;
      if (!PREFIX_NAME.test(name) || !tokens[i + 1]) continue;
      if (++count > RDFA_LIMITS.maxPrefixes) break;
      declare(name.slice(0, -1), tokens[++i]!);
    }
  }
  // RDFa 1.0 / XHTML pages declare prefixes as xmlns:name attributes.
  for (const key in a) {
    if (key.startsWith('xmlns:') && key.length > 6) declare(key.slice(6), a[key]!);
  }
  return prefixes ? { ...scope, prefixes } : scope;
}

function hasScopeAttrs(el: Element): boolean {
  const a = el.attribs;
  if (a.vocab !== undefined || a.prefix !== undefined) return true;
  for (const key in a) if (key.startsWith('xmlns:')) return true;
  return false;
}

/** A `property`/`typeof` token as a schema.org local name, or `null` when it names another vocabulary. */
function schemaName(token: string, scope: Scope): string | null {
  const colon = token.indexOf(':');
  if (colon < 0) return scope.vocab === 'other' ? null : token;
  const prefix = token.slice(0, colon).toLowerCase();
  const mapped = scope.prefixes.get(prefix);
  const iri = mapped !== undefined ? mapped + token.slice(colon + 1) : prefix === 'http' || prefix === 'https' ? token : null;
  return iri ? (SCHEMA_NAME.exec(iri)?.[1] ?? null) : null;
}

function schemaNames(attr: string, scope: Scope): string[] {
  const out: string[] = [];
  for (const token of attr.slice(0, RDFA_LIMITS.maxNamesChars).split(/\s+/)) {
    if (!token) continue;
    const name = schemaName(token, scope);
    if (name && !FORBIDDEN.has(name) && !out.includes(name)) out.push(name);
    if (out.length >= RDFA_LIMITS.maxNames) break;
  }
  return out;
}

interface ReadState {
  items: JsonObject[];
  /** Value nodes still allowed (see {@link RDFA_LIMITS}.maxValueNodes). */
  valueNodes: number;
  valuesSkipped: number;
  /** Items created (top-level and nested) and items refused over the cap. */
  itemCount: number;
  itemsDropped: number;
}

/** Charge `el`'s subtree to the page's value budget; `false` once it would overrun (the budget is then spent). */
function affordable(el: Element, state: ReadState): boolean {
  const stack: AnyNode[] = [el];
  let n = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (++n > state.valueNodes) {
      // Spent for good: later calls must not each walk up to the remaining budget again.
      state.valueNodes = 0;
      state.valuesSkipped++;
      return false;
    }
    if ('children' in node) {
      const children = (node as { children: AnyNode[] }).children;
      for (let i = 0; i < children.length; i++) stack.push(children[i]!);
    }
  }
  state.valueNodes -= n;
  return true;
}

/** Properties whose value is a name (a place, an employer, a country): a link's text, not its IRI. */
const NAMED_BY_TEXT = new Set([
  'jobLocation',
  'hiringOrganization',
  'applicantLocationRequirements',
  'addressLocality',
  'addressRegion',
  'addressCountry',
]);

/**
 * A literal or IRI property value as RDFa gives it: `content`, then `resource`/`href`/`src`,
 * then `datetime`, else the element's text (descriptions keep their HTML, as in microdata).
 */
function propertyValue(el: Element, name: string, state: ReadState): string | undefined {
  const a = el.attribs;
  // A place or employer linked to its page (`<a property="jobLocation" href="…/Berlin">Berlin</a>`)
  // is named by its text: the IRI names no place a reader could use.
  if (
    a.content === undefined &&
    a.datetime === undefined &&
    NAMED_BY_TEXT.has(name) &&
    (a.href ?? a.resource ?? a.src) !== undefined &&
    affordable(el, state)
  ) {
    const text = textOf(el).replace(/\s+/g, ' ').trim();
    if (text) return text.slice(0, RDFA_LIMITS.maxAttrValueChars);
  }
  const attr = a.content ?? a.resource ?? a.href ?? a.src ?? a.datetime;
  if (attr !== undefined) return attr.slice(0, RDFA_LIMITS.maxAttrValueChars);
  if (!affordable(el, state)) return undefined;
  if (HTML_PROPS.has(name)) return innerHtml(el).slice(0, RDFA_LIMITS.maxHtmlChars);
  return textOf(el).replace(/\s+/g, ' ').trim();
}

function addValue(item: JsonObject, name: string, value: unknown): void {
  const prev = item[name];
  if (Array.isArray(prev) && prev.length >= RDFA_LIMITS.maxValuesPerName) return;
  addProp(item, name, value);
}

function newItem(el: Element, types: string[], state: ReadState): JsonObject | null {
  if (state.itemCount >= RDFA_LIMITS.maxItems) {
    state.itemsDropped++;
    return null;
  }
  state.itemCount++;
  const item = Object.create(null) as JsonObject;
  if (types.length > 0) item['@type'] = types;
  const a = el.attribs;
  const id = a.resource ?? a.about ?? a.href ?? a.src;
  if (id) item['@id'] = id.slice(0, RDFA_LIMITS.maxIdChars);
  return item;
}

interface Frame {
  node: AnyNode;
  scope: Scope;
  /** The subject `property` attributes add to (`null` outside any item). */
  subject: JsonObject | null;
  /** Nesting of `subject` below its top-level item. */
  depth: number;
}

/**
 * Every top-level RDFa item under `root` (a `typeof` not itself the value of a `property` of
 * another item), with nested `property typeof` resources as nested objects. Iterative; never
 * throws on hostile markup.
 *
 * Read as RDFa Lite: an `href`/`src` on an element without `property` does not start a new
 * subject (full RDFa 1.1 would; pages marked up with Lite in mind wrap properties in links), and
 * `rel`/`rev` are ignored.
 */
export function readRdfa(root: AnyNode): RdfaRead {
  const state: ReadState = { items: [], valueNodes: RDFA_LIMITS.maxValueNodes, valuesSkipped: 0, itemCount: 0, itemsDropped: 0 };
  let counted = 0;
  const stack: Frame[] = [{ node: root, scope: ROOT_SCOPE, subject: null, depth: 0 }];
  const pushChildren = (node: AnyNode, scope: Scope, subject: JsonObject | null, depth: number) => {
    if (!('children' in node)) return;
    const children = (node as { children: AnyNode[] }).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, scope, subject, depth });
  };

  while (stack.length > 0 && counted < RDFA_LIMITS.maxElements) {
    const { node, scope: inherited, subject, depth } = stack.pop()!;
    if (!isElement(node)) {
      pushChildren(node, inherited, subject, depth);
      continue;
    }
    counted++;
    const a = node.attribs;
    const scope = hasScopeAttrs(node) ? childScope(inherited, node) : inherited;
    const props = a.property !== undefined && subject ? schemaNames(a.property, scope) : [];

    if (a.typeof !== undefined) {
      if (props.length > 0 && subject && depth >= MAX_ITEM_DEPTH) {
        // Too deep to follow: keep the text, as the microdata reader does.
        for (const name of props) {
          const value = propertyValue(node, name, state);
          if (value !== undefined) addValue(subject, name, value);
        }
        continue;
      }
      const item = newItem(node, schemaNames(a.typeof, scope), state);
      if (!item) {
        // Over the item cap: its properties must not leak onto the enclosing item.
        pushChildren(node, scope, null, depth);
        continue;
      }
      if (props.length > 0 && subject) {
        for (const name of props) addValue(subject, name, item);
        pushChildren(node, scope, item, depth + 1);
      } else {
        state.items.push(item);
        pushChildren(node, scope, item, 0);
      }
      continue;
    }

    if (props.length > 0 && subject) {
      let text: string | undefined;
      let html: string | undefined;
      for (const name of props) {
        const isHtml = HTML_PROPS.has(name);
        const value = isHtml ? (html ??= propertyValue(node, name, state)) : (text ??= propertyValue(node, name, state));
        if (value !== undefined) addValue(subject, name, value);
      }
    } else if (a.property === undefined && (a.resource !== undefined || a.about !== undefined)) {
      // A new (untyped) subject: what its children state is about it, not the enclosing item.
      const item = newItem(node, [], state);
      if (item) state.items.push(item);
      pushChildren(node, scope, item, 0);
      continue;
    }
    pushChildren(node, scope, subject, depth);
  }

  const warnings: string[] = [];
  if (counted >= RDFA_LIMITS.maxElements && stack.length > 0)
    warnings.push(`RDFa reading stopped after ${RDFA_LIMITS.maxElements} elements`);
  if (state.itemsDropped > 0)
    warnings.push(`${state.itemsDropped} RDFa items ignored (more than ${RDFA_LIMITS.maxItems}; ${state.itemCount} read)`);
  if (state.valuesSkipped > 0)
    warnings.push(`${state.valuesSkipped} RDFa property values skipped (nested property elements over the work cap)`);
  return { items: state.items, warnings };
}
