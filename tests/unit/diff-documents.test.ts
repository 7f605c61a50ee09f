import { describe, expect, test } from 'vitest';
import { testDocument } from '../helpers/documents.ts';
import { anchorForKey, type DocArticle, type ProtocolDocument } from '../../src/lib/compose/document.ts';
import { diffDocuments, diffText } from '../../src/lib/diff/diff-documents.ts';

/** An article with `key`, numbered `number`, with `text`, optionally settling a choice point. */
function art(key: string, number: string, text: string, choice?: [string, string]): DocArticle {
  return {
    key,
    clause: key,
    number,
    numberAdded: false,
    anchor: anchorForKey(key),
    title: key,
    text,
    audiences: ['everyone'],
    choicePoint: choice?.[0],
    variant: choice?.[1],
    origin: 'library',
  };
}

/** A small protocol document: each inner list is one section of articles. */
const doc = testDocument;

const RESPECT = 'Wij gaan online met respect met elkaar om.';
const FOTO = 'Foto’s van anderen plaatsen we alleen met toestemming.';
const MELDEN = 'Zie je iets wat niet deugt, meld het dan bij de groepsleerkracht.';
const GESPREK = 'De school gaat met betrokkenen in gesprek.';

/** Kind and key of each change, in order. */
function kinds(before: ProtocolDocument, after: ProtocolDocument): [string, string][] {
  return diffDocuments(before, after).changes.map((c) => [c.kind, c.key]);
}

describe('diffDocuments', () => {
  test('sees no change when only the numbering and the sections differ', () => {
    const before = doc([art('a/respect', '1', RESPECT), art('a/foto', '2', FOTO)], [art('b/melden', '1', MELDEN)]);
    const after = doc([art('a/respect', 'A.1', RESPECT)], [art('a/foto', 'B.1', FOTO), art('b/melden', 'B.2', MELDEN)]);
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['unchanged', 'a/respect'],
      ['unchanged', 'a/foto'],
      ['unchanged', 'b/melden'],
    ]);
    expect(diff.counts).toEqual({ unchanged: 3, changed: 0, added: 0, removed: 0, moved: 0, 'moved-changed': 0 });
  });

  test('sees no change when only the line wrapping differs', () => {
    const before = doc([art('a/respect', '1', 'Wij gaan online met respect\nmet elkaar om.')]);
    const after = doc([art('a/respect', '1', 'Wij gaan online  met respect met elkaar om. ')]);
    expect(kinds(before, after)).toEqual([['unchanged', 'a/respect']]);
  });

  test('marks only the moved article as moved, the others unchanged', () => {
    const before = doc([
      art('a/respect', '1', RESPECT),
      art('a/foto', '2', FOTO),
      art('b/melden', '3', MELDEN),
      art('c/gesprek', '4', GESPREK),
    ]);
    const after = doc([
      art('c/gesprek', '1', GESPREK),
      art('a/respect', '2', RESPECT),
      art('a/foto', '3', FOTO),
      art('b/melden', '4', MELDEN),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['moved', 'c/gesprek'],
      ['unchanged', 'a/respect'],
      ['unchanged', 'a/foto'],
      ['unchanged', 'b/melden'],
    ]);
    expect(diff.changes[0]!.words).toBeUndefined();
  });

  test('marks an article that moved and was edited as moved-changed, with the words that changed', () => {
    const before = doc([art('a/respect', '1', RESPECT), art('a/foto', '2', FOTO), art('b/melden', '3', MELDEN)]);
    const edited = 'Zie je iets wat niet deugt, meld het dan bij de vertrouwenspersoon.';
    const after = doc([art('b/melden', '1', edited), art('a/respect', '2', RESPECT), art('a/foto', '3', FOTO)]);
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['moved-changed', 'b/melden'],
      ['unchanged', 'a/respect'],
      ['unchanged', 'a/foto'],
    ]);
    expect(diff.changes[0]!.words).toEqual([
      { op: 'same', text: 'Zie je iets wat niet deugt, meld het dan bij de ' },
      { op: 'del', text: 'groepsleerkracht' },
      { op: 'ins', text: 'vertrouwenspersoon' },
      { op: 'same', text: '.' },
    ]);
  });

  test('marks an edited article in its place as changed, keeping both texts', () => {
    const before = doc([art('a/respect', '1', RESPECT), art('c/gesprek', '2', GESPREK)]);
    const after = doc([
      art('a/respect', '1', RESPECT),
      art('c/gesprek', '2', 'De school gaat met betrokkenen en ouders in gesprek.'),
    ]);
    const change = diffDocuments(before, after).changes[1]!;
    expect(change.kind).toBe('changed');
    expect(change.before!.text).toBe(GESPREK);
    expect(change.after!.text).toBe('De school gaat met betrokkenen en ouders in gesprek.');
    expect(change.words).toEqual([
      { op: 'same', text: 'De school gaat met betrokkenen ' },
      { op: 'ins', text: 'en ouders ' },
      { op: 'same', text: 'in gesprek.' },
    ]);
  });

  test('places a removed article right after the article that preceded it in the old document', () => {
    const before = doc([
      art('a/respect', '1', RESPECT),
      art('a/foto', '2', FOTO),
      art('b/melden', '3', MELDEN),
      art('c/gesprek', '4', GESPREK),
    ]);
    const after = doc([art('a/respect', '1', RESPECT), art('b/melden', '2', MELDEN), art('c/gesprek', '3', GESPREK)]);
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['unchanged', 'a/respect'],
      ['removed', 'a/foto'],
      ['unchanged', 'b/melden'],
      ['unchanged', 'c/gesprek'],
    ]);
    expect(diff.changes[1]!.before!.text).toBe(FOTO);
    expect(diff.changes[1]!.after).toBeUndefined();
  });

  test('places a removed first article first, and a run of removed articles in their old order', () => {
    const before = doc([
      art('a/respect', '1', RESPECT),
      art('a/foto', '2', FOTO),
      art('b/melden', '3', MELDEN),
      art('c/gesprek', '4', GESPREK),
    ]);
    const after = doc([art('b/melden', '1', MELDEN)]);
    expect(kinds(before, after)).toEqual([
      ['removed', 'a/respect'],
      ['removed', 'a/foto'],
      ['unchanged', 'b/melden'],
      ['removed', 'c/gesprek'],
    ]);
  });

  test('places a removed article after its predecessor also when that predecessor moved', () => {
    const before = doc([
      art('a/respect', '1', RESPECT),
      art('a/foto', '2', FOTO),
      art('b/melden', '3', MELDEN),
      art('c/gesprek', '4', GESPREK),
    ]);
    const after = doc([art('b/melden', '1', MELDEN), art('c/gesprek', '2', GESPREK), art('a/respect', '3', RESPECT)]);
    expect(kinds(before, after)).toEqual([
      ['unchanged', 'b/melden'],
      ['unchanged', 'c/gesprek'],
      ['moved', 'a/respect'],
      ['removed', 'a/foto'],
    ]);
  });

  test('marks an article only in the new document as added, in its new place', () => {
    const before = doc([art('a/respect', '1', RESPECT), art('b/melden', '2', MELDEN)]);
    const after = doc([
      art('a/respect', '1', RESPECT),
      art('custom/groepsapps', '2', 'Ouders delen geen foto’s van andere kinderen.'),
      art('b/melden', '3', MELDEN),
    ]);
    const diff = diffDocuments(before, after);
    expect(diff.changes.map((c) => [c.kind, c.key])).toEqual([
      ['unchanged', 'a/respect'],
      ['added', 'custom/groepsapps'],
      ['unchanged', 'b/melden'],
    ]);
    expect(diff.changes[1]!.before).toBeUndefined();
    expect(diff.counts.added).toBe(1);
  });
});

describe('diffText', () => {
  test('keeps "geïnformeerd" whole when a word is inserted before it', () => {
    expect(diffText('De ouders worden geïnformeerd.', 'De ouders worden direct geïnformeerd.')).toEqual([
      { op: 'same', text: 'De ouders worden ' },
      { op: 'ins', text: 'direct ' },
      { op: 'same', text: 'geïnformeerd.' },
    ]);
  });

  test('replaces "geïnformeerd" as a whole word, never at the diaeresis', () => {
    expect(diffText('Ouders zijn geïnformeerd.', 'Ouders zijn geïnformeerde.')).toEqual([
      { op: 'same', text: 'Ouders zijn ' },
      { op: 'del', text: 'geïnformeerd' },
      { op: 'ins', text: 'geïnformeerde' },
      { op: 'same', text: '.' },
    ]);
  });

  test('keeps "coördinator", "privé" and "officiële" whole', () => {
    expect(diffText('De coördinator leest privé berichten.', 'De coördinator leest officiële berichten.')).toEqual([
      { op: 'same', text: 'De coördinator leest ' },
      { op: 'del', text: 'privé' },
      { op: 'ins', text: 'officiële' },
      { op: 'same', text: ' berichten.' },
    ]);
  });

  test('folds white space before comparing', () => {
    expect(diffText('Wij stellen   de ouders\n op de hoogte.', 'Wij stellen de ouders op de hoogte.')).toEqual([
      { op: 'same', text: 'Wij stellen de ouders op de hoogte.' },
    ]);
  });
});
