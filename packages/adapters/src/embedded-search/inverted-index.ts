/**
 * The embedded engine's index: a radix-tree term dictionary (minisearch's `SearchableMap`, for
 * typo and prefix candidates) over compact typed-array posting lists with per-document weights
 * and the term's place in the title. Filtering, facets, the typo/drop-token passes and ranking
 * order live in `embedded.ts`; this file maps query words to the documents holding them all and
 * scores them.
 * @module
 */

import {
  indexTerms,
  isExpandable,
  isStopWord,
  SEARCH_TEXT_FIELDS,
  type SearchDocument,
  type TokenSpan,
  type TypoBudgetOptions,
  tokenSpans,
  typoBudget,
} from '@jobkit/core/adapter-kit';
import SearchableMap from 'minisearch/SearchableMap';

/** Title positions are stored in a byte; later words (and absent ones) read as "not in the title". */
const NO_POS = 255;

/** Growable (docOrdinal, weight, titlePosition) list; deleted ordinals stay until the next compaction. */
class PostingList {
  docs = new Int32Array(4);
  weights = new Uint8Array(4);
  titlePos = new Uint8Array(4);
  length = 0;
  push(doc: number, weight: number, pos: number): void {
    if (this.length === this.docs.length) {
      const n = this.length * 2;
      const docs = new Int32Array(n);
      docs.set(this.docs);
      this.docs = docs;
      const weights = new Uint8Array(n);
      weights.set(this.weights);
      this.weights = weights;
      const titlePos = new Uint8Array(n);
      titlePos.set(this.titlePos);
      this.titlePos = titlePos;
    }
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.titlePos[this.length] = pos;
    this.length++;
  }
}

export interface TermIndexOptions extends TypoBudgetOptions {
  /** Candidate terms kept per query word (exact, typo and prefix matches, best first). @default 12 */
  maxCandidates?: number;
  /** Prefix matching on the last query word (3+ characters). @default true */
  prefix?: boolean;
}

interface Candidate {
  term: string;
  list: PostingList;
  /** Multiplier of the text score: 1 exact, lower for prefix and typo matches. */
  penalty: number;
  /** Edits from the query word (0 for exact and prefix matches). */
  typos: number;
}

/**
 * Which query words may match through typos in one pass: none (exact and prefix only), only the
 * words with no exact or prefix match in the dictionary, or all of them (Typesense's
 * `typo_tokens_threshold`: typos are tried only when the stricter pass finds nothing).
 */
export type TypoMode = 'none' | 'missing' | 'all';

/** Scores per document ordinal for one query. Arrays are reused between queries (epoch-stamped). */
export interface TermMatches {
  /** Ordinals of documents that matched every word (may include deleted ordinals). */
  docs: number[];
  /**
   * Relevance per ordinal: typos cost 100 each, +10 per word of the longest in-order run of query
   * words in the title (a phrase), +5 when the title is exactly the query, plus the weighted
   * BM25 text score squashed into [0, 1) so it only orders documents within a tier.
   */
  score: Float64Array;
  /** Index terms that matched some word, for highlighting. */
  matchedTerms: Set<string>;
}

/** Per-query memo of candidate lists (a query may run several passes over the same words). */
export type CandidateCache = Map<string, Candidate[]>;

// BM25-style saturation; field lengths are normalized by a running average per field.
const K1 = 1.2;
const B = 0.6;
// Quantization of per-(term, doc) weight into a byte: max raw ≈ Σweights × (K1 + 1) ≈ 34.
const QUANT = 7;
const PENALTY_PREFIX = 0.8;
const PENALTY_TYPO = [1, 0.55, 0.3] as const;
/** Prefix expansions looked at per query (the most frequent `maxCandidates` of them are kept). */
const PREFIX_SCAN = 256;
const TITLE = SEARCH_TEXT_FIELDS.findIndex((f) => f.field === 'title');

export class TermIndex {
  private readonly dict = new SearchableMap<number>();
  private readonly lists: PostingList[] = [];
  private readonly fieldLenSum = new Float64Array(SEARCH_TEXT_FIELDS.length);
  /** Documents with a non-empty value per field: an optional field's average is over those that have it. */
  private readonly fieldLenCount = new Float64Array(SEARCH_TEXT_FIELDS.length);
  private epoch = 0;
  private stamp = new Uint32Array(0);
  private count = new Uint8Array(0);
  private tokStamp = new Uint32Array(0);
  private tokBest = new Float32Array(0);
  private tokTypo = new Uint8Array(0);
  private typos = new Uint8Array(0);
  private slot = new Int32Array(0);
  private titleLen = new Uint8Array(0);
  private posBuf = new Uint8Array(0);
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
    const titlePos = new Map<string, number>();
    const lengths: number[] = [];
    this.ensureCapacity(ord + 1);
    SEARCH_TEXT_FIELDS.forEach(({ field }, f) => {
      const value = doc[field];
      const text = value === undefined ? '' : Array.isArray(value) ? value.join(' \n ') : value;
      let terms: string[];
      if (f === TITLE) {
        const spans = tokenSpans(text);
        this.titleLen[ord] = this.titlePositions(spans, titlePos);
        terms = spans.flatMap((sp) => (sp.parts.length > 0 ? [sp.term, ...sp.parts] : [sp.term]));
      } else terms = indexTerms(text);
      this.fieldLenSum[f] = (this.fieldLenSum[f] ?? 0) + terms.length;
      if (terms.length > 0) this.fieldLenCount[f] = (this.fieldLenCount[f] ?? 0) + 1;
      for (const t of terms) {
        let row = tf.get(t);
        if (row === undefined) tf.set(t, (row = new Float64Array(SEARCH_TEXT_FIELDS.length)));
        row[f] = (row[f] ?? 0) + 1;
      }
      lengths[f] = terms.length;
    });
    for (const [term, row] of tf) {
      let raw = 0;
      SEARCH_TEXT_FIELDS.forEach(({ weight }, f) => {
        const n = row[f] ?? 0;
        if (n === 0) return;
        const avg = (this.fieldLenSum[f] ?? 0) / (this.fieldLenCount[f] ?? 0) || 1;
        raw += (weight * (n * (K1 + 1))) / (n + K1 * (1 - B + (B * (lengths[f] ?? 0)) / avg));
      });
      this.listFor(term).push(ord, Math.max(1, Math.min(255, Math.round(raw * QUANT))), titlePos.get(term) ?? NO_POS);
    }
  }

  /**
   * First place of each title term among the title's non-stop-words (so "Head of Marketing" is the
   * phrase `head marketing`); a compound's words share its place. Returns the count of places.
   */
  private titlePositions(spans: readonly TokenSpan[], out: Map<string, number>): number {
    let pos = 0;
    for (const { term, parts } of spans) {
      if (isStopWord(term)) continue;
      const at = Math.min(pos++, NO_POS - 1);
      if (!out.has(term)) out.set(term, at);
      for (const p of parts) if (!out.has(p)) out.set(p, at);
    }
    return Math.min(pos, NO_POS - 1);
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
    const grow = <T extends Uint32Array | Uint8Array | Int32Array | Float32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old as never);
      return next;
    };
    this.stamp = grow(this.stamp, (c) => new Uint32Array(c));
    this.count = grow(this.count, (c) => new Uint8Array(c));
    this.tokStamp = grow(this.tokStamp, (c) => new Uint32Array(c));
    this.tokBest = grow(this.tokBest, (c) => new Float32Array(c));
    this.tokTypo = grow(this.tokTypo, (c) => new Uint8Array(c));
    this.typos = grow(this.typos, (c) => new Uint8Array(c));
    this.slot = grow(this.slot, (c) => new Int32Array(c));
    this.titleLen = grow(this.titleLen, (c) => new Uint8Array(c));
    this.scoreBuf = grow(this.scoreBuf, (c) => new Float64Array(c));
  }

  /** True when the word has an exact (or, as the last word, prefix) match in the dictionary. */
  private hasStrictMatch(token: string, isLast: boolean, cache: CandidateCache): boolean {
    return this.candidates(token, isLast, false, cache).length > 0;
  }

  /** Candidate index terms for one query word: exact, (last word) prefix and, when allowed, typos. */
  private candidates(token: string, isLast: boolean, typos: boolean, cache: CandidateCache): Candidate[] {
    const key = `${isLast ? 'L' : 'W'}${typos ? 'T' : 'S'}${token}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const found = new Map<string, Candidate>();
    const offer = (term: string, id: number, penalty: number, typoCount: number) => {
      const prev = found.get(term);
      if (prev === undefined || prev.penalty < penalty)
        found.set(term, { term, list: this.lists[id] as PostingList, penalty, typos: typoCount });
    };
    const exact = this.dict.get(token);
    if (exact !== undefined) offer(token, exact, 1, 0);
    const expandable = isExpandable(token);
    if (isLast && this.prefix && expandable) {
      let seen = 0;
      for (const [term, id] of this.dict.atPrefix(token)) {
        if (term !== token) offer(term, id, PENALTY_PREFIX, 0);
        if (++seen >= PREFIX_SCAN) break;
      }
    }
    const budget = typos ? typoBudget(token, this.options) : 0;
    if (budget > 0) {
      for (const [term, [id, distance]] of this.dict.fuzzyGet(token, budget)) {
        if (distance > 0) offer(term, id, PENALTY_TYPO[distance as 0 | 1 | 2] ?? 0.3, distance);
      }
      // Two swapped neighbours are one typo (Damerau–Levenshtein, as Typesense counts them), not two.
      const chars = [...token];
      for (let i = 0; i + 1 < chars.length; i++) {
        if (chars[i] === chars[i + 1]) continue;
        const swapped = [...chars.slice(0, i), chars[i + 1], chars[i], ...chars.slice(i + 2)].join('');
        const id = this.dict.get(swapped);
        if (id !== undefined) offer(swapped, id, PENALTY_TYPO[1], 1);
      }
    }
    // Best penalty first, then the most frequent term: bounded work however short the prefix.
    const out = [...found.values()].sort((a, b) => b.penalty - a.penalty || b.list.length - a.list.length).slice(0, this.maxCandidates);
    cache.set(key, out);
    return out;
  }

  /**
   * Whether the `mode` pass adds typo candidates the passes before it did not have: `missing` when
   * a word with a typo budget has no strict match, `all` when one has (else `missing` covered it).
   */
  allowsTypos(tokens: readonly string[], mode: TypoMode, cache: CandidateCache): boolean {
    if (mode === 'none') return false;
    return tokens.some((t, i) => {
      if (typoBudget(t, this.options) === 0) return false;
      const strict = this.hasStrictMatch(t, i === tokens.length - 1, cache);
      return mode === 'all' ? strict : !strict;
    });
  }

  /**
   * Documents containing every word (each through any of its candidates), scored as described on
   * {@link TermMatches.score}. Posting lists are intersected rarest word first.
   */
  match(tokens: readonly string[], mode: TypoMode, liveDocs: number, cache: CandidateCache = new Map()): TermMatches {
    const ntok = tokens.length;
    const matchedTerms = new Set<string>();
    // A word with no candidate ends the pass before later words pay for their typo lookups.
    const perToken: Candidate[][] = [];
    for (let i = 0; i < ntok; i++) {
      const t = tokens[i] as string;
      const isLast = i === ntok - 1;
      const typos = mode === 'all' || (mode === 'missing' && !this.hasStrictMatch(t, isLast, cache));
      const cs = this.candidates(t, isLast, typos, cache);
      if (cs.length === 0) return { docs: [], score: this.scoreBuf, matchedTerms };
      perToken.push(cs);
    }
    const sizes = perToken.map((cs) => cs.reduce((n, c) => n + c.list.length, 0));
    // Rarest word first keeps the candidate set, and so the work, small.
    const order = perToken.map((_, i) => i).sort((a, b) => (sizes[a] ?? 0) - (sizes[b] ?? 0));
    this.epoch++;
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    const { stamp, count, tokStamp, tokBest, tokTypo, typos, slot, scoreBuf: score, epoch } = this;
    const firstSize = sizes[order[0] as number] ?? 0;
    if (this.posBuf.length < firstSize * ntok) this.posBuf = new Uint8Array(Math.max(firstSize * ntok, this.posBuf.length * 2));
    const pos = this.posBuf;
    const docs: number[] = [];
    const n = Math.max(1, liveDocs);
    for (let step = 0; step < ntok; step++) {
      const ti = order[step] as number;
      const cands = perToken[ti] as Candidate[];
      const tok = ++this.tokCounter;
      for (const c of cands) {
        const df = c.list.length;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        const mult = (idf * c.penalty) / QUANT;
        const { docs: ds, weights: ws, titlePos: tp, length } = c.list;
        let used = false;
        for (let j = 0; j < length; j++) {
          const d = ds[j] as number;
          const contrib = (ws[j] as number) * mult;
          if (step === 0 && stamp[d] !== epoch) {
            stamp[d] = epoch;
            count[d] = 1;
            score[d] = contrib;
            tokStamp[d] = tok;
            tokBest[d] = contrib;
            tokTypo[d] = c.typos;
            typos[d] = c.typos;
            const s = docs.length;
            slot[d] = s;
            pos.fill(NO_POS, s * ntok, s * ntok + ntok);
            pos[s * ntok + ti] = tp[j] as number;
            docs.push(d);
            used = true;
            continue;
          }
          if (stamp[d] !== epoch) continue;
          if (tokStamp[d] === tok) {
            // Another candidate of the same word: keep the best one's score and typos.
            const at = (slot[d] as number) * ntok + ti;
            if ((tp[j] as number) < (pos[at] as number)) pos[at] = tp[j] as number;
            if (contrib > (tokBest[d] as number)) {
              score[d] = (score[d] as number) + contrib - (tokBest[d] as number);
              typos[d] = (typos[d] as number) + c.typos - (tokTypo[d] as number);
              tokBest[d] = contrib;
              tokTypo[d] = c.typos;
            }
          } else if (count[d] === step) {
            count[d] = step + 1;
            tokStamp[d] = tok;
            tokBest[d] = contrib;
            tokTypo[d] = c.typos;
            typos[d] = (typos[d] as number) + c.typos;
            score[d] = (score[d] as number) + contrib;
            pos[(slot[d] as number) * ntok + ti] = tp[j] as number;
            used = true;
          }
        }
        if (used) matchedTerms.add(c.term);
      }
    }
    const out: number[] = [];
    for (const d of docs) {
      if (count[d] !== ntok) continue;
      out.push(d);
      // Longest run of query words at consecutive title places, in query order.
      const base = (slot[d] as number) * ntok;
      let run = 0;
      let cur = 0;
      for (let i = 0; i < ntok; i++) {
        const p = pos[base + i] as number;
        if (p === NO_POS) cur = 0;
        else cur = i > 0 && cur > 0 && (pos[base + i - 1] as number) + 1 === p ? cur + 1 : 1;
        if (cur > run) run = cur;
      }
      const exactTitle = run === ntok && this.titleLen[d] === ntok && pos[base] === 0 ? 5 : 0;
      const text = score[d] as number;
      score[d] = -100 * (typos[d] as number) + 10 * run + exactTitle + text / (1 + text);
    }
    return { docs: out, score, matchedTerms };
  }
}
