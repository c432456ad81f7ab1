/**
 * Microdata reader: turns `itemscope`/`itemtype`/`itemprop` markup into the same schema.org
 * object shape JSON-LD gives, so one normalizer serves both.
 * @module
 */
import type { AnyNode, Element } from 'domhandler';
import { innerHtmlOf, isElement, textOf, walkElements } from '../html/dom.js';
import type { JsonObject } from './json-ld.js';

/** Property names never copied onto an item (prototype pollution). */
export const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
/** Nested items followed at most this deep; real postings nest 3–4 (Place → PostalAddress). */
export const MAX_ITEM_DEPTH = 8;
/** Properties whose HTML (not just text) is worth keeping. */
export const HTML_PROPS = new Set(['description']);

/** Properties whose value is a name (a place, an employer, a country): a link's text, not its URL. */
const NAMED_BY_TEXT = new Set([
  'jobLocation',
  'hiringOrganization',
  'applicantLocationRequirements',
  'addressLocality',
  'addressRegion',
  'addressCountry',
]);

/** A name given as a link (`<a itemprop="jobLocation" href="/jobs/berlin">Berlin</a>`) is its text. */
function namedValue(el: Element): string {
  if (el.attribs.content === undefined && (el.name === 'a' || el.name === 'area')) {
    const text = textOf(el).replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return propertyValue(el);
}

function propertyValue(el: Element): string {
  const a = el.attribs;
  if (a.content !== undefined) return a.content;
  switch (el.name) {
    case 'meta':
      return a.content ?? '';
    case 'a':
    case 'area':
    case 'link':
      return a.href ?? '';
    case 'img':
    case 'audio':
    case 'embed':
    case 'iframe':
    case 'source':
    case 'track':
    case 'video':
      return a.src ?? '';
    case 'object':
      return a.data ?? '';
    case 'data':
    case 'meter':
      return a.value ?? textOf(el);
    case 'time':
      return a.datetime ?? textOf(el);
    default:
      return textOf(el).replace(/\s+/g, ' ').trim();
  }
}

/** Inner HTML of a property element, or its text when serializing fails. */
export function innerHtml(el: Element): string {
  try {
    return innerHtmlOf(el);
  } catch {
    // Serializing is recursive; pathological nesting falls back to text.
    return textOf(el);
  }
}

/** Add a property value, turning repeated names into arrays. */
export function addProp(item: JsonObject, name: string, value: unknown): void {
  const prev = item[name];
  if (prev === undefined) item[name] = value;
  else if (Array.isArray(prev)) prev.push(value);
  else item[name] = [prev, value];
}

/** Read one item: its type and properties, following nested itemscopes as nested objects. */
function readItem(scope: Element, depth: number): JsonObject {
  const item = Object.create(null) as JsonObject;
  const type = scope.attribs.itemtype?.trim();
  if (type) item['@type'] = type.split(/\s+/);
  if (scope.attribs.itemid) item['@id'] = scope.attribs.itemid;
  walkElements(scope, (el) => {
    if (el === scope) return true;
    const props = el.attribs.itemprop?.trim();
    const isScope = el.attribs.itemscope !== undefined;
    if (props) {
      for (const name of props.split(/\s+/)) {
        if (!name || FORBIDDEN.has(name)) continue;
        let value: unknown;
        if (isScope) value = depth < MAX_ITEM_DEPTH ? readItem(el, depth + 1) : propertyValue(el);
        else if (HTML_PROPS.has(name)) value = innerHtml(el);
        else value = NAMED_BY_TEXT.has(name) ? namedValue(el) : propertyValue(el);
        addProp(item, name, value);
      }
    }
    // A nested itemscope owns its own properties.
    return !isScope;
  });
  return item;
}

/** Every top-level microdata item (an `itemscope` not itself a property) under `root`. */
export function readMicrodata(root: AnyNode): JsonObject[] {
  const items: JsonObject[] = [];
  walkElements(root, (el) => {
    if (!isElement(el)) return true;
    if (el.attribs.itemscope !== undefined && el.attribs.itemprop === undefined) {
      items.push(readItem(el, 0));
      return false;
    }
    return true;
  });
  return items;
}
