/**
 * Client-rendered shells: pages whose posting loads with JavaScript (Workday, SuccessFactors,
 * Oracle Cloud, iCIMS, Taleo, Phenom…) and hold no posting text. They are named, with a pointer
 * to the platform's board API, instead of being called "not a job posting". Which platforms
 * render this way, their names and the HTML markers that betray them come from the ATS
 * definitions (`clientRendered`), never from a list here.
 * @module
 */
import { builtinPageTraits } from '../ats/page-traits.generated.js';
import { type AtsPageTraits, pageTraitsOf } from '../ats/page-traits.js';
import type { AtsDefinition } from '../ats/types.js';

/** Visible text below this many characters means the posting was never rendered into the HTML. */
const SHELL_MAX_TEXT = 600;
/** HTML read for markers and app roots. */
const SCAN_CHARS = 2_000_000;

/** The shell matchers of one traits list: built once, on first use. */
interface ShellTables {
  /** Client-rendered platforms by id. */
  byId: ReadonlyMap<string, AtsPageTraits>;
  /** Every platform's markers in one pattern, one capture group per platform; `null` when none declares any. */
  markers: RegExp | null;
  /** The platform of each capture group, in order. */
  groups: readonly AtsPageTraits[];
}

const tables = new WeakMap<readonly AtsPageTraits[], ShellTables>();

const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A marker regex that joins safely into the combined pattern: no flag but `i`, no capture group, compiles. */
function joinable(re: RegExp): boolean {
  if ((re.flags !== '' && re.flags !== 'i') || re.source.length > 300) return false;
  try {
    return new RegExp(`${re.source}|`, 'i').exec('')!.length === 1;
  } catch {
    return false;
  }
}

function tablesFor(traits: readonly AtsPageTraits[]): ShellTables {
  let t = tables.get(traits);
  if (t) return t;
  const byId = new Map<string, AtsPageTraits>();
  const alternatives: string[] = [];
  const groups: AtsPageTraits[] = [];
  for (const trait of traits) {
    if (!trait.clientRendered || byId.has(trait.id)) continue;
    byId.set(trait.id, trait);
    const parts = trait.shellMarkers
      .map((m) => (typeof m === 'string' ? (m.length > 0 ? escapeLiteral(m) : null) : joinable(m) ? `(?:${m.source})` : null))
      .filter((p): p is string => p !== null);
    if (parts.length === 0) continue;
    alternatives.push(`(${parts.join('|')})`);
    groups.push(trait);
  }
  t = { byId, markers: alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gi') : null, groups };
  tables.set(traits, t);
  return t;
}

/**
 * The client-rendered platform whose markers the page carries most often (ties: the earlier
 * platform in registry order), or `undefined`. One pass over the capped HTML.
 */
function platformByMarkers(html: string, t: ShellTables): AtsPageTraits | undefined {
  if (!t.markers) return undefined;
  const counts = new Array<number>(t.groups.length).fill(0);
  for (const m of html.matchAll(t.markers)) {
    const g = m.findIndex((v, i) => i > 0 && v !== undefined);
    if (g > 0) counts[g - 1]! += 1;
  }
  let best = -1;
  counts.forEach((n, i) => {
    if (n > 0 && (best < 0 || n > counts[best]!)) best = i;
  });
  return best < 0 ? undefined : t.groups[best];
}

/**
 * The platform of a client-rendered shell, or `undefined` when the page is not one.
 * @param visibleChars characters of visible body text
 * @param atsPlatform platform ATS detection already found for the page
 * @param html the page (searched for platform markers only when ATS detection found none)
 * @param platforms ATS definitions whose `clientRendered` declarations count (default: the built-ins)
 */
export function shellPlatform(
  visibleChars: number,
  atsPlatform: string | undefined,
  html: string,
  platforms?: readonly AtsDefinition[],
): { id: string; name: string } | undefined {
  if (visibleChars >= SHELL_MAX_TEXT) return undefined;
  const t = tablesFor(platforms ? pageTraitsOf(platforms) : builtinPageTraits);
  const head = html.slice(0, SCAN_CHARS);
  const found = (atsPlatform !== undefined ? t.byId.get(atsPlatform) : undefined) ?? platformByMarkers(head, t);
  if (found) return { id: found.id, name: found.name };
  // A script-only page (an empty app root) is a shell even when its platform is unknown.
  return hasScriptSrc(head) && /id=["'](?:root|app|__next|main-app)["']/i.test(head) ? { id: 'unknown', name: '' } : undefined;
}

/** The warning for a shell page. */
export function shellWarning(shell: { id: string; name: string }): string {
  if (shell.id === 'unknown')
    return "page is a client-rendered shell with no posting text (it loads with JavaScript); read the site's job API or a rendered copy instead";
  return `page is a client-rendered ${shell.name} shell with no posting text; read the ${shell.name} board API instead (listBoardJobs / the platform's job feed)`;
}

/** `/<script[^>]{0,200}src=/i.test(html)`, looking once at each `<script` tag's first 200 characters. */
function hasScriptSrc(html: string): boolean {
  for (const m of html.matchAll(/<script/gi)) {
    const from = m.index + m[0].length;
    const attrs = html.slice(from, from + 204);
    const close = attrs.indexOf('>');
    if (/src=/i.test(close < 0 ? attrs : attrs.slice(0, close))) return true;
  }
  return false;
}
