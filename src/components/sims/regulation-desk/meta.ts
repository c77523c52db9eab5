import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'regulation-desk', mdxName: 'RegulationDesk', lesson: 'm1/04-internet-rural-law', section: '动手练：监管案例台', order: 14 };
export default meta;
