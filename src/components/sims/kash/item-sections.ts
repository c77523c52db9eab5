/**
 * Where the course builds each KASH item: item → lesson id and the exact text of a heading in it.
 * Embed.astro resolves every entry through getCourse().section() at build time and fails the build,
 * naming the item, when a heading no longer exists.
 */
import type { KashItemId } from '../../../domain/kash';

export interface ItemSection {
	lesson: string;
	heading: string;
}

export const KASH_ITEM_SECTIONS: Record<KashItemId, ItemSection> = {
	'k-retail-credit': { lesson: 'm3/01-product-innovation', heading: '信贷产品五要素' },
	'k-territory': { lesson: 'm5/03-pre-marketing-research', heading: '商圈调研怎么做' },
	'k-systems': { lesson: 'm1/06-professional-qualities', heading: '日常工作四部曲' },
	'k-risk-process': { lesson: 'm1/05-eight-shifts', heading: '全流程合规：从补材料到全程留痕' },
	'k-management': { lesson: 'm2/01-service-cost', heading: '单笔贷款成本怎么算' },
	'k-talking-points': { lesson: 'm1/06-professional-qualities', heading: '知识积累：懂行才懂客户' },
	'a-positive': { lesson: 'm1/06-professional-qualities', heading: '正确的信贷观念' },
	'a-mission': { lesson: 'm1/06-professional-qualities', heading: '优秀客户经理的四个阶段' },
	'a-collective': { lesson: 'm1/04-internet-rural-law', heading: '乡村振兴考核评估办法' },
	'a-responsibility': { lesson: 'm1/04-internet-rural-law', heading: '经营贷资金不得违规流入房地产' },
	'a-execution': { lesson: 'm1/06-professional-qualities', heading: '日常工作四部曲' },
	'a-cohesion': { lesson: 'm3/03-organisational-innovation', heading: '专业、高效、灵活的组织' },
	's-closing': { lesson: 'm1/06-professional-qualities', heading: '沟通技能' },
	's-screening': { lesson: 'm4/04-segmentation', heading: '按风险承受能力分类' },
	's-internal': { lesson: 'm3/03-organisational-innovation', heading: '从部门银行到流程银行' },
	's-key-accounts': { lesson: 'm2/03-customer-acquisition', heading: '谈总成本而不是利率' },
	's-batch': { lesson: 'm2/03-customer-acquisition', heading: '商圈经营：把误区反过来' },
	's-negotiation': { lesson: 'm2/04-competition', heading: '用专业守住价格' },
	's-new-needs': { lesson: 'm4/03-five-needs', heading: '需求的多样性' },
	'h-client-contact': { lesson: 'm4/02-marketing-mindset', heading: '跟进计划' },
	'h-time': { lesson: 'm1/06-professional-qualities', heading: '日常工作四部曲' },
	'h-crm': { lesson: 'm1/05-eight-shifts', heading: '客户关系：从放完就走到分层经营' },
	'h-territory-loop': { lesson: 'm1/06-professional-qualities', heading: '营销开拓技能' },
	'h-tracking': { lesson: 'm1/05-eight-shifts', heading: '风控策略：从事后催收到全程预警' },
	'h-sharing': { lesson: 'm1/06-professional-qualities', heading: '分析总结技能' },
};
