import { jobkitProject } from '../../vitest.shared';

// Tests spawn the CLI as a child process (tsx startup + PGlite), so give them room.
export default jobkitProject('cli', { testTimeout: 60_000 });
