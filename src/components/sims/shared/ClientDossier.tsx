/**
 * A mock client's dossier as a learner would read it: business, size indicators, finances, credit
 * and the owner's soft information. Shared by every simulation that shows a client.
 */
import type { Client } from '../../../domain/client';
import type { T } from '../../../i18n/format';

interface Props {
	client: Client;
	t: T;
	/** Show the finance detail used for product matching (cash cycle, margins, supply chain). */
	detail?: boolean;
	headingLevel?: 3 | 4;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const wan = (x: number) => `${Math.round(x * 10) / 10}`;

export default function ClientDossier({ client: c, t, detail = false, headingLevel = 4 }: Props) {
	const H = headingLevel === 3 ? 'h3' : 'h4';
	const collateral = c.collateral.length
		? c.collateral.map((k) => `${t(`collateral.${k.kind}`)} ${wan(k.valueWan)} ${t('unit.wan')}`).join('；')
		: t('dossier.none');
	const rows: [string, string][] = [
		[t('dossier.legalForm'), t(`legalForm.${c.legalForm}`)],
		[t('dossier.industry'), t(`industry.${c.industry}`)],
		[t('dossier.years'), t('dossier.yearsValue', { n: c.yearsInBusiness })],
		[t('dossier.employees'), t('dossier.people', { n: c.employees })],
		[t('dossier.revenue'), `${wan(c.revenueWan)} ${t('unit.wan')}`],
		[t('dossier.assets'), `${wan(c.assetsWan)} ${t('unit.wan')}`],
		[t('dossier.netMargin'), pct(c.netMargin)],
		[t('dossier.debt'), `${wan(c.existingDebtWan)} ${t('unit.wan')}`],
		[t('dossier.credit'), t(`creditHistory.${c.creditHistory}`)],
		[t('dossier.statements'), t(`statements.${c.statements}`)],
		[t('dossier.collateral'), collateral],
		[t('dossier.request'), t('dossier.requestValue', { amount: wan(c.requestedAmountWan), months: c.requestedTermMonths, purpose: t(`purpose.${c.purpose}`) })],
		[
			t('dossier.owner'),
			t('dossier.ownerValue', {
				age: c.owner.age,
				years: c.owner.yearsInTrade,
				borrowed: c.owner.borrowedBefore ? t('dossier.borrowedYes') : t('dossier.borrowedNo'),
				reputation: t(`reputation.${c.owner.reputation}`),
			}),
		],
	];
	if (detail) {
		rows.push(
			[t('dossier.grossMargin'), pct(c.grossMargin)],
			[t('dossier.cycle'), t('dossier.cycleValue', { inv: c.inventoryDays, ar: c.receivableDays, ap: c.payableDays })],
			[t('dossier.guarantor'), t(`guarantor.${c.guarantor}`)],
			[
				t('dossier.supplyChain'),
				t('dossier.supplyChainValue', {
					anchor: c.supplyChain.anchorBuyer ? t('dossier.yes') : t('dossier.no'),
					share: pct(c.supplyChain.topCustomerShare),
					months: c.supplyChain.settlementMonthsWithBank,
					grade: c.supplyChain.taxGrade ?? t('dossier.none'),
				}),
			],
		);
	}
	return (
		<article class="dossier">
			<H class="dossier-name">
				{c.name}
				<span class="dossier-trade"> · {c.trade}</span>
				{c.green && <span class="tag">{t('dossier.green')}</span>}
				{c.rural && <span class="tag">{t('dossier.rural')}</span>}
			</H>
			<dl class="dossier-facts">
				{rows.map(([k, v]) => (
					<div key={k}>
						<dt>{k}</dt>
						<dd>{v}</dd>
					</div>
				))}
			</dl>
		</article>
	);
}
