/**
 * Client-rendered shells: pages whose posting loads with JavaScript (Workday, SuccessFactors,
 * Oracle Cloud, iCIMS, Taleo, Phenom…) and hold no posting text. They are named, with a pointer
 * to the platform's board API, instead of being called "not a job posting".
 * @module
 */

/** Display names of platforms that serve client-rendered job pages. */
const SHELL_PLATFORMS: Record<string, string> = {
  workday: 'Workday',
  successfactors: 'SAP SuccessFactors',
  oraclecloud: 'Oracle Cloud Recruiting',
  icims: 'iCIMS',
  taleo: 'Oracle Taleo',
  phenom: 'Phenom',
  eightfold: 'Eightfold',
  avature: 'Avature',
  smartrecruiters: 'SmartRecruiters',
  ashby: 'Ashby',
  rippling: 'Rippling',
  dayforce: 'Dayforce',
  ukg: 'UKG',
  cornerstone: 'Cornerstone',
  jobvite: 'Jobvite',
};

/** Markers in a page's HTML that betray the platform when ATS detection found none. */
const MARKERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/myworkdayjobs\.com|myworkdaysite\.com|wd\d+\.myworkday|data-automation-id="jobPosting/i, 'workday'],
  [/successfactors\.(?:com|eu)|jobs\.sap\.com|career\d*\.successfactors|rmkcdn\.successfactors/i, 'successfactors'],
  [/oraclecloud\.com\/hcmUI|CandidateExperience/i, 'oraclecloud'],
  [/\.icims\.com/i, 'icims'],
  [/taleo\.net/i, 'taleo'],
  [/phenompeople\.com|cdn\.phenom|phApp\.ddo/i, 'phenom'],
  [/eightfold\.ai/i, 'eightfold'],
  [/avature\.net/i, 'avature'],
  [/dayforcehcm\.com/i, 'dayforce'],
  [/ultipro\.com|ukg\.net/i, 'ukg'],
  [/csod\.com/i, 'cornerstone'],
];

/** Visible text below this many characters means the posting was never rendered into the HTML. */
const SHELL_MAX_TEXT = 600;

/**
 * The platform of a client-rendered shell, or `undefined` when the page is not one.
 * @param visibleChars characters of visible body text
 * @param atsPlatform platform ATS detection already found for the page
 * @param html the page (searched for platform markers only when ATS detection found none)
 */
export function shellPlatform(
  visibleChars: number,
  atsPlatform: string | undefined,
  html: string,
): { id: string; name: string } | undefined {
  if (visibleChars >= SHELL_MAX_TEXT) return undefined;
  let id = atsPlatform && SHELL_PLATFORMS[atsPlatform] ? atsPlatform : undefined;
  if (!id) for (const [re, platform] of MARKERS) if (re.test(html.slice(0, 2_000_000))) id = platform;
  if (!id) {
    // A script-only page (an empty app root) is a shell even when its platform is unknown.
    return hasScriptSrc(html.slice(0, 2_000_000)) && /id=["'](?:root|app|__next|main-app)["']/i.test(html.slice(0, 2_000_000))
      ? { id: 'unknown', name: '' }
      : undefined;
  }
  return { id, name: SHELL_PLATFORMS[id] ?? id };
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
