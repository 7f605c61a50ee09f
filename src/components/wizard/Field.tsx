/** A labelled form field that shows the problem the build's checks find for its field path, once it has been left. */
import { t } from '../../i18n/t.ts';
import { evaluation, reveal, revealAll, revealed } from './store.ts';

/** Props of {@link Field}. */
export interface FieldProps {
  /** Element id; the label, help and error ids derive from it. */
  id: string;
  label: string;
  /** One or two sentences under the label. */
  help?: string;
  /** Field path(s) in the composition whose problems belong here (`school.name`). */
  field: string | string[];
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'email' | 'number' | 'url' | 'tel' | 'date';
  /** A textarea with this many rows instead of an input. */
  rows?: number;
  autoComplete?: string;
  /** A datalist id with suggestions. */
  list?: string;
  /** Marks the field as one every school must fill in: "(verplicht)" after the label and `aria-required`. */
  required?: boolean;
}

/**
 * The problems from the current evaluation for one or more field paths, once they are shown: after the field was
 * left, or after the user pressed "Volgende" with a problem ({@link revealAll}).
 *
 * @param field the field path(s).
 * @param always show them even when the field was not left yet (default false).
 */
export function problemsAt(field: string | string[], always = false): string[] {
  const fields = Array.isArray(field) ? field : [field];
  if (!always && !revealAll.value && !fields.some((f) => revealed.value.has(f))) return [];
  return (evaluation.value?.problems ?? [])
    .filter((p) => p.field !== undefined && fields.includes(p.field))
    .map((p) => p.message);
}

/**
 * A text field with its label, help text and error: errors are tied to the field with `aria-describedby`
 * and marked with `aria-invalid`, so a screen reader reads them with the field. An error shows only after the field
 * was left or the user tried to go on (review people-2026-11: "errors show before anything is typed").
 */
export function Field({
  id,
  label,
  help,
  field,
  value,
  onInput,
  type = 'text',
  rows,
  autoComplete,
  list,
  required,
}: FieldProps) {
  const fields = Array.isArray(field) ? field : [field];
  const errors = problemsAt(fields);
  const describedBy =
    [help ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    // The field paths this element shows, so that the wizard can put the focus on the field of a problem.
    'data-fields': fields.join(' ') || undefined,
    'aria-describedby': describedBy,
    'aria-invalid': errors.length ? ('true' as const) : undefined,
    'aria-required': required ? ('true' as const) : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
    onBlur: () => reveal(fields),
  };
  return (
    <div class={`field${errors.length ? ' field--invalid' : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="required"> {t('wizard.variable.required')}</span>}
      </label>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      {rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} list={list} />
      )}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
