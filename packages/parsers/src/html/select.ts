/**
 * Indexed CSS selection over an htmlparser2 DOM for heuristics. One walk buckets elements by
 * tag, class, id and a few attribute values; a selector is answered from the bucket of its
 * rightmost compound and confirmed with css-select, instead of a whole-page walk per selector
 * (heuristics try ~70 selectors per page and most miss).
 * @module
 */
import { compile, selectAll } from 'css-select';
import type { AnyNode, Element } from 'domhandler';
import { walkElements } from './dom.js';

/** Attributes whose values are indexed (the ones ATS markup selectors test for equality). */
const INDEXED_ATTRS = ['data-ui', 'data-qa', 'data-automation-id', 'itemprop', 'role', 'type'] as const;
/**
 * Indexed too, but only read by substring selectors (`[data-testid*="location" i]`,
 * `[data-automation*="advertiser" i]`). A selector on any other attribute is pre-checked against
 * these tokens and class/id only, so a board hook the heuristics read must be listed here.
 */
const INDEXED_ATTR_SET = new Set<string>([...INDEXED_ATTRS, 'data-testid', 'data-automation', 'data-cy']);
/** Elements visited when indexing; bounds hostile pages (heuristics read far fewer). */
const INDEX_LIMIT = 500_000;

type Key = { kind: 'id' | 'class' | 'tag'; value: string } | { kind: 'attr'; name: string; value: string };

interface CompiledSelector {
  key: Key | null;
  /** Tokens the selector needs somewhere on the page; when one is absent it cannot match. */
  needs: Array<{ token: string; partial: boolean }>;
  test: (el: Element) => boolean;
  /** The key came from a selector with structural pseudo-classes (`li:last-child`): used only on a complete index. */
  structural?: boolean;
  /** A lone substring test on an indexed attribute (see {@link CONTAINS}). */
  contains?: { name: string; token: string; fold: boolean };
}

const NEED = /[.#]([\w-]+)|\[[\w-]+(\*?)="([^"]+)"(?:\s*i)?\]/g;
/** `[class*="logo" i]`, `[id*="jobtitle"]`, `[data-qa*="title" i]`: answered from the index's keys, no walk. */
const CONTAINS = /^\[([\w-]+)\*="([^"\s]+)"(\s+i)?\]$/;
const compiled = new Map<string, CompiledSelector>();

/** The rightmost compound of a single (comma-free) selector: what the matched element itself must be. */
function rightmostCompound(selector: string): string {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (depth === 0 && (c === ' ' || c === '>' || c === '+' || c === '~')) start = i + 1;
  }
  return selector.slice(start).trim();
}

/** Pseudo-classes the css-select test confirms on the element itself; they do not change its bucket. */
const STRUCTURAL = /:(?:first|last|only)-child(?![\w-])/g;

function keyOf(selector: string): Key | null {
  if (selector.includes(',')) return null;
  const plain = selector.includes(':') ? selector.replace(STRUCTURAL, '') : selector;
  if (plain.includes(':')) return null;
  const compound = rightmostCompound(plain);
  const id = /#([\w-]+)/.exec(compound);
  if (id) return { kind: 'id', value: id[1]! };
  const cls = /\.([\w-]+)/.exec(compound);
  if (cls) return { kind: 'class', value: cls[1]! };
  const attr = /\[([\w-]+)="([^"]*)"(?:\s*i)?\]/.exec(compound);
  if (attr && (INDEXED_ATTRS as readonly string[]).includes(attr[1]!)) {
    return { kind: 'attr', name: attr[1]!, value: attr[2]!.toLowerCase() };
  }
  const tag = /^([a-z][a-z0-9]*)/i.exec(compound);
  return tag ? { kind: 'tag', value: tag[1]!.toLowerCase() } : null;
}

function compileSelector(selector: string): CompiledSelector {
  let c = compiled.get(selector);
  if (!c) {
    const query = compile<AnyNode, Element>(selector);
    const key = keyOf(selector);
    c = {
      key,
      ...(key && selector.includes(':') ? { structural: true } : {}),
      needs: [...selector.matchAll(NEED)].map((m) => ({ token: (m[1] ?? m[3]!).toLowerCase(), partial: m[2] === '*' })),
      test: (el) => query(el),
    };
    const m = CONTAINS.exec(selector);
    // Indexed values are lower-cased, so only case-insensitive tests can use the attribute index.
    if (m && (m[1] === 'class' || m[1] === 'id' || (m[3] && INDEXED_ATTR_SET.has(m[1]!)))) {
      c.contains = { name: m[1]!, token: m[3] ? m[2]!.toLowerCase() : m[2]!, fold: Boolean(m[3]) };
    }
    compiled.set(selector, c);
  }
  return c;
}

/** A page's elements indexed for {@link PageIndex.select}. */
export interface PageIndex {
  /** Elements matching `selector` under the indexed root, in document order. */
  select(selector: string): Element[];
  /** Elements with one of these tag names, in document order per name. */
  tags(...names: string[]): Element[];
}

function push<K>(map: Map<K, Element[]>, key: K, el: Element): void {
  const list = map.get(key);
  if (list) list.push(el);
  else map.set(key, [el]);
}

/**
 * Index every element under `root` (one walk). `<template>` content is not indexed, as a
 * browser would not render it.
 * @param alias Extra tag bucket for an element, e.g. `button` for `<div role="button">`, so
 * `tags('button')` lists both in document order.
 */
export function indexPage(root: AnyNode, alias?: (el: Element) => string | undefined): PageIndex {
  const byTag = new Map<string, Element[]>();
  const byClass = new Map<string, Element[]>();
  const byId = new Map<string, Element[]>();
  const byAttr = new Map<string, Element[]>();
  const all: Element[] = [];
  walkElements(
    root,
    (el) => {
      all.push(el);
      push(byTag, el.name, el);
      const extra = alias?.(el);
      if (extra !== undefined && extra !== el.name) push(byTag, extra, el);
      const a = el.attribs;
      // Elements carry few attributes; visiting those beats probing each indexed name.
      for (const name in a) {
        const v = a[name];
        if (!v) continue;
        if (name === 'class') {
          const classes = v.includes(' ') || /[\t\n\f\r]/.test(v) ? v.split(/[\t\n\f\r ]+/) : [v];
          for (const c of classes) if (c) push(byClass, c, el);
        } else if (name === 'id') push(byId, v, el);
        else if (INDEXED_ATTR_SET.has(name)) push(byAttr, `${name}=${v.toLowerCase()}`, el);
      }
      return el.name !== 'template';
    },
    INDEX_LIMIT,
  );
  // Lower-cased tokens for the presence pre-check of selectors that fall back to a full walk;
  // built on first use, most pages never need it.
  let tokenList: string[] | undefined;
  let tokens: Set<string> | undefined;
  const tokenSet = (): Set<string> => {
    if (!tokens) {
      tokens = new Set<string>();
      for (const c of byClass.keys()) tokens.add(c.toLowerCase());
      for (const id of byId.keys()) tokens.add(id.toLowerCase());
      for (const key of byAttr.keys()) tokens.add(key.slice(key.indexOf('=') + 1));
      tokenList = [...tokens];
    }
    return tokens;
  };

  const candidates = (key: Key): Element[] | undefined => {
    switch (key.kind) {
      case 'id':
        return byId.get(key.value);
      case 'class':
        return byClass.get(key.value);
      case 'tag':
        return byTag.get(key.value);
      case 'attr':
        return byAttr.get(`${key.name}=${key.value}`);
    }
  };

  // The substring path answers from the index what a walk under `root` would find: not when the
  // index is partial (cut at the limit, or `<template>` content it skipped), and never `root` itself.
  const complete = all.length < INDEX_LIMIT && !byTag.has('template');
  const combined = new Map<string, Element[]>();
  // Lower-cased class and id keys with their elements, built on the first case-insensitive substring selector.
  let foldedClasses: Array<[string, Element[]]> | undefined;
  let foldedIds: Array<[string, Element[]]> | undefined;
  const foldedKeys = (name: 'class' | 'id'): Array<[string, Element[]]> =>
    name === 'class'
      ? (foldedClasses ??= [...byClass].map(([k, els]) => [k.toLowerCase(), els]))
      : (foldedIds ??= [...byId].map(([k, els]) => [k.toLowerCase(), els]));
  const containing = ({ name, token, fold }: NonNullable<CompiledSelector['contains']>): Element[] => {
    const hits: Element[][] = [];
    if (name === 'class' || name === 'id') {
      // A token without whitespace found in a class list lies inside one of its classes.
      const keys = fold ? foldedKeys(name) : name === 'class' ? byClass : byId;
      for (const [key, els] of keys) if (key.includes(token)) hits.push(els);
    } else {
      const prefix = `${name}=`;
      for (const [key, els] of byAttr) if (key.startsWith(prefix) && key.includes(token, prefix.length)) hits.push(els);
    }
    if (hits.length === 0) return [];
    let out: Element[];
    // One element listed twice under a class it repeats ("a a") is listed twice in a row.
    if (hits.length === 1) out = hits[0]!.filter((el, i, list) => el !== list[i - 1]);
    else {
      const found = new Set<Element>();
      for (const els of hits) for (const el of els) found.add(el);
      out = all.filter((el) => found.has(el));
    }
    return out[0] === root ? out.slice(1) : out;
  };

  return {
    select(selector) {
      const c = compileSelector(selector);
      if (c.contains && complete) return containing(c.contains);
      if (c.key !== null && (!c.structural || complete)) {
        const list = candidates(c.key);
        if (!list) return [];
        const out: Element[] = [];
        // A walk under `root` never yields `root` itself nor one element twice (a repeated class
        // lists it twice in a row); the structural path must equal that walk.
        for (const el of list) if (c.test(el) && !(c.structural && (el === root || el === out[out.length - 1]))) out.push(el);
        return out;
      }
      const present = tokenSet();
      for (const { token, partial } of c.needs) {
        if (partial ? !tokenList!.some((t) => t.includes(token)) : !present.has(token)) return [];
      }
      return selectAll<AnyNode, Element>(selector, root);
    },
    tags(...names) {
      if (names.length === 1) return byTag.get(names[0]!) ?? [];
      // Heuristics ask the same few combinations ('a', 'button', 'input') more than once per page.
      const key = names.join(' ');
      let list = combined.get(key);
      if (!list) combined.set(key, (list = names.flatMap((n) => byTag.get(n) ?? [])));
      return list;
    },
  };
}
