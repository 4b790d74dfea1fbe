// The interchange mapping as the portal shows it: every WCO DM XML path, CUSDEC segment position and
// spreadsheet column with the Clearway field it fills, from the same tables the readers and writers
// follow (lib/interchange), so the page cannot drift from the code. docs/interchange.md says the same.
// The paths, tags and field names are identifiers and stay as they are in every language; the notes
// beside them are said from the catalogue (interchange.wcoNote.*, cusdecNote.*, ignored.*, structure.*),
// whose English is the tables' own (test/i18n/interchange-notes.test.ts).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { isFilerRole } from '../../lib/auth/policy';
import { listSpreadsheetMappings } from '../../lib/interchange/list-spreadsheet-mappings';
import { CUSDEC_CONTAINER, CUSDEC_HEADER, CUSDEC_ITEM, CUSDEC_STRUCTURE } from '../../lib/interchange/cusdec-segments';
import { SPREADSHEET_FIELDS } from '../../lib/interchange/spreadsheet-fields';
import { CONTAINER_PATH, GOODS_ITEM_PATH, WCO_CONTAINER_PATHS, WCO_HEADER_PATHS, WCO_IGNORED, WCO_ITEM_PATHS } from '../../lib/interchange/wco-paths';

import { getOptionalActor } from '../session';
import { BulkFiling } from './_components/bulk-filing';
import { DocumentFiling } from './_components/document-filing';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('interchange'))('title') };
}

type Row = { field: string; where: string; note?: string };
type T = Awaited<ReturnType<typeof getTranslations<'interchange'>>>;
const has = (v: object): boolean => 'note' in v && typeof v.note === 'string';

function wcoRows(t: T): Row[] {
  return [
    ...Object.entries(WCO_HEADER_PATHS).map(([field, v]) => ({ field, where: v.path, note: has(v) ? t(`wcoNote.header.${field}`) : undefined })),
    ...Object.entries(WCO_CONTAINER_PATHS).map(([field, v]) => ({ field: `containers[].${field}`, where: `${CONTAINER_PATH}[n]/${v.path}`, note: has(v) ? t(`wcoNote.container.${field}`) : undefined })),
    ...Object.entries(WCO_ITEM_PATHS).map(([field, v]) => ({ field: `items[].${field}`, where: `${GOODS_ITEM_PATH}[n]/${v.path}`, note: has(v) ? t(`wcoNote.item.${field}`) : undefined })),
  ];
}

function cusdecRows(t: T): Row[] {
  const position = (v: { segment: string; element: number; component: number }) => t('position', { segment: v.segment, element: v.element, component: v.component });
  return [
    ...Object.entries(CUSDEC_HEADER).map(([field, v]) => ({ field, where: position(v), note: has(v) ? t(`cusdecNote.header.${field}`) : undefined })),
    ...Object.entries(CUSDEC_CONTAINER).map(([field, v]) => ({ field: `containers[].${field}`, where: position(v), note: has(v) ? t(`cusdecNote.container.${field}`) : undefined })),
    ...Object.entries(CUSDEC_ITEM).map(([field, v]) => ({ field: `items[].${field}`, where: position(v), note: has(v) ? t(`cusdecNote.item.${field}`) : undefined })),
  ];
}

/** `whereDir`: ltr for paths and headers (identifiers), which a right-to-left page would otherwise reorder around their slashes. */
function MappingTable({ id, caption, rows, whereLabel, whereDir, t }: { id: string; caption: string; rows: Row[]; whereLabel: string; whereDir?: 'ltr'; t: T }) {
  // In its own scrolling box, reachable from the keyboard: a long path cannot widen the page (WCAG 1.4.10).
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table className="table" data-testid={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.field')}</th>
            <th scope="col">{whereLabel}</th>
            <th scope="col">{t('col.note')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <td>
                <code dir="ltr">{r.field}</code>
              </td>
              <td>
                <code dir={whereDir}>{r.where}</code>
              </td>
              <td>{r.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function InterchangePage() {
  // Traders and brokers file from here; everyone else (and anyone signed out) sees the mapping reference.
  const [actor, t] = await Promise.all([getOptionalActor(), getTranslations('interchange')]);
  const filer = actor !== null && isFilerRole(actor);
  const mappings = filer ? await listSpreadsheetMappings({ actor }) : [];
  const code = (chunks: ReactNode) => <code dir="ltr">{chunks}</code>;
  return (
    <>
      <h1>{t('title')}</h1>
      {filer ? (
        <>
          <BulkFiling fields={SPREADSHEET_FIELDS} savedMappings={mappings.map((m) => ({ name: m.name, columns: m.columns }))} />
          <DocumentFiling />
          <h2>{t('mapsTo')}</h2>
        </>
      ) : null}
      <p>
        {t.rich('intro', {
          code,
          xmlEndpoint: 'POST /api/interchange/declarations',
          xmlType: 'application/xml',
          edifactType: 'application/edifact',
          responses: 'GET /api/interchange/declarations/{id}/responses?format=wco|cusres',
        })}
      </p>
      <section className="panel" aria-labelledby="wco-heading">
        <h2 id="wco-heading">{t('wcoHeading')}</h2>
        <MappingTable id="wco-mapping" caption={t('wcoCaption', { xsd: 'WCO_DEC_2_DMS.xsd' })} rows={wcoRows(t)} whereLabel={t('col.xmlPath')} whereDir="ltr" t={t} />
        <h3>{t('ignoredHeading')}</h3>
        <ul>
          {WCO_IGNORED.map((i) => (
            <li key={i.path}>
              {i.key === 'otherElements' ? <code>{t('otherElementsPath')}</code> : <code dir="ltr">{i.path}</code>}: {t(`ignored.${i.key}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="cusdec-heading">
        <h2 id="cusdec-heading">{t('cusdecHeading')}</h2>
        <MappingTable id="cusdec-mapping" caption={t('cusdecCaption', { directory: 'D96B' })} rows={cusdecRows(t)} whereLabel={t('col.segmentPosition')} t={t} />
        <h3>{t('structureHeading')}</h3>
        <ul>
          {CUSDEC_STRUCTURE.map((s) => (
            <li key={s.segment}>
              {s.key === 'otherSegments' ? <code>{t('otherSegmentsTags')}</code> : <code dir="ltr">{s.segment}</code>}: {t(`structure.${s.key}`)}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="sheet-heading">
        <h2 id="sheet-heading">{t('sheetHeading')}</h2>
        <p>{t('sheetLead')}</p>
        <MappingTable id="sheet-mapping" caption={t('sheetCaption')} rows={Object.entries(SPREADSHEET_FIELDS).map(([field, header]) => ({ field, where: header }))} whereLabel={t('col.columnHeader')} whereDir="ltr" t={t} />
      </section>
    </>
  );
}
