import { jobkitBuild } from '../../tsup.shared';

// A bin is run, never imported: ESM only, no .d.ts. Splitting (from the preset) keeps each
// command's heavy imports in lazily loaded chunks; the shebang keeps `dist/cli.js` executable.
export default jobkitBuild({ cli: 'src/cli.ts' }, { format: ['esm'], dts: false, banner: { js: '#!/usr/bin/env node' } });
