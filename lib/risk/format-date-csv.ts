// Rows in the WCO/DATE CSV layout (the header importControlHistory expects), one string per line.
import { DATE_COLUMNS } from './import-control-history';
import type { HistoryRow } from './risk-features';

export function* formatDateCsv(rows: Iterable<HistoryRow>): Generator<string> {
  yield `${DATE_COLUMNS.join(',')}\n`;
  for (const r of rows) {
    yield `${[r.sgdId, r.date.toISOString().slice(0, 10), r.importerId, r.declarantId, r.country, r.officeId, r.tariffCode, r.quantity, r.grossWeight, r.fobValue.toFixed(2), r.cifValue.toFixed(2), r.totalTaxes.toFixed(2), r.illicit ? 1 : 0, r.revenue.toFixed(2)].join(',')}\n`;
  }
}
