import { jobkitBuild } from '../../tsup.shared';

export default jobkitBuild({ index: 'src/index.ts' });
