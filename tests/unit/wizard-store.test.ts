/**
 * The wizard's autosave (src/components/wizard/store.ts) with a stand-in for localStorage: saving that fails says
 * so (review attack-2026-11, failure 5), and saved work that cannot be read is kept aside, never used and never
 * overwritten without a word (failure 6).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyDraft } from '../../src/lib/wizard/draft.ts';
import {
  commit,
  draft,
  restore,
  saveState,
  startOver,
  STORAGE_KEY,
  UNREADABLE_KEY,
  unreadable,
} from '../../src/components/wizard/store.ts';

/** A localStorage with a quota in characters, like a browser's. */
class FakeStorage {
  items = new Map<string, string>();
  constructor(public quota = Infinity) {}
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    const used = [...this.items].reduce((n, [key, val]) => n + (key === k ? 0 : key.length + val.length), 0);
    if (used + k.length + v.length > this.quota)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

let storage: FakeStorage;
beforeEach(() => {
  storage = new FakeStorage();
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  startOver();
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

function named(name: string) {
  const d = emptyDraft();
  d.school.name = name;
  return d;
}

describe('autosave', () => {
  test('saves each change and says so', () => {
    commit(named('De Linde'));
    expect(saveState.value).toBe('saved');
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).draft.school.name).toBe('De Linde');
  });

  test('says at once when storage is full, and recovers when there is room again', () => {
    commit(named('De Linde'));
    storage.quota = 10;
    commit(named('De Linde en meer'));
    expect(saveState.value).toBe('failed');
    expect(draft.value.school.name).toBe('De Linde en meer');
    storage.quota = Infinity;
    commit(named('De Linde, bewaard'));
    expect(saveState.value).toBe('saved');
  });

  test('says so when the work is larger than the storage allows', () => {
    storage.quota = 5_000_000;
    commit(named('x'.repeat(6_000_000)));
    expect(saveState.value).toBe('failed');
  });
});

describe('restore', () => {
  const broken = [
    ['school name a number', { draft: { ...emptyDraft(), school: { ...emptyDraft().school, name: 42 } } }],
    ['sections a string', { draft: { ...emptyDraft(), sections: 'abc' } }],
    [
      'articles null',
      { draft: { ...emptyDraft(), sections: [{ uid: 'u1', title: 'A', numbered: true, articles: null }] } },
    ],
    ['overrides null', { draft: { ...emptyDraft(), overrides: null } }],
    ['another version', { draft: { ...emptyDraft(), v: 2 } }],
  ] as const;

  test.each(broken)('keeps saved work with %s aside and offers it, never uses it', (_, saved) => {
    const raw = JSON.stringify(saved);
    storage.setItem(STORAGE_KEY, raw);
    expect(restore()).toBeUndefined();
    expect(unreadable.value?.raw).toBe(raw);
    expect(unreadable.value?.aside).toBe(true);
    expect(storage.getItem(UNREADABLE_KEY)).toBe(raw);
  });

  test('keeps broken JSON aside', () => {
    storage.setItem(STORAGE_KEY, '{"draft": {');
    expect(restore()).toBeUndefined();
    expect(unreadable.value?.problem).toMatch(/JSON/);
    expect(storage.getItem(UNREADABLE_KEY)).toBe('{"draft": {');
  });

  test('never overwrites unreadable work that could not be copied aside, until the user starts over', () => {
    const raw = JSON.stringify({ draft: { ...emptyDraft(), v: 2 } });
    storage.setItem(STORAGE_KEY, raw);
    storage.quota = raw.length + STORAGE_KEY.length + 5;
    restore();
    expect(unreadable.value?.aside).toBe(false);
    commit(named('Nieuw werk'));
    expect(storage.getItem(STORAGE_KEY)).toBe(raw);
    expect(saveState.value).toBe('failed');
    startOver();
    storage.quota = Infinity;
    commit(named('Nieuw werk'));
    expect(saveState.value).toBe('saved');
    expect(unreadable.value).toBeUndefined();
  });

  test('restores valid work saved by an earlier version of the wizard (no documents, phone or reasons yet)', () => {
    const old = emptyDraft() as Partial<ReturnType<typeof emptyDraft>>;
    delete old.reasons;
    delete (old.school as { documents?: unknown }).documents;
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ draft: { ...old, school: { ...old.school, name: 'Oud' } }, step: 2, section: 0 }),
    );
    const back = restore();
    expect(back?.draft.school.name).toBe('Oud');
    expect(back?.draft.reasons).toEqual({});
    expect(unreadable.value).toBeUndefined();
  });
});
