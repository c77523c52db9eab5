import type { SimInfo } from '../catalogue';

const meta: SimInfo = { id: 'ipc-crosscheck', mdxName: 'IpcCrossCheck', lesson: 'm2/02-risk-assessment', section: '动手练：交叉检验模拟', order: 22 };
export default meta;
