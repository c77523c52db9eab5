/**
 * State of the capstone 组合经营: the game in progress (seed, round, phase, the learner's drafts per
 * round), kept in its own persistent store under CAPSTONE_KEY so a reload resumes at the same round
 * with the decisions kept. The pipeline, the checks, both books, the findings, the score and the
 * what-if replays are derived by the domain (src/domain/capstone.ts). The final result goes to
 * progress through recordSim when the fourth quarter is run.
 */
import { atom, computed } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import {
	CAPSTONE_ROUNDS,
	DRAFT_FIELDS,
	EMPTY_DRAFT,
	applicantRow,
	checkDraft,
	costliestDecisions,
	declineOf,
	defaultDraft,
	pipeline,
	playCapstone,
	scoreCapstone,
	summariseBook,
	type CapstoneGame,
	type DecisionDraft,
	type DraftCheck,
	type DraftField,
} from '../domain/capstone';
import type { Client } from '../domain/client';
import { DEFAULT_PORTFOLIO_WEIGHTS, type BookDecision, type PortfolioWeights } from '../domain/portfolio';
import { findProduct, type Catalogue } from '../domain/products';
import { recordSim } from './progress';
import { isValidSeed, randomSeed } from './sim-params';
import { CAPSTONE_KEY, PHASES, gameHeader, isObject, type Phase } from './capstone-save';

export { CAPSTONE_KEY, PHASES, type Phase };

export const CAPSTONE_SIM_ID = 'capstone';
export const DEFAULT_CAPSTONE_SEED = 'sme-2026';

/** The saved game. `drafts[round][clientId]` holds the form of each applicant as typed. */
export interface SavedGame {
	v: 1;
	seed: string;
	round: number;
	phase: Phase;
	drafts: Record<string, Record<string, DecisionDraft>>;
}

/** Why a saved game was not resumed, for a one-time message. */
export const $capNotice = atom<'corrupted' | null>(null);

function decodeDraft(x: unknown): DecisionDraft | null {
	if (!isObject(x)) return null;
	const out: DecisionDraft = { ...EMPTY_DRAFT };
	for (const f of DRAFT_FIELDS) {
		const v = x[f];
		if (v === undefined) continue;
		if (typeof v !== 'string' || v.length > 40) return null;
		(out as unknown as Record<string, string>)[f] = v;
	}
	if (!['', 'approve', 'decline'].includes(out.choice)) return null;
	return out;
}

/**
 * Read a saved game defensively: anything that is not a well-formed game (bad JSON, unknown
 * version, an invalid seed, round or phase) is ignored as corrupted; a malformed draft is dropped
 * and the rest kept.
 */
export function decodeGame(raw: string | undefined | null): { game: SavedGame | null; corrupted: boolean } {
	if (raw === undefined || raw === null || raw === '') return { game: null, corrupted: false };
	let x: unknown;
	try {
		x = JSON.parse(raw);
	} catch {
		return { game: null, corrupted: true };
	}
	const h = gameHeader(x);
	if (!h) return { game: null, corrupted: true };
	const drafts: SavedGame['drafts'] = {};
	for (const [round, perClient] of Object.entries(h.drafts)) {
		if (!/^[1-4]$/.test(round) || !isObject(perClient)) continue;
		const kept: Record<string, DecisionDraft> = {};
		for (const [id, d] of Object.entries(perClient)) {
			const draft = decodeDraft(d);
			if (draft && /^q[1-4]-c\d{4}$/.test(id)) kept[id] = draft;
		}
		drafts[round] = kept;
	}
	return {
		game: { v: 1, seed: h.seed, round: h.round, phase: h.phase, drafts },
		corrupted: false,
	};
}

export const $capSave = persistentAtom<SavedGame | null>(CAPSTONE_KEY, null, {
	encode: (g) => (g ? JSON.stringify(g) : undefined),
	decode: (raw) => {
		const { game, corrupted } = decodeGame(raw);
		if (corrupted) $capNotice.set('corrupted');
		return game;
	},
});

export const $capCatalogue = atom<Catalogue>([]);
export const $capWeights = atom<PortfolioWeights>(DEFAULT_PORTFOLIO_WEIGHTS);

const pipelineCache = new Map<string, Client[]>();
/** The applicants of a round of a seed (cached). */
export function roundPipeline(seed: string, round: number): Client[] {
	const key = `${seed}/${round}`;
	let apps = pipelineCache.get(key);
	if (!apps) {
		apps = pipeline(seed, round);
		if (pipelineCache.size > 40) pipelineCache.clear();
		pipelineCache.set(key, apps);
	}
	return apps;
}

/** The current round's applicants. */
export const $capPipeline = computed($capSave, (g) => (g ? roundPipeline(g.seed, g.round) : []));

/** The current round's drafts. */
export const $capDrafts = computed($capSave, (g) => (g ? (g.drafts[String(g.round)] ?? {}) : {}));

/** Every applicant's draft checked. */
export const $capChecks = computed([$capPipeline, $capDrafts, $capCatalogue], (apps, drafts, catalogue) => {
	const out: Record<string, DraftCheck> = {};
	for (const c of apps) out[c.id] = checkDraft(c, drafts[c.id] ?? EMPTY_DRAFT, catalogue);
	return out;
});

/** Rounds whose decisions are final (run). */
export function roundsRun(g: SavedGame | null): number {
	if (!g) return 0;
	return g.phase === 'deciding' ? g.round - 1 : g.round;
}

/** The learner's decisions of round `round` from the saved drafts (invalid or missing → decline). */
export function decisionsOf(g: SavedGame, round: number, catalogue: Catalogue): BookDecision[] {
	const drafts = g.drafts[String(round)] ?? {};
	return roundPipeline(g.seed, round).map(
		(c) => checkDraft(c, drafts[c.id] ?? EMPTY_DRAFT, catalogue).decision ?? declineOf(c.id),
	);
}

let gameCache: { key: string; game: CapstoneGame } | null = null;

/** The game played so far (the rounds run), recomputed only when a run round changes. */
export const $capGame = computed([$capSave, $capCatalogue], (g, catalogue) => {
	if (!g || catalogue.length === 0) return null;
	const run = roundsRun(g);
	const decisions: BookDecision[][] = [];
	for (let r = 1; r <= run; r++) decisions.push(decisionsOf(g, r, catalogue));
	const key = JSON.stringify([g.seed, catalogue.map((p) => p.id), decisions]);
	if (gameCache?.key !== key) gameCache = { key, game: playCapstone(g.seed, catalogue, decisions) };
	return gameCache.game;
});

/** The final score, once the fourth quarter has run. */
export const $capFeedback = computed([$capGame, $capWeights], (game, weights) =>
	game && game.rounds.length === CAPSTONE_ROUNDS ? scoreCapstone(game, { weights }) : null,
);

/** The three costliest decisions with their what-if replays, in the debrief. */
export const $capCostliest = computed([$capSave, $capGame, $capCatalogue, $capWeights], (g, game, catalogue, weights) =>
	g?.phase === 'debrief' && game && game.rounds.length === CAPSTONE_ROUNDS ? costliestDecisions(game, catalogue, { weights }) : [],
);

/** Set the catalogue and weights (from the lesson page). */
export function configureCapstone(catalogue: Catalogue, weights: PortfolioWeights = DEFAULT_PORTFOLIO_WEIGHTS): void {
	$capCatalogue.set(catalogue);
	$capWeights.set(weights);
}

/**
 * Open the game: a valid seed from the URL that differs from the saved game starts that game;
 * otherwise the saved game resumes, or a new one starts with `defaultSeed`.
 */
export function openCapstone(defaultSeed: string, urlSeed: string | null): void {
	const saved = $capSave.get();
	if (urlSeed && isValidSeed(urlSeed) && saved?.seed !== urlSeed) newGame(urlSeed);
	else if (!saved) newGame(isValidSeed(defaultSeed) ? defaultSeed : DEFAULT_CAPSTONE_SEED);
}

/** Start a game with `seed` at the first quarter. */
export function newGame(seed: string): void {
	$capSave.set({ v: 1, seed, round: 1, phase: 'deciding', drafts: {} });
}

/** Start again with the same seed. */
export function restartGame(): void {
	newGame($capSave.get()?.seed ?? DEFAULT_CAPSTONE_SEED);
}

/** Start a game with a fresh random seed. */
export function randomGame(random?: () => number): string {
	const seed = randomSeed(random);
	newGame(seed);
	return seed;
}

/** Dismiss the corrupted-save message. */
export function dismissCapNotice(): void {
	$capNotice.set(null);
}

function updateDrafts(fn: (drafts: Record<string, DecisionDraft>) => Record<string, DecisionDraft>): void {
	const g = $capSave.get();
	if (!g || g.phase !== 'deciding') return;
	const key = String(g.round);
	$capSave.set({ ...g, drafts: { ...g.drafts, [key]: fn(g.drafts[key] ?? {}) } });
}

/** Approve or decline an applicant (approving keeps what was typed). */
export function setChoice(clientId: string, choice: 'approve' | 'decline'): void {
	updateDrafts((d) => ({ ...d, [clientId]: { ...EMPTY_DRAFT, ...d[clientId], choice } }));
}

/** Choose a product: the five elements are prefilled from the product (not from the expert). */
export function selectProduct(clientId: string, productId: string): void {
	const client = $capPipeline.get().find((c) => c.id === clientId);
	const product = findProduct($capCatalogue.get(), productId);
	updateDrafts((d) => ({
		...d,
		[clientId]:
			client && product
				? defaultDraft(client, product)
				: { ...EMPTY_DRAFT, ...d[clientId], choice: 'approve', productId: '' },
	}));
}

/** Type into one field of an applicant's form. */
export function setField(clientId: string, field: Exclude<DraftField, 'choice' | 'productId'>, value: string): void {
	updateDrafts((d) => ({ ...d, [clientId]: { ...EMPTY_DRAFT, ...d[clientId], [field]: value.slice(0, 40) } }));
}

/** Decline every applicant with a prohibited purpose; returns how many. */
export function declineProhibited(): number {
	const ids = $capPipeline
		.get()
		.filter((c) => !applicantRow(c).permittedPurpose)
		.map((c) => c.id);
	updateDrafts((d) => {
		const out = { ...d };
		for (const id of ids) out[id] = { ...EMPTY_DRAFT, ...d[id], choice: 'decline' };
		return out;
	});
	return ids.length;
}

/** Decline every applicant not decided yet; returns how many. */
export function declineUndecided(): number {
	const drafts = $capDrafts.get();
	const ids = $capPipeline
		.get()
		.filter((c) => !drafts[c.id]?.choice)
		.map((c) => c.id);
	updateDrafts((d) => {
		const out = { ...d };
		for (const id of ids) out[id] = { ...EMPTY_DRAFT, ...d[id], choice: 'decline' };
		return out;
	});
	return ids.length;
}

/** Why a quarter cannot run yet. */
export interface RunBlocked {
	ok: false;
	undecided: number;
	invalid: number;
	first: { clientId: string; field: DraftField };
}

/**
 * Run the quarter when every applicant is decided and every approval is valid; the fourth
 * quarter also saves the result to progress.
 */
export function runQuarter(): { ok: true } | RunBlocked {
	const g = $capSave.get();
	if (!g || g.phase !== 'deciding') return { ok: true };
	const checks = $capChecks.get();
	const apps = $capPipeline.get();
	let undecided = 0;
	let invalid = 0;
	let first: RunBlocked['first'] | null = null;
	for (const c of apps) {
		const errors = checks[c.id]?.errors ?? {};
		const fields = DRAFT_FIELDS.filter((f) => errors[f]);
		if (fields.length === 0) continue;
		if (fields[0] === 'choice') undecided++;
		else invalid++;
		first ??= { clientId: c.id, field: fields[0] as DraftField };
	}
	if (first) return { ok: false, undecided, invalid, first };
	$capSave.set({ ...g, phase: 'report' });
	if (g.round === CAPSTONE_ROUNDS) saveResult();
	return { ok: true };
}

function saveResult(): void {
	const g = $capSave.get() as SavedGame;
	const game = $capGame.get() as CapstoneGame;
	const fb = $capFeedback.get();
	if (!fb) return;
	const s = summariseBook(game.learner.state);
	recordSim(CAPSTONE_SIM_ID, {
		score: fb.score,
		max: fb.max,
		seed: g.seed,
		detail: {
			balanceWan: s.balanceWan,
			borrowers: s.borrowers,
			nplRatio: s.nplRatio,
			raroc: s.raroc,
			breaches: s.complianceBreaches,
		},
	});
}

/** After a quarter report: the next quarter, or the debrief after the fourth. */
export function nextRound(): void {
	const g = $capSave.get();
	if (!g || g.phase !== 'report') return;
	if (g.round >= CAPSTONE_ROUNDS) $capSave.set({ ...g, phase: 'debrief' });
	else $capSave.set({ ...g, round: g.round + 1, phase: 'deciding' });
}
