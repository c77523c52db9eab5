/**
 * The messages a role-play's feedback needs from its scenario file: each finding's consequence,
 * keyed `finding.roleplay.<scenario id>.<code>` as the domain emits it. Kept free of zod so the
 * island can import it.
 */
interface ConsequenceSource {
	id: string;
	nodes: readonly { choices: readonly { finding?: string | undefined; consequence?: string | undefined }[] }[];
}

/** `finding.roleplay.<id>.<code>` → consequence text, for every choice that has both. */
export function scenarioStrings(s: ConsequenceSource): Record<string, string> {
	const out: Record<string, string> = {};
	for (const n of s.nodes) for (const c of n.choices) if (c.finding && c.consequence) out[`finding.roleplay.${s.id}.${c.finding}`] = c.consequence;
	return out;
}
