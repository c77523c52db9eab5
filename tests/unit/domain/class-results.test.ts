import { describe, expect, test } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import {
	CLASS_RESULTS_VERSION,
	FILE_FORMAT,
	LIMITS,
	buildResult,
	checkTraineeName,
	checkTraineeNumber,
	cleanProductMatchingDetail,
	cleanQuizAnswers,
	cleanSegmentationDetail,
	crc32,
	csvCell,
	decodeResultCode,
	encodeResultCode,
	fromBase64Url,
	importResults,
	resultFile,
	resultFileName,
	toBase64Url,
	toCsv,
	traineeKey,
	type ClassResult,
	type ImportSource,
} from '../../../src/domain/class-results';

const SESSION = 'A班-2026-05-12';
const attempt = (score: number, max: number, extra: Record<string, unknown> = {}) => ({ score, max, best: score, attempts: 1, at: 1000, ...extra });
const progress = {
	quizzes: { 'm4-04': attempt(3, 5, { detail: { q1: ['a'], q2: ['b', 'c'] } }), 'm1-01': attempt(2, 4) },
	sims: {
		segmentation: attempt(10, 12, { seed: 'abc', detail: { count: 6, answers: { c0001: { segment: 'micro', riskTier: 'low' }, c0002: { segment: 'small' } } } }),
		'product-matching': attempt(70, 100, { seed: 'abc', detail: { track: 'trade', clientId: 'c0003', decision: { productId: 'credit-loan', amountWan: 50 } } }),
		kash: attempt(4, 5, { detail: { k: 1 } }),
	},
};
const make = (name: string, at: number, extra: Partial<ClassResult> = {}): ClassResult => ({ ...buildResult(progress, { name, number: '' }, SESSION, at), ...extra });
const paste = (text: string): ImportSource => ({ kind: 'paste', label: '', text });
const file = (label: string, text: string, size = text.length): ImportSource => ({ kind: 'file', label, text, size });
/** A code with a valid checksum around any payload JSON (to test what a checksum cannot catch). */
const forge = (json: unknown, version = 1) => {
	const payload = toBase64Url(deflateSync(strToU8(typeof json === 'string' ? json : JSON.stringify(json))));
	return `KT${version}.${payload}.${crc32(strToU8(payload)).toString(16).padStart(8, '0')}`;
};
const wire = (over: Record<string, unknown> = {}) => ({ v: 1, s: SESSION, n: '张三', id: '', t: 5, q: {}, m: {}, ...over });

describe('trainee fields', () => {
	test('names are 1–40 characters without control characters; markup is allowed as text', () => {
		expect(checkTraineeName('张三')).toBeNull();
		expect(checkTraineeName('<img src=x onerror=alert(1)>')).toBeNull();
		expect(checkTraineeName('  ')).toBe('name-required');
		expect(checkTraineeName('x'.repeat(41))).toBe('name-too-long');
		expect(checkTraineeName('a\u0007b')).toBe('name-control');
	});
	test('staff numbers are optional, short, letters and digits', () => {
		expect(checkTraineeNumber('')).toBeNull();
		expect(checkTraineeNumber('HZ-007')).toBeNull();
		expect(checkTraineeNumber('1'.repeat(21))).toBe('number-too-long');
		expect(checkTraineeNumber('1 2')).toBe('number-chars');
	});
});

describe('checksum and base64url', () => {
	test('CRC-32 matches the standard check value', () => {
		expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
		expect(crc32(new Uint8Array())).toBe(0);
	});
	test('base64url round-trips every length and refuses bad text', () => {
		for (let n = 0; n < 10; n++) {
			const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 250) & 255);
			expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		}
		expect(toBase64Url(Uint8Array.from([251, 255]))).toBe('-_8');
		expect(fromBase64Url('abcde')).toBeNull();
		expect(fromBase64Url('ab+c')).toBeNull();
	});
});

describe('details', () => {
	test('quiz answers', () => {
		expect(cleanQuizAnswers({ q1: ['a'] })).toEqual({ q1: ['a'] });
		expect(cleanQuizAnswers(null)).toBeUndefined();
		expect(cleanQuizAnswers({ q1: 'a' })).toBeUndefined();
		expect(cleanQuizAnswers({ 'Q 1': ['a'] })).toBeUndefined();
		expect(cleanQuizAnswers({ q1: [1] })).toBeUndefined();
		expect(cleanQuizAnswers({ q1: Array(13).fill('a') })).toBeUndefined();
		expect(cleanQuizAnswers(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`q${i}`, []])))).toBeUndefined();
	});
	test('segmentation detail', () => {
		expect(cleanSegmentationDetail({ count: 6, answers: { c0001: { segment: 'micro' }, c0002: {} } })).toEqual({ count: 6, answers: { c0001: { segment: 'micro' }, c0002: {} } });
		expect(cleanSegmentationDetail({ count: 0, answers: {} })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 41, answers: {} })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 1.5, answers: {} })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: '6', answers: {} })).toBeUndefined();
		expect(cleanSegmentationDetail('x')).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: [] })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`c${String(i).padStart(4, '0')}`, {}])) })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: { x1: {} } })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: { c0001: 'micro' } })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: { c0001: { segment: 'huge' } } })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: { c0001: { riskTier: 'wild' } } })).toBeUndefined();
		expect(cleanSegmentationDetail({ count: 6, answers: { c0001: { riskTier: 'low' } } })).toEqual({ count: 6, answers: { c0001: { riskTier: 'low' } } });
	});
	test('product-matching detail', () => {
		expect(cleanProductMatchingDetail({ track: 'services', productId: 'order-loan' })).toEqual({ track: 'services', productId: 'order-loan' });
		expect(cleanProductMatchingDetail({ track: 'farming', productId: 'order-loan' })).toBeUndefined();
		expect(cleanProductMatchingDetail({ track: 'trade', productId: '<b>' })).toBeUndefined();
		expect(cleanProductMatchingDetail({ track: 'trade', productId: 7 })).toBeUndefined();
		expect(cleanProductMatchingDetail(undefined)).toBeUndefined();
	});
});

describe('building a result from progress', () => {
	test('keeps scores and the details the debrief reads, drops the rest', () => {
		const r = buildResult(progress, { name: ' 张三 ', number: ' 007 ' }, ` ${SESSION} `, 42);
		expect(r).toMatchObject({ session: SESSION, name: '张三', number: '007', exportedAt: 42 });
		expect(r.quizzes['m4-04']).toEqual({ score: 3, max: 5, best: 3, attempts: 1, at: 1000, detail: { q1: ['a'], q2: ['b', 'c'] } });
		expect(r.quizzes['m1-01']).toEqual({ score: 2, max: 4, best: 2, attempts: 1, at: 1000 });
		expect(r.sims['product-matching']?.detail).toEqual({ track: 'trade', productId: 'credit-loan' });
		expect(r.sims['segmentation']?.seed).toBe('abc');
		expect(r.sims['kash']).toEqual({ score: 4, max: 5, best: 4, attempts: 1, at: 1000 });
	});
	test('leaves out entries progress cannot vouch for', () => {
		const r = buildResult(
			{
				quizzes: { 'BAD ID': attempt(1, 2), ok: attempt(3, 2), neg: attempt(-1, 2), nomax: attempt(0, 0), late: { ...attempt(1, 2), at: -1 }, lowbest: { ...attempt(2, 2), best: 1 }, half: { ...attempt(1, 2), attempts: 1.5 } },
				sims: { s1: attempt(1, 2, { seed: 'a b' }), s2: attempt(1, 2, { seed: 3 }), 'product-matching': attempt(1, 2, { detail: { track: 'trade', decision: null } }), p2: attempt(1, 2, { detail: null }) },
			},
			{ name: 'x', number: '' },
			SESSION,
			1,
		);
		expect(r.quizzes).toEqual({});
		expect(Object.keys(r.sims)).toEqual(['product-matching', 'p2']);
		expect(r.sims['product-matching']?.detail).toBeUndefined();
	});
});

describe('codes', () => {
	test('round-trip: what is encoded is decoded', () => {
		const r = make('张三', 99);
		const code = encodeResultCode(r);
		expect(code).toMatch(/^KT1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
		expect(decodeResultCode(`  ${code}\n`)).toEqual({ ok: true, result: r });
	});
	test('a damaged code fails its checksum; other versions and junk are named', () => {
		const code = encodeResultCode(make('张三', 99));
		const [, payload, crc] = code.split('.');
		const flipped = payload!.slice(0, 5) + (payload![5] === 'A' ? 'B' : 'A') + payload!.slice(6);
		expect(decodeResultCode(`KT1.${flipped}.${crc}`)).toEqual({ ok: false, issue: 'bad-checksum' });
		expect(decodeResultCode(`KT2.${payload}.${crc}`)).toEqual({ ok: false, issue: 'wrong-version', version: 2 });
		expect(decodeResultCode(`KT1.${payload}`)).toEqual({ ok: false, issue: 'incomplete' });
		expect(decodeResultCode('hello')).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(`KT1.${'A'.repeat(LIMITS.codeChars)}.00000000`)).toEqual({ ok: false, issue: 'too-large' });
	});
	test('checksummed but broken payloads are refused', () => {
		const crcOf = (p: string) => crc32(strToU8(p)).toString(16).padStart(8, '0');
		expect(decodeResultCode(`KT1.abcde.${crcOf('abcde')}`)).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(`KT1..${crcOf('')}`)).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(`KT1.AAAA.${crcOf('AAAA')}`)).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge('{not json'))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge('[]'))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ v: 2 })))).toEqual({ ok: false, issue: 'wrong-version', version: 2 });
		expect(decodeResultCode(forge(wire({ v: 'x' })))).toEqual({ ok: false, issue: 'wrong-version', version: 0 });
		expect(decodeResultCode(forge(wire({ s: 'nodate' })))).toEqual({ ok: false, issue: 'bad-session' });
		expect(decodeResultCode(forge(wire({ s: 5 })))).toEqual({ ok: false, issue: 'bad-session' });
		expect(decodeResultCode(forge(wire({ n: '' })))).toEqual({ ok: false, issue: 'bad-name' });
		expect(decodeResultCode(forge(wire({ n: 7 })))).toEqual({ ok: false, issue: 'bad-name' });
		expect(decodeResultCode(forge(wire({ id: 'a b' })))).toEqual({ ok: false, issue: 'bad-name' });
		expect(decodeResultCode(forge(wire({ id: 3 })))).toEqual({ ok: false, issue: 'bad-name' });
		expect(decodeResultCode(forge(wire({ t: -1 })))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ q: [] })))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ q: { 'm1-01': { s: 3, m: 2, b: 3, a: 1, t: 1 } } })))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ m: { 'BAD': { s: 1, m: 2, b: 1, a: 1, t: 1 } } })))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ m: { x: 5 } })))).toEqual({ ok: false, issue: 'malformed' });
		expect(decodeResultCode(forge(wire({ q: undefined, m: undefined })))).toMatchObject({ ok: true, result: { quizzes: {}, sims: {} } });
		const many = Object.fromEntries(Array.from({ length: LIMITS.sims + 1 }, (_, i) => [`s${i}`, { s: 1, m: 2, b: 1, a: 1, t: 1 }]));
		expect(decodeResultCode(forge(wire({ m: many })))).toEqual({ ok: false, issue: 'malformed' });
	});
	test('a small code cannot inflate into megabytes', () => {
		expect(decodeResultCode(forge(JSON.stringify({ pad: ' '.repeat(LIMITS.inflatedBytes + 10) })))).toEqual({ ok: false, issue: 'malformed' });
	});
	test('an unknown detail is dropped, not trusted', () => {
		const r = decodeResultCode(forge(wire({ m: { segmentation: { s: 1, m: 2, b: 1, a: 1, t: 1, e: 'abc', d: { count: 99 } } } })));
		expect(r).toEqual({ ok: true, result: expect.objectContaining({ sims: { segmentation: { score: 1, max: 2, best: 1, attempts: 1, at: 1, seed: 'abc' } } }) });
	});
});

describe('files', () => {
	test('a results file carries the code and a readable copy', () => {
		const r = make('<img src=x onerror=alert(1)>', 0);
		const code = encodeResultCode(r);
		const f = resultFile(r, code);
		expect(f).toMatchObject({ format: FILE_FORMAT, version: CLASS_RESULTS_VERSION, code, exportedAt: '1970-01-01T00:00:00.000Z' });
		expect((f['sims'] as Record<string, unknown>)['segmentation']).toEqual({ score: 10, max: 12, seed: 'abc' });
		expect((f['quizzes'] as Record<string, unknown>)['m1-01']).toEqual({ score: 2, max: 4 });
		expect(resultFileName(r)).toBe('class-results-A班-2026-05-12-_img_src_x_onerror_alert_1__.json');
	});
});

describe('import', () => {
	const a = make('张三', 100);
	const b = make('李四', 100, { number: '8' });
	test('reads codes from chat text and from files', () => {
		const chat = `张三 10:02\n${encodeResultCode(a)}\n李四: ${encodeResultCode(b)} 谢谢`;
		const report = importResults([paste(chat)], [], SESSION);
		expect(report.results.map((r) => r.name)).toEqual(['李四', '张三']);
		expect(report.added).toBe(2);
		expect(report.messages).toEqual([]);
		const c = make('王五', 100);
		const f = importResults([file('w.json', JSON.stringify(resultFile(c, encodeResultCode(c))))], report.results, SESSION);
		expect(f.results).toHaveLength(3);
		expect(f.added).toBe(1);
		expect(f.session).toBe(SESSION);
	});
	test('the same trainee twice keeps the latest export and says so', () => {
		const older = make('张三', 100);
		const newer = make(' 张三 ', 200, { quizzes: {} });
		const report = importResults([paste(`${encodeResultCode(newer)} ${encodeResultCode(older)}`)], [], SESSION);
		expect(report.results).toHaveLength(1);
		expect(report.results[0]?.exportedAt).toBe(200);
		expect(report.messages).toEqual([{ kind: 'paste', label: '', index: 2, issue: 'duplicate', severity: 'info', data: { name: '张三', number: '', kept: 200, dropped: 100 } }]);
		const again = importResults([paste(encodeResultCode(make('张三', 300)))], report.results, SESSION);
		expect(again.results[0]?.exportedAt).toBe(300);
		expect(again.added).toBe(1);
		const twins = importResults([paste(`${encodeResultCode(make('张三', 1, { number: '2' }))} ${encodeResultCode(make('张三', 1, { number: '1' }))}`)], [], SESSION);
		expect(twins.results.map((r) => r.number)).toEqual(['1', '2']);
		expect(traineeKey({ session: 's', name: 'Ａb  C', number: 'X' })).toBe(traineeKey({ session: 's', name: 'ab c', number: 'x' }));
	});
	test('refuses what is broken, foreign, too big or too many, with a reason each', () => {
		const other = make('赵六', 1, { session: 'B班-2026-05-12' });
		const code = encodeResultCode(a);
		const bad = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
		const sources: ImportSource[] = [
			paste(bad),
			paste(code.replace('KT1.', 'KT9.')),
			paste('no codes here'),
			paste('   '),
			paste('x'.repeat(LIMITS.pasteChars + 1)),
			file('big.json', '{}', LIMITS.fileBytes + 1),
			file('broken.json', '{"format":'),
			file('other.json', '{"format":"zip"}'),
			file('v2.json', JSON.stringify({ format: FILE_FORMAT, version: 2, code })),
			file('v2b.json', JSON.stringify({ format: FILE_FORMAT, version: 'two', code })),
			file('nocode.json', JSON.stringify({ format: FILE_FORMAT, version: 1, code: 5 })),
			paste(encodeResultCode(other)),
			paste(`KT1.${'A'.repeat(LIMITS.codeChars)}.00000000`),
		];
		const report = importResults(sources, [], SESSION);
		expect(report.results).toEqual([]);
		expect(report.messages.map((m) => [m.label || m.kind, m.issue, m.data])).toEqual([
			['paste', 'bad-checksum', {}],
			['paste', 'wrong-version', { version: 9 }],
			['paste', 'no-code', {}],
			['paste', 'too-large', { max: LIMITS.pasteChars }],
			['big.json', 'too-large', { max: LIMITS.fileBytes }],
			['broken.json', 'malformed', {}],
			['other.json', 'not-results-file', {}],
			['v2.json', 'wrong-version', { version: 2 }],
			['v2b.json', 'wrong-version', { version: 0 }],
			['nocode.json', 'no-code', {}],
			['paste', 'session-mismatch', { session: 'B班-2026-05-12', expected: SESSION, name: '赵六' }],
			['paste', 'too-large', { max: LIMITS.codeChars }],
		]);
	});
	test('without a session the first code decides it; counts are capped', () => {
		const first = importResults([paste(encodeResultCode(a))], [], null);
		expect(first.session).toBe(SESSION);
		const keep = importResults([paste(encodeResultCode(b))], first.results, null);
		expect(keep.session).toBe(SESSION);
		const code = encodeResultCode(a);
		const many = importResults([paste(Array(LIMITS.records + 2).fill(code).join('\n'))], [], SESSION);
		expect(many.results).toHaveLength(1);
		expect(many.messages.filter((m) => m.issue === 'too-many')).toHaveLength(1);
		const files = Array.from({ length: LIMITS.files + 1 }, (_, i) => file(`f${i}.txt`, ''));
		expect(importResults(files, [], SESSION).messages).toEqual([{ kind: 'file', label: `f${LIMITS.files}.txt`, index: 0, issue: 'too-many-files', severity: 'error', data: { max: LIMITS.files } }]);
	});
	test('hostile names stay plain text and long labels are cut', () => {
		const evil = make('<img src=x onerror=alert(1)>', 5);
		const report = importResults([file('x'.repeat(200), encodeResultCode(evil))], [], SESSION);
		expect(report.results[0]?.name).toBe('<img src=x onerror=alert(1)>');
		const dup = importResults([file('y'.repeat(200), encodeResultCode(evil))], report.results, SESSION);
		expect(dup.messages[0]?.label).toHaveLength(80);
		expect(dup.messages[0]?.data['kept']).toBe(5);
	});
});

describe('CSV', () => {
	test('quotes per RFC 4180 and defuses formulas', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvCell('+1')).toBe("'+1");
		expect(csvCell('-1')).toBe("'-1");
		expect(csvCell('@cmd')).toBe("'@cmd");
		expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
		expect(csvCell(-1.5)).toBe('-1.5');
		expect(csvCell(Number.NaN)).toBe('');
		expect(toCsv([['姓名', 'x'], ['张三', 3]])).toBe('\uFEFF姓名,x\r\n张三,3\r\n');
	});
});
