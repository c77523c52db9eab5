import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'segmentation', mdxName: 'SegmentationSim', lesson: 'm4/04-segmentation', section: '动手练：客群细分模拟', order: 40 };
export default meta;
