// The English sentence of a catalogued error, with the key and arguments that let a transport translate
// it: `new AppError('CONFLICT', m.message, { messageKey: m.messageKey, params: m.params })` or a zod
// issue (catalogued-issue.ts). The catalogue is messages/<locale>.json under `errors.`; a param named
// `<name>Key` names another entry said as `{<name>}` (referenced-words.ts).
//
// Only English is loaded here: zod schemas shared with the portal's client components call this when their
// module loads, and the other three catalogues have no business in the browser bundle (translate-message.ts,
// server-side, has all four).
import { createTranslator } from 'use-intl/core';

import en from '../../messages/en.json';
import type { ErrorParams } from '../errors';
import { withReferencedWords } from './referenced-words';

const t = createTranslator({ locale: 'en', messages: en, timeZone: 'UTC' }) as unknown as (key: string, params?: ErrorParams) => string;

export function cataloguedMessage(messageKey: string, params: ErrorParams = {}): { message: string; messageKey: string; params: ErrorParams } {
  return { message: t(`errors.${messageKey}`, withReferencedWords(params, (key) => t(key))), messageKey, params };
}
