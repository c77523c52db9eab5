import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'credit-process', mdxName: 'CreditProcessSim', lesson: 'm3/03-organisational-innovation', section: '动手练：信贷工厂与信贷员模式对比', order: 33 };
export default meta;
