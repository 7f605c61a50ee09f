/**
 * The short glossary (issue 13, "Words"): terms a school leader or a parent may not know, each explained in one plain
 * Dutch sentence (B1). One list for the wizard (`Term` in src/components/wizard/Term.tsx) and the protocol pages
 * (src/components/Glossary.astro). Explanations say what a word means, not what the law requires; facts from
 * shared/DOMAIN.md and shared/LAW.md (the MR's consent: WMS, articles not verified, so none is cited here).
 */

/** One term: the word as it appears in a text, and its explanation. */
export interface GlossaryEntry {
  /** The word or abbreviation as written: `AVG`. */
  term: string;
  /** The abbreviation written out, where it is one: `Algemene verordening gegevensbescherming`. */
  full?: string;
  /** One plain sentence. */
  explanation: string;
  /** Other spellings that count as the same term when looking it up in a text (`(G)MR`, `medezeggenschapsraad`). */
  also?: string[];
}

/** The glossary, in alphabetical order. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'AVG',
    full: 'Algemene verordening gegevensbescherming',
    explanation:
      'De Europese wet over persoonsgegevens, zoals namen, foto’s en filmpjes van mensen. Ze geldt sinds 25 mei 2018.',
  },
  {
    term: 'cao',
    full: 'collectieve arbeidsovereenkomst',
    explanation:
      'De afspraken over werk en loon die voor alle medewerkers van een sector gelden, zoals de cao po of de cao vo.',
    also: ['CAO', 'CAO PO', 'CAO VO'],
  },
  {
    term: 'GMR',
    full: 'gemeenschappelijke medezeggenschapsraad',
    explanation: 'De raad van ouders, leerlingen en medewerkers voor alle scholen van één bestuur samen.',
  },
  {
    term: 'instemming',
    explanation: 'De MR of GMR zegt ja tegen het protocol. Zonder die instemming mag het bestuur het niet vaststellen.',
    also: ['instemmen', 'instemmingsrecht'],
  },
  {
    term: 'intern begeleider',
    explanation: 'De medewerker die op een basisschool de extra hulp voor leerlingen regelt. Afgekort: ib’er.',
    also: ['ib’er', 'IB'],
  },
  {
    term: 'MR',
    full: 'medezeggenschapsraad',
    explanation:
      'De raad van ouders, medewerkers en (in het vo) leerlingen die meebeslist over de regels van de school.',
    also: ['medezeggenschapsraad', '(G)MR'],
  },
  {
    term: 'vastgesteld',
    explanation: 'Het bestuur heeft het protocol officieel goedgekeurd; vanaf die datum geldt het.',
    also: ['vaststellen', 'vaststelling'],
  },
  {
    term: 'vertrouwenspersoon',
    explanation:
      'Iemand op school bij wie u in vertrouwen terechtkunt met een probleem, zoals pesten of ongewenst gedrag.',
  },
];

/** The glossary entry of a term (case-sensitive for abbreviations, as written), or undefined. */
export function glossaryEntry(term: string): GlossaryEntry | undefined {
  return GLOSSARY.find((e) => e.term === term || e.also?.includes(term));
}

/**
 * The glossary entries whose term (or one of its other spellings) occurs as a whole word in a text, in the order of
 * the glossary. Used to explain, under a page, the terms that page uses.
 *
 * @param text plain text.
 */
export function glossaryTermsIn(text: string): GlossaryEntry[] {
  return GLOSSARY.filter((e) =>
    [e.term, ...(e.also ?? [])].some((w) =>
      new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(text),
    ),
  );
}
