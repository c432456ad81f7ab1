/**
 * A ballot of candidate values for one field: each source votes with a weight; the same value
 * (folded) from several independent sources gains an agreement bonus, so "first match" never
 * decides alone.
 * @module
 */
import type { Element } from 'domhandler';
import { foldKey } from './site.js';

export interface Candidate {
  text: string;
  score: number;
  sources: Set<string>;
  el?: Element;
}

/** Bonus for each additional independent source naming the same value. */
const AGREEMENT = 2;

export class Ballot {
  private readonly byKey = new Map<string, Candidate>();

  /** Vote for `text` from `source` with `weight`; a source votes once per value (its best weight). */
  add(text: string | undefined, weight: number, source: string, el?: Element): void {
    if (!text) return;
    const key = foldKey(text);
    if (!key) return;
    const c = this.byKey.get(key);
    if (!c) {
      this.byKey.set(key, { text, score: weight, sources: new Set([source]), ...(el ? { el } : {}) });
      return;
    }
    if (c.sources.has(source)) return;
    c.sources.add(source);
    c.score += weight + AGREEMENT;
    if (!c.el && el) c.el = el;
  }

  /** Add `points` to a value already on the ballot (e.g. it appears inside the page title). */
  boost(predicate: (c: Candidate) => boolean, points: number): void {
    for (const c of this.byKey.values()) if (predicate(c)) c.score += points;
  }

  /**
   * A value from page metadata (`<title>`, `og:title`) that wraps a value found on the page
   * ("Vacancy <h1 text> in <City>, work at <Employer>") hands its score to the wrapped one: the
   * page element is the clean form both sources agree on.
   */
  foldInto(isWrapper: (c: Candidate) => boolean, isInner: (c: Candidate) => boolean): void {
    const all = [...this.byKey.entries()];
    for (const [key, wrapper] of all) {
      if (!isWrapper(wrapper)) continue;
      let target: Candidate | undefined;
      for (const [innerKey, inner] of all) {
        if (inner === wrapper || !isInner(inner) || innerKey.length < 3 || !key.includes(innerKey)) continue;
        if (!target || inner.score > target.score) target = inner;
      }
      if (target) {
        target.score += wrapper.score;
        for (const s of wrapper.sources) target.sources.add(s);
        wrapper.score = 0;
      }
    }
  }

  /** The highest-scoring candidate at or above `min`, earliest vote first on ties. */
  best(min = 0, filter?: (c: Candidate) => boolean): Candidate | undefined {
    let best: Candidate | undefined;
    for (const c of this.byKey.values()) if (c.score >= min && (!filter || filter(c)) && (!best || c.score > best.score)) best = c;
    return best;
  }

  get size(): number {
    return this.byKey.size;
  }
}
