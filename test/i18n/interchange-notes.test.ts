// The mapping page (/interchange) says the notes of lib/interchange's tables from the catalogue, so they
// can be translated; the tables stay the one source of their English. This fails when a table gains,
// loses or rewords a note (or a spreadsheet field) without its key in messages/en.json following, so the
// English page says exactly what the tables say and the translations are told when to follow
// (messages.test.ts then asks fr, es and ar for the same keys).
import { readFileSync } from 'node:fs';

import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';

import { CUSDEC_CONTAINER, CUSDEC_HEADER, CUSDEC_ITEM, CUSDEC_STRUCTURE } from '../../lib/interchange/cusdec-segments';
import { SPREADSHEET_CONTAINER_FIELDS, SPREADSHEET_HEADER_FIELDS, SPREADSHEET_ITEM_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { WCO_CONTAINER_PATHS, WCO_HEADER_PATHS, WCO_IGNORED, WCO_ITEM_PATHS } from '../../lib/interchange/wco-paths';

type Tree = { [key: string]: string | Tree };
const messages = (JSON.parse(readFileSync('messages/en.json', 'utf8')) as { interchange: Tree }).interchange;
/** A group of the catalogue as plain English text (ICU quoting undone, as the page shows it). */
const said = (path: string): Record<string, string> => {
  const group = path.split('.').reduce<Tree>((tree, key) => tree[key] as Tree, messages);
  return Object.fromEntries(Object.entries(group).map(([k, v]) => [k, String(new IntlMessageFormat(v as string, 'en').format())]));
};
const notes = (table: Record<string, { note?: string }>) => Object.fromEntries(Object.entries(table).flatMap(([k, v]) => (v.note ? [[k, v.note]] : [])));

describe('interchange mapping notes in the catalogue', () => {
  it('has each WCO DM path note, in the table’s own English', () => {
    expect(said('wcoNote.header')).toEqual(notes(WCO_HEADER_PATHS));
    expect(said('wcoNote.item')).toEqual(notes(WCO_ITEM_PATHS));
    expect(said('wcoNote.container')).toEqual(notes(WCO_CONTAINER_PATHS));
    expect(said('ignored')).toEqual(Object.fromEntries(WCO_IGNORED.map((i) => [i.key, i.why])));
    expect(messages.otherElementsPath).toBe(WCO_IGNORED.find((i) => i.key === 'otherElements')?.path);
  });

  it('has each CUSDEC segment note, in the table’s own English', () => {
    expect(said('cusdecNote.header')).toEqual(notes(CUSDEC_HEADER));
    expect(said('cusdecNote.item')).toEqual(notes(CUSDEC_ITEM));
    expect(said('cusdecNote.container')).toEqual(notes(CUSDEC_CONTAINER));
    expect(said('structure')).toEqual(Object.fromEntries(CUSDEC_STRUCTURE.map((s) => [s.key, s.use])));
    expect(messages.otherSegmentsTags).toBe(CUSDEC_STRUCTURE.find((s) => s.key === 'otherSegments')?.segment);
  });

  it('names every spreadsheet field, in English as its proposed column header', () => {
    expect(said('field')).toEqual(SPREADSHEET_HEADER_FIELDS);
    expect(said('itemField')).toEqual(SPREADSHEET_ITEM_FIELDS);
    expect(said('containerField')).toEqual(SPREADSHEET_CONTAINER_FIELDS);
  });
});
