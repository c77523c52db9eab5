import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'cost-to-serve', mdxName: 'CostToServeCalculator', lesson: 'm2/01-service-cost', section: '动手练：单笔贷款成本计算器', order: 21 };
export default meta;
