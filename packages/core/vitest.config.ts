import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('core');
