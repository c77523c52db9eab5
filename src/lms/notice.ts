/**
 * The small notice that tells the learner the LMS may not be recording progress (shown after an
 * LMS API error; the course keeps working and keeps a copy in this browser). Plain DOM, the site's
 * existing `.notice` style, no inline styles (CSP).
 */
export const NOTICE_ATTR = 'data-lms-notice';

export function showLmsNotice(strings: { notice: string; dismiss: string }, onDismiss: () => void): void {
	if (document.querySelector(`[${NOTICE_ATTR}]`)) return;
	const box = document.createElement('div');
	box.className = 'notice';
	box.setAttribute('role', 'alert');
	box.setAttribute(NOTICE_ATTR, '');
	const text = document.createElement('p');
	text.textContent = strings.notice;
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'btn';
	button.textContent = strings.dismiss;
	button.addEventListener('click', () => {
		onDismiss();
		box.remove();
	});
	box.append(text, button);
	(document.getElementById('main') ?? document.body).prepend(box);
}
