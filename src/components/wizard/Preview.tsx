/**
 * The live preview beside the form (one tap away on a phone): the composed document as the build renders it, with
 * the reporting routes (phone numbers as `tel:` links) and the school's other documents. It follows every keystroke
 * without the full checks (`previewDoc`, src/lib/wizard/live-preview.ts): only the articles whose text changed are
 * rendered again and replaced in the page. A school of a known board shows the board's contacts and documents it
 * inherits, marked "(via het bestuur)" as on the published page (issue 15).
 */
import { t } from '../../i18n/t.ts';
import { anchorForKey } from '../../lib/compose/document.ts';
import { sectionHeading } from '../../lib/render/render-html.ts';
import { isWebUrl } from '../../lib/schema/protocol.ts';
import { adoptionSentence } from '../../lib/text/format-date.ts';
import { draftInheritance } from '../../lib/wizard/live-preview.ts';
import { boards, draft, livePreview, previewDoc } from './store.ts';

/** A `tel:` address for a phone number as typed (`030 - 123 45 67` → `tel:0301234567`, a leading + kept). */
export function telHref(phone: string): string {
  return `tel:${phone.trim().replace(/(?!^\+)[^\d]/g, '')}`;
}

/**
 * Scrolls the preview (where it is beside the form) to an article, so the preview follows the article being edited
 * (review people-2026-11). Only the preview scrolls, never the page; nothing happens while the preview is hidden.
 *
 * @param key the article's key: the clause id, or `custom/<slug>`.
 */
export function followArticle(key: string): void {
  const preview = document.getElementById('wizard-preview');
  if (!preview || preview.offsetParent === null || preview.scrollHeight <= preview.clientHeight) return;
  const el = document.getElementById(anchorForKey(key));
  if (!el || !preview.contains(el)) return;
  preview.scrollTop += el.getBoundingClientRect().top - preview.getBoundingClientRect().top - 8;
}

/** The preview of the composed protocol. */
export function Preview() {
  const doc = draft.value.sections.length ? previewDoc.value : undefined;
  const live = livePreview.value;
  // The contacts and documents as they apply: the school's own, then what it inherits from its board.
  const inherited = draftInheritance(draft.value, boards.value);
  const via = (list: readonly number[] | undefined, i: number) =>
    list?.includes(i) ? <span class="via-board"> ({t('board.via')})</span> : null;
  const reporting = (doc?.contacts ?? [])
    .map((c, i) => ({ c, via: via(inherited?.contacts, i) }))
    .filter(({ c }) => c.reporting && c.role.trim());
  const documents = (doc?.documents ?? [])
    .map((d, i) => ({ d, via: via(inherited?.documents, i) }))
    .filter(({ d }) => d.title.trim());
  return (
    <aside id="wizard-preview" class="wizard-preview" aria-labelledby="preview-heading" tabIndex={0}>
      <h2 id="preview-heading">{t('wizard.preview')}</h2>
      {doc && live ? (
        <div class="preview-doc">
          <p class="preview-title">
            <strong>{doc.title}</strong>
            <br />
            {doc.organisation}
          </p>
          <p class="preview-status">{adoptionSentence(doc.adoption) ?? t('protocol.draft')}</p>
          {reporting.length > 0 && (
            <section aria-labelledby="preview-melden">
              <h3 id="preview-melden">{t('wizard.reporting')}</h3>
              <ul>
                {reporting.map(({ c, via }) => (
                  <li>
                    <strong>{c.role}</strong>
                    {c.name && <>: {c.name}</>}
                    {c.email && <>, {c.email}</>}
                    {c.phone?.trim() && (
                      <>
                        , <a href={telHref(c.phone)}>{c.phone}</a>
                      </>
                    )}
                    {via}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div class="preview-body">
            {doc.sections.map((s) => (
              // The same markup as renderDocumentHtml; each article's HTML is its own node, replaced only when its
              // text changed (Preact sets innerHTML only for a different string).
              <section key={s.anchor} class="doc-section" aria-labelledby={s.anchor}>
                <h3 id={s.anchor} class="section-heading">
                  {sectionHeading(s)}
                </h3>
                {s.items.map((item, i) =>
                  'article' in item ? (
                    <div
                      key={`${i}:${item.article.anchor}`}
                      class="preview-article"
                      dangerouslySetInnerHTML={{ __html: live.articleHtml(item.article) }}
                    />
                  ) : null,
                )}
              </section>
            ))}
          </div>
          {documents.length > 0 && (
            <section aria-labelledby="preview-documents" class="preview-documents">
              <h3 id="preview-documents">{t('protocol.documents')}</h3>
              <ul>
                {documents.map(({ d, via }) => (
                  <li>
                    {d.url && isWebUrl(d.url.trim()) ? <a href={d.url.trim()}>{d.title}</a> : d.title}
                    {via}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      ) : (
        <p>{t('wizard.preview.empty')}</p>
      )}
    </aside>
  );
}
