/**
 * Presenter-mode controller. Turns the lesson rendered in [data-deck-source] into slides (a new
 * slide at each <h2>, each <h3> — which keeps its section title as a kicker — and each
 * <hr class="slide-break">), then handles: → ← Space PageUp PageDown
 * Home End, `o` overview, `f` fullscreen, `b` blank, `p` presenter window, touch swipes. The
 * audience window and the presenter window (same URL with ?presenter=1) follow each other through
 * a BroadcastChannel named after the lesson.
 */

type Strings = Record<'slide' | 'next' | 'end' | 'notes' | 'noNotes' | 'timer' | 'reset' | 'overview' | 'presenter', string>;

interface Message {
	type: 'goto' | 'hello';
	index?: number;
	from: string;
}

const SWIPE_PX = 60;

function buildSlides(deck: HTMLElement): HTMLElement[] {
	const source = deck.querySelector<HTMLElement>('[data-deck-source]');
	const title = deck.querySelector<HTMLElement>('.slide-title')!;
	const end = deck.querySelector<HTMLElement>('.slide-end')!;
	const made: HTMLElement[] = [];
	let current: HTMLElement | null = null;
	let section = '';
	const fresh = () => {
		current = document.createElement('section');
		current.className = 'slide';
		// A slide scrolls when its content is long; keyboard users must be able to reach it.
		current.tabIndex = 0;
		made.push(current);
		return current;
	};
	for (const node of [...(source?.childNodes ?? [])]) {
		const el = node instanceof HTMLElement ? node : null;
		if (el?.matches('hr.slide-break')) {
			fresh();
			continue;
		}
		if (el?.tagName === 'H2') {
			section = el.textContent?.trim() ?? '';
			fresh();
		} else if (el?.tagName === 'H3') {
			const slide = fresh();
			if (section) {
				const kicker = document.createElement('p');
				kicker.className = 'slide-kicker';
				kicker.textContent = section;
				slide.append(kicker);
			}
		} else if (!current) fresh();
		current!.append(node);
	}
	source?.remove();
	const content = made.filter((s) => s.textContent?.trim() || s.querySelector('astro-island, canvas, img, math, table'));
	for (const s of content) {
		const h = s.querySelector('h3, h2');
		s.setAttribute('aria-label', h?.textContent?.trim() || title.getAttribute('aria-label') || '');
		deck.insertBefore(s, end);
	}
	return [title, ...content, end];
}

function label(slide: HTMLElement): string {
	return slide.getAttribute('aria-label') ?? '';
}

/** Start the deck on this page. */
export function startDeck(): void {
	const deck = document.querySelector<HTMLElement>('[data-deck]');
	if (!deck) return;
	const s = JSON.parse(deck.dataset['strings'] ?? '{}') as Strings;
	const slides = buildSlides(deck);
	const counter = document.querySelector<HTMLElement>('[data-counter]')!;
	const blank = document.querySelector<HTMLElement>('[data-blank]')!;
	const overview = document.querySelector<HTMLElement>('[data-overview]')!;
	const overviewList = document.querySelector<HTMLOListElement>('[data-overview-list]')!;
	const panel = document.querySelector<HTMLElement>('[data-presenter]')!;
	const nextPreview = document.querySelector<HTMLElement>('[data-next-preview]')!;
	const notesView = document.querySelector<HTMLElement>('[data-notes-view]')!;
	const timer = document.querySelector<HTMLElement>('[data-timer]')!;
	const isPresenter = new URLSearchParams(location.search).has('presenter');
	const me = Math.random().toString(36).slice(2);
	const channel = 'BroadcastChannel' in window ? new BroadcastChannel(`sme-present:${deck.dataset['deckId']}`) : null;
	const lessonNotes = deck.dataset['lessonNotes'] ?? '';
	let index = 0;

	for (const [i, slide] of slides.entries()) {
		const li = document.createElement('li');
		const b = document.createElement('button');
		b.type = 'button';
		b.className = 'btn';
		b.textContent = `${i + 1}. ${label(slide)}`;
		b.addEventListener('click', () => {
			show(i);
			toggleOverview(false);
		});
		li.append(b);
		overviewList.append(li);
	}

	function renderPresenter(): void {
		const next = slides[index + 1];
		nextPreview.replaceChildren();
		if (next) {
			const clone = next.cloneNode(true) as HTMLElement;
			clone.hidden = false;
			clone.removeAttribute('id');
			for (const el of clone.querySelectorAll('[id]')) el.removeAttribute('id');
			for (const el of clone.querySelectorAll('astro-island, canvas, aside[data-notes]')) el.remove();
			clone.setAttribute('inert', '');
			clone.classList.add('slide-preview');
			nextPreview.append(clone);
		} else nextPreview.textContent = s.end;
		const notes = [...slides[index]!.querySelectorAll<HTMLElement>('aside[data-notes]')].map((n) => n.innerText.trim()).filter(Boolean);
		if (index === 0 && lessonNotes) notes.unshift(lessonNotes);
		notesView.replaceChildren();
		if (notes.length === 0) notesView.textContent = s.noNotes;
		for (const n of notes) {
			const p = document.createElement('p');
			p.textContent = n;
			notesView.append(p);
		}
	}

	function show(i: number, broadcast = true): void {
		index = Math.max(0, Math.min(slides.length - 1, i));
		slides.forEach((slide, k) => (slide.hidden = k !== index));
		counter.textContent = `${s.slide} ${index + 1} / ${slides.length} · ${label(slides[index]!)}`;
		history.replaceState(null, '', `${location.pathname}${location.search}#slide-${index + 1}`);
		if (isPresenter) renderPresenter();
		slides[index]!.scrollTop = 0;
		if (broadcast) channel?.postMessage({ type: 'goto', index, from: me } satisfies Message);
	}

	function toggleOverview(open = overview.hidden): void {
		overview.hidden = !open;
		if (open) overviewList.querySelectorAll('button')[index]?.focus();
	}

	function toggleBlank(): void {
		blank.hidden = !blank.hidden;
	}

	function fullscreen(): void {
		if (document.fullscreenElement) void document.exitFullscreen();
		else void document.documentElement.requestFullscreen?.().catch(() => undefined);
	}

	function openPresenter(): void {
		const u = new URL(location.href);
		u.searchParams.set('presenter', '1');
		window.open(u.toString(), `presenter-${deck!.dataset['deckId']}`);
	}

	const actions: Record<string, () => void> = {
		next: () => show(index + 1),
		prev: () => show(index - 1),
		first: () => show(0),
		last: () => show(slides.length - 1),
		overview: () => toggleOverview(),
		blank: toggleBlank,
		fullscreen,
		presenter: openPresenter,
		'reset-timer': () => (started = Date.now()),
	};

	document.addEventListener('click', (e) => {
		const b = (e.target as HTMLElement).closest<HTMLElement>('[data-action]');
		const action = b?.dataset['action'];
		if (action && actions[action]) actions[action]();
	});

	document.addEventListener('keydown', (e) => {
		const target = e.target as HTMLElement;
		// Keys typed into a simulation or a quiz inside a slide belong to it.
		if (target.closest('input, textarea, select, [contenteditable], astro-island, .quiz')) return;
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		const key = e.key;
		const map: Record<string, string> = {
			ArrowRight: 'next',
			PageDown: 'next',
			' ': 'next',
			ArrowLeft: 'prev',
			PageUp: 'prev',
			Home: 'first',
			End: 'last',
			o: 'overview',
			f: 'fullscreen',
			b: 'blank',
			p: 'presenter',
		};
		if (key === 'Escape') {
			overview.hidden = true;
			blank.hidden = true;
			return;
		}
		const action = map[key];
		if (!action) return;
		if (key === ' ' && target.closest('button, a')) return;
		e.preventDefault();
		actions[action]!();
	});

	let startX = 0;
	let startY = 0;
	deck.addEventListener('pointerdown', (e) => {
		startX = e.clientX;
		startY = e.clientY;
	});
	deck.addEventListener('pointerup', (e) => {
		if (e.pointerType === 'mouse') return;
		const dx = e.clientX - startX;
		if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > 2 * Math.abs(e.clientY - startY)) show(index + (dx < 0 ? 1 : -1));
	});

	channel?.addEventListener('message', (e: MessageEvent<Message>) => {
		const m = e.data;
		if (!m || m.from === me) return;
		if (m.type === 'goto' && typeof m.index === 'number') show(m.index, false);
		if (m.type === 'hello') channel.postMessage({ type: 'goto', index, from: me } satisfies Message);
	});

	let started = Date.now();
	if (isPresenter) {
		document.body.classList.add('presenter-mode');
		panel.hidden = false;
		setInterval(() => {
			const sec = Math.floor((Date.now() - started) / 1000);
			timer.textContent = `${String(Math.floor(sec / 60)).padStart(2, '0')}:${String(sec % 60).padStart(2, '0')}`;
		}, 1000);
	}

	const fromHash = /^#slide-(\d+)$/.exec(location.hash);
	show(fromHash ? Number(fromHash[1]) - 1 : 0, false);
	channel?.postMessage({ type: 'hello', from: me } satisfies Message);
}
