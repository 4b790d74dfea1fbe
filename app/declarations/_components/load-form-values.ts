// The form values of a saved declaration (server side): decimals printed exactly, codes as stored. The
// edit page (drafts) and the amend page (submitted declarations) open the form with it.
import { CONTAINER_COLUMNS, DECLARATION_COLUMNS, GOODS_ITEM_COLUMNS, PARTY_COLUMNS, type PartyField } from '../../../lib/declarations/declaration-columns';
import { loadCompanies, loadContainers, loadGoodsItems } from '../../../lib/declarations/load-declaration-parts';
import { getHsCodesByCodes } from '../../../lib/tariff/get-hs-codes-by-codes';
import { getTariffLinesByCodes } from '../../../lib/tariff/get-tariff-lines-by-codes';
import { formatCommodityCode } from './format';
import type { DeclarationInput } from '../../../lib/declarations/declaration-input';
import { emptyContainer, emptyForm, emptyItem, type DeclarationFormValues } from './form-model';
import type { ContainerRow, DeclarationRecord, GoodsItemRow } from './types';

/** A stored value as typed into the form: decimals exactly, lists separated by commas, nothing as ''. */
const text = (v: { toString(): string } | readonly string[] | null | undefined): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);

/** The stored fields of a row, by the keys of a column table (each must be a field of the row: the compiler checks). */
function textsOf<C extends object>(columns: C, row: { [K in keyof C]: { toString(): string } | readonly string[] | null }): Record<keyof C, string> {
  return Object.fromEntries((Object.keys(columns) as (keyof C)[]).map((k) => [k, text(row[k])])) as Record<keyof C, string>;
}

function formValuesOf(
  d: DeclarationRecord,
  items: GoodsItemRow[],
  containers: ContainerRow[],
  eoriOf: (companyId: string | null) => string,
  hsLabelOf: (code: string) => string,
): DeclarationFormValues {
  const parties = Object.fromEntries((Object.keys(PARTY_COLUMNS) as PartyField[]).map((f) => [f, eoriOf(d[PARTY_COLUMNS[f]])])) as Record<PartyField, string>;
  return emptyForm({
    ...textsOf(DECLARATION_COLUMNS, d),
    ...parties,
    containers: containers.map((c) => ({ key: `c-${c.id}`, ...textsOf(CONTAINER_COLUMNS, c) })),
    items: items.map((i) => ({
      key: `i-${i.id}`,
      ...textsOf(GOODS_ITEM_COLUMNS, i),
      commodityCode: formatCommodityCode(i.commodityCode),
      commodityLabel: hsLabelOf(i.commodityCode),
      // A saved unit is the person's (or was accepted by them): never replaced by a prefill.
      unitFilledFrom: '',
    })),
  });
}

/** Loads what the form shows of a declaration: its items, containers, parties' EORIs and the HS labels. */
export async function loadFormValues(d: DeclarationRecord): Promise<DeclarationFormValues> {
  const [[items], [containers], companies] = await Promise.all([
    loadGoodsItems([d.id]),
    loadContainers([d.id]),
    loadCompanies([d.importerId, d.exporterId, d.representativeId].filter((c): c is string => !!c)),
  ]);
  const eori = new Map(companies.filter((c) => c !== null).map((c) => [c.id, c.eori]));
  // What the commodity codes designate, shown under the HS picker: the national line, else the subheading.
  const subheadings = [...new Set(items!.map((i) => i.commodityCode.slice(0, 6)))];
  const lineCodes = [...new Set(items!.map((i) => i.commodityCode.slice(0, 8)).filter((c) => c.length === 8))];
  const [hsRows, lineRows] = await Promise.all([getHsCodesByCodes(subheadings), getTariffLinesByCodes(lineCodes)]);
  const labels = new Map<string, string>();
  for (const h of hsRows) if (h) labels.set(h.code, `${formatCommodityCode(h.code)} — ${h.description}`);
  for (const l of lineRows) if (l) labels.set(l.code, `${formatCommodityCode(l.code)} — ${l.description}`);
  return formValuesOf(
    d,
    items!,
    containers!,
    (cid) => (cid ? (eori.get(cid) ?? '') : ''),
    (code) => labels.get(code.slice(0, 8)) ?? labels.get(code.slice(0, 6)) ?? '',
  );
}

/** The form values of a DeclarationInput (a template's body): each value as typed, lists joined by commas. */
export function formValuesOfInput(input: Partial<DeclarationInput>): DeclarationFormValues {
  const { containers = [], items = [], ...header } = input;
  const strings = (o: object) => Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, text(v as string)]])));
  return emptyForm({
    ...strings(header),
    containers: containers.map((c, i) => ({ ...emptyContainer(`c-t${i}`), ...strings(c) })),
    items: items.map((it, i) => ({ ...emptyItem(`i-t${i}`), ...strings(it) })),
  });
}
