/**
 * The course result the LMS sees, derived from the learner's progress only (pure functions).
 *
 * Score (documented in README § "LMS (SCORM) packages"):
 *   quiz part = mean over every knowledge check of the course of (best score / max), 0 if never taken
 *   sim part  = mean over every simulation of the course of (best score / max), 0 if never taken
 *   score     = mean of the parts that exist (a course without simulations scores on quizzes only)
 * Both parts use the best attempt, as the progress page does. The score is reported only once the
 * learner has taken at least one knowledge check or simulation.
 *
 * Completion = every lesson of the course marked complete. Success = score ≥ mastery score.
 * SCORM 1.2 has one field for both: incomplete until every lesson is complete, then passed or
 * failed (completed when the course has no quiz or simulation). SCORM 2004 reports them apart:
 * success is passed/failed as soon as there is a score (what an LMS derives anyway from
 * cmi.score.scaled and the manifest's scaled passing score), unknown before.
 */
import type { AttemptRecord, ProgressState } from '../stores/progress-codec';
import type { CourseOutline } from './outline';

export interface CourseScore {
	/** 0..1, 4 decimals. */
	scaled: number;
	/** Mean best ratio over all quizzes (0..1), null when the course has none. */
	quizzes: number | null;
	/** Mean best ratio over all simulations (0..1), null when the course has none. */
	sims: number | null;
}

export interface CourseResult {
	lessonsDone: number;
	lessonsTotal: number;
	/** Every required lesson complete. */
	completed: boolean;
	score: CourseScore | null;
	/** true/false against the mastery score, null when there is no score yet. */
	passed: boolean | null;
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const ratio = (r: AttemptRecord | undefined): number => (r && r.max > 0 ? Math.min(1, Math.max(0, r.best / r.max)) : 0);

function part(ids: readonly string[], records: Record<string, AttemptRecord>): number | null {
	if (ids.length === 0) return null;
	return ids.reduce((s, id) => s + ratio(records[id]), 0) / ids.length;
}

/** The aggregate score, or null while no quiz or simulation of the course has been attempted. */
export function courseScore(state: ProgressState, outline: Pick<CourseOutline, 'quizzes' | 'sims'>): CourseScore | null {
	const attempted = outline.quizzes.some((id) => state.quizzes[id]) || outline.sims.some((id) => state.sims[id]);
	if (!attempted) return null;
	const quizzes = part(outline.quizzes, state.quizzes);
	const sims = part(outline.sims, state.sims);
	const parts = [quizzes, sims].filter((p): p is number => p !== null);
	const scaled = round4(parts.reduce((s, p) => s + p, 0) / parts.length);
	return { scaled, quizzes: quizzes === null ? null : round4(quizzes), sims: sims === null ? null : round4(sims) };
}

/** Completion, score and success of the course for a mastery score (0..1). */
export function courseResult(state: ProgressState, outline: Pick<CourseOutline, 'lessons' | 'quizzes' | 'sims'>, mastery: number): CourseResult {
	const lessonsDone = outline.lessons.filter((id) => state.lessons[id]?.completedAt !== undefined).length;
	const score = courseScore(state, outline);
	return {
		lessonsDone,
		lessonsTotal: outline.lessons.length,
		completed: lessonsDone === outline.lessons.length,
		score,
		// 1e-9 absorbs binary rounding: 0.8 mastery is reached by a 0.8 score.
		passed: score ? score.scaled >= mastery - 1e-9 : null,
	};
}

/** SCORM 1.2 `cmi.core.lesson_status` (one field for completion and success). */
export function lessonStatus12(r: CourseResult): 'incomplete' | 'completed' | 'passed' | 'failed' {
	if (r.passed === true && r.completed) return 'passed';
	if (!r.completed) return 'incomplete';
	return r.passed === false ? 'failed' : 'completed';
}

/** SCORM 2004 `cmi.completion_status` and `cmi.success_status`. */
export function status2004(r: CourseResult): { completion: 'completed' | 'incomplete'; success: 'passed' | 'failed' | 'unknown' } {
	return {
		completion: r.completed ? 'completed' : 'incomplete',
		success: r.passed === null ? 'unknown' : r.passed ? 'passed' : 'failed',
	};
}
