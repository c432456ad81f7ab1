/**
 * JSONL upsert imports: one request per batch, per-document results whichever way the client
 * version reports them, and re-imports of only the documents that failed transiently.
 * @module
 */

import { JobkitError, type SearchUpsertResult } from '@jobkit/core';
import { z } from 'zod';
import { retryableStatus, type TypesenseClientLike, typesenseError, WHERE } from './client.js';

const ImportLineSchema = z.object({
  success: z.boolean(),
  error: z.string().optional(),
  code: z.number().optional(),
  document: z.string().optional(),
  id: z.string().optional(),
});
type ImportLine = z.infer<typeof ImportLineSchema>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What an importer needs: the client, where to write and how hard to retry. */
export interface ImporterSettings {
  client: () => Promise<TypesenseClientLike>;
  collection: string;
  maxRetries: number;
  retryDelayMs: number;
}

/** A document ready to import: its place in the caller's batch, its id and its JSON line. */
export interface ImportDocument {
  index: number;
  id: string;
  line: string;
}

/** `importBatch(batch, out)` writes each document's result to `out[doc.index]`. */
export function createImporter({ client, collection, maxRetries, retryDelayMs }: ImporterSettings) {
  const fail = (what: string, cause: unknown) => typesenseError(what, cause, collection);
  /** One import request; per-line results whichever way the client version reports them. */
  const importOnce = async (docs: readonly string[]): Promise<ImportLine[]> => {
    const api = (await client()).collections(collection).documents();
    let raw: unknown;
    try {
      raw = await api.import(docs.join('\n'), { action: 'upsert' });
    } catch (error) {
      // Some client versions throw ImportError with the per-line results when any line failed.
      const results = (error as { importResults?: unknown } | null)?.importResults;
      if (!Array.isArray(results)) throw error;
      raw = results;
    }
    const lines: unknown[] =
      typeof raw === 'string'
        ? raw
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => JSON.parse(l) as unknown)
        : Array.isArray(raw)
          ? raw
          : [];
    if (lines.length !== docs.length) {
      throw new JobkitError('SEARCH_FAILED', `[${WHERE}] import answered ${lines.length} results for ${docs.length} documents`, {
        details: { collection },
      });
    }
    return lines.map((line) => {
      const r = ImportLineSchema.safeParse(line);
      return r.success ? r.data : { success: false, error: `unrecognized import result ${JSON.stringify(line)}` };
    });
  };

  /** Import one batch, re-importing only transiently failed documents. */
  const importBatch = async (batch: ImportDocument[], out: SearchUpsertResult[]) => {
    let pending = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      let lines: ImportLine[];
      try {
        lines = await importOnce(pending.map((p) => p.line));
      } catch (error) {
        const e = fail('import', error);
        if (!e.retryable || attempt >= maxRetries) throw e;
        await sleep(retryDelayMs * 2 ** attempt);
        continue;
      }
      const retry: typeof pending = [];
      pending.forEach((p, i) => {
        const line = lines[i] as ImportLine;
        if (line.success) {
          out[p.index] = { id: p.id, ok: true };
        } else if (retryableStatus(line.code ?? 400) && attempt < maxRetries) {
          retry.push(p);
        } else {
          out[p.index] = {
            id: p.id,
            ok: false,
            error: `[${WHERE}] ${line.error ?? 'import failed'}${line.code ? ` (code ${line.code})` : ''}`,
          };
        }
      });
      if (retry.length > 0) await sleep(retryDelayMs * 2 ** attempt);
      pending = retry;
    }
  };
  return importBatch;
}
