/**
 * Pulls the `ts` code blocks out of the docs, with the `docs-test` marker that precedes each.
 * Pure string work (no I/O) so the marker grammar is testable on its own.
 *
 * Marker grammar, an HTML comment on the line(s) right before the fence (blank lines allowed):
 *
 *     <!-- docs-test: run -->                          type-check, then execute offline
 *     <!-- docs-test: run needs=PUBSUB_EMULATOR_HOST -->  execute only when that variable is set
 *     <!-- docs-test: skip <reason> -->                type-check only; the reason is printed
 *     <!-- docs-test: ignore <reason> -->              neither (code that lives inside a package)
 *
 * Lines after the first line of the comment, up to `-->`, are a hidden prelude prepended to the
 * block: the imports or values a reader has from the surrounding prose (`const url = …`).
 * A block without a marker is an error: every snippet says whether it runs.
 * @module
 */

export type BlockMode = 'run' | 'skip' | 'ignore';

export interface DocBlock {
  /** Repo-relative markdown path. */
  file: string;
  /** 1-based line of the first code line in the markdown file. */
  line: number;
  code: string;
  mode: BlockMode | null;
  reason: string;
  prelude: string;
  /** Environment variables a `run` block needs; it is reported as skipped without them. */
  needs: string[];
}

const FENCE_OPEN = /^(\s*)```\s*(ts|typescript)\s*$/;
const FENCE_ANY = /^\s*```/;
const MARKER = /^\s*<!--\s*docs-test:\s*(\S+)\s*(.*)$/;

/** Extract every `ts`/`typescript` fenced block of one markdown document. */
export function extractBlocks(file: string, markdown: string): DocBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  let pending: Pick<DocBlock, 'mode' | 'reason' | 'prelude' | 'needs'> | null = null;
  let pendingError: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const marker = MARKER.exec(text);
    if (marker) {
      const word = marker[1]!;
      let rest = marker[2]!;
      const preludeLines: string[] = [];
      let closed = rest.includes('-->');
      if (closed) rest = rest.slice(0, rest.indexOf('-->'));
      while (!closed && i + 1 < lines.length) {
        const next = lines[++i]!;
        if (next.includes('-->')) {
          const before = next.slice(0, next.indexOf('-->'));
          if (before.trim() !== '') preludeLines.push(before);
          closed = true;
        } else {
          preludeLines.push(next);
        }
      }
      const needs: string[] = [];
      const reasonWords: string[] = [];
      for (const w of rest.trim().split(/\s+/).filter(Boolean)) {
        if (w.startsWith('needs=')) needs.push(...w.slice('needs='.length).split(',').filter(Boolean));
        else reasonWords.push(w);
      }
      pendingError = word === 'run' || word === 'skip' || word === 'ignore' ? null : `unknown docs-test mode "${word}"`;
      pending = { mode: pendingError ? null : (word as BlockMode), reason: reasonWords.join(' '), prelude: preludeLines.join('\n'), needs };
      if (!pendingError && word !== 'run' && pending.reason === '') pendingError = `docs-test: ${word} needs a reason`;
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open) {
      const indent = open[1]!.length;
      const start = i + 1;
      const code: string[] = [];
      while (i + 1 < lines.length && !FENCE_ANY.test(lines[i + 1]!)) code.push(lines[++i]!.slice(indent));
      i++; // the closing fence
      const meta = pending ?? { mode: null, reason: '', prelude: '', needs: [] };
      blocks.push({
        file,
        line: start + 1,
        code: code.join('\n'),
        ...meta,
        ...(pendingError ? { mode: null, reason: pendingError } : {}),
      });
      pending = null;
      pendingError = null;
      continue;
    }
    if (FENCE_ANY.test(text)) {
      // Another language's block: skip to its end so a marker never leaks past it.
      while (i + 1 < lines.length && !FENCE_ANY.test(lines[i + 1]!)) i++;
      i++;
      pending = null;
      pendingError = null;
      continue;
    }
    if (text.trim() !== '' && pending) {
      // Prose between a marker and the next fence: the marker belonged to nothing.
      pending = null;
      pendingError = null;
    }
  }
  return blocks;
}
