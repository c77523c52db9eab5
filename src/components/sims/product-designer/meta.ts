import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'product-designer', mdxName: 'ProductDesigner', lesson: 'm3/01-product-innovation', section: '动手练：为一个客群设计信贷产品', order: 31 };
export default meta;
