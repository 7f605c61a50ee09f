import type { Draft } from './draft.ts';

/**
 * The section labels the composed document will show, by draft section uid, so the wizard's numbers match the
 * document's (review people-2026-11: they were one higher). Mirrors `composeProtocol`: a section's own `label`, else
 * for a numbered section its place among the numbered sections that are exported (at least one article switched on);
 * an unnumbered section (the introduction) and a section with nothing switched on get no label.
 *
 * @param draft the draft.
 * @returns uid → label (`'3'`), or undefined where the document shows no number.
 */
export function sectionLabels(draft: Draft): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  let n = 0;
  for (const s of draft.sections) {
    const exported = s.articles.some((a) => a.enabled);
    if (exported && s.numbered && !s.label) n++;
    out.set(s.uid, exported ? (s.label ?? (s.numbered ? String(n) : undefined)) : undefined);
  }
  return out;
}
