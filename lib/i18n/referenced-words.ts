// A catalogued error may name a word that has its own catalogue entry instead of writing it: a param
// whose name ends in `Key` holds that entry's full key (`fieldKey: 'interchange.itemField.netMass'`), and
// the sentence says it as the same name without the suffix (`{field}`), in the sentence's language. So a
// spreadsheet's field, a declaration's status or an agency's name are said once, where the page says them.
import type { ErrorParams } from '../errors';

const REFERENCE = /^(.+)Key$/;

/** `params` with, for each `<name>Key` naming a catalogue key, `<name>` said by `say` (which translates a full key). */
export function withReferencedWords(params: ErrorParams, say: (key: string) => string): ErrorParams {
  let out: ErrorParams | null = null;
  for (const [name, value] of Object.entries(params)) {
    const word = REFERENCE.exec(name)?.[1];
    if (!word || typeof value !== 'string' || Object.hasOwn(params, word)) continue;
    out ??= { ...params };
    out[word] = say(value);
  }
  return out ?? params;
}
