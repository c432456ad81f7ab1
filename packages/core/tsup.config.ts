import { jobkitBuild } from '../../tsup.shared';

export default jobkitBuild({ index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' }, { external: ['vitest'] });
