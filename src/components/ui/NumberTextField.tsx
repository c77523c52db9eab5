/**
 * A labelled text input for a number (text, not type=number, so full-width digits and commas reach
 * the domain's parser), with optional help text and an inline error the screen reader hears:
 * aria-invalid plus aria-describedby pointing at the help and the error. Dumb: value in, text out.
 */
interface Props {
	id: string;
	label: string;
	value: string;
	onInput: (value: string) => void;
	/** The error message, already in words; nothing when the value is fine. */
	error?: string | null | undefined;
	help?: string;
	inputMode?: 'decimal' | 'numeric';
}

export default function NumberTextField({ id, label, value, onInput, error, help, inputMode = 'decimal' }: Props) {
	const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
	return (
		<div class="field">
			<label for={id}>{label}</label>
			<input
				id={id}
				type="text"
				inputMode={inputMode}
				autoComplete="off"
				value={value}
				onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
				aria-invalid={error ? 'true' : undefined}
				aria-describedby={describedBy || undefined}
			/>
			{help && (
				<p id={`${id}-help`} class="meta field-help">
					{help}
				</p>
			)}
			{error && (
				<p id={`${id}-error`} class="field-error" role="alert">
					{error}
				</p>
			)}
		</div>
	);
}
