import { exportEntries, jobkitBuild } from '../../tsup.shared';

// One entry per adapter subpath in package.json `exports`, so importing one never loads another's vendor SDK.
export default jobkitBuild(exportEntries());
