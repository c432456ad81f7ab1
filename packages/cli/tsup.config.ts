import { jobkitBuild } from '../../tsup.shared';

// A bin is run, never imported: ESM only, and the shebang keeps `dist/cli.js` executable as is.
export default jobkitBuild({ cli: 'src/cli.ts' }, { format: ['esm'], dts: false, splitting: false, banner: { js: '#!/usr/bin/env node' } });
