import nl from './nl.json';

/** A key of the Dutch UI strings in `nl.json`. */
export type MessageKey = keyof typeof nl;

/**
 * A label table from `nl.json`: for each key `k` of `keys`, the text of `<prefix>.<k>`
 * (`labelTable('section', ['reporting'])` → `{ reporting: 'Melden' }`).
 *
 * @throws TypeError at load time when `nl.json` lacks one of the keys, so a missing label never reaches a page.
 */
export function labelTable<K extends string>(prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, t(`${prefix}.${k}` as MessageKey)])) as Record<K, string>;
}

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
