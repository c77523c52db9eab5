import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'roleplay-shock-support', mdxName: 'RolePlay', lesson: 'm4/01-serving-through-shocks', section: '动手练：续贷协商角色扮演', order: 36 };
export default meta;
