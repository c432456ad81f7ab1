/**
 * Loading the real-web corpus: `bench/real-world/` (pages, truth, MANIFEST.tsv), any directory in
 * the same format (an external held-out set), and `../shared/corpus` (its own truth shape, mapped
 * onto ours). Used by `bench/real-world.ts`; other benches import it to judge the same pages.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEmploymentType } from '@jobkit/parsers';
import { type Truth, TruthSchema } from './evaluate.js';

/** This corpus (the directory of this file). */
export const OWN_CORPUS = path.dirname(fileURLToPath(import.meta.url));
/** The shared corpus next to the repository, when present (never copied into it). */
const SHARED_CORPUS = path.resolve(OWN_CORPUS, '../../../shared/corpus');

/** One page with its truth and manifest row. */
export interface CorpusPage {
  id: string;
  html: string;
  truth: Truth;
  kind: Truth['kind'];
  family: string;
  site: string;
  language: string;
  script: string;
  structured: string;
  origin: string;
  split: string;
}

function readManifest(file: string): Map<string, Record<string, string>> {
  const rows = new Map<string, Record<string, string>>();
  if (!existsSync(file)) return rows;
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = lines.shift()?.split('\t') ?? [];
  for (const line of lines) {
    const cells = line.split('\t');
    const row = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    if (row.id) rows.set(row.id, row);
  }
  return rows;
}

/** Structured data a page carries, for sets without a manifest column. */
function detectStructured(html: string): string {
  if (/application\/ld\+json/i.test(html) && /JobPosting/.test(html)) return 'json-ld';
  if (/itemtype=["']?https?:\/\/schema\.org\/JobPosting/i.test(html)) return 'microdata';
  if (/typeof=["'][^"']*JobPosting/i.test(html)) return 'rdfa';
  return 'none';
}

/** A corpus in the shared format: `pages/<id>.html`, `truth/<id>.json`, optional `MANIFEST.tsv`; bad truth files are skipped with a warning. */
export function loadCorpus(dir: string, setName = path.basename(dir)): CorpusPage[] {
  const manifest = readManifest(path.join(dir, 'MANIFEST.tsv'));
  const truthDir = path.join(dir, 'truth');
  if (!existsSync(truthDir)) return [];
  const pages: CorpusPage[] = [];
  for (const f of readdirSync(truthDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const id = f.slice(0, -5);
    const htmlFile = path.join(dir, 'pages', `${id}.html`);
    if (!existsSync(htmlFile)) {
      console.warn(`[${setName}] ${id}: truth without a page; skipped`);
      continue;
    }
    const raw: unknown = JSON.parse(readFileSync(path.join(truthDir, f), 'utf8'));
    const truth = TruthSchema.safeParse(raw);
    if (!truth.success) {
      console.warn(
        `[${setName}] ${id}: invalid truth (${truth.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}); skipped`,
      );
      continue;
    }
    const html = readFileSync(htmlFile, 'utf8');
    const m = manifest.get(id) ?? {};
    pages.push({
      id,
      html,
      truth: truth.data,
      kind: truth.data.kind,
      family: m.family || (truth.data.kind === 'job' ? 'unknown' : truth.data.kind),
      site: m.site || new URL(truth.data.url).hostname,
      language: m.language || 'und',
      script: m.script || '?',
      structured: m.structured || detectStructured(html),
      origin: m.origin || 'real',
      split: m.split || 'dev',
    });
  }
  return pages;
}

/** `../shared/corpus` keeps its own truth shape (`file`, `jobUrls`, `remote`); mapped onto ours. */
export function loadSharedCorpus(dir = SHARED_CORPUS): CorpusPage[] {
  if (!existsSync(path.join(dir, 'truth'))) return [];
  const pages: CorpusPage[] = [];
  for (const f of readdirSync(path.join(dir, 'truth'))
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const t = JSON.parse(readFileSync(path.join(dir, 'truth', f), 'utf8')) as Record<string, unknown>;
    const file = typeof t.file === 'string' ? t.file : `${f.slice(0, -5)}.html`;
    const htmlFile = path.join(dir, 'files', file);
    if (!existsSync(htmlFile)) continue;
    const html = readFileSync(htmlFile, 'utf8');
    const stated =
      /<meta[^>]+property=["']og:url["'][^>]+content=["'](https?:[^"']+)|<link[^>]+rel=["']canonical["'][^>]+href=["'](https?:[^"']+)/i.exec(
        html,
      );
    const url = stated?.[1] ?? stated?.[2] ?? `https://corpus.example/jobs/${file.replace(/\.html$/, '')}`;
    const listing = t.kind === 'career-listing';
    const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : Number(String(v).replace(/[^\d.]/g, '')));
    const s = t.salary as Record<string, unknown> | null | undefined;
    const candidate: Record<string, unknown> = {
      kind: listing ? 'listing' : 'job',
      url,
      ...(listing
        ? { jobLinks: t.jobUrls ?? [] }
        : {
            title: t.title ?? null,
            company: t.company ?? null,
            locations: (t.locations as string[] | null | undefined) ?? [],
            ...(t.remote === true ? { workplaceType: 'remote' } : {}),
            employmentType: typeof t.employmentType === 'string' ? parseEmploymentType(t.employmentType) : null,
            salary: s ? { min: num(s.min), max: num(s.max), currency: s.currency ?? null, period: s.period ?? null } : null,
            datePosted: typeof t.datePosted === 'string' ? t.datePosted.slice(0, 10) : null,
            validThrough: typeof t.validThrough === 'string' ? t.validThrough.slice(0, 10) : null,
            applyUrl: t.applyUrl ?? null,
          }),
    };
    const truth = TruthSchema.safeParse(candidate);
    if (!truth.success) continue;
    pages.push({
      id: file.replace(/\.html$/, ''),
      html,
      truth: truth.data,
      kind: truth.data.kind,
      family: listing ? 'listing' : 'shared',
      site: new URL(url).hostname,
      language: 'und',
      script: '?',
      structured: detectStructured(html),
      origin: 'real',
      split: 'dev',
    });
  }
  return pages;
}
