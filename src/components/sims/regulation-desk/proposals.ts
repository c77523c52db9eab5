/**
 * The proposals on the regulation case desk: a short narrative (zh-CN and en) with the numbers a
 * loan officer would see, and the same facts as a LoanProposal for the compliance rules. No
 * proposal says whether it is compliant: the verdict comes from checkProposal, and
 * tests/unit/domain/regulation-desk.test.ts checks that every figure appears in both narratives.
 *
 * Writing a proposal: state every figure of `proposal` in the text — amounts as "1,200 万元",
 * terms as "48 个月" / "48 months", shares and fee rates as "20%" / "1.8%" — and keep ids spaced by
 * 10 so new cases can go in between. Firms and people are invented.
 */
import type { LoanProposal } from '../../../domain/compliance';

export interface DeskProposal {
	id: string;
	narrative: { 'zh-CN': string; en: string };
	proposal: LoanProposal;
}

export const DESK_PROPOSALS: DeskProposal[] = [
	{
		id: 'case-010',
		narrative: {
			'zh-CN':
				'某城商行与一家互联网平台合作推出线上经营贷，给一家做服装网店的微型企业发放流动资金贷款 50 万元，期限 12 个月，随借随还，全流程线上自动审批。合同约定银行出资 40 万元、平台出资 10 万元，即平台出资 20%。',
			en: 'A city commercial bank and an internet platform jointly offer an online business loan. A micro firm running an online clothing shop gets a working-capital loan of 50 万元 for 12 months, drawn and repaid at will, approved online end to end. The contract has the bank fund 40 万元 and the platform 10 万元, i.e. the platform funds 20%.',
		},
		proposal: { borrower: 'micro', loanUse: 'business', amountWan: 50, purpose: 'working-capital', termMonths: 12, repayment: 'revolving', channel: 'online-data', internet: true, partnerShare: 0.2 },
	},
	{
		id: 'case-020',
		narrative: {
			'zh-CN':
				'一家小型五金批发企业在本行已有 400 万元流动资金贷款，这次再申请 800 万元备货贷款，期限 12 个月，按月付息、到期还本，以厂房抵押。批准后，它在本行的单户授信总额为 1,200 万元。支行把这笔 800 万元贷款报为普惠型小微企业贷款。',
			en: 'A small hardware wholesaler already has a 400 万元 working-capital loan with the bank and now asks for another 800 万元 to stock up, for 12 months, interest monthly and principal at maturity, secured on its workshop. Once approved its total credit with the bank is 1,200 万元. The branch reports the 800 万元 loan as an inclusive SME loan (普惠型).',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 800, creditLineTotalWan: 1200, labelledInclusive: true, purpose: 'inventory-stocking', termMonths: 12, repayment: 'interest-monthly-bullet', guarantee: 'mortgage' },
	},
	{
		id: 'case-030',
		narrative: {
			'zh-CN':
				'个体工商户王某做建材批发，申请经营贷 200 万元，期限 12 个月，申请书上的用途是向供应商采购瓷砖，银行受托支付给供应商。放款后第 5 天的贷后检查发现：其中 180 万元经一家刚成立的贸易公司转到王某妻子的账户，当天就付了一套住房的首付款。',
			en: 'Mr Wang, an individual business selling building materials wholesale, takes a business loan of 200 万元 for 12 months; the stated purpose is buying tiles, and the bank pays the supplier directly. The post-loan check on day 5 finds that 180 万元 went through a newly set-up trading company into his wife’s account and paid the down payment on a flat the same day.',
		},
		proposal: { borrower: 'individual-business', loanUse: 'business', amountWan: 200, purpose: 'real-estate-investment', termMonths: 12, repayment: 'interest-monthly-bullet', guarantee: 'personal-guarantee' },
	},
	{
		id: 'case-040',
		narrative: {
			'zh-CN':
				'一家小型食品加工企业（员工 45 人，年营业收入 2,600 万元）申请流动资金贷款 300 万元，用于采购面粉、油脂等原料，期限 12 个月，按月付息、到期还本，以自有厂房抵押。这是它在本行唯一的授信，单户授信总额 300 万元，支行把它报为普惠型小微企业贷款。',
			en: 'A small food processor (45 staff, annual revenue 2,600 万元) applies for a working-capital loan of 300 万元 to buy flour, oil and other ingredients, for 12 months, interest monthly and principal at maturity, secured on its own plant. It is the firm’s only credit with the bank, total credit 300 万元, and the branch reports it as an inclusive SME loan (普惠型).',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 300, creditLineTotalWan: 300, labelledInclusive: true, purpose: 'working-capital', termMonths: 12, repayment: 'interest-monthly-bullet', guarantee: 'mortgage' },
	},
	{
		id: 'case-050',
		narrative: {
			'zh-CN':
				'一家小型商贸公司申请流动资金贷款 200 万元，用于日常进货周转。客户想“每月压力小一点”，客户经理就把期限定为 48 个月，等额本息还款，由关联企业担保。这家公司从进货到回款大约 2 个月，没有回收周期长的情况。',
			en: 'A small trading company applies for a working-capital loan of 200 万元 for day-to-day purchasing. The client wants “smaller monthly payments”, so the loan officer sets the term at 48 months, equal instalments, guaranteed by an affiliated company. The firm turns purchases into cash in about 2 months; its cash cycle is not long.',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 200, purpose: 'working-capital', termMonths: 48, repayment: 'equal-installment', longCashCycle: false, guarantee: 'company-guarantee' },
	},
	{
		id: 'case-060',
		narrative: {
			'zh-CN':
				'某银行手机银行上的个人消费信用贷款，全流程线上审批、无担保。一位客户申请用于装修和购置家电，系统核定授信额度 25 万元，期限 24 个月，等额本息还款。',
			en: 'A personal consumer credit loan in a bank’s mobile app, approved online end to end, unsecured. A customer applies to renovate and buy appliances; the system grants a credit line of 25 万元 for 24 months, repaid in equal instalments.',
		},
		proposal: { borrower: 'consumer', loanUse: 'consumer', amountWan: 25, creditLineTotalWan: 25, purpose: 'consumer', termMonths: 24, repayment: 'equal-installment', internet: true },
	},
	{
		id: 'case-070',
		narrative: {
			'zh-CN':
				'一家小型服装加工厂接到外贸订单，申请 300 万元贷款用于订单生产，期限 12 个月，由当地政府性融资担保公司担保，银行承担 20% 的风险责任。担保公司按担保金额每年收取 1.8% 的担保费。',
			en: 'A small garment maker wins an export order and applies for 300 万元 to produce it, for 12 months, guaranteed by the local government financing-guarantee company; the bank keeps 20% of the risk. The guarantor charges an annual fee of 1.8% of the amount guaranteed.',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 300, purpose: 'order-fulfilment', termMonths: 12, repayment: 'interest-monthly-bullet', guarantee: 'government-guarantee', guaranteeFeeRate: 0.018, bankRiskShare: 0.2 },
	},
	{
		id: 'case-080',
		narrative: {
			'zh-CN':
				'个体工商户李某开早餐店，申请信用经营贷 40 万元，期限 12 个月，申请书上的用途是“店面装修”。面谈时他说漏了嘴：店面去年已经装修过，这笔钱其实是要给家里换一辆车。客户经理照原样提交了申请。',
			en: 'Mr Li, an individual business running a breakfast shop, applies for an unsecured business loan of 40 万元 for 12 months, stated purpose “shop renovation”. In the interview he lets slip that the shop was renovated last year and the money is really for a new family car. The loan officer submits the application unchanged.',
		},
		proposal: { borrower: 'individual-business', loanUse: 'business', amountWan: 40, purpose: 'consumer', termMonths: 12, repayment: 'equal-installment', guarantee: 'credit' },
	},
	{
		id: 'case-090',
		narrative: {
			'zh-CN':
				'某城商行与平台联合发放线上经营贷，向一家个体便利店发放备货贷款 20 万元，期限 12 个月，随借随还。单笔贷款中平台出资 6 万元、银行出资 14 万元，平台出资 30%。授信审批和放款指令都由银行自己的系统发出。',
			en: 'A city commercial bank and a platform jointly lend online: a corner shop run as an individual business gets a stocking loan of 20 万元 for 12 months, drawn and repaid at will. In this loan the platform funds 6 万元 and the bank 14 万元, i.e. the platform funds 30%. The credit decision and the disbursement order come from the bank’s own system.',
		},
		proposal: { borrower: 'individual-business', loanUse: 'business', amountWan: 20, purpose: 'inventory-stocking', termMonths: 12, repayment: 'revolving', channel: 'online-data', internet: true, partnerShare: 0.3 },
	},
	{
		id: 'case-100',
		narrative: {
			'zh-CN':
				'一家小型机械配件企业申请流动资金贷款 600 万元，期限 24 个月，等额本金还款，由省级政府性融资担保机构担保，银行承担 20% 的风险责任。担保费率为每年 1.2%。',
			en: 'A small machinery-parts maker applies for a working-capital loan of 600 万元 for 24 months, equal principal repayments, guaranteed by the provincial government financing-guarantee agency; the bank keeps 20% of the risk. The guarantee fee is 1.2% a year.',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 600, purpose: 'working-capital', termMonths: 24, repayment: 'equal-principal', guarantee: 'government-guarantee', guaranteeFeeRate: 0.012, bankRiskShare: 0.2 },
	},
	{
		id: 'case-110',
		narrative: {
			'zh-CN':
				'手机银行个人消费信用贷款，全流程线上审批。一位中学教师申请用于孩子暑期游学的费用，授信额度 20 万元，期限 12 个月，按月付息、到期一次还本。',
			en: 'A personal consumer credit loan in the mobile app, approved online end to end. A secondary-school teacher applies to pay for a child’s summer study trip: credit line 20 万元, 12 months, interest monthly and all principal at maturity.',
		},
		proposal: { borrower: 'consumer', loanUse: 'consumer', amountWan: 20, creditLineTotalWan: 20, purpose: 'consumer', termMonths: 12, repayment: 'interest-monthly-bullet', internet: true },
	},
	{
		id: 'case-120',
		narrative: {
			'zh-CN':
				'一家小型苗木种植公司（年营业收入 400 万元），苗木从育苗到出圃要 3 到 4 年。它申请流动资金贷款 80 万元，用于购买种苗和肥料，期限 48 个月，按出圃季节不等额还款。客户经理在调查报告里测算并写明了经营现金流回收周期长的情况。',
			en: 'A small tree-nursery company (annual revenue 400 万元) needs 3 to 4 years from seedling to sale. It applies for a working-capital loan of 80 万元 for seedlings and fertiliser, for 48 months, repaid unevenly with the selling seasons. The loan officer’s report works out and documents the long cash cycle.',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 80, purpose: 'agricultural-production', termMonths: 48, longCashCycle: true, repayment: 'seasonal', guarantee: 'personal-guarantee' },
	},
	{
		id: 'case-130',
		narrative: {
			'zh-CN':
				'一家小型电子元件企业在本行已有 400 万元流动资金贷款，这次新增订单贷款 600 万元，期限 12 个月，以订单项下应收账款质押、回款自偿。新增后单户授信总额正好 1,000 万元，支行把它报为普惠型小微企业贷款。',
			en: 'A small electronic-components maker already has a 400 万元 working-capital loan and now takes an order loan of 600 万元 for 12 months, secured by the order’s receivables and repaid from the buyer’s payment. Its total credit is then exactly 1,000 万元, and the branch reports it as an inclusive SME loan (普惠型).',
		},
		proposal: { borrower: 'small', loanUse: 'business', amountWan: 600, creditLineTotalWan: 1000, labelledInclusive: true, purpose: 'order-fulfilment', termMonths: 12, repayment: 'self-liquidating', guarantee: 'pledge' },
	},
	{
		id: 'case-140',
		narrative: {
			'zh-CN':
				'一家微型印刷厂（员工 8 人）申请 120 万元贷款购置一台印刷机，期限 36 个月，等额本息还款，以自有房产抵押。设备款由银行受托支付给设备厂家，发票和到货验收单齐全。',
			en: 'A micro printing shop (8 staff) applies for 120 万元 to buy a printing press, for 36 months, equal instalments, secured on its own premises. The bank pays the equipment maker directly; invoice and delivery acceptance are on file.',
		},
		proposal: { borrower: 'micro', loanUse: 'business', amountWan: 120, purpose: 'equipment', termMonths: 36, repayment: 'equal-installment', guarantee: 'mortgage' },
	},
	{
		id: 'case-150',
		narrative: {
			'zh-CN':
				'一家中型家具制造企业（员工 420 人，年营业收入 3.2 亿元）申请流动资金贷款 500 万元，期限 48 个月，等额本息还款，没有回收周期长的情况。支行认为这笔只有 500 万元，就把它报为普惠型小微企业贷款，该企业在本行的单户授信总额也是 500 万元。',
			en: 'A medium-sized furniture maker (420 staff, annual revenue 320 million yuan) applies for a working-capital loan of 500 万元 for 48 months, equal instalments; its cash cycle is not long. Because the loan is “only 500 万元”, the branch reports it as an inclusive SME loan (普惠型); the firm’s total credit with the bank is also 500 万元.',
		},
		proposal: { borrower: 'medium', loanUse: 'business', amountWan: 500, creditLineTotalWan: 500, labelledInclusive: true, purpose: 'working-capital', termMonths: 48, repayment: 'equal-installment', guarantee: 'mortgage' },
	},
];
