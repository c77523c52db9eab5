/**
 * `whenNear(View, standIn)`: a component that renders `standIn` until it comes within one screen
 * height of the viewport, then View. Around a lazyView it keeps a view further down a lesson (the
 * product-matching charts, with chart.js) from being fetched when the lesson opens: the download
 * starts as the learner scrolls towards it, early enough to be there on arrival. Without
 * IntersectionObserver the view renders at once.
 */
import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** One screen height above and below the viewport. */
const NEAR = '100% 0px';

export function whenNear<P extends object>(View: FunctionComponent<P>, standIn: (props: P) => ComponentChildren): FunctionComponent<P> {
	return function Near(props: P) {
		const [near, setNear] = useState(false);
		const box = useRef<HTMLDivElement>(null);
		useEffect(() => {
			if (near) return;
			const el = box.current;
			if (!el || typeof IntersectionObserver === 'undefined') {
				setNear(true);
				return;
			}
			const watch = new IntersectionObserver(
				(entries) => {
					if (entries.some((e) => e.isIntersecting)) setNear(true);
				},
				{ rootMargin: NEAR },
			);
			watch.observe(el);
			return () => watch.disconnect();
		}, [near]);
		return near ? <View {...props} /> : <div ref={box}>{standIn(props)}</div>;
	};
}
