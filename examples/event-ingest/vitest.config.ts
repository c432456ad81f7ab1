import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('example-event-ingest', { testTimeout: 60_000 });
