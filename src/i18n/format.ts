/**
 * The tiny runtime half of i18n, safe to ship to the browser: interpolate `{{var}}` into a string
 * from a dictionary. Islands receive only the strings they need (see `pickStrings`) and build
 * their `t` with `makeT`, so no island bundles every message of both languages.
 */

/** Message variables: numbers are formatted for the locale by the caller when needed. */
export type Vars = Record<string, string | number | boolean | undefined>;
export type Dict = Record<string, string>;
export type T = (key: string, vars?: Vars) => string;

/** Replace `{{name}}` placeholders with values from `vars` (missing values stay visible). */
export function interpolate(template: string, vars?: Vars): string {
	if (!vars) return template;
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
		const v = vars[name];
		return v === undefined ? whole : String(v);
	});
}

/** Build a translator over a dictionary; an unknown key renders as the key itself. */
export function makeT(dict: Dict): T {
	return (key, vars) => interpolate(dict[key] ?? key, vars);
}
