import nl from './nl.json';

/** A key of the Dutch UI strings in `nl.json`. */
export type MessageKey = keyof typeof nl;

/** The Dutch text for a UI string key. */
export function t(key: MessageKey): string {
  return nl[key];
}
