import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'roleplay-first-visit', mdxName: 'RolePlay', lesson: 'm1/06-professional-qualities', section: '动手练：首次上门拜访', order: 15 };
export default meta;
