import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('example-crawlee-crawler', { include: ['test/**/*.test.ts'], testTimeout: 120_000 });
