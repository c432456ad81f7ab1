import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('adapters', { testTimeout: 60_000 });
