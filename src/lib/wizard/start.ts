import type { Library } from '../compose/document.ts';
import { protocolTitle, startFromModel } from '../model/model-start.ts';
import type { ProtocolInput, SchoolInput } from '../schema/protocol.ts';
import type { StartingPoint } from './wizard-data.ts';

/**
 * The composition a school starts with when it picks a starting point, made its own with the school block typed
 * so far (the wizard's step 1): for a model, {@link startFromModel} on the model's validated rebuild (the model's
 * names, contacts, adoption and local terms never carry over); for a sector default, its clauses with the school's
 * block and a title naming the school.
 *
 * @param start the starting point, as `/samenstellen/bibliotheek.json` carries it.
 * @param library the clause library.
 * @param school the school's block as far as filled in (empty strings count as not given).
 */
export function startProtocol(start: StartingPoint, library: Library, school: Partial<SchoolInput>): ProtocolInput {
  const given: Partial<SchoolInput> = Object.fromEntries(
    Object.entries(school).filter(([, v]) => (typeof v === 'string' ? v.trim() !== '' : v !== undefined)),
  );
  if (start.terms) return startFromModel(start.protocol, library, { school: given, terms: start.terms });
  return {
    ...start.protocol,
    title: protocolTitle(given.name),
    school: { ...start.protocol.school, ...given, name: given.name ?? '' },
  };
}
