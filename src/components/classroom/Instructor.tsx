/**
 * The instructor page's island: set up a class session (code, seed, simulations), hand out links
 * and QR codes, import the trainees' result codes and files, and debrief the class.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { makeT, type Dict } from '../../i18n/format';
import type { Catalogue } from '../../domain/products';
import { $debriefKeys } from '../../stores/classroom';
import SessionSetup from './SessionSetup';
import SessionLinks from './SessionLinks';
import ResultsImport from './ResultsImport';
import Debrief from './Debrief';
import type { QuizInfo, SimLink } from './types';

interface Props {
	strings: Dict;
	lang: string;
	sims: SimLink[];
	quizzes: QuizInfo[];
	catalogue: Catalogue;
	/** Path of the trainees' results page (base and locale included). */
	resultsPath: string;
}

export default function Instructor({ strings, lang, sims, quizzes, catalogue, resultsPath }: Props) {
	const t = useMemo(() => makeT(strings), [strings]);
	useEffect(() => {
		$debriefKeys.set({ quizzes: Object.fromEntries(quizzes.map((q) => [q.id, q.questions])), simOrder: sims.map((s) => s.id), catalogue, seed: null });
	}, []);
	return (
		<div class="classroom">
			<SessionSetup t={t} sims={sims} />
			<SessionLinks t={t} sims={sims} resultsPath={resultsPath} />
			<ResultsImport t={t} lang={lang} />
			<Debrief t={t} lang={lang} sims={sims} quizzes={quizzes} />
		</div>
	);
}
