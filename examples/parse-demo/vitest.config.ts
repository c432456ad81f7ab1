import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('example-parse-demo', { include: ['*.test.ts'] });
