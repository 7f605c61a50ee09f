/** What a key press asks of the wizard's history. */
export type HistoryAction = 'undo' | 'redo';

/** The parts of a `KeyboardEvent` that {@link shortcutAction} reads. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing?: boolean;
}

/**
 * The history action of a key press: Ctrl+Z (⌘Z on a Mac) undoes, Ctrl+Shift+Z and Ctrl+Y redo.
 * Undefined for any other key, with Alt held (AltGr on Windows is Ctrl+Alt), or while an input method composes.
 *
 * @param e the key press.
 */
export function shortcutAction(e: KeyLike): HistoryAction | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.isComposing) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !e.shiftKey) return 'redo';
  return undefined;
}

/** The parts of an element that {@link handlesOwnUndo} reads. */
export interface ElementLike {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

/** Input types whose text the browser edits, and so undoes itself. */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number']);

/**
 * True when the focused element edits text and has the browser's own undo (a text input, a textarea,
 * editable content): the wizard then leaves Ctrl+Z to the browser. Checkboxes, radio buttons, selects, buttons,
 * date pickers and the page itself have no undo of their own, so there the wizard's undo applies.
 *
 * @param el the element that has focus (`document.activeElement` or the event's target); null for none.
 */
export function handlesOwnUndo(el: ElementLike | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = (el.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && TEXT_INPUTS.has((el.type ?? 'text').toLowerCase());
}
