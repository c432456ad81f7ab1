import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('example-job-search-platform', { include: ['test/**/*.test.ts'], testTimeout: 60_000 });
