import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('example-application-tracker', { testTimeout: 60_000 });
