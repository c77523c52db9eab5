import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'needs-matching', mdxName: 'NeedsMatching', lesson: 'm4/03-five-needs', section: '动手练：听话听需求', order: 38 };
export default meta;
