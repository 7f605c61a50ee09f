/** A labelled form field that shows the problem the build's checks find for its field path. */
import { evaluation } from './store.ts';

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
}

/** The problems from the current evaluation for one or more field paths. */
export function problemsAt(field: string | string[]): string[] {
  const fields = Array.isArray(field) ? field : [field];
  return (evaluation.value?.problems ?? []).filter((p) => p.field !== undefined && fields.includes(p.field)).map((p) => p.message);
}

/**
 * A text field with its label, help text and error: errors are tied to the field with `aria-describedby`
 * and marked with `aria-invalid`, so a screen reader reads them with the field.
 */
export function Field({ id, label, help, field, value, onInput, type = 'text', rows, autoComplete, list }: FieldProps) {
  const errors = problemsAt(field);
  const describedBy = [help ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    // The field paths this element shows, so that the wizard can put the focus on the field of a problem.
    'data-fields': (Array.isArray(field) ? field : [field]).join(' ') || undefined,
    'aria-describedby': describedBy,
    'aria-invalid': errors.length ? ('true' as const) : undefined,
    onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value),
  };
  return (
    <div class={`field${errors.length ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} class="help">
          {help}
        </p>
      )}
      {rows ? <textarea {...common} rows={rows} /> : <input {...common} type={type} autoComplete={autoComplete} list={list} />}
      {errors.length > 0 && (
        <p id={`${id}-error`} class="error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
