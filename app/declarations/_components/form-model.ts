// The declaration form's state and its translation to DeclarationInput (pure, browser-safe). Every
// field is held as the string the person typed; numbers become numbers only when the input is built.
import { declarationInput, type DeclarationInput } from '../../../lib/declarations/declaration-input';
import type { FieldError } from '../../../lib/errors';
import { fieldErrorsOf } from '../../../lib/validation';

export interface ContainerState {
  key: string;
  containerNumber: string;
  /** Seal numbers separated by commas. */
  seals: string;
}

export interface ItemState {
  key: string;
  commodityCode: string;
  /** The HS description of the picked code, shown as a hint (not sent). */
  commodityLabel: string;
  description: string;
  originCountry: string;
  packageKind: string;
  packageCount: string;
  grossMass: string;
  netMass: string;
  itemPrice: string;
  supplementaryQuantity: string;
  supplementaryUnit: string;
  preferenceCode: string;
  procedureCode: string;
  valuationMethod: string;
  marks: string;
  /** Document references separated by commas. */
  documentRefs: string;
}

export interface FormState {
  lrn: string;
  type: string;
  additionalType: string;
  procedureCode: string;
  additionalProcedure: string;
  importerEori: string;
  exporterEori: string;
  representativeEori: string;
  representationStatus: string;
  incoterm: string;
  incotermPlace: string;
  transportMode: string;
  transportDocument: string;
  officeOfEntry: string;
  officeOfDeclaration: string;
  officeOfExit: string;
  invoiceCurrency: string;
  invoiceAmount: string;
  exchangeRate: string;
  freight: string;
  insurance: string;
  totalPackages: string;
  grossMass: string;
  containers: ContainerState[];
  items: ItemState[];
}

export type HeaderField = Exclude<keyof FormState, 'containers' | 'items'>;

export const STEPS = [
  { title: 'Header & parties', short: 'Header' },
  { title: 'Transport & containers', short: 'Transport' },
  { title: 'Goods items', short: 'Goods' },
  { title: 'Review & submit', short: 'Review' },
] as const;

const STEP_OF_FIELD: Record<string, number> = {
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
};

/** The step (0-based) on which the field with this key is entered; unknown keys belong to the review. */
export function stepOf(key: string): number {
  return STEP_OF_FIELD[key.split('.')[0]!] ?? STEPS.length - 1;
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

export function emptyContainer(key = newRowKey('c')): ContainerState {
  return { key, containerNumber: '', seals: '' };
}

export function emptyItem(key = newRowKey('i')): ItemState {
  return {
    key,
    commodityCode: '',
    commodityLabel: '',
    description: '',
    originCountry: '',
    packageKind: '',
    packageCount: '',
    grossMass: '',
    netMass: '',
    itemPrice: '',
    supplementaryQuantity: '',
    supplementaryUnit: '',
    preferenceCode: '',
    procedureCode: '',
    valuationMethod: '1',
    marks: '',
    documentRefs: '',
  };
}

export function emptyForm(defaults: Partial<FormState> = {}): FormState {
  return {
    lrn: '',
    type: 'IM',
    additionalType: 'A',
    procedureCode: '',
    additionalProcedure: '',
    importerEori: '',
    exporterEori: '',
    representativeEori: '',
    representationStatus: '',
    incoterm: '',
    incotermPlace: '',
    transportMode: '',
    transportDocument: '',
    officeOfEntry: '',
    officeOfDeclaration: '',
    officeOfExit: '',
    invoiceCurrency: '',
    invoiceAmount: '',
    exchangeRate: '',
    freight: '',
    insurance: '',
    totalPackages: '',
    grossMass: '',
    containers: [],
    items: [],
    ...defaults,
  };
}

const opt = (v: string): string | null => (v.trim() === '' ? null : v.trim());
/** Whole numbers; anything else becomes NaN so that validation reports it. */
const int = (v: string): number | null => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : Number.NaN);
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The DeclarationInput the server receives for this form state. */
export function toInput(s: FormState): DeclarationInput {
  return {
    lrn: s.lrn.trim(),
    type: s.type as DeclarationInput['type'],
    additionalType: s.additionalType as DeclarationInput['additionalType'],
    procedureCode: opt(s.procedureCode),
    additionalProcedure: opt(s.additionalProcedure),
    importerEori: opt(s.importerEori),
    exporterEori: opt(s.exporterEori),
    representativeEori: opt(s.representativeEori),
    representationStatus: opt(s.representationStatus) as DeclarationInput['representationStatus'],
    incoterm: opt(s.incoterm),
    incotermPlace: opt(s.incotermPlace),
    transportMode: int(s.transportMode),
    transportDocument: opt(s.transportDocument),
    officeOfEntry: opt(s.officeOfEntry),
    officeOfDeclaration: opt(s.officeOfDeclaration),
    officeOfExit: opt(s.officeOfExit),
    invoiceCurrency: opt(s.invoiceCurrency),
    invoiceAmount: opt(s.invoiceAmount),
    exchangeRate: opt(s.exchangeRate),
    freight: opt(s.freight),
    insurance: opt(s.insurance),
    totalPackages: int(s.totalPackages),
    grossMass: opt(s.grossMass),
    containers: s.containers.map((c) => ({ containerNumber: c.containerNumber, seals: list(c.seals) })),
    items: s.items.map((i) => ({
      commodityCode: i.commodityCode,
      description: i.description,
      originCountry: i.originCountry,
      preferenceCode: opt(i.preferenceCode),
      packageKind: i.packageKind,
      packageCount: int(i.packageCount) ?? Number.NaN,
      marks: opt(i.marks),
      grossMass: i.grossMass.trim(),
      netMass: i.netMass.trim(),
      supplementaryQuantity: opt(i.supplementaryQuantity),
      supplementaryUnit: opt(i.supplementaryUnit),
      itemPrice: i.itemPrice.trim(),
      valuationMethod: int(i.valuationMethod) ?? 1,
      procedureCode: opt(i.procedureCode),
      documentRefs: list(i.documentRefs),
    })),
  };
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

/** Format checks of the whole form, with the same schema the server applies. */
export function validate(s: FormState): { input: DeclarationInput; errors: ErrorMap } {
  const input = toInput(s);
  const parsed = declarationInput.safeParse(input);
  if (parsed.success) return { input, errors: {} };
  const fieldErrors = fieldErrorsOf(parsed.error).map((f, i) => {
    // zod's own wording for a missing or non-numeric number is technical: say what to type instead.
    const issue = parsed.error.issues[i]!;
    if (issue.code === 'invalid_type') {
      const expected = (issue as { expected?: string }).expected;
      return { ...f, message: expected === 'number' ? 'Enter a whole number, e.g. 12.' : 'This field is required.' };
    }
    return f;
  });
  return { input, errors: errorMapOf(fieldErrors) };
}

/** Reads the value at a field key ("lrn", "items.0.grossMass"). */
export function getIn(s: FormState, key: string): string {
  const [head, index, field] = key.split('.');
  if (head === 'items' || head === 'containers') {
    const row = (s[head] as unknown as Record<string, string>[])[Number(index)];
    return row?.[field!] ?? '';
  }
  return (s[head as HeaderField] as string | undefined) ?? '';
}

/** A copy of the state with the field at `key` set to `value`. */
export function setIn(s: FormState, key: string, value: string): FormState {
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

const LABELS: Record<string, string> = {
  lrn: 'LRN',
  type: 'Declaration type',
  additionalType: 'Additional declaration type',
  procedureCode: 'Procedure code',
  additionalProcedure: 'Additional procedure',
  importerEori: 'Importer EORI',
  exporterEori: 'Exporter EORI',
  representativeEori: 'Representative EORI',
  representationStatus: 'Representation',
  incoterm: 'Incoterms rule',
  incotermPlace: 'Incoterms place',
  transportMode: 'Mode of transport',
  transportDocument: 'Transport document number',
  officeOfEntry: 'Customs office of entry',
  officeOfDeclaration: 'Customs office of declaration',
  officeOfExit: 'Customs office of exit',
  invoiceCurrency: 'Invoice currency',
  invoiceAmount: 'Invoice amount',
  exchangeRate: 'Exchange rate',
  freight: 'Freight',
  insurance: 'Insurance',
  totalPackages: 'Total packages',
  grossMass: 'Total gross mass',
  containers: 'Containers',
  items: 'Goods items',
  containerNumber: 'container number',
  seals: 'seal numbers',
  commodityCode: 'commodity code',
  description: 'goods description',
  originCountry: 'country of origin',
  packageKind: 'kind of packages',
  packageCount: 'number of packages',
  itemGrossMass: 'gross mass',
  netMass: 'net mass',
  itemPrice: 'item price',
  supplementaryQuantity: 'supplementary quantity',
  supplementaryUnit: 'supplementary unit',
  preferenceCode: 'preference code',
  itemProcedureCode: 'item procedure code',
  valuationMethod: 'valuation method',
  marks: 'marks and numbers',
  documentRefs: 'document references',
  reason: 'Reason for the amendment',
};

/** Where a field is, in words, for the error summary ("Container 1, container number"). */
export function labelOf(key: string): string {
  const [head, index, field] = key.split('.');
  if ((head === 'items' || head === 'containers') && index !== undefined && /^\d+$/.test(index)) {
    const row = `${head === 'items' ? 'Goods item' : 'Container'} ${Number(index) + 1}`;
    if (!field) return row;
    const name = head === 'items' && (field === 'grossMass' || field === 'procedureCode') ? LABELS[`item${field[0]!.toUpperCase()}${field.slice(1)}`] : LABELS[field];
    return `${row}, ${name ?? field}`;
  }
  return LABELS[head!] ?? head!;
}
