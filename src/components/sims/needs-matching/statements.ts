/**
 * Client statements for the needs-trait matching exercise (lesson m4/03-five-needs). Each carries
 * the cue in the client's words; the trait it shows is decided by the domain rule NEED_CUES
 * (src/domain/needs-matching.ts), never written here. Clients are invented; ids spaced by 10.
 */
import type { NeedCue } from '../../../domain/needs-matching';

export interface NeedsStatementContent {
	id: string;
	cue: NeedCue;
	/** Who is speaking, then what they say. */
	speaker: { 'zh-CN': string; en: string };
	text: { 'zh-CN': string; en: string };
}

export const NEEDS_STATEMENTS: NeedsStatementContent[] = [
	{
		id: 'need-010',
		cue: 'named-use-and-period',
		speaker: { 'zh-CN': '机加工厂老板', en: 'Owner of a machining shop' },
		text: {
			'zh-CN': '我想借 80 万买一台数控机床。机器能用七八年，一年肯定还不上，能不能分三年慢慢还？',
			en: 'I want to borrow 800,000 yuan for a CNC machine. It will run for seven or eight years; I can’t repay in one year — can I spread it over three?',
		},
	},
	{
		id: 'need-020',
		cue: 'household-use',
		speaker: { 'zh-CN': '五金店老板', en: 'Owner of a hardware shop' },
		text: {
			'zh-CN': '说是店里周转，其实是儿子下个月结婚，房子首付还差 30 万。经营贷能不能先借我用用？',
			en: 'I’ll call it shop working capital, but really my son marries next month and we are 300,000 yuan short of the flat’s down payment. Can I use a business loan for it?',
		},
	},
	{
		id: 'need-030',
		cue: 'payments-and-payroll',
		speaker: { 'zh-CN': '汽修厂老板', en: 'Owner of a car-repair shop' },
		text: {
			'zh-CN': '贷款是在你们行办的，可 12 个员工的工资在另一家银行代发，收款用的是第三方的码，月底对账要跑三个地方。',
			en: 'My loan is with you, but the 12 staff are paid through another bank, customers pay by a third-party QR code, and at month end I reconcile in three places.',
		},
	},
	{
		id: 'need-040',
		cue: 'family-and-insurance',
		speaker: { 'zh-CN': '汽修厂老板', en: 'Owner of a car-repair shop' },
		text: {
			'zh-CN': '厂里那几台举升机一直没上保险；女儿明年要出国读书，还得换汇。这些事你们银行也能帮忙吗？',
			en: 'The lifts in the workshop have never been insured, and my daughter goes abroad to study next year, so I’ll need foreign exchange. Can your bank help with these too?',
		},
	},
	{
		id: 'need-050',
		cue: 'survival-first',
		speaker: { 'zh-CN': '服装店老板', en: 'Owner of a clothing shop' },
		text: {
			'zh-CN': '下个月的工资还差 20 万没着落，贷款三个月后又到期。你先别跟我讲理财了。',
			en: 'I’m 200,000 yuan short for next month’s wages and my loan falls due in three months. Please don’t talk to me about wealth products now.',
		},
	},
	{
		id: 'need-060',
		cue: 'wealth-layer',
		speaker: { 'zh-CN': '建材批发商', en: 'Building-materials wholesaler' },
		text: {
			'zh-CN': '这几年周转早就稳了，账上常年有三四百万闲着。我想看看这些钱怎么打理更好，家里的资产也想规划一下。',
			en: 'Cash flow has been steady for years and three or four million yuan sit idle in the account. I’d like to manage that money better and plan the family’s assets.',
		},
	},
	{
		id: 'need-070',
		cue: 'seasonal-swing',
		speaker: { 'zh-CN': '农资经销商', en: 'Farm-supplies dealer' },
		text: {
			'zh-CN': '每年 2 到 4 月备春耕农资要 200 万，其余月份 50 万就够。去年那笔一年期贷款，一大半时间都在白付利息。',
			en: 'From February to April I need 2 million yuan to stock for spring planting; the rest of the year 500,000 is enough. Last year’s one-year loan had me paying interest for nothing most of the time.',
		},
	},
	{
		id: 'need-080',
		cue: 'terms-shift',
		speaker: { 'zh-CN': '家电批发商', en: 'Appliance wholesaler' },
		text: {
			'zh-CN': '上游厂家今年突然改了规矩，要先付款再发货。以前可是给我们 60 天账期的，我这边资金一下子就紧了。',
			en: 'This year the manufacturer suddenly wants payment before shipping. We used to get 60 days’ credit; my cash is suddenly tight.',
		},
	},
	{
		id: 'need-090',
		cue: 'scaling-up',
		speaker: { 'zh-CN': '奶茶店老板', en: 'Owner of bubble-tea shops' },
		text: {
			'zh-CN': '我现在有 3 家奶茶店，明年打算注册公司、开到 8 家。到时候要统一采购，还要给 40 来个员工发工资。',
			en: 'I have 3 bubble-tea shops and plan to register a company next year and grow to 8. Then I’ll buy centrally and pay about 40 staff.',
		},
	},
	{
		id: 'need-100',
		cue: 'form-upgrade',
		speaker: { 'zh-CN': '家装师傅', en: 'Home-renovation contractor' },
		text: {
			'zh-CN': '我做家装做了 5 年，一直是个体户接散活。今年想注册公司，去投小区整体改造的项目。',
			en: 'I’ve done home renovation for 5 years as an individual business taking odd jobs. This year I want to register a company and bid for whole-estate renovation projects.',
		},
	},
];
