import { t } from '../../i18n/t.ts';
import { isWebUrl, type Contact, type SchoolDocument } from '../schema/protocol.ts';
import { escapeHtml } from './render-html.ts';

/** The contacts a reader can report a problem to (`reporting: true`), in the file's order. */
export function reportingContacts(contacts: readonly Contact[]): Contact[] {
  return contacts.filter((c) => c.reporting);
}

/**
 * A phone number as a `tel:` address: digits and a leading `+` only (`030 123 45 67` → `tel:0301234567`).
 * Undefined when the text holds no digits, so it never becomes a dead link.
 */
export function telHref(phone: string): string | undefined {
  const digits = phone.trim().replace(/(?!^\+)[^0-9]/g, '');
  return /[0-9]/.test(digits) ? `tel:${digits}` : undefined;
}

/**
 * One contact as a line: `<strong>vertrouwenspersoon</strong>: Joost de Vries, <a href="mailto:…">…</a>,
 * <a href="tel:0301234567">030 123 45 67</a>`. Everything escaped.
 */
export function contactLineHtml(c: Contact): string {
  const parts = [`<strong>${escapeHtml(c.role)}</strong>`];
  if (c.name) parts.push(`: ${escapeHtml(c.name)}`);
  if (c.email) parts.push(`, <a href="mailto:${escapeHtml(c.email)}">${escapeHtml(c.email)}</a>`);
  if (c.phone) {
    const tel = telHref(c.phone);
    parts.push(`, ${tel ? `<a href="${escapeHtml(tel)}">${escapeHtml(c.phone)}</a>` : escapeHtml(c.phone)}`);
  }
  return parts.join('');
}

/** The mark after a contact or document that the school inherits from its board: ` <span …>(via het bestuur)</span>`. */
export function viaBoardHtml(): string {
  return ` <span class="via-board">(${escapeHtml(t('board.via'))})</span>`;
}

/**
 * The contacts a school inherits from its board that are not for reporting a problem (such as the board's
 * functionaris gegevensbescherming), in the file's order. The web page, the PDF's cover and the Word file list them
 * after the reporting contacts, each marked "(via het bestuur)" (issue 15).
 *
 * @param viaBoard positions in `contacts` of the contacts that come from the school's board
 *   (`BoardInheritance.contacts`); default none, so none are returned.
 */
export function boardOnlyContacts(contacts: readonly Contact[], viaBoard: readonly number[] = []): Contact[] {
  return contacts.filter((c, i) => !c.reporting && viaBoard.includes(i));
}

/**
 * "Ook te bereiken via het bestuur:" with the {@link boardOnlyContacts}, each marked "(via het bestuur)"; '' when
 * there are none. The web page puts it in its "Van het bestuur" section, the PDF on its cover.
 */
export function renderBoardContactsHtml(contacts: readonly Contact[], viaBoard: readonly number[] = []): string {
  const fromBoard = boardOnlyContacts(contacts, viaBoard);
  if (!fromBoard.length) return '';
  return `<p>${escapeHtml(t('board.alsoContact'))}:</p>
<ul class="board-contacts">${fromBoard.map((c) => `<li>${contactLineHtml(c)}${viaBoardHtml()}</li>`).join('')}</ul>`;
}

/**
 * "Een probleem melden": the reporting contacts with role, name, e-mail and phone, as the published page shows them
 * near its top. '' when the school names no reporting contact.
 *
 * @param level heading level (default 2).
 * @param viaBoard positions in `contacts` (not in the reporting ones) of the contacts that come from the school's
 *   board (`BoardInheritance.contacts`), marked "(via het bestuur)"; default none.
 */
export function renderReportHtml(contacts: readonly Contact[], level = 2, viaBoard: readonly number[] = []): string {
  const reporting = contacts.map((c, i) => ({ c, board: viaBoard.includes(i) })).filter(({ c }) => c.reporting);
  if (!reporting.length) return '';
  return `<section class="callout report" aria-labelledby="melden">
<h${level} id="melden">${escapeHtml(t('protocol.report'))}</h${level}>
<p>${escapeHtml(t('protocol.reportIntro'))}</p>
<ul>${reporting.map(({ c, board }) => `<li>${contactLineHtml(c)}${board ? viaBoardHtml() : ''}</li>`).join('')}</ul>
</section>`;
}

/**
 * "Andere documenten van de school": each title, linked when it has a web address. With `printUrls` the address
 * is also written out after the title, so a reader of the paper copy can type it. '' without documents.
 *
 * @param opts `level`: heading level (default 2); `printUrls` (default false); `viaBoard`: positions in `documents` of
 *   the board's documents (`BoardInheritance.documents`), marked "(via het bestuur)" (default none).
 */
export function renderSchoolDocumentsHtml(
  documents: readonly SchoolDocument[] | undefined,
  opts: { level?: number; printUrls?: boolean; viaBoard?: readonly number[] } = {},
): string {
  if (!documents?.length) return '';
  const level = opts.level ?? 2;
  const item = (d: SchoolDocument) => {
    if (!d.url || !isWebUrl(d.url)) return escapeHtml(d.title);
    const link = `<a href="${escapeHtml(d.url)}">${escapeHtml(d.title)}</a>`;
    return opts.printUrls ? `${link}: <span class="url">${escapeHtml(d.url)}</span>` : link;
  };
  return `<section aria-labelledby="documenten" class="school-documents">
<h${level} id="documenten">${escapeHtml(t('protocol.documents'))}</h${level}>
<ul>${documents.map((d, i) => `<li>${item(d)}${opts.viaBoard?.includes(i) ? viaBoardHtml() : ''}</li>`).join('')}</ul>
</section>`;
}
