import { fillTemplate, placeholdersOf, schoolValues } from './fill-template.ts';
import type { SchoolField } from '../schema/placeholders.ts';
import type { Protocol } from '../schema/protocol.ts';
import { anchorForKey, type DocArticle, type DocSection, type Library, type ProtocolDocument } from './document.ts';

/**
 * Composes a school's protocol from the library: sections in the file's order, each library article's
 * body filled with the school's values (defaults where none is given), overrides and custom articles as
 * written. Numbered sections number their articles `<section>.<n>` (`3.2`, or `A.2` with a label) and carry
 * that number or letter as their label; prose sections leave numbers off.
 *
 * @param id the protocol's id (its file name).
 * @param protocol a protocol that passed {@link parseProtocol} (unchecked input may throw).
 * @param library the clause library.
 * @param memo optional cache of composed articles, keyed on what each is made from (its number, the clause, its
 *   values, the school's own text for it, and the school details its text uses; for an own article, all its fields). An article
 *   whose key is in it is taken from it unchanged (the same object), so that a caller that renders articles can
 *   keep the rendering of each one that did not change (the wizard's live preview). Entries are only added; the
 *   caller prunes it. Default: none (every article composed afresh).
 * @returns the document: sections, numbered articles with stable anchors, the school's details.
 * @throws Error (not a ContentError: a programming mistake, not a user's) when an article names a clause the
 *   library lacks; TemplateError ({@link fillTemplate}) when a clause's template cannot be filled. For a file,
 *   {@link parseProtocol} and {@link checkProtocol} report both to the user, with file and line, before this runs.
 */
export function composeProtocol(
  id: string,
  protocol: Protocol,
  library: Library,
  memo?: Map<string, DocArticle>,
): ProtocolDocument {
  const school = schoolValues(protocol.school);
  // The school details a library article's text uses: only a change to one of those recomposes it.
  const schoolUsed = (clauseId: string) => {
    const body = library.clauses.get(clauseId)?.body ?? '';
    return placeholdersOf(body).flatMap((p) => (p.startsWith('school.') ? [school[p.slice(7) as SchoolField]] : []));
  };
  let sectionNumber = 0;
  const sections: DocSection[] = protocol.sections.map((section, si) => {
    if (section.numbered && !section.label) sectionNumber++;
    const label = section.label ?? (section.numbered ? String(sectionNumber) : undefined);
    let n = 0;
    const articles: DocArticle[] = section.articles.map((a) => {
      n++;
      const number = section.numbered ? `${label}.${n}` : String(n);
      if (!memo) return composeArticle(a, number);
      const key = JSON.stringify([
        number,
        section.numbered,
        a,
        'clause' in a ? (protocol.overrides[a.clause] ?? null) : null,
        'clause' in a ? schoolUsed(a.clause) : null,
      ]);
      let article = memo.get(key);
      if (!article) memo.set(key, (article = composeArticle(a, number)));
      return article;
    });
    function composeArticle(a: Protocol['sections'][number]['articles'][number], number: string): DocArticle {
      if ('custom' in a) {
        const key = `custom/${a.custom}`;
        return {
          key,
          number,
          numberAdded: !section.numbered,
          anchor: anchorForKey(key),
          title: a.title,
          text: a.text,
          summary: a.summary,
          audiences: a.audiences,
          origin: 'custom' as const,
        };
      }
      const clause = library.clauses.get(a.clause);
      if (!clause)
        throw new Error(`bepaling \`${a.clause}\` bestaat niet (gebruik parseProtocol om dit netjes te melden).`);
      const override = protocol.overrides[a.clause];
      return {
        key: a.clause,
        clause: a.clause,
        number,
        numberAdded: !section.numbered,
        anchor: anchorForKey(a.clause),
        title: clause.title,
        text: override ?? fillTemplate(clause.body, clause.variables, a.values, school),
        summary: clause.summary,
        audiences: clause.audiences,
        choicePoint: clause.choicePoint,
        variant: clause.variant,
        values: a.values,
        origin: override ? ('override' as const) : ('library' as const),
      };
    }
    return {
      title: section.title,
      // The computed label, so that the heading (`6. Voor medewerkers`) carries the number of its articles (`6.1`).
      label,
      numbered: section.numbered,
      anchor: `sectie-${si + 1}`,
      items: articles.map((article) => ({ article })),
    };
  });
  return {
    kind: 'protocol',
    id,
    title: protocol.title,
    organisation: protocol.school.name,
    board: protocol.school.board,
    place: protocol.school.place,
    sectors: [protocol.school.sector],
    version: protocol.version,
    dated: protocol.adoption?.date,
    adoption: protocol.adoption,
    startsFrom: protocol.startsFrom,
    contacts: protocol.school.contacts,
    ...(protocol.school.documents?.length ? { documents: protocol.school.documents } : {}),
    front: [],
    sections,
    back: [],
  };
}
