// The interchange mapping as the portal shows it: every WCO DM XML path, CUSDEC segment position and
// spreadsheet column with the Clearway field it fills, from the same tables the readers and writers
// follow (lib/interchange), so the page cannot drift from the code. docs/interchange.md says the same.
import type { Metadata } from 'next';

import { isFilerRole } from '../../lib/auth/policy';
import { listSpreadsheetMappings } from '../../lib/interchange/list-spreadsheet-mappings';
import { CUSDEC_CONTAINER, CUSDEC_HEADER, CUSDEC_ITEM, CUSDEC_STRUCTURE } from '../../lib/interchange/cusdec-segments';
import { SPREADSHEET_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { CONTAINER_PATH, GOODS_ITEM_PATH, WCO_CONTAINER_PATHS, WCO_HEADER_PATHS, WCO_IGNORED, WCO_ITEM_PATHS } from '../../lib/interchange/wco-paths';

import { getOptionalActor } from '../session';
import { BulkFiling } from './_components/bulk-filing';
import { DocumentFiling } from './_components/document-filing';

export const metadata: Metadata = { title: 'Standard interchange' };

type Row = { field: string; where: string; note?: string };

const wcoRows: Row[] = [
  ...Object.entries(WCO_HEADER_PATHS).map(([field, v]) => ({ field, where: v.path, note: v.note })),
  ...Object.entries(WCO_CONTAINER_PATHS).map(([field, v]) => ({ field: `containers[].${field}`, where: `${CONTAINER_PATH}[n]/${v.path}`, note: 'note' in v ? v.note : undefined })),
  ...Object.entries(WCO_ITEM_PATHS).map(([field, v]) => ({ field: `items[].${field}`, where: `${GOODS_ITEM_PATH}[n]/${v.path}`, note: v.note })),
];
const position = (v: { segment: string; element: number; component: number }) => `${v.segment}, element ${v.element}, component ${v.component}`;
const cusdecRows: Row[] = [
  ...Object.entries(CUSDEC_HEADER).map(([field, v]) => ({ field, where: position(v), note: v.note })),
  ...Object.entries(CUSDEC_CONTAINER).map(([field, v]) => ({ field: `containers[].${field}`, where: position(v), note: 'note' in v ? v.note : undefined })),
  ...Object.entries(CUSDEC_ITEM).map(([field, v]) => ({ field: `items[].${field}`, where: position(v), note: v.note })),
];

function MappingTable({ id, caption, rows, whereLabel }: { id: string; caption: string; rows: Row[]; whereLabel: string }) {
  return (
    <table className="table" data-testid={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Clearway field</th>
          <th scope="col">{whereLabel}</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field}>
            <td>
              <code>{r.field}</code>
            </td>
            <td>
              <code>{r.where}</code>
            </td>
            <td>{r.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default async function InterchangePage() {
  // Traders and brokers file from here; everyone else (and anyone signed out) sees the mapping reference.
  const actor = await getOptionalActor();
  const filer = actor !== null && isFilerRole(actor);
  const mappings = filer ? await listSpreadsheetMappings({ actor }) : [];
  return (
    <>
      <h1>Standard interchange</h1>
      {filer ? (
        <>
          <BulkFiling fields={SPREADSHEET_FIELDS} savedMappings={mappings.map((m) => ({ name: m.name, columns: m.columns }))} />
          <DocumentFiling />
          <h2>What each format maps to</h2>
        </>
      ) : null}
      <p>
        File declarations as a WCO DM 3.6 Declaration (<code>POST /api/interchange/declarations</code>, <code>application/xml</code>) or a
        UN/EDIFACT CUSDEC interchange (<code>application/edifact</code>); every answer is available as a WCO DM Response or CUSRES at{' '}
        <code>GET /api/interchange/declarations/&#123;id&#125;/responses?format=wco|cusres</code>. Anything not listed below is ignored (XML is still
        validated against the schema).
      </p>
      <section className="panel" aria-labelledby="wco-heading">
        <h2 id="wco-heading">WCO DM XML</h2>
        <MappingTable id="wco-mapping" caption="Declaration (WCO_DEC_2_DMS.xsd)" rows={wcoRows} whereLabel="XML path" />
        <h3>Ignored</h3>
        <ul>
          {WCO_IGNORED.map((i) => (
            <li key={i.path}>
              <code>{i.path}</code>: {i.why}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="cusdec-heading">
        <h2 id="cusdec-heading">UN/EDIFACT CUSDEC</h2>
        <MappingTable id="cusdec-mapping" caption="CUSDEC, directory D96B or later" rows={cusdecRows} whereLabel="Segment position" />
        <h3>Envelope and structure</h3>
        <ul>
          {CUSDEC_STRUCTURE.map((s) => (
            <li key={s.segment}>
              <code>{s.segment}</code>: {s.use}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">Spreadsheets</h2>
        <p>One row per goods item; rows with the same LRN make one declaration, its header fields read from its first row.</p>
        <MappingTable id="sheet-mapping" caption="Proposed column headers" rows={Object.entries(SPREADSHEET_FIELDS).map(([field, header]) => ({ field, where: header }))} whereLabel="Column header" />
      </section>
    </>
  );
}
