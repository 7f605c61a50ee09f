/**
 * A term from the glossary (src/i18n/glossary.ts) explained where it first appears in the wizard: a small
 * disclosure "Wat betekent …?" with the plain explanation, so it never gets in the way of those who know the word.
 */
import { glossaryEntry, glossaryTermsIn } from '../../i18n/glossary.ts';
import { t } from '../../i18n/t.ts';

/** Explains `term` (a glossary term or one of its spellings); renders nothing for a word not in the glossary. */
export function Explain({ term }: { term: string }) {
  const entry = glossaryEntry(term);
  if (!entry) return null;
  return (
    <details class="term">
      <summary>Wat betekent “{term}”?</summary>
      <p>
        {entry.full && (
          <>
            <dfn>{entry.term}</dfn> staat voor <em>{entry.full}</em>.{' '}
          </>
        )}
        {entry.explanation}
      </p>
    </details>
  );
}

/** The glossary's terms that occur in `text`, explained in one disclosure; nothing when none occurs. */
export function Glossary({ text }: { text: string }) {
  const terms = glossaryTermsIn(text);
  if (!terms.length) return null;
  return (
    <details class="term glossary">
      <summary>{t('glossary.title')}</summary>
      <dl>
        {terms.map((e) => (
          <>
            <dt>
              <dfn>{e.term}</dfn>
              {e.full && <> ({e.full})</>}
            </dt>
            <dd>{e.explanation}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}
