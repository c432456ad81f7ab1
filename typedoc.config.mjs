// TypeDoc configuration. The entry points are not listed here: they are every code subpath in the
// `exports` of every workspace package (its source condition, the `./src/…` file), so a new subpath
// is documented the moment it is exported. Warnings fail the run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = import.meta.dirname;

/** `packages/<dir>/<source file>` of each code subpath a package exports. */
function exportedSources(dir) {
  const file = join(root, 'packages', dir, 'package.json');
  if (!existsSync(file)) return [];
  const { exports = {} } = JSON.parse(readFileSync(file, 'utf8'));
  return Object.values(exports)
    .filter((target) => typeof target === 'object' && target !== null)
    .map((target) => Object.values(target).find((t) => typeof t === 'string' && t.startsWith('./src/')))
    .filter(Boolean)
    .map((source) => `packages/${dir}/${source.slice(2)}`);
}

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'Jobkit API',
  entryPoints: readdirSync(join(root, 'packages')).sort().flatMap(exportedSources),
  tsconfig: 'tsconfig.json',
  out: 'docs/api',
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  disableSources: true,
  treatWarningsAsErrors: true,
  validation: {
    notExported: false,
    invalidLink: true,
    notDocumented: false,
  },
};
