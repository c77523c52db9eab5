import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'district-research', mdxName: 'DistrictResearchSim', lesson: 'm5/03-pre-marketing-research', section: '动手练：商圈调研与目标客群', order: 47 };
export default meta;
