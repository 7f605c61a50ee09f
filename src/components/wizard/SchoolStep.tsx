/**
 * Step 3, "Gegevens" (issue 13): the values every school must give. The school's details (name, board, place; how a
 * sentence names them only on request), contacts and reporting routes, the values of the library articles that every
 * school fills in (`schoolValues`: who to report to, which council consents), the adoption and the MR's consent,
 * and the school's other documents.
 */
import { t } from '../../i18n/t.ts';
import { protocolTitle } from '../../lib/model/model-start.ts';
import { schoolValues } from '../../lib/wizard/decisions.ts';
import { articlePaths, draftToProtocolInput, emptyDraft, type Draft } from '../../lib/wizard/draft.ts';
import { focusFirst } from './edit.ts';
import { Field } from './Field.tsx';
import { Explain } from './Term.tsx';
import { VariableField } from './VariableField.tsx';
import { findBoard } from '../../lib/board/find-board.ts';
import { withBoard } from '../../lib/board/inherit-board.ts';
import { contactLineHtml, viaBoardHtml } from '../../lib/render/render-contacts.ts';
import { composableProtocol } from '../../lib/wizard/live-preview.ts';
import { boardItemId } from '../../lib/wizard/finding-location.ts';
import { boards, draft, library, update } from './store.ts';

/** Step 3, "Gegevens": the school, its contacts and reporting routes, the values every school gives, the MR. */
export function SchoolStep() {
  const d = draft.value;
  const school = d.school;
  const set = (field: keyof Draft['school'], value: string) =>
    update((x) => ({ ...x, school: { ...x.school, [field]: value } }), `school.${field}`);
  return (
    <div class="step">
      <Field
        id="school-name"
        label={t('wizard.school.name')}
        field="school.name"
        value={school.name}
        onInput={(v) =>
          // A title that only names the school follows the name; a title the school wrote itself stays.
          update(
            (x) => ({
              ...x,
              title:
                x.title === protocolTitle(x.school.name) || x.title === emptyDraft().title ? protocolTitle(v) : x.title,
              school: { ...x.school, name: v },
            }),
            'school.name',
          )
        }
        autoComplete="organization"
        required
      />
      <Field
        id="school-board"
        label={t('wizard.school.board')}
        help={boards.value.size ? t('wizard.board.help') : undefined}
        field="school.board"
        value={school.board}
        onInput={(v) => set('board', v)}
        list={boards.value.size ? 'known-boards' : undefined}
      />
      {boards.value.size > 0 && (
        <datalist id="known-boards">
          {[...boards.value.values()].map((b) => (
            <option value={b.name} />
          ))}
        </datalist>
      )}
      <BoardValues />
      <Field
        id="school-place"
        label={t('wizard.school.place')}
        field="school.place"
        value={school.place}
        onInput={(v) => set('place', v)}
      />
      <Field
        id="school-pupils"
        label={t('wizard.school.pupils')}
        help={t('wizard.school.pupilsHelp')}
        field="school.pupils"
        value={school.pupils}
        onInput={(v) => set('pupils', v)}
      />
      <details class="more-fields">
        <summary>{t('wizard.school.more')}</summary>
        <Field
          id="school-name-in-text"
          label={t('wizard.school.nameInText')}
          help={t('wizard.school.nameInTextHelp')}
          field="school.nameInText"
          value={school.nameInText}
          onInput={(v) => set('nameInText', v)}
        />
        <Field
          id="school-board-in-text"
          label={t('wizard.school.boardInText')}
          help={t('wizard.school.boardInTextHelp')}
          field="school.boardInText"
          value={school.boardInText}
          onInput={(v) => set('boardInText', v)}
        />
        <Field
          id="school-account"
          label={t('wizard.school.account')}
          help={t('wizard.school.accountHelp')}
          field="school.account"
          value={school.account}
          onInput={(v) => set('account', v)}
        />
        <Field
          id="school-pupil"
          label={t('wizard.school.pupil')}
          help={t('wizard.school.pupilHelp')}
          field="school.pupil"
          value={school.pupil}
          onInput={(v) => set('pupil', v)}
        />
        <Field
          id="school-version"
          label={t('wizard.school.version')}
          field="version"
          value={d.version}
          onInput={(v) => update((x) => ({ ...x, version: v }), 'version')}
        />
      </details>
      <SchoolValues />
      <AdoptionFields />
      <fieldset class="contacts">
        <legend>{t('wizard.contacts')}</legend>
        <p class="help">{t('wizard.contacts.help')}</p>
        <Explain term="vertrouwenspersoon" />
        {school.contacts.map((c, i) => {
          const setC = (patch: Partial<typeof c>, key: string) =>
            update(
              (x) => ({
                ...x,
                school: { ...x.school, contacts: x.school.contacts.map((y, j) => (j === i ? { ...y, ...patch } : y)) },
              }),
              key,
            );
          return (
            <div class="contact" role="group" aria-labelledby={`contact-${i}-title`}>
              <h3 id={`contact-${i}-title`}>
                {t('wizard.contact')} {i + 1}
              </h3>
              <Field
                id={`contact-${i}-role`}
                label={t('wizard.contact.role')}
                help={t('wizard.contact.roleHelp')}
                field={`school.contacts.${i}.role`}
                value={c.role}
                onInput={(v) => setC({ role: v }, `c${i}.role`)}
                required
              />
              <Field
                id={`contact-${i}-name`}
                label={t('wizard.contact.name')}
                field={`school.contacts.${i}.name`}
                value={c.name}
                onInput={(v) => setC({ name: v }, `c${i}.name`)}
              />
              <Field
                id={`contact-${i}-email`}
                type="email"
                label={t('wizard.contact.email')}
                field={`school.contacts.${i}.email`}
                value={c.email}
                onInput={(v) => setC({ email: v }, `c${i}.email`)}
              />
              <Field
                id={`contact-${i}-phone`}
                type="tel"
                label={t('wizard.contact.phone')}
                field={`school.contacts.${i}.phone`}
                value={c.phone}
                onInput={(v) => setC({ phone: v }, `c${i}.phone`)}
              />
              <div class="check">
                <input
                  id={`contact-${i}-reporting`}
                  type="checkbox"
                  checked={c.reporting}
                  onChange={(e) => setC({ reporting: e.currentTarget.checked }, '')}
                />
                <label for={`contact-${i}-reporting`}>{t('wizard.contact.reporting')}</label>
              </div>
              <button
                type="button"
                onClick={() => {
                  update((x) => ({
                    ...x,
                    school: { ...x.school, contacts: x.school.contacts.filter((_, j) => j !== i) },
                  }));
                  // The removed group's button is gone: the contact that took its place, the one before, or the add button.
                  focusFirst(`contact-${i}-role`, `contact-${i - 1}-role`, 'contact-add');
                }}
              >
                {t('wizard.contact.remove')}
                <span class="sr-only">: {c.role || `${t('wizard.contact')} ${i + 1}`}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          id="contact-add"
          onClick={() => {
            const i = school.contacts.length;
            update((x) => ({
              ...x,
              school: {
                ...x.school,
                contacts: [...x.school.contacts, { role: '', name: '', email: '', phone: '', reporting: true }],
              },
            }));
            requestAnimationFrame(() => document.getElementById(`contact-${i}-role`)?.focus());
          }}
        >
          {t('wizard.contact.add')}
        </button>
      </fieldset>
      <fieldset class="contacts documents">
        <legend>{t('wizard.documents')}</legend>
        <p class="help">{t('wizard.documents.help')}</p>
        {school.documents.map((doc, i) => {
          const setD = (patch: Partial<typeof doc>, key: string) =>
            update(
              (x) => ({
                ...x,
                school: {
                  ...x.school,
                  documents: x.school.documents.map((y, j) => (j === i ? { ...y, ...patch } : y)),
                },
              }),
              key,
            );
          return (
            <div class="contact" role="group" aria-labelledby={`document-${i}-heading`}>
              <h3 id={`document-${i}-heading`}>
                {t('wizard.document')} {i + 1}
              </h3>
              <Field
                id={`document-${i}-title`}
                label={t('wizard.document.title')}
                help={t('wizard.document.titleHelp')}
                field={`school.documents.${i}.title`}
                value={doc.title}
                onInput={(v) => setD({ title: v }, `d${i}.title`)}
              />
              <Field
                id={`document-${i}-url`}
                type="url"
                label={t('wizard.document.url')}
                help={t('wizard.document.urlHelp')}
                field={`school.documents.${i}.url`}
                value={doc.url}
                onInput={(v) => setD({ url: v }, `d${i}.url`)}
              />
              <button
                type="button"
                onClick={() => {
                  update((x) => ({
                    ...x,
                    school: { ...x.school, documents: x.school.documents.filter((_, j) => j !== i) },
                  }));
                  // The removed group's button is gone: focus the group that took its place, or the add button.
                  focusFirst(`document-${i}-title`, `document-${i - 1}-title`, 'document-add');
                }}
              >
                {t('wizard.document.remove')}
                <span class="sr-only">: {doc.title || `${t('wizard.document')} ${i + 1}`}</span>
              </button>
            </div>
          );
        })}
        <button
          type="button"
          id="document-add"
          onClick={() => {
            const i = school.documents.length;
            update((x) => ({
              ...x,
              school: { ...x.school, documents: [...x.school.documents, { title: '', url: '' }] },
            }));
            requestAnimationFrame(() => document.getElementById(`document-${i}-title`)?.focus());
          }}
        >
          {t('wizard.document.add')}
        </button>
      </fieldset>
    </div>
  );
}

/**
 * What the school inherits from its board (issue 15), when `school.board` names a board file: the board's contacts
 * and documents that no own contact (same role) or document (same title) replaces, marked "(via het bestuur)" as on
 * the published page, and how sentences name the board. Each can be replaced by the school's own: the button adds an
 * own contact with that role (or a document with that title), and the focus goes to its first field to fill in.
 */
function BoardValues() {
  const d = draft.value;
  const found = findBoard(d.school.board, boards.value);
  if (!found) return null;
  const { protocol, inherited } = withBoard(composableProtocol(draftToProtocolInput(d)), boards.value);
  // Each with its place in the board file, for the id of its button (a review finding in it goes there).
  const contacts = (inherited?.contacts ?? []).map((i, j) => ({
    c: protocol.school.contacts[i]!,
    k: inherited!.boardContacts[j]!,
  }));
  const documents = (inherited?.documents ?? []).map((i, j) => ({
    doc: protocol.school.documents[i]!,
    k: inherited!.boardDocuments[j]!,
  }));
  const ownContact = (role: string, reporting: boolean) => {
    const i = d.school.contacts.length;
    update((x) => ({
      ...x,
      school: { ...x.school, contacts: [...x.school.contacts, { role, name: '', email: '', phone: '', reporting }] },
    }));
    requestAnimationFrame(() => document.getElementById(`contact-${i}-name`)?.focus());
  };
  const ownDocument = (title: string) => {
    const i = d.school.documents.length;
    update((x) => ({ ...x, school: { ...x.school, documents: [...x.school.documents, { title, url: '' }] } }));
    requestAnimationFrame(() => document.getElementById(`document-${i}-url`)?.focus());
  };
  return (
    <section class="from-board" aria-labelledby="wizard-from-board">
      <h3 id="wizard-from-board">{t('board.fromBoard')}</h3>
      <p class="help">{t('wizard.board.intro', { board: found.board.name })}</p>
      {inherited?.boardInText && (
        <p>
          {t('board.boardInText')}: {found.board.boardInText}
          <span class="via-board"> ({t('board.via')})</span>
        </p>
      )}
      {contacts.length > 0 && (
        <>
          <h4>{t('board.contacts')}</h4>
          <ul class="board-items">
            {contacts.map(({ c, k }) => (
              <li>
                <span dangerouslySetInnerHTML={{ __html: contactLineHtml(c) + viaBoardHtml() }} />{' '}
                <button type="button" id={boardItemId('contacts', k)} onClick={() => ownContact(c.role, c.reporting)}>
                  {t('wizard.board.ownContact')}
                  <span class="sr-only">: {c.role}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {documents.length > 0 && (
        <>
          <h4>{t('board.documents')}</h4>
          <ul class="board-items">
            {documents.map(({ doc, k }) => (
              <li>
                {doc.title}
                <span class="via-board"> ({t('board.via')})</span>{' '}
                <button type="button" id={boardItemId('documents', k)} onClick={() => ownDocument(doc.title)}>
                  {t('wizard.board.ownDocument')}
                  <span class="sr-only">: {doc.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Adoption (vaststelling) and the participation council's consent, part of step 1. */
function AdoptionFields() {
  const adoption = draft.value.adoption;
  const set = (patch: Partial<Draft['adoption']>, key = '') =>
    update((x) => ({ ...x, adoption: { ...x.adoption, ...patch } }), key);
  return (
    <fieldset class="contacts adoption">
      <legend>{t('wizard.adoption')}</legend>
      <p class="help">{t('wizard.adoption.help')}</p>
      <Explain term="MR" />
      <Explain term="instemming" />
      <Explain term="vastgesteld" />
      <Field
        id="adoption-by"
        label={t('wizard.adoption.by')}
        help={t('wizard.adoption.byHelp')}
        field="adoption.by"
        value={adoption.by}
        onInput={(v) => set({ by: v }, 'adoption.by')}
      />
      <Field
        id="adoption-date"
        type="date"
        label={t('wizard.adoption.date')}
        field="adoption.date"
        value={adoption.date}
        onInput={(v) => set({ date: v }, 'adoption.date')}
      />
      {adoption.consent.map((c, i) => {
        const setC = (patch: Partial<typeof c>, key: string) =>
          update(
            (x) => ({
              ...x,
              adoption: {
                ...x.adoption,
                consent: x.adoption.consent.map((y, j) => (j === i ? { ...y, ...patch } : y)),
              },
            }),
            key,
          );
        return (
          <div class="contact" role="group" aria-labelledby={`consent-${i}-heading`}>
            <h3 id={`consent-${i}-heading`}>
              {t('wizard.consent')} {i + 1}
            </h3>
            <Field
              id={`consent-${i}-body`}
              label={t('wizard.consent.body')}
              help={t('wizard.consent.bodyHelp')}
              field={`adoption.consent.${i}.body`}
              value={c.body}
              onInput={(v) => setC({ body: v }, `consent${i}.body`)}
            />
            <fieldset class="outcome" data-fields={`adoption.consent.${i}.outcome`}>
              <legend>{t('wizard.consent.outcome')}</legend>
              {(['ingestemd', 'niet-ingestemd'] as const).map((o) => (
                <label>
                  <input
                    type="radio"
                    id={`consent-${i}-outcome-${o}`}
                    name={`consent-${i}-outcome`}
                    value={o}
                    checked={(c.outcome ?? 'ingestemd') === o}
                    onChange={() => setC({ outcome: o }, `consent${i}.outcome`)}
                  />{' '}
                  {t(o === 'ingestemd' ? 'wizard.consent.given' : 'wizard.consent.refused')}
                </label>
              ))}
            </fieldset>
            <Field
              id={`consent-${i}-date`}
              type="date"
              label={t('wizard.consent.date')}
              help={t('wizard.consent.dateHelp')}
              field={`adoption.consent.${i}.date`}
              value={c.date}
              onInput={(v) => setC({ date: v }, `consent${i}.date`)}
            />
            <button
              type="button"
              onClick={() => {
                update((x) => ({
                  ...x,
                  adoption: { ...x.adoption, consent: x.adoption.consent.filter((_, j) => j !== i) },
                }));
                focusFirst(`consent-${i}-body`, `consent-${i - 1}-body`, 'consent-add');
              }}
            >
              {t('wizard.consent.remove')}
              <span class="sr-only">: {c.body || `${t('wizard.consent')} ${i + 1}`}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        id="consent-add"
        onClick={() => {
          const i = adoption.consent.length;
          update((x) => ({
            ...x,
            adoption: { ...x.adoption, consent: [...x.adoption.consent, { body: '', date: '' }] },
          }));
          requestAnimationFrame(() => document.getElementById(`consent-${i}-body`)?.focus());
        }}
      >
        {t('wizard.consent.add')}
      </button>
    </fieldset>
  );
}

/** The values of library articles every school gives (where to report, who consents), each at its article. */
function SchoolValues() {
  const d = draft.value;
  const values = schoolValues(d, library.value!);
  if (!values.length) return null;
  const paths = articlePaths(d);
  return (
    <fieldset class="contacts school-values">
      <legend>{t('wizard.school.values')}</legend>
      <p class="help">{t('wizard.school.valuesHelp')}</p>
      {values.map((v) => {
        const path = paths.get(v.article.uid);
        return (
          <VariableField
            si={v.si}
            article={v.article}
            name={v.name}
            variable={v.variable}
            path={path ? `${path}.values.${v.name}` : undefined}
          />
        );
      })}
    </fieldset>
  );
}
