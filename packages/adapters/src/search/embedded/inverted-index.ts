/**
 * The embedded engine's index: a radix-tree term dictionary (minisearch's `SearchableMap`, for
 * typo and prefix candidates) over compact typed-array posting lists with per-document weights.
 * Filtering, facets and ranking live in `embedded.ts`; this file only maps query tokens to
 * scored documents.
 * @module
 */
import SearchableMap from 'minisearch/SearchableMap';
import { SEARCH_TEXT_FIELDS, tokenize, typoBudget, type SearchDocument, type TypoBudgetOptions } from '@jobkit/core';

/** Growable (docOrdinal, weight) list; deleted ordinals stay until the next compaction. */
class PostingList {
  docs = new Int32Array(4);
  weights = new Uint8Array(4);
  length = 0;
  push(doc: number, weight: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Uint8Array(this.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length++;
  }
}

export interface TermIndexOptions extends TypoBudgetOptions {
  /** Candidate terms kept per query token (exact, typo and prefix matches, best first). @default 12 */
  maxCandidates?: number;
  /** Prefix matching on the last query token. @default true */
  prefix?: boolean;
}

interface Candidate {
  term: string;
  list: PostingList;
  /** Multiplier: 1 exact, lower for prefix and typo matches. */
  penalty: number;
}

/** Scores per document ordinal for one query. Arrays are reused between queries (epoch-stamped). */
export interface TermMatches {
  /** Ordinals of documents that matched every token (may include deleted ordinals). */
  docs: number[];
  score: Float64Array;
  /** Index terms that matched some token, for highlighting. */
  matchedTerms: Set<string>;
}

// BM25-style saturation; field lengths are normalized by a running average per field.
const K1 = 1.2;
const B = 0.6;
// Quantization of per-(term, doc) weight into a byte: max raw ≈ Σweights × (K1 + 1) ≈ 18.7.
const QUANT = 13;
const PENALTY_PREFIX = 0.8;
const PENALTY_TYPO = [1, 0.55, 0.3] as const;

export class TermIndex {
  private readonly dict = new SearchableMap<number>();
  private readonly lists: PostingList[] = [];
  private readonly fieldLenSum = new Float64Array(SEARCH_TEXT_FIELDS.length);
  private fieldLenCount = 0;
  private epoch = 0;
  private stamp = new Uint32Array(0);
  private count = new Uint8Array(0);
  private tokStamp = new Uint32Array(0);
  private tokBest = new Float32Array(0);
  private scoreBuf = new Float64Array(0);
  private tokCounter = 0;
  private readonly maxCandidates: number;
  private readonly prefix: boolean;

  constructor(private readonly options: TermIndexOptions = {}) {
    this.maxCandidates = options.maxCandidates ?? 12;
    this.prefix = options.prefix ?? true;
  }

  get vocabularySize(): number {
    return this.lists.length;
  }

  /** Index a document's text fields under ordinal `ord`. */
  add(ord: number, doc: SearchDocument): void {
    const tf = new Map<string, Float64Array>();
    const lengths: number[] = [];
    this.fieldLenCount++;
    SEARCH_TEXT_FIELDS.forEach(({ field }, f) => {
      const value = doc[field];
      const tokens = tokenize(Array.isArray(value) ? value.join(' ') : value);
      this.fieldLenSum[f] = (this.fieldLenSum[f] ?? 0) + tokens.length;
      for (const t of tokens) {
        let row = tf.get(t);
        if (row === undefined) tf.set(t, (row = new Float64Array(SEARCH_TEXT_FIELDS.length)));
        row[f] = (row[f] ?? 0) + 1;
      }
      lengths[f] = tokens.length;
    });
    for (const [term, row] of tf) {
      let raw = 0;
      SEARCH_TEXT_FIELDS.forEach(({ weight }, f) => {
        const n = row[f] ?? 0;
        if (n === 0) return;
        const avg = (this.fieldLenSum[f] ?? 0) / this.fieldLenCount || 1;
        raw += (weight * (n * (K1 + 1))) / (n + K1 * (1 - B + (B * (lengths[f] ?? 0)) / avg));
      });
      this.listFor(term).push(ord, Math.max(1, Math.min(255, Math.round(raw * QUANT))));
    }
    this.ensureCapacity(ord + 1);
  }

  private listFor(term: string): PostingList {
    const id = this.dict.get(term);
    if (id !== undefined) return this.lists[id] as PostingList;
    const list = new PostingList();
    this.dict.set(term, this.lists.length);
    this.lists.push(list);
    return list;
  }

  private ensureCapacity(n: number): void {
    if (n <= this.stamp.length) return;
    const cap = Math.max(n, this.stamp.length * 2, 1024);
    const grow = <T extends Uint32Array | Uint8Array | Float32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old as never);
      return next;
    };
    this.stamp = grow(this.stamp, (c) => new Uint32Array(c));
    this.count = grow(this.count, (c) => new Uint8Array(c));
    this.tokStamp = grow(this.tokStamp, (c) => new Uint32Array(c));
    this.tokBest = grow(this.tokBest, (c) => new Float32Array(c));
    this.scoreBuf = grow(this.scoreBuf, (c) => new Float64Array(c));
  }

  /** Candidate index terms for one query token: exact, typo-tolerant and (last token) prefix. */
  private candidates(token: string, isLast: boolean): Candidate[] {
    const found = new Map<string, Candidate>();
    const offer = (term: string, id: number, penalty: number) => {
      const prev = found.get(term);
      if (prev === undefined || prev.penalty < penalty) found.set(term, { term, list: this.lists[id] as PostingList, penalty });
    };
    const budget = typoBudget(token, this.options);
    if (budget === 0) {
      const id = this.dict.get(token);
      if (id !== undefined) offer(token, id, 1);
    } else {
      for (const [term, [id, distance]] of this.dict.fuzzyGet(token, budget)) {
        offer(term, id, PENALTY_TYPO[distance as 0 | 1 | 2] ?? 0.3);
      }
    }
    if (isLast && this.prefix) {
      for (const [term, id] of this.dict.atPrefix(token)) if (term !== token) offer(term, id, PENALTY_PREFIX);
    }
    // Best penalty first, then the most frequent term: bounded work however short the prefix.
    return [...found.values()]
      .sort((a, b) => b.penalty - a.penalty || b.list.length - a.list.length)
      .slice(0, this.maxCandidates);
  }

  /**
   * Documents containing every token (each through any of its candidates), scored as the sum
   * over tokens of the best candidate's idf × weight × penalty.
   */
  match(allTokens: readonly string[], liveDocs: number): TermMatches {
    // `count` is a byte per document; real queries are far shorter anyway.
    const tokens = allTokens.slice(0, 32);
    const matchedTerms = new Set<string>();
    const perToken = tokens.map((t, i) => this.candidates(t, i === tokens.length - 1));
    const sizes = perToken.map((cs) => cs.reduce((n, c) => n + c.list.length, 0));
    // Rarest token first keeps the candidate set, and so the work, small.
    const order = perToken.map((_, i) => i).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0));
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const { stamp, count, tokStamp, tokBest, scoreBuf: score, epoch } = this;
    const docs: number[] = [];
    const n = Math.max(1, liveDocs);
    for (let step = 0; step < order.length; step++) {
      const cands = perToken[order[step] as number] as Candidate[];
      const tok = ++this.tokCounter;
      for (const c of cands) {
        const df = c.list.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const mult = (idf * c.penalty) / QUANT;
        const { docs: ds, weights: ws, length } = c.list;
        let used = false;
        for (let j = 0; j < length; j++) {
          const d = ds[j] as number;
          const contrib = (ws[j] as number) * mult;
          if (step === 0) {
            if (stamp[d] !== epoch) {
              stamp[d] = epoch;
              count[d] = 1;
              score[d] = contrib;
              tokStamp[d] = tok;
              tokBest[d] = contrib;
              docs.push(d);
              used = true;
            } else if (contrib > (tokBest[d] as number)) {
              score[d] = (score[d] as number) + contrib - (tokBest[d] as number);
              tokBest[d] = contrib;
            }
            continue;
          }
          if (stamp[d] !== epoch) continue;
          if (tokStamp[d] === tok) {
            if (contrib > (tokBest[d] as number)) {
              score[d] = (score[d] as number) + contrib - (tokBest[d] as number);
              tokBest[d] = contrib;
            }
          } else if (count[d] === step) {
            count[d] = step + 1;
            tokStamp[d] = tok;
            tokBest[d] = contrib;
            score[d] = (score[d] as number) + contrib;
            used = true;
          }
        }
        if (used) matchedTerms.add(c.term);
      }
    }
    const need = order.length;
    const out: number[] = [];
    for (const d of docs) if (count[d] === need) out.push(d);
    return { docs: out, score, matchedTerms };
  }
}
