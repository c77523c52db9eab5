import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'capstone', mdxName: 'CapstoneSim', lesson: 'm5/05-manufacturing-and-policy', section: '结业综合演练：组合经营', order: 100 };
export default meta;
