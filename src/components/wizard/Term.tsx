/**
 * A term from the glossary (src/i18n/glossary.ts) explained where it first appears in the wizard: a small
 * disclosure "Wat betekent …?" with the plain explanation, so it never gets in the way of those who know the word.
 */
import { glossaryEntry } from '../../i18n/glossary.ts';

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
