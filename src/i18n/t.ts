import nl from './nl.json';

/** A key of the Dutch UI strings in `nl.json`. */
export type MessageKey = keyof typeof nl;

/**
 * The Dutch text for a UI string key, with each `{name}` in it replaced by `vars[name]` (left as it is when
 * `vars` has no such name).
 *
 * @param key a key of `nl.json`.
 * @param vars values for the placeholders (default: none).
 */
export function t(key: MessageKey, vars: Readonly<Record<string, string | number>> = {}): string {
  const text: string = nl[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
