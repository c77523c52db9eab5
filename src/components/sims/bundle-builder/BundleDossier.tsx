/**
 * The client profile as the learner reads it before building the bundle: the business, the loan it
 * needs, and one line per add-on saying what the client does today — the facts that decide fit.
 */
import { ADD_ON_SERVICES, type AddOnService, type BundleProfile } from '../../../domain/bundle';
import type { T } from '../../../i18n/format';
import { num, pct } from './format';

/** Variables every fact line may use, from the profile's figures. */
export function profileVars(p: BundleProfile, t: T): Record<string, string | number> {
	return {
		name: t(`bundleProfile.${p.id}`),
		employees: p.employees,
		revenueWan: num(p.revenueWan),
		loanWan: num(p.loanWan),
		rate: pct(p.loanRate),
		fees: num(p.settlementFeesWan),
		depositWan: num(p.depositWan),
		payrollBalanceWan: num(p.payrollBalanceWan),
		acquiringVolumeWan: num(p.acquiringVolumeWan),
		wealthWan: num(p.wealthWan),
		premiumWan: num(p.insurancePremiumWan),
		onlineSalesWan: num(p.onlineSalesWan),
		cardSpendWan: num(p.cardSpendWan),
		instalmentWan: num(p.instalmentWan),
		topCustomerShare: pct(p.topCustomerShare),
	};
}

/** The fact line of one add-on: what the client does today (or why it has no use for the service). */
export function factOf(p: BundleProfile, service: AddOnService, t: T): string {
	const reason = p.unfit[service];
	return t(`sim.bundle-builder.fact.${reason ?? `${p.id}.${service}`}`, profileVars(p, t));
}

export default function BundleDossier({ profile: p, t }: { profile: BundleProfile; t: T }) {
	const vars = profileVars(p, t);
	const rows: [string, string][] = [
		[t('sim.bundle-builder.dossier.business'), t(`bundleProfile.${p.id}.trade`)],
		[t('sim.bundle-builder.dossier.form'), t(`legalForm.${p.legalForm}`)],
		[t('sim.bundle-builder.dossier.staff'), p.employees > 0 ? t('sim.bundle-builder.dossier.staffValue', vars) : t('sim.bundle-builder.dossier.noStaff')],
		[t('sim.bundle-builder.dossier.sales'), t('sim.bundle-builder.dossier.salesValue', vars)],
		[t('sim.bundle-builder.dossier.loan'), t('sim.bundle-builder.dossier.loanValue', { ...vars, purpose: t(`bundleProfile.${p.id}.purpose`) })],
	];
	return (
		<article class="sim-card bb-dossier" aria-labelledby="bb-dossier-name">
			<h4 id="bb-dossier-name" class="dossier-name">
				{t(`bundleProfile.${p.id}`)}
			</h4>
			<dl class="dossier-facts">
				{rows.map(([k, v]) => (
					<div key={k}>
						<dt>{k}</dt>
						<dd>{v}</dd>
					</div>
				))}
			</dl>
			<h5 class="bb-facts-title">{t('sim.bundle-builder.dossier.today')}</h5>
			<ul class="bb-facts">
				{ADD_ON_SERVICES.map((s) => (
					<li key={s}>
						<strong>{t(`bundleService.${s}`)}</strong>：{factOf(p, s, t)}
					</li>
				))}
			</ul>
		</article>
	);
}
