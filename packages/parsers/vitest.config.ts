import { jobkitProject } from '../../vitest.shared';

export default jobkitProject('parsers');
