import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'bundle-builder', mdxName: 'BundleBuilderSim', lesson: 'm5/01-integrated-services', section: '动手练：为客户设计综合服务方案', order: 45 };
export default meta;
