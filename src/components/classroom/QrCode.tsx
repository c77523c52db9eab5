/** A QR code drawn as SVG from the local encoder (src/lib/qr-svg.ts): black on white in every theme. */
import { useMemo } from 'preact/hooks';
import { qrSvg } from '../../lib/qr-svg';

export default function QrCode({ text, label }: { text: string; label: string }) {
	const { size, path } = useMemo(() => qrSvg(text), [text]);
	return (
		<svg class="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
			<rect width={size} height={size} fill="#ffffff" />
			<path d={path} fill="#000000" />
		</svg>
	);
}
