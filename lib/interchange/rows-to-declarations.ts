// Spreadsheet rows (already read from CSV or Excel) + a column mapping → one message per LRN, in
// Clearway's declaration input, each field located at its row and column for the errors. Pure: the
// preview (zod only) and the filing (file-interchange-message.ts) use the same messages.
import { locatedAt, problemOf, type InterchangeMessage, type Location, type LocatedError } from './interchange-message';
import { INTEGER_FIELDS, LIST_FIELDS, SPREADSHEET_FIELDS, SPREADSHEET_HEADER_FIELDS } from './spreadsheet-fields';

export interface SheetRow {
  row: number;
  cells: string[];
}

/** A → 0, Z → 25, AA → 26 … as letters. */
export const columnLetter = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : columnLetter(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));

/** The catalogue key of a mappable field's name (`items.netMass` → `interchange.itemField.netMass`), as the mapping page names it. */
export function fieldNameKey(field: string): string {
  const [group, name] = field.includes('.') ? field.split('.') : ['', field];
  return group === 'items' ? `interchange.itemField.${name}` : group === 'containers' ? `interchange.containerField.${name}` : `interchange.field.${name}`;
}

export function rowsToDeclarations(options: { header: string[]; rows: SheetRow[]; columns: { field: string; column: string }[]; submit?: boolean }): { messages: (InterchangeMessage & { rows: number[] })[]; errors: LocatedError[] } {
  const { header, rows } = options;
  const errors: LocatedError[] = [];
  const index = new Map<string, number>();
  const normalized = header.map((h) => h.trim().toLowerCase());
  for (const { field, column } of options.columns) {
    if (!Object.hasOwn(SPREADSHEET_FIELDS, field)) {
      errors.push({ ...locatedAt('mapping', { name: field }), field, code: 'UNKNOWN', ...problemOf('unknownField', { name: field, fields: Object.keys(SPREADSHEET_FIELDS).join(', ') }) });
      continue;
    }
    if (!column.trim()) continue;
    const at = normalized.indexOf(column.trim().toLowerCase());
    if (at < 0) {
      const columns = header.filter(Boolean);
      errors.push({ ...locatedAt('row', { row: 1 }), field, code: 'UNKNOWN', ...problemOf('columnNotInHeader', { column, fieldKey: fieldNameKey(field), columnCount: columns.length, columns: columns.join(', ') }) });
    }
    else index.set(field, at);
  }
  if (!index.has('lrn')) errors.push({ ...locatedAt('row', { row: 1 }), field: 'lrn', code: 'REQUIRED', ...problemOf('lrnNotMapped') });
  if (errors.length) return { messages: [], errors };

  const cellOf = (r: SheetRow, field: string): string | null => {
    const i = index.get(field);
    if (i === undefined) return null;
    const v = (r.cells[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const groups = new Map<string, SheetRow[]>();
  for (const r of rows) {
    if (r.cells.every((c) => c.trim() === '')) continue;
    const lrn = cellOf(r, 'lrn') ?? '';
    if (!groups.has(lrn)) groups.set(lrn, []);
    groups.get(lrn)!.push(r);
  }
  const messages = [...groups].map(([lrn, group]) => {
    const first = group[0]!;
    const located = new Map<string, Location>();
    // The header in brackets is the sheet's own text (what the reader finds in their sheet), in any language.
    const where = (r: SheetRow, field: string): Location => {
      const i = index.get(field);
      return i === undefined ? locatedAt('unmapped', { row: r.row, fieldKey: fieldNameKey(field) }) : locatedAt('cell', { row: r.row, column: columnLetter(i), header: header[i] ?? '' });
    };
    const value = (field: string, text: string | null): unknown => {
      if (LIST_FIELDS.has(field)) return text === null ? [] : text.split(';').map((s) => s.trim()).filter(Boolean);
      if (INTEGER_FIELDS.has(field)) return text !== null && /^\d{1,15}$/.test(text) ? Number(text) : text === null ? undefined : text;
      if (field === 'items.commodityCode' && text !== null && /^\d{5}$|^\d{7}$|^\d{9}$/.test(text)) return `0${text}`; // a number cell lost its leading zero
      return text ?? undefined;
    };
    const input: Record<string, unknown> = {};
    for (const field of Object.keys(SPREADSHEET_HEADER_FIELDS)) {
      if (!index.has(field)) continue;
      const v = value(field, cellOf(first, field));
      if (v !== undefined) input[field] = v;
      located.set(field, where(first, field));
      // A header value differing on a later row of the same declaration is a mistake, not a choice.
      for (const r of group.slice(1)) {
        const other = cellOf(r, field);
        if (other !== null && other !== cellOf(first, field)) {
          errors.push({ ...where(r, field), field, code: 'MISMATCH', ...problemOf('headerMismatch', { fieldKey: fieldNameKey(field), value: other, first: cellOf(first, field) ?? '', firstRow: first.row }) });
        }
      }
    }
    input.items = group.map((r, i) => {
      const item: Record<string, unknown> = {};
      for (const field of Object.keys(SPREADSHEET_FIELDS).filter((f) => f.startsWith('items.'))) {
        const key = field.slice('items.'.length);
        located.set(`items.${i}.${key}`, where(r, field));
        const v = value(field, cellOf(r, field));
        if (v !== undefined) item[key] = v;
      }
      return item;
    });
    const containers: { containerNumber: string; seals: string[] }[] = [];
    group.forEach((r) => {
      const number = cellOf(r, 'containers.containerNumber');
      if (!number || containers.some((c) => c.containerNumber === number)) return;
      located.set(`containers.${containers.length}.containerNumber`, where(r, 'containers.containerNumber'));
      located.set(`containers.${containers.length}.seals`, where(r, 'containers.seals'));
      containers.push({ containerNumber: number, seals: value('containers.seals', cellOf(r, 'containers.seals')) as string[] });
    });
    input.containers = containers;
    const messageErrors = errors.filter((e) => e.locationKey === 'interchange.at.cell' && group.some((r) => e.locationParams?.row === r.row));
    const message: InterchangeMessage & { rows: number[] } = {
      format: 'SPREADSHEET',
      reference: lrn,
      submit: options.submit ?? false,
      input: input as never,
      errors: lrn ? messageErrors : [{ ...where(first, 'lrn'), field: 'lrn', code: 'REQUIRED', ...problemOf('lrnMissing') }, ...messageErrors],
      rows: group.map((r) => r.row),
      locate(path) {
        const key = path.join('.');
        for (let n = path.length; n > 0; n--) {
          const hit = located.get(path.slice(0, n).join('.'));
          if (hit) return hit;
        }
        return locatedAt('row', { row: key.startsWith('items.') ? (group[Number(path[1])]?.row ?? first.row) : first.row });
      },
    };
    return message;
  });
  return { messages, errors: [] };
}
