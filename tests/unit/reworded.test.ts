import { describe, expect, test } from 'vitest';
import { testDocument } from '../helpers/documents.ts';
import { anchorForKey, type DocArticle } from '../../src/lib/compose/document.ts';
import { diffText } from '../../src/lib/diff/diff-documents.ts';
import { isReworded, REWORDED_BELOW, sharedWordShare } from '../../src/lib/diff/reworded.ts';
import { renderChangeHtml } from '../../src/lib/render/render-change.ts';
import { renderVersionDiffText } from '../../src/lib/render/render-terminal.ts';
import { diffVersions } from '../../src/lib/versions/diff-versions.ts';

/** A library article settling the phones choice point with `variant`. */
function phone(key: string, variant: string, text: string): DocArticle {
  return {
    key,
    clause: key,
    number: '1.2',
    numberAdded: false,
    anchor: anchorForKey(key),
    title: key,
    text,
    audiences: ['pupils'],
    origin: 'library',
    choicePoint: 'phones-at-school',
    variant,
  };
}

/** A one-section protocol with these articles. */
const doc = (...articles: DocArticle[]) => testDocument(articles);

const MAG = 'De telefoon mag mee naar school; in de les alleen met toestemming van de leerkracht.';
const MAG_DOCENT = 'De telefoon mag mee naar school; in de les alleen met toestemming van de docent.';
const TAS = 'Telefoons blijven de hele schooldag uit en in de tas, ook op schoolreis en kamp.';

describe('sharedWordShare', () => {
  test('counts the kept words against the longer text, punctuation not counted as words', () => {
    // Kept: "De telefoon" (2). Old: 4 words, new: 6 words. 2 / 6.
    expect(sharedWordShare(diffText('De telefoon mag mee.', 'De telefoon blijft in de tas.'))).toBe(2 / 6);
    // One word of 15 replaced: 14 kept of 15.
    expect(sharedWordShare(diffText(MAG, MAG_DOCENT))).toBe(14 / 15);
  });

  test('is 1 for two empty texts and 0 for texts without a common word', () => {
    expect(sharedWordShare([])).toBe(1);
    expect(sharedWordShare(diffText('Ja.', 'Nee.'))).toBe(0);
  });
});

describe('isReworded', () => {
  test('is true below two in five common words, false from there on', () => {
    expect(REWORDED_BELOW).toBe(0.4);
    // 2 of 5 words kept: exactly 0.4, still a word diff.
    expect(isReworded(diffText('een twee drie vier vijf', 'een twee zes zeven acht'))).toBe(false);
    // 1 of 5 kept: 0.2, shown whole.
    expect(isReworded(diffText('een twee drie vier vijf', 'een zes zeven acht negen'))).toBe(true);
  });
});

describe('another variant worded quite differently', () => {
  test('diffVersions marks it reworded (and keeps the word diff for tools); a close variant is not marked', () => {
    const [far] = diffVersions(doc(phone('d/mag', 'teacher-permits', MAG)), doc(phone('d/tas', 'in-bag', TAS))).changes;
    expect([far!.kind, far!.reworded, far!.words!.length > 0]).toEqual(['variant', true, true]);
    const [near] = diffVersions(
      doc(phone('d/mag', 'teacher-permits', MAG)),
      doc(phone('d/docent', 'teacher-decides', MAG_DOCENT)),
    ).changes;
    expect([near!.kind, near!.reworded]).toEqual(['variant', undefined]);
  });

  test('the page and the redline show the old text whole and struck through, then the new text whole and underlined', () => {
    const [far] = diffVersions(doc(phone('d/mag', 'teacher-permits', MAG)), doc(phone('d/tas', 'in-bag', TAS))).changes;
    const html = renderChangeHtml(far!, { beforeName: 'versie 1.0', afterName: 'concept 2.0' });
    expect(html).toContain(`<div class="body reworded">
<p class="block-caption">Tekst in versie 1.0:</p>
<del class="block"><p>${MAG}</p></del>
<p class="block-caption">Tekst in concept 2.0:</p>
<ins class="block"><p>${TAS}</p></ins>
</div>`);
    expect(html).not.toContain('class="body words"');
  });

  test('the terminal prints the old text whole, then the new text whole', () => {
    const diff = diffVersions(doc(phone('d/mag', 'teacher-permits', MAG)), doc(phone('d/tas', 'in-bag', TAS)));
    expect(
      renderVersionDiffText(diff, { beforeName: 'versie 1.0', afterName: 'concept 2.0' }).split('\n').slice(3),
    ).toEqual([
      'W1  andere keuze gemaakt: d/tas',
      '    versie 1.0 art. 1.2 → concept 2.0 art. 1.2',
      '    Tekst in versie 1.0:',
      `    [-${MAG}-]`,
      '    Tekst in concept 2.0:',
      `    {+${TAS}+}`,
      '',
    ]);
  });
});
