/** A typed input for one value of a library article: text, number, e-mail, choice, list or contact. */
import { t } from '../../i18n/t.ts';
import { formatValue } from '../../lib/compose/fill-template.ts';
import type { ClauseVariable, VariableValue } from '../../lib/schema/clause.ts';
import type { DraftArticle } from '../../lib/wizard/draft.ts';
import { updateArticle } from './edit.ts';
import { Field, problemsAt } from './Field.tsx';
import { draft, reveal } from './store.ts';

/** Props of {@link VariableField}. */
export interface VariableFieldProps {
  /** The draft section's index. */
  si: number;
  article: DraftArticle;
  /** The variable's name in the clause. */
  name: string;
  variable: ClauseVariable;
  /** The value's field path in the composition (`sections.2.articles.0.values.purposes`), when the article is in it. */
  path?: string;
}

/**
 * The field for one variable, at its article. The label is the library's question about the school; a value every
 * school must give has no default, starts empty and is marked required.
 */
export function VariableField({ si, article, name, variable, path }: VariableFieldProps) {
  const id = `${article.uid}-var-${name}`;
  const value = article.values?.[name];
  const shown = value ?? variable.default;
  const set = (v: VariableValue) =>
    updateArticle(si, article.uid, (a) => ({ ...a, values: { ...(a.values ?? {}), [name]: v } }), id);
  const fields = path ? [path] : [];
  const help = [
    variable.help,
    variable.default !== undefined
      ? `${t('wizard.variable.default')}: ${
          // A choice's answer as the select shows it, when the clause gives one (`optionLabels`).
          (variable.type === 'choice' && variable.optionLabels?.[variable.default]) ||
          formatValue(variable.default, variable)
        }.`
      : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  if (variable.type === 'choice') {
    const errors = problemsAt(fields);
    return (
      <div class="field">
        <label for={id}>
          {variable.label}
          {variable.required && <span class="required"> {t('wizard.variable.required')}</span>}
        </label>
        {help && (
          <p id={`${id}-help`} class="help">
            {help}
          </p>
        )}
        <select
          id={id}
          value={String(shown ?? '')}
          data-fields={fields.join(' ') || undefined}
          aria-describedby={
            [help ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
          }
          aria-invalid={errors.length ? 'true' : undefined}
          onChange={(e) => set(e.currentTarget.value)}
          onBlur={() => reveal(fields)}
        >
          {variable.options.map((o) => (
            // The clause's answer for the option when it has one (`optionLabels`); an empty option leaves the words out
            // of the sentence: say so in plain words.
            <option value={o}>{variable.optionLabels?.[o] ?? (o.trim() || t('wizard.variable.emptyOption'))}</option>
          ))}
        </select>
        {errors.length > 0 && (
          <p id={`${id}-error`} class="error">
            {errors.join(' ')}
          </p>
        )}
      </div>
    );
  }
  if (variable.type === 'list') {
    return (
      <Field
        id={id}
        label={variable.label}
        required={variable.required}
        help={`${help} ${t('wizard.variable.onePerLine')}`.trim()}
        field={fields}
        rows={Math.max(3, (Array.isArray(shown) ? shown.length : 1) + 1)}
        value={Array.isArray(shown) ? shown.join('\n') : String(shown ?? '')}
        onInput={(v) =>
          set(
            v
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          )
        }
      />
    );
  }
  if (variable.type === 'number') {
    return (
      <Field
        id={id}
        type="number"
        label={variable.label}
        required={variable.required}
        help={help}
        field={fields}
        value={String(shown ?? '')}
        onInput={(v) => set(/^-?\d+$/.test(v.trim()) ? Number(v) : v)}
      />
    );
  }
  const roles = variable.type === 'contact' ? draft.value.school.contacts.map((c) => c.role).filter(Boolean) : [];
  return (
    <>
      <Field
        id={id}
        type={variable.type === 'email' ? 'email' : 'text'}
        label={variable.label}
        required={variable.required}
        help={help}
        field={fields}
        value={String(shown ?? '')}
        list={roles.length ? `${id}-roles` : undefined}
        onInput={(v) => set(v)}
      />
      {roles.length > 0 && (
        <datalist id={`${id}-roles`}>
          {roles.map((r) => (
            <option value={r} />
          ))}
        </datalist>
      )}
    </>
  );
}
