/**
 * Step 1, "Beginnen" (issue 13): the school's sector and where the protocol starts from: the default for the sector
 * (recommended: current law at each choice point, else what most models chose), a reference model, or the school's
 * current protocol (ImportProtocol).
 */
import { t, type MessageKey } from '../../i18n/t.ts';
import { protocolTitle } from '../../lib/model/model-start.ts';
import { ProtocolSchema } from '../../lib/schema/protocol.ts';
import { draftFromProtocol, draftToProtocolInput, emptyDraft, type Draft } from '../../lib/wizard/draft.ts';
import { SECTOR_PUPILS } from '../../lib/wizard/sector-default.ts';
import { startProtocol } from '../../lib/wizard/start.ts';
import { ImportProtocol } from './ImportProtocol.tsx';
import { data, draft, goToSection, library, notice, replaceDraft, startMissing, update } from './store.ts';

/** Step 1, "Beginnen": the school's sector and the starting point. */
export function StartStep() {
  const d = data.value!;
  const chosen = draft.value.start;
  const choose = (id: string) => {
    const start = d.starts.find((s) => s.id === id)!;
    const cur = draft.value;
    if (cur.sections.length && !confirm(t('wizard.start.replace'))) return;
    // The starting point made this school's own by the core (startProtocol): the school block typed so far, a
    // title naming the school, none of the model's names, contacts, local terms or adoption.
    const typed = draftToProtocolInput(cur).school;
    const input = startProtocol(start, library.value!, typed);
    // The school block stays the one typed so far (it may still hold a mistake the form shows at its field), so
    // only the start's articles go through the schema here.
    const protocol = ProtocolSchema.parse({
      ...input,
      school: { name: '…', sector: input.school.sector, pupils: input.school.pupils },
    });
    const fresh = draftFromProtocol(protocol, id);
    const defaultTitle = (title: string) =>
      !title.trim() || title === emptyDraft().title || title === protocolTitle(cur.school.name);
    replaceDraft({
      ...fresh,
      // Keep what the school typed so far (also when it is still empty).
      school: cur.school,
      version: cur.version || fresh.version,
      // A model's adoption is the model school's; this school adopts its own protocol.
      adoption: cur.adoption,
      // The title names the school, unless the school wrote its own.
      title: defaultTitle(cur.title) ? (input.title ?? cur.title) : cur.title,
    });
    // Every section of "Alle artikelen" starts collapsed.
    goToSection(-1);
    startMissing.value = false;
    notice.value = t('wizard.start.done', { name: start.name });
  };
  const sector = draft.value.school.sector;
  // "Volgende" without a starting point: the message stands before the starting points and every choice button
  // carries it, so a screen reader reads it with the button that gets the focus.
  const missing = startMissing.value && !chosen;
  const group = (ids: 'model' | 'sector', heading: MessageKey) => (
    <section aria-labelledby={`start-${ids}`}>
      <h3 id={`start-${ids}`}>{t(heading)}</h3>
      <ul class="starts">
        {d.starts
          .filter((s) => (ids === 'sector' ? s.id === `sector:${sector}` : s.id.startsWith('model:')))
          .map((s) => (
            <li class={s.id === chosen ? 'chosen' : undefined}>
              <h4 id={`start-${s.id.replace(':', '-')}`}>{s.name}</h4>
              <p>{s.description}</p>
              <button
                type="button"
                aria-describedby={`start-${s.id.replace(':', '-')}${missing ? ' start-error' : ''}`}
                aria-pressed={s.id === chosen}
                onClick={() => choose(s.id)}
              >
                {s.id === chosen ? t('wizard.start.chosen') : t('wizard.start.choose')}
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
  return (
    <div class="step">
      <div class="field">
        <label for="school-sector">{t('wizard.school.sector')}</label>
        <select
          id="school-sector"
          value={sector}
          onChange={(e) => {
            const next = e.currentTarget.value as Draft['school']['sector'];
            update((x) => ({
              ...x,
              school: {
                ...x.school,
                sector: next,
                pupils: x.school.pupils === SECTOR_PUPILS[x.school.sector] ? SECTOR_PUPILS[next] : x.school.pupils,
              },
            }));
          }}
        >
          {(['po', 'vo', 'mbo', 'so'] as const).map((s) => (
            <option value={s}>{t(`wizard.sector.${s}`)}</option>
          ))}
        </select>
      </div>
      <p>{t('wizard.start.intro')}</p>
      {missing && (
        <p id="start-error" class="error">
          {t('wizard.start.missing')}
        </p>
      )}
      {group('sector', 'wizard.start.sectors')}
      <details class="more-starts" open={chosen.startsWith('model:') || undefined}>
        <summary>{t('wizard.start.moreModels')}</summary>
        {group('model', 'wizard.start.models')}
      </details>
      <ImportProtocol />
    </div>
  );
}
