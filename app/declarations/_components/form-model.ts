// The declaration form's values and their translation to DeclarationInput (pure, browser-safe). Every
// field is held as the string the person typed; numbers become numbers only when the input is built.
// The fields are those of the zod schema (lib/declarations/declaration-input.ts): the values' type, the
// empty form and the translation derive from it, and FIELDS below must name each of them (the compiler
// says so), so a new field needs a label and a step here and nothing else in this file.
import { createTranslator } from 'use-intl/core';
import { z } from 'zod';

import {
  containerInput,
  declarationInput,
  goodsItemInput,
  type ContainerInput,
  type DeclarationInput,
  type GoodsItemInput,
  type HeaderField,
} from '../../../lib/declarations/declaration-input';
import type { ErrorParams, FieldError } from '../../../lib/errors';
import { withReferencedWords } from '../../../lib/i18n/referenced-words';
import { fieldErrorsOf } from '../../../lib/validation';
import en from '../../../messages/en.json';

/** A container row of the form. Lists (seals) are typed as one string, separated by commas. */
export type ContainerFormValues = { key: string } & { [K in keyof ContainerInput]-?: string };

/**
 * A goods item row of the form; `commodityLabel` is the HS description of the picked code, shown as a hint,
 * and `unitFilledFrom` the tariff line whose supplementary unit the form filled in ('' when the person
 * typed the unit or nothing was filled in). Neither is sent.
 */
export type ItemFormValues = { key: string; commodityLabel: string; unitFilledFrom: string } & { [K in keyof GoodsItemInput]-?: string };

export type DeclarationFormValues = { [K in HeaderField]-?: string } & { containers: ContainerFormValues[]; items: ItemFormValues[] };

export type { HeaderField };

/** The form's steps; each is named in the catalogue (`declarationForm.step.<key>`). */
export const STEPS = ['header', 'transport', 'goods', 'review'] as const;

/** A translator of the catalogue (next-intl's `t`), scoped to a namespace. */
export type Say = (key: string, values?: ErrorParams) => string;

// English, for code that runs outside React (the unit tests); the form passes the reader's language.
const ENGLISH = createTranslator({ locale: 'en', messages: en, namespace: 'declarationForm' }) as unknown as Say;
const ENGLISH_ERRORS = createTranslator({ locale: 'en', messages: en, namespace: 'errors' }) as unknown as Say;
// A catalogued sentence's referenced words (`fieldKey: 'interchange.itemField.netMass'`) are full keys.
const ENGLISH_WORDS = createTranslator({ locale: 'en', messages: en }) as unknown as Say;

type Step = 0 | 1 | 2;

/** The step (0-based) each field of the declaration is entered on; its name is `declarationForm.field.<name>`. */
const FIELDS = {
  lrn: 0,
  type: 0,
  additionalType: 0,
  procedureCode: 0,
  additionalProcedure: 0,
  officeOfDeclaration: 0,
  importerEori: 0,
  exporterEori: 0,
  representativeEori: 0,
  representationStatus: 0,
  transportMode: 1,
  transportDocument: 1,
  officeOfEntry: 1,
  officeOfExit: 1,
  incoterm: 1,
  incotermPlace: 1,
  containers: 1,
  items: 2,
  invoiceCurrency: 2,
  invoiceAmount: 2,
  exchangeRate: 2,
  freight: 2,
  insurance: 2,
  totalPackages: 2,
  grossMass: 2,
} as const satisfies Record<keyof DeclarationInput, Step>;

/** A container's fields, as named after "Container 1, …" (`declarationForm.containerField.<name>`). */
const CONTAINER_FIELDS = { containerNumber: true, seals: true } as const satisfies Record<keyof ContainerInput, true>;

/** A goods item's fields, as named after "Goods item 1, …" (`declarationForm.itemField.<name>`). */
const ITEM_FIELDS = {
  commodityCode: true,
  description: true,
  originCountry: true,
  packageKind: true,
  packageCount: true,
  grossMass: true,
  netMass: true,
  itemPrice: true,
  supplementaryQuantity: true,
  supplementaryUnit: true,
  preferenceCode: true,
  procedureCode: true,
  valuationMethod: true,
  marks: true,
  documentRefs: true,
} as const satisfies Record<keyof GoodsItemInput, true>;

/** Fields of the form that are not part of the declaration (`declarationForm.otherField.<name>`). */
const OTHER_FIELDS: readonly string[] = ['reason'];

/** The step (0-based) on which the field with this key is entered; unknown keys belong to the review. */
export function stepOf(key: string): number {
  const head = key.split('.')[0]!;
  return Object.hasOwn(FIELDS, head) ? FIELDS[head as keyof typeof FIELDS] : STEPS.length - 1;
}

/** The id of the element that shows the field with this key (summary links point there). */
export function fieldId(key: string): string {
  return `f-${key.replace(/\./g, '-')}`;
}

/** A field's key from an error path: list entries collapse onto their field ("items.0.documentRefs.2" → "items.0.documentRefs"). */
export function keyOf(path: readonly (string | number)[]): string {
  const parts = path.map(String);
  return (parts[0] === 'items' || parts[0] === 'containers' ? parts.slice(0, 3) : parts.slice(0, 1)).join('.');
}

let rowCounter = 0;
/** A key for a new container or item row (React list keys; never sent). */
export function newRowKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-new-${rowCounter}-${Date.now().toString(36)}`;
}

type Shape = Record<string, z.ZodType>;
const keysOf = <S extends Shape>(shape: S) => Object.keys(shape) as (keyof S & string)[];
const HEADER_FIELDS = keysOf(declarationInput.shape).filter((k): k is HeaderField => k !== 'containers' && k !== 'items');

/** Empty values of the fields of a schema, with the form's own defaults. */
function emptyValues<S extends Shape>(shape: S, defaults: Partial<Record<keyof S, string>>): Record<keyof S & string, string> {
  return Object.fromEntries(keysOf(shape).map((k) => [k, defaults[k] ?? ''])) as Record<keyof S & string, string>;
}

export function emptyContainer(key = newRowKey('c')): ContainerFormValues {
  return { key, ...emptyValues(containerInput.shape, {}) };
}

export function emptyItem(key = newRowKey('i')): ItemFormValues {
  return { key, commodityLabel: '', unitFilledFrom: '', ...emptyValues(goodsItemInput.shape, { valuationMethod: '1' }) };
}

/**
 * The changes to goods item `index` when its commodity code becomes a tariff line: the line's
 * supplementary unit fills the unit field when the field is empty or still holds what an earlier line
 * filled in; a unit the person typed is never replaced. A line without a unit takes back only a unit
 * the form filled in. The server checks the unit against the line whatever the form did.
 */
export function prefillSupplementaryUnit(
  item: Pick<ItemFormValues, 'supplementaryUnit' | 'unitFilledFrom'>,
  line: { formattedCode: string; supplementaryUnit?: string | null },
  index: number,
): Record<string, string> {
  const ours = !item.supplementaryUnit.trim() || !!item.unitFilledFrom;
  if (!ours) return {};
  const unit = line.supplementaryUnit ?? '';
  if (!unit && !item.unitFilledFrom) return {};
  return { [`items.${index}.supplementaryUnit`]: unit, [`items.${index}.unitFilledFrom`]: unit ? line.formattedCode : '' };
}

export function emptyForm(defaults: Partial<DeclarationFormValues> = {}): DeclarationFormValues {
  const header = emptyValues(declarationInput.shape, { type: 'IM', additionalType: 'A' });
  return { ...(Object.fromEntries(HEADER_FIELDS.map((k) => [k, header[k]])) as Record<HeaderField, string>), containers: [], items: [], ...defaults };
}

/** Whole numbers; anything else becomes NaN so that validation reports it. */
const int = (v: string): number => (/^\d+$/.test(v) ? Number(v) : Number.NaN);
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * How a typed string becomes the value the schema expects, read from the schema itself: lists are split
 * at commas, numbers parsed; an empty optional field is null (absent where the schema has a default).
 */
function convertFor(schema: z.ZodType): (typed: string) => unknown {
  let inner: z.ZodType = schema;
  let empty: null | undefined | 'keep' = 'keep';
  for (;;) {
    if (inner instanceof z.ZodDefault) [inner, empty] = [inner.unwrap() as z.ZodType, empty === 'keep' ? undefined : empty];
    else if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) [inner, empty] = [inner.unwrap() as z.ZodType, null];
    else break;
  }
  const parse = inner instanceof z.ZodArray ? list : inner instanceof z.ZodNumber ? int : (v: string) => v;
  return (typed) => {
    const v = typed.trim();
    return v === '' && empty !== 'keep' ? empty : parse(v);
  };
}

/** The converters of a schema's fields (computed once). */
function convertersOf<S extends Shape>(shape: S): [keyof S & string, (typed: string) => unknown][] {
  return keysOf(shape).map((k) => [k, convertFor(shape[k]!)]);
}
const HEADER_CONVERTERS = convertersOf(declarationInput.shape).filter(([k]) => k !== 'containers' && k !== 'items');
const CONTAINER_CONVERTERS = convertersOf(containerInput.shape);
const ITEM_CONVERTERS = convertersOf(goodsItemInput.shape);
const convert = (converters: [string, (typed: string) => unknown][], values: object) =>
  Object.fromEntries(converters.map(([k, to]) => [k, to((values as Record<string, string | undefined>)[k] ?? '')]));

/** The DeclarationInput the server receives for these form values. */
export function toInput(s: DeclarationFormValues): DeclarationInput {
  return {
    ...convert(HEADER_CONVERTERS, s),
    containers: s.containers.map((c) => convert(CONTAINER_CONVERTERS, c)),
    items: s.items.map((i) => convert(ITEM_CONVERTERS, i)),
  } as DeclarationInput;
}

/** Field key → first message, in the order the problems were found. */
export type ErrorMap = Record<string, string>;

export function errorMapOf(fieldErrors: readonly FieldError[]): ErrorMap {
  const map: ErrorMap = {};
  for (const f of fieldErrors) {
    const key = keyOf(f.path);
    if (!(key in map)) map[key] = f.message;
  }
  return map;
}

// zod's own wording (no sentence written by the schema) is marked, so that it can be said from the catalogue.
const ZOD_DEFAULT = '\u0000zod';

/**
 * Format checks of the whole form, with the same schema the server applies, said in the reader's language
 * where the catalogue has the sentence (`say` for the form's own, `sayError` for `errors.*`); sentences
 * the schema wrote without a key stay English, as the server's do (docs/languages.md).
 */
export function validate(s: DeclarationFormValues, say: Say = ENGLISH, sayError: Say = ENGLISH_ERRORS, sayWord: Say = ENGLISH_WORDS): { input: DeclarationInput; errors: ErrorMap } {
  const input = toInput(s);
  const parsed = declarationInput.safeParse(input, { error: () => ZOD_DEFAULT });
  if (parsed.success) return { input, errors: {} };
  const fieldErrors = fieldErrorsOf(parsed.error).map((f, i) => {
    // zod's own wording for a missing or non-numeric number is technical: say what to type instead.
    const issue = parsed.error.issues[i]!;
    if (issue.code === 'invalid_type') {
      const expected = (issue as { expected?: string }).expected;
      return { ...f, message: say(expected === 'number' ? 'wholeNumber' : 'required') };
    }
    if (!f.messageKey) return f;
    const english = ENGLISH_ERRORS(f.messageKey, withReferencedWords(f.params ?? {}, (key) => ENGLISH_WORDS(key)));
    if (f.message === ZOD_DEFAULT || f.message === english) return { ...f, message: sayError(f.messageKey, withReferencedWords(f.params ?? {}, (key) => sayWord(key))) };
    return f;
  });
  return { input, errors: errorMapOf(fieldErrors) };
}

/** Reads the value at a field key ("lrn", "items.0.grossMass"). */
export function getIn(s: DeclarationFormValues, key: string): string {
  const [head, index, field] = key.split('.');
  if (head === 'items' || head === 'containers') {
    const row = (s[head] as unknown as Record<string, string>[])[Number(index)];
    return row?.[field!] ?? '';
  }
  return (s[head as HeaderField] as string | undefined) ?? '';
}

/** A copy of the state with the field at `key` set to `value`. */
export function setIn(s: DeclarationFormValues, key: string, value: string): DeclarationFormValues {
  const [head, index, field] = key.split('.');
  if (head === 'items') {
    return { ...s, items: s.items.map((row, i) => (i === Number(index) ? { ...row, [field!]: value } : row)) };
  }
  if (head === 'containers') {
    return { ...s, containers: s.containers.map((row, i) => (i === Number(index) ? { ...row, [field!]: value } : row)) };
  }
  return { ...s, [head as HeaderField]: value };
}

/** Exact sum of decimal strings with at most `scale` decimals; null when one of them is not a number. */
export function sumDecimals(values: string[], scale: number): string | null {
  let total = BigInt(0);
  const factor = BigInt(10) ** BigInt(scale);
  for (const raw of values) {
    const v = raw.trim();
    const m = /^(\d+)(?:\.(\d+))?$/.exec(v);
    if (!m || (m[2]?.length ?? 0) > scale) return null;
    total += BigInt(m[1]!) * factor + BigInt((m[2] ?? '').padEnd(scale, '0') || '0');
  }
  const digits = total.toString().padStart(scale + 1, '0');
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
}

/** Compares two decimal strings numerically (both valid); -1, 0 or 1. */
export function compareDecimals(a: string, b: string, scale: number): number | null {
  const x = sumDecimals([a], scale);
  const y = sumDecimals([b], scale);
  if (x === null || y === null) return null;
  const bx = BigInt(x.replace('.', ''));
  const by = BigInt(y.replace('.', ''));
  return bx === by ? 0 : bx < by ? -1 : 1;
}

/**
 * A field key after row `removed` of `list` is deleted: later rows move up one, the removed row's keys
 * disappear (null). Keys of other lists and header fields are unchanged.
 */
export function shiftRowKey(key: string, list: 'items' | 'containers', removed: number): string | null {
  const [head, index, ...rest] = key.split('.');
  if (head !== list || index === undefined || !/^\d+$/.test(index)) return key;
  const n = Number(index);
  if (n === removed) return null;
  return n > removed ? [head, String(n - 1), ...rest].join('.') : key;
}

/** A random idempotency key (a UUID where the browser offers one; insecure origins lack randomUUID). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Where a field is, in words, for the error summary ("Container 1, container number"). */
export function labelOf(key: string, say: Say = ENGLISH): string {
  const [head, index, field] = key.split('.');
  if ((head === 'items' || head === 'containers') && index !== undefined && /^\d+$/.test(index)) {
    const n = Number(index) + 1;
    const row = head === 'items' ? say('itemRow', { n }) : say('containerRow', { n });
    if (!field) return row;
    const known = Object.hasOwn(head === 'items' ? ITEM_FIELDS : CONTAINER_FIELDS, field);
    if (!known) return say('rowField', { row, field });
    return say('rowField', { row, field: head === 'items' ? say(`itemField.${field}`) : say(`containerField.${field}`) });
  }
  if (Object.hasOwn(FIELDS, head!)) return say(`field.${head}`);
  return OTHER_FIELDS.includes(head!) ? say(`otherField.${head}`) : head!;
}
