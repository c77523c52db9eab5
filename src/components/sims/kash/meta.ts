import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'kash', mdxName: 'KashSelfAssessment', lesson: 'm1/06-professional-qualities', section: '动手练：KASH 自评', order: 16 };
export default meta;
