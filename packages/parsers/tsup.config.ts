import { exportEntries, jobkitBuild } from '../../tsup.shared';

// Entries follow package.json `exports`.
export default jobkitBuild(exportEntries());
