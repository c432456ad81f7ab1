/**
 * Hostile trees handed to `@jobkit/parsers/cheerio`: the DOM entry points walk an object graph the
 * caller built, so a cycle, a shared node, a hole in a children array, a non-string attribute or
 * a getter that throws must end in one `INVALID_ARGUMENT`, never in a walk that does not end (a
 * cycle grew an array until V8 aborted the process) or a bare `TypeError` from deep inside.
 */
import { JobkitError } from '@jobkit/core';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { detectAts, extractJobLinks, parseJobPage } from '../src/cheerio/index.js';

const URL_ = 'https://acme.example/jobs/7-dom';
type Node = Record<string, unknown>;
const tag = (name: string, children: unknown[] = [], attribs: unknown = {}): Node => ({ type: 'tag', name, attribs, children });
const root = (children: unknown[]): Node => ({ type: 'root', children });

const ENTRY_POINTS: Array<[string, (tree: unknown) => unknown]> = [
  ['parseJobPage', (tree) => parseJobPage(tree as never, { url: URL_ })],
  ['extractJobLinks', (tree) => extractJobLinks(tree as never, { url: URL_ })],
  ['detectAts', (tree) => detectAts({ url: URL_, $: tree as never })],
];

function expectInvalid(tree: unknown, pattern: RegExp) {
  for (const [name, run] of ENTRY_POINTS) {
    let caught: unknown;
    try {
      run(tree);
    } catch (error) {
      caught = error;
    }
    expect(JobkitError.is(caught, 'INVALID_ARGUMENT'), `${name}: ${String(caught)}`).toBe(true);
    expect((caught as Error).message).toMatch(/\[parsers\/cheerio\]/);
    expect((caught as Error).message).toMatch(pattern);
  }
}

describe('@jobkit/parsers/cheerio on trees that are not trees', () => {
  it('a cycle (a child that is its own ancestor) is refused, not walked forever', () => {
    const top = root([]);
    const div = tag('div', [top]);
    (top.children as unknown[]).push(div);
    expectInvalid(top, /cycle/);
    const self = tag('div');
    (self.children as unknown[]).push(tag('p', [self]));
    expectInvalid(root([self]), /cycle/);
  });

  it('a node shared by two parents is refused (a chain of shared pairs would double the walk per level)', () => {
    let shared: Node = tag('a', [], { href: '/jobs/1-x' });
    for (let i = 0; i < 64; i++) shared = tag('div', [shared, shared]);
    expectInvalid(root([shared]), /shared/);
  });

  it('holes, non-nodes and non-string fields in the tree', () => {
    const sparse: unknown[] = [tag('p')];
    sparse[3] = tag('p');
    expectInvalid(root(sparse), /hole/);
    expectInvalid(root([null]), /null/);
    expectInvalid(root([5]), /number/);
    expectInvalid(root([{ type: 'text', data: 5 }]), /data is not a string/);
    expectInvalid(root([tag('a', [], { href: 5 })]), /attribute "href" of <a> is not a string/);
    expectInvalid(root([tag('a', [], null)]), /no attribs object/);
    expectInvalid(root([{ type: 'tag', name: 5, attribs: {}, children: [] }]), /no string name/);
    expectInvalid(root([{ type: 'tag', name: 'div', attribs: {} }]), /no children array/);
    expectInvalid(root([{ type: 7 }]), /no string type/);
  });

  it('a getter that throws while the tree is read becomes the cause of INVALID_ARGUMENT', () => {
    const boom = new Error('getter boom');
    const evil = {
      type: 'tag',
      name: 'a',
      get attribs(): Record<string, string> {
        throw boom;
      },
      children: [],
    };
    expectInvalid(root([evil]), /getter boom/);
    const $ = Object.assign(() => undefined, {
      root() {
        throw boom;
      },
    });
    expectInvalid($, /getter boom/);
    try {
      parseJobPage(root([evil]) as never, { url: URL_ });
    } catch (error) {
      expect((error as Error).cause).toBe(boom);
    }
  });

  it('a children getter that invents nodes forever ends at the node cap', () => {
    let made = 0;
    const endless = (): Node => ({
      type: 'tag',
      name: 'div',
      attribs: {},
      get children() {
        made++;
        return [endless(), endless()];
      },
    });
    let caught: unknown;
    try {
      extractJobLinks(root([endless()]) as never, { url: URL_ });
    } catch (error) {
      caught = error;
    }
    expect(JobkitError.is(caught, 'INVALID_ARGUMENT')).toBe(true);
    expect((caught as Error).message).toMatch(/more than 1,000,000 nodes/);
    expect(made).toBeLessThanOrEqual(1_000_001);
  }, 60_000);

  it('a real cheerio document (both parsers) still reads, with the tree check in linear time', () => {
    const card = '<li><a href="/jobs/1-card">Data Engineer</a><span>Berlin</span></li>';
    const page = (n: number) =>
      `<html><body><h1>Jobs</h1><ul>${Array.from({ length: n }, (_, i) => card.replace('1-card', `${i + 1}-card`)).join('')}</ul></body></html>`;
    for (const $ of [load(page(3)), load(page(3), { xml: { xmlMode: false } })]) {
      expect(extractJobLinks($, { url: URL_ }).map((l) => l.url)).toContain('https://acme.example/jobs/2-card');
      expect(parseJobPage($, { url: URL_ }).warnings).toBeDefined();
    }
    // 16x the nodes must not cost much more than 16x the time (CPU time, fastest of 3).
    const cpu = (fn: () => unknown) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const c0 = process.cpuUsage();
        fn();
        const c = process.cpuUsage(c0);
        best = Math.min(best, (c.user + c.system) / 1_000);
      }
      return best;
    };
    const small = load(page(1_000), { xml: { xmlMode: false } });
    const large = load(page(16_000), { xml: { xmlMode: false } });
    const t1 = cpu(() => extractJobLinks(small, { url: URL_ }));
    const t16 = cpu(() => extractJobLinks(large, { url: URL_ }));
    expect(t16 / Math.max(t1, 5)).toBeLessThan(40);
  }, 120_000);
});

describe('options objects whose getters throw', () => {
  it('every entry point of links, cheerio, parseJobPage and discovery answers INVALID_ARGUMENT with the cause', async () => {
    const boom = new Error('options getter boom');
    const evil = {
      get url(): string {
        throw boom;
      },
    };
    const tree = load('<a href="/jobs/1-x">x</a>');
    const { extractJobLinks: linksOfHtml, parseJobPage: parseHtml, discoverCareerPages } = await import('../src/index.js');
    const runs: Array<() => unknown> = [
      () => linksOfHtml('<a href="/jobs/1-x">x</a>', evil),
      () => parseHtml('<html></html>', evil),
      () => extractJobLinks(tree, evil),
      () => parseJobPage(tree, evil),
      () => detectAts(evil),
    ];
    for (const run of runs) {
      let caught: unknown;
      try {
        run();
      } catch (error) {
        caught = error;
      }
      expect(JobkitError.is(caught, 'INVALID_ARGUMENT'), String(caught)).toBe(true);
      expect((caught as Error).cause).toBe(boom);
    }
    const fetcherGetter = {
      get fetcher(): never {
        throw boom;
      },
    };
    await expect(discoverCareerPages('acme.example', fetcherGetter as never)).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      cause: boom,
    });
  });
});
