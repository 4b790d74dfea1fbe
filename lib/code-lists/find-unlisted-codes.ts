// Codes in a declaration input that its code lists do not hold. A complete list (Incoterms, modes of
// transport) makes that an error the schema already refuses; for the lists shipped as a subset it is
// a warning: the code may be valid, the portal says it is not one it knows.
import type { DeclarationInput } from '../declarations/declaration-input';
import type { FieldError } from '../errors';
import { CODE_LIST_DATA, type CodeListName } from './data';

const HEADER_FIELDS: Partial<Record<keyof DeclarationInput, CodeListName>> = {
  procedureCode: 'procedureCodes',
  additionalProcedure: 'additionalProcedureCodes',
  officeOfEntry: 'customsOffices',
  officeOfDeclaration: 'customsOffices',
  officeOfExit: 'customsOffices',
  incoterm: 'incoterms',
  incotermPlace: 'places',
};
const ITEM_FIELDS = { packageKind: 'packageKinds', supplementaryUnit: 'units', procedureCode: 'procedureCodes' } as const;

const listed = (list: CodeListName, code: unknown): boolean =>
  typeof code !== 'string' || code === '' || CODE_LIST_DATA[list].entries.some((e) => e.code === code.trim().toUpperCase());

const problem = (path: string[], list: CodeListName, code: string): FieldError => ({
  path,
  code: 'UNKNOWN',
  message: `${code} is not in the ${CODE_LIST_DATA[list].title.toLowerCase()} list (${CODE_LIST_DATA[list].version}).`,
});

export function findUnlistedCodes(input: Partial<DeclarationInput>): FieldError[] {
  const out: FieldError[] = [];
  for (const [field, list] of Object.entries(HEADER_FIELDS) as [keyof DeclarationInput, CodeListName][]) {
    const v = input[field];
    if (!listed(list, v)) out.push(problem([field], list, String(v)));
  }
  (input.items ?? []).forEach((item, i) => {
    for (const [field, list] of Object.entries(ITEM_FIELDS) as [keyof typeof ITEM_FIELDS, CodeListName][]) {
      const v = item[field];
      if (!listed(list, v)) out.push(problem(['items', String(i), field], list, String(v)));
    }
  });
  return out;
}
