/**
 * Browser side of the search page: loads Pagefind's script on first use (a runtime URL, so Vite
 * neither bundles nor preloads it and it works under any base path), runs the query from the form
 * or `?q=`, and renders results as plain text nodes (no HTML from the index is trusted except
 * Pagefind's <mark> highlighting, rebuilt from text).
 */
interface PagefindResult {
	data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
	options: (o: { baseUrl: string }) => Promise<void>;
	search: (q: string) => Promise<{ results: PagefindResult[] }>;
}

function fill(template: string, vars: Record<string, string | number>): string {
	return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** Append an excerpt to `el`, turning Pagefind's <mark> spans into real elements and all else into text. */
function appendExcerpt(el: HTMLElement, excerpt: string): void {
	const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
	for (const part of parts) {
		const m = /^<mark>(.*)<\/mark>$/.exec(part);
		if (m) {
			const mark = document.createElement('mark');
			mark.textContent = m[1] ?? '';
			el.append(mark);
		} else el.append(document.createTextNode(part.replace(/<[^>]*>/g, '')));
	}
}

export function runSearch(): void {
	const form = document.querySelector<HTMLFormElement>('[data-search]');
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	const list = document.querySelector<HTMLOListElement>('[data-search-results]');
	if (!form || !status || !list) return;
	const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
	const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
	let pagefind: Promise<Pagefind> | null = null;
	const load = () => {
		pagefind ??= (import(/* @vite-ignore */ form.dataset['pagefindPath'] ?? '/pagefind/pagefind.js') as Promise<Pagefind>).then(
			async (pf) => {
				await pf.options({ baseUrl: form.dataset['base'] ?? '/' });
				return pf;
			},
		);
		return pagefind;
	};
	let seq = 0;
	const search = async (q: string) => {
		const mine = ++seq;
		list.replaceChildren();
		if (!q.trim()) {
			status.textContent = '';
			return;
		}
		status.textContent = messages['loading'] ?? '';
		try {
			const pf = await load();
			const { results } = await pf.search(q);
			const data = await Promise.all(results.slice(0, 20).map((r) => r.data()));
			if (mine !== seq) return;
			status.textContent = data.length ? fill(messages['count'] ?? '', { count: results.length }) : fill(messages['none'] ?? '', { q });
			for (const d of data) {
				const li = document.createElement('li');
				const a = document.createElement('a');
				a.href = d.url;
				a.textContent = d.meta.title ?? d.url;
				const p = document.createElement('p');
				appendExcerpt(p, d.excerpt);
				li.append(a, p);
				list.append(li);
			}
		} catch {
			status.textContent = messages['unavailable'] ?? '';
		}
	};
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		const q = input.value;
		history.replaceState(null, '', `?q=${encodeURIComponent(q)}`);
		void search(q);
	});
	input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
	const initial = new URLSearchParams(location.search).get('q');
	if (initial) {
		input.value = initial;
		void search(initial);
	}
}
