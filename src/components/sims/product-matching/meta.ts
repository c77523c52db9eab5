import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'product-matching', mdxName: 'ProductMatchingSim', lesson: 'm5/05-manufacturing-and-policy', section: '动手练：产品匹配与五要素', order: 50 };
export default meta;
