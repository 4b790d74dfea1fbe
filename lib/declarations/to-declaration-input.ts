// A stored declaration as the input that would file it again: what copying and templates start from.
// Decimals stay exact strings; parties go back to their EORIs.
import { CONTAINER_COLUMNS, DECLARATION_COLUMNS, GOODS_ITEM_COLUMNS, PARTY_COLUMNS, type PartyField } from './declaration-columns';
import type { DeclarationInput } from './declaration-input';
import type { DeclarationWithLines } from './declaration-rows';

const pick = <K extends string>(keys: Record<K, unknown>, row: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(keys).flatMap((k) => (row[k] === null || row[k] === undefined ? [] : [[k, row[k]]])));

export function toDeclarationInput(d: DeclarationWithLines, eoriOf: (companyId: string) => string | undefined): DeclarationInput {
  const parties = Object.fromEntries(
    (Object.keys(PARTY_COLUMNS) as PartyField[]).flatMap((f) => {
      const id = d[PARTY_COLUMNS[f]];
      const eori = id ? eoriOf(id) : undefined;
      return eori ? [[f, eori]] : [];
    }),
  );
  return {
    ...(pick(DECLARATION_COLUMNS, d) as unknown as DeclarationInput),
    ...parties,
    containers: d.containers.map((c) => pick(CONTAINER_COLUMNS, c) as unknown as NonNullable<DeclarationInput['containers']>[number]),
    items: d.items.map((i) => pick(GOODS_ITEM_COLUMNS, i) as unknown as NonNullable<DeclarationInput['items']>[number]),
  };
}
