import { boardFilePath } from '../../board/inherit-board.ts';
import { articleText, type ReviewContext } from '../context.ts';
import type { Finding } from '../finding.ts';
import { findForeignNames, type ForeignName } from '../foreign-names.ts';
import { SOURCES } from '../sources.ts';

const KIND_WORDS: Record<ForeignName['kind'], string> = {
  organisation: 'de naam',
  board: 'het bestuur',
  place: 'de plaats',
  'email-domain': 'het e-maildomein',
  'web-domain': 'de website',
  'local-name': 'een eigen naam (activiteit of plek)',
};

/**
 * `foreign-organisation` (error): an article, or a contact's e-mail address, names another organisation than the
 * school: one of the five reference models' organisation, board, place, e-mail or web domain, or a local name from
 * its text. The school's own names (when it is one of the models' schools) are never reported. A contact the school
 * inherits from its board (`ctx.inherited`) is reported in the board file (`board`, `contacts.<k>.email`), with a
 * message that says so and how to fix it.
 * Source: the content review of November 2026 (other schools' details inherited from the models).
 */
export function foreignOrganisation(ctx: ReviewContext): Finding[] {
  const own = ownNames(ctx);
  const out: Finding[] = [];
  for (const a of ctx.articles) {
    for (const n of findForeignNames(articleText(a), ctx.foreignNames, own)) {
      out.push({
        rule: 'foreign-organisation',
        severity: 'error',
        article: a.article.key,
        field: a.article.origin === 'override' ? `overrides.${a.article.key}` : a.field,
        message:
          `${cap(a.label)} noemt “${n.term}”: ${KIND_WORDS[n.kind]} van ${n.organisation}, een andere school. ` +
          `Vervang het door de gegevens van ${ctx.protocol.school.name}, of haal het weg.`,
        source: SOURCES.contentReview,
      });
    }
  }
  const inherited = ctx.inherited;
  ctx.protocol.school.contacts.forEach((c, i) => {
    // A contact the school inherits from its board sits past the end of the school's own list: point at the board.
    const k = inherited ? inherited.contacts.indexOf(i) : -1;
    for (const n of c.email ? findForeignNames(c.email, ctx.foreignNames, own) : []) {
      const found = `hoort bij ${n.organisation} (${n.term})`;
      out.push(
        inherited && k >= 0
          ? {
              rule: 'foreign-organisation',
              severity: 'error',
              article: null,
              board: inherited.boardId,
              field: `contacts.${inherited.boardContacts[k]}.email`,
              message:
                `Het e-mailadres van contactpersoon “${c.role}” komt van het bestuur ` +
                `(${ctx.protocol.school.board ?? inherited.boardId}) en ${found}. ` +
                `Laat het verbeteren in het bestand van het bestuur (${boardFilePath(inherited.boardId)}), ` +
                `of geef de school een eigen contactpersoon “${c.role}” met een adres van de school.`,
              source: SOURCES.contentReview,
            }
          : {
              rule: 'foreign-organisation',
              severity: 'error',
              article: null,
              field: `school.contacts.${i}.email`,
              message: `Het e-mailadres van contactpersoon “${c.role}” ${found}. Geef een adres van uw eigen school.`,
              source: SOURCES.contentReview,
            },
      );
    }
  });
  return out;
}

/**
 * The names that belong to the school itself: every name of a model whose organisation the school's own name,
 * board or place names (a model's rebuilt protocol is that school's own).
 */
function ownNames(ctx: ReviewContext): Set<string> {
  const school = ctx.protocol.school;
  const ownText = [school.name, school.board ?? '', school.place ?? ''].join(' ');
  const ownModels = new Set(
    ctx.foreignNames
      .filter(
        (n) =>
          (n.kind === 'organisation' || n.kind === 'board') && findForeignNames(ownText, [n], new Set()).length > 0,
      )
      .map((n) => n.model),
  );
  return new Set(ctx.foreignNames.filter((n) => ownModels.has(n.model)).map((n) => n.term));
}

/** Capitalises the first letter. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
