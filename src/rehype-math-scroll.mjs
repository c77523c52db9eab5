/**
 * Rehype plugin: display formulas (MathML from KaTeX) may be wider than a phone screen, so they
 * scroll sideways; a scrollable region must be reachable by keyboard (WCAG 2.1.1), so each display
 * formula gets tabindex="0".
 */
export default function rehypeMathScroll() {
	const walk = (node) => {
		if (node.type === 'element' && node.tagName === 'math' && node.properties?.display === 'block') {
			node.properties.tabIndex = 0;
		}
		for (const child of node.children ?? []) walk(child);
	};
	return (tree) => walk(tree);
}
