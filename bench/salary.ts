/**
 * Salary parsing accuracy and speed on the labelled pay strings in `bench/salary/labels.jsonl`
 * (sources and licenses in `bench/salary/MANIFEST.tsv`), next to a naive baseline measured in
 * the same run.
 *
 * Exact match: the label is `null` and the parser returns `null`, or both are non-null and `min`,
 * `max`, `currency` and `period` all agree (`min`/`max` within 1 %, both `null` counts as equal).
 * A throw is a crash and a miss. Accuracy is reported overall, by split (dev / holdout: the
 * holdout strings were set aside by a seeded draw before tuning and are not printed by
 * `--verbose`), by origin (real / synthetic), by labelling pass (`batch`: the fourth pass added the rows marked
 * `p4`), by family, by language and by labelled currency.
 *
 * Baseline: the first two numbers of the text as min/max ("k" multiplies by 1,000), the first
 * currency symbol or ISO code, and the first period word; `null` when the text has no number.
 *
 * Usage: `pnpm bench:salary [--verbose] [--show-holdout] [--only <family>]`
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSalary } from '@jobkit/parsers';

interface Label {
  min: number | null;
  max: number | null;
  currency: string | null;
  period: string | null;
}
interface Row {
  id: string;
  text: string;
  label: Label | null;
  family: string;
  lang: string;
  origin: 'real' | 'synthetic';
  split: 'dev' | 'holdout';
  source: string;
  /** Labelling pass that added the row (`p4` = the fourth pass); older rows have none. */
  batch?: string;
}
type Reading = Label | null;

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const showHoldout = args.includes('--show-holdout');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

const file = fileURLToPath(new URL('./salary/labels.jsonl', import.meta.url));
const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row)
  .filter((r) => !only || r.family === only);

// ---------- baseline ----------
const BASE_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR' };
const BASE_CODE = /\b(USD|EUR|GBP|AUD|CAD|NZD|CHF|JPY|CNY|INR|SEK|NOK|DKK|PLN|SGD|HKD|AED|SAR|KWD|BRL|MXN|ZAR|RUB|TRY)\b/;
const BASE_NUMBER = /(\d[\d,]*(?:\.\d+)?)(\s?[kK])?/g;
const BASE_PERIOD: ReadonlyArray<readonly [string, RegExp]> = [
  ['hour', /hour|hr\b/i],
  ['day', /\bday\b|daily/i],
  ['week', /week/i],
  ['month', /month/i],
  ['year', /year|annum|annual/i],
];

function baseline(text: string): Reading {
  const nums: number[] = [];
  for (const m of text.matchAll(BASE_NUMBER)) {
    nums.push(Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1000 : 1));
    if (nums.length === 2) break;
  }
  if (!nums.length) return null;
  let currency: string | null = null;
  for (const ch of text) {
    if (BASE_SYMBOLS[ch]) {
      currency = BASE_SYMBOLS[ch]!;
      break;
    }
  }
  currency ??= BASE_CODE.exec(text)?.[1] ?? null;
  const period = BASE_PERIOD.find(([, re]) => re.test(text))?.[0] ?? null;
  return { min: nums[0]!, max: nums[1] ?? nums[0]!, currency, period };
}

function ours(text: string): Reading {
  const s = parseSalary(text);
  return s ? { min: s.min, max: s.max, currency: s.currency, period: s.period } : null;
}

// ---------- comparison ----------
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(Math.abs(b) * 0.01, 0.005);

function matches(label: Label | null, got: Reading): boolean {
  if (label === null || got === null) return label === got;
  return close(got.min, label.min) && close(got.max, label.max) && got.currency === label.currency && got.period === label.period;
}

interface Tally {
  n: number;
  ours: number;
  base: number;
}
const groups = new Map<string, Tally>();
const add = (key: string, okOurs: boolean, okBase: boolean) => {
  const t = groups.get(key) ?? { n: 0, ours: 0, base: 0 };
  t.n++;
  if (okOurs) t.ours++;
  if (okBase) t.base++;
  groups.set(key, t);
};

let crashes = 0;
let baseCrashes = 0;
const misses: string[] = [];
for (const r of rows) {
  let got: Reading = null;
  let ok = false;
  try {
    got = ours(r.text);
    ok = matches(r.label, got);
  } catch (e) {
    crashes++;
    got = null;
    ok = false;
    misses.push(`CRASH ${r.id} ${JSON.stringify(r.text)}: ${String(e)}`);
  }
  let okBase = false;
  try {
    okBase = matches(r.label, baseline(r.text));
  } catch {
    baseCrashes++;
  }
  for (const key of [
    'all',
    `split:${r.split}`,
    `origin:${r.origin}`,
    `origin×split:${r.origin}/${r.split}`,
    `batch×split:${r.origin === 'real' ? 'real' : 'synthetic'}/${r.batch ?? 'p1-3'}/${r.split}`,
    `family:${r.family}`,
    `lang:${r.lang}`,
    `currency:${r.label ? (r.label.currency ?? 'none') : 'not pay'}`,
    `label:${r.label ? 'pay' : 'not pay'}`,
  ]) {
    add(key, ok, okBase);
  }
  if (!ok && verbose && (r.split === 'dev' || showHoldout)) {
    misses.push(
      `${r.id} [${r.split}/${r.origin}/${r.family}] ${JSON.stringify(r.text.slice(0, 140))}\n    want ${JSON.stringify(r.label)}\n    got  ${JSON.stringify(got)}`,
    );
  }
}

// ---------- speed ----------
function throughput(fn: (t: string) => unknown): number {
  const texts = rows.map((r) => r.text);
  const budgetMs = 1500;
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs) {
    for (const t of texts) {
      try {
        fn(t);
      } catch {
        // counted above
      }
    }
    n += texts.length;
  }
  return n / ((performance.now() - start) / 1000);
}
for (let i = 0; i < 20; i++) for (const t of rows) ours(t.text); // warm-up (JIT)
const oursRate = throughput(ours);
const baseRate = throughput(baseline);

// ---------- report ----------
const pct = (x: number, n: number) => (n ? `${((100 * x) / n).toFixed(1)}%` : '-');
const order = (k: string) =>
  (k === 'all'
    ? '0'
    : k.startsWith('split')
      ? '1'
      : k.startsWith('origin:')
        ? '2'
        : k.startsWith('origin×')
          ? '3'
          : k.startsWith('batch')
            ? '3b'
            : k.startsWith('label')
              ? '4'
              : k.startsWith('family')
                ? '5'
                : k.startsWith('lang')
                  ? '6'
                  : '7') + k;
console.log(
  `salary bench: ${rows.length} strings (${rows.filter((r) => r.origin === 'real').length} real), exact match = min, max (±1 %), currency and period all equal, or both null\n`,
);
console.log(`${'group'.padEnd(40)} ${'n'.padStart(5)} ${'parseSalary'.padStart(12)} ${'baseline'.padStart(10)}`);
for (const key of [...groups.keys()].sort((a, b) => order(a).localeCompare(order(b)))) {
  const t = groups.get(key)!;
  console.log(`${key.padEnd(40)} ${String(t.n).padStart(5)} ${pct(t.ours, t.n).padStart(12)} ${pct(t.base, t.n).padStart(10)}`);
}
console.log(`\ncrashes: parseSalary ${crashes}, baseline ${baseCrashes}`);
console.log(
  `speed: parseSalary ${Math.round(oursRate).toLocaleString('en')} strings/s, baseline ${Math.round(baseRate).toLocaleString('en')} strings/s`,
);
if (misses.length) console.log(`\nmisses${showHoldout ? '' : ' (dev split only)'}:\n${misses.join('\n')}`);
