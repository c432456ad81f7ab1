/**
 * The embedded engine's facet index: per facet field, a value dictionary, one posting list of
 * document ordinals per value, live counts per value and a compact column of each document's
 * value ids. Filters on facet fields pick candidates from posting lists, and facet counts come
 * from the columns (or the live counts when every document matches), so a browse query never
 * reads the documents it does not return. Text matching lives in `inverted-index.ts`, ranking
 * in `embedded.ts`.
 * @module
 */
import { type FacetCount, JobkitError, SEARCH_FACET_FIELDS, type SearchFacetField } from '@jobkit/core';
import { FACET_FILTER, facetValues, type NormalizedSearchFilters, type SearchDocument } from '@jobkit/core/adapter-kit';
import { topK } from './top-k.js';

/** Growable Int32 array: the per-document columns hold one entry per (document, value). */
class IntList {
  data = new Int32Array(16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

const grow = (a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> => {
  if (n <= a.length) return a;
  const next = new Int32Array(Math.max(n, a.length * 2));
  next.set(a);
  return next;
};

class FacetField {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  /** Ordinals holding each value, ascending; deleted ordinals stay until the next compaction. */
  readonly postings: number[][] = [];
  /** Live documents holding each value. */
  private live = new Int32Array(16);
  /** Scratch counts for one query; all zero between queries. */
  private counts = new Int32Array(16);
  /** Value ids of document `d` are `vals[start[d]] … vals[start[d + 1] - 1]`. */
  private readonly start = new IntList();
  private readonly vals = new IntList();

  constructor(readonly field: SearchFacetField) {
    this.start.push(0);
  }

  add(ord: number, doc: SearchDocument): void {
    const first = this.vals.length;
    for (const v of facetValues(doc, this.field)) {
      let id = this.ids.get(v);
      if (id === undefined) {
        id = this.values.length;
        this.ids.set(v, id);
        this.values.push(v);
        this.postings.push([]);
        this.live = grow(this.live, id + 1);
        this.counts = grow(this.counts, id + 1);
      }
      // A value listed twice must not count or select the document twice.
      if (this.holds(first, id)) continue;
      (this.postings[id] as number[]).push(ord);
      this.live[id] = (this.live[id] as number) + 1;
      this.vals.push(id);
    }
    this.start.push(this.vals.length);
  }

  private holds(from: number, id: number): boolean {
    for (let i = from; i < this.vals.length; i++) if (this.vals.data[i] === id) return true;
    return false;
  }

  remove(ord: number): void {
    const { data: s } = this.start;
    const { data: v } = this.vals;
    for (let i = s[ord] as number; i < (s[ord + 1] as number); i++) {
      const id = v[i] as number;
      this.live[id] = (this.live[id] as number) - 1;
    }
  }

  /** Value ids of the wanted values that some document holds (or held), deduplicated. */
  known(wanted: readonly string[]): number[] {
    // A Set, not includes(): filter arrays have no length limit.
    const out = new Set<number>();
    for (const w of wanted) {
      const id = this.ids.get(w);
      if (id !== undefined) out.add(id);
    }
    return [...out];
  }

  /** The `max` most frequent values over `docs` (live documents only), or over every live document when `null`. */
  top(docs: ArrayLike<number> | null, max: number): FacetCount[] {
    const { values } = this;
    let counts: Int32Array;
    const present: number[] = [];
    if (docs === null) {
      counts = this.live;
      for (let id = 0; id < values.length; id++) if ((counts[id] as number) > 0) present.push(id);
    } else {
      counts = this.counts;
      const { data: s } = this.start;
      const { data: v } = this.vals;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j] as number;
        for (let i = s[d] as number; i < (s[d + 1] as number); i++) {
          const id = v[i] as number;
          if (counts[id] === 0) present.push(id);
          counts[id] = (counts[id] as number) + 1;
        }
      }
    }
    const best = topK(present, max, (a, b) => {
      const va = values[a] as string;
      const vb = values[b] as string;
      return (counts[b] as number) - (counts[a] as number) || (va < vb ? -1 : va > vb ? 1 : 0);
    });
    const out = best.map((id) => ({ value: values[id] as string, count: counts[id] as number }));
    if (docs !== null) for (const id of present) counts[id] = 0;
    return out;
  }
}

/** Candidate ordinals for a query's filters; see {@link FacetIndex.select}. */
export interface FacetSelection {
  /** May include deleted ordinals; never the same ordinal twice. */
  docs: ArrayLike<number>;
  /**
   * Every live ordinal in `docs` passes all the facet-field filters (only one field is filtered):
   * only range filters (salary, date) remain to check.
   */
  exact: boolean;
}

export class FacetIndex {
  private readonly fields = new Map<SearchFacetField, FacetField>(SEARCH_FACET_FIELDS.map((f) => [f, new FacetField(f)]));
  private size = 0;
  private stamp = new Uint32Array(0);
  private epoch = 0;

  private get(field: SearchFacetField): FacetField {
    return this.fields.get(field) as FacetField;
  }

  /** Index the facet values of the next document; ordinals must arrive in order from 0. */
  add(ord: number, doc: SearchDocument): void {
    if (ord !== this.size)
      throw new JobkitError('SEARCH_FAILED', `[adapters/embedded-search] facet ordinal ${ord} out of order (expected ${this.size})`);
    for (const f of this.fields.values()) f.add(ord, doc);
    this.size++;
  }

  /** Stop counting a deleted or replaced document; its posting-list entries wait for compaction. */
  remove(ord: number): void {
    for (const f of this.fields.values()) f.remove(ord);
  }

  /**
   * Documents that can pass `filters`' facet-field filters: the union of the posting lists of the
   * wanted values on the most selective filtered field. A superset unless `exact`; range filters
   * are never applied here. `null` when no facet field is filtered (every document is a candidate).
   */
  select(filters: NormalizedSearchFilters): FacetSelection | null {
    let best: number[][] | null = null;
    let bestSize = Infinity;
    let filtered = 0;
    for (const f of this.fields.values()) {
      const wanted = filters[FACET_FILTER[f.field]];
      if (wanted === undefined) continue;
      filtered++;
      const lists = f.known(wanted).map((id) => f.postings[id] as number[]);
      const size = lists.reduce((n, l) => n + l.length, 0);
      if (size < bestSize) {
        best = lists;
        bestSize = size;
      }
    }
    if (best === null) return null;
    const exact = filtered === 1;
    if (best.length <= 1) return { docs: best[0] ?? [], exact };
    // Several values of one field: a document holding two of them must appear once.
    if (this.stamp.length < this.size) this.stamp = new Uint32Array(Math.max(this.size, this.stamp.length * 2));
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const { stamp, epoch } = this;
    const docs: number[] = [];
    for (const list of best) {
      for (const d of list) {
        if (stamp[d] === epoch) continue;
        stamp[d] = epoch;
        docs.push(d);
      }
    }
    return { docs, exact };
  }

  /** Facet counts over `docs` (live ordinals, each once), or over every live document when `null`. */
  count(field: SearchFacetField, docs: ArrayLike<number> | null, max: number): FacetCount[] {
    return this.get(field).top(docs, max);
  }
}
