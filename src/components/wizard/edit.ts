/** Small edits of the draft that several steps share. */
import type { DraftArticle } from '../../lib/wizard/draft.ts';
import { update } from './store.ts';

/**
 * Replaces one article of one section (one undo step; changes with the same `key` within a moment are one).
 *
 * @param si the draft section's index.
 * @param uid the article's local id.
 * @param fn the new article from the old one.
 * @param key what changed, for coalescing typing into one undo step (default: none).
 */
export function updateArticle(si: number, uid: string, fn: (a: DraftArticle) => DraftArticle, key = ''): void {
  update(
    (d) => ({
      ...d,
      sections: d.sections.map((s, i) =>
        i === si ? { ...s, articles: s.articles.map((a) => (a.uid === uid ? fn(a) : a)) } : s,
      ),
    }),
    key,
  );
}

/**
 * Puts the focus on the first element found by id, after the change that removed something has rendered: the
 * neighbour that took a removed item's place, else the one before it, else a fallback such as the add button.
 *
 * @param ids element ids in order of preference.
 */
export function focusFirst(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) {
        el.focus();
        return;
      }
    }
  });
}
