'use client';
// Bulk filing from a spreadsheet, in four steps on one page:
//   1. the file is read by POST /api/interchange/spreadsheets (header and rows, nothing filed);
//   2. columns are mapped to Clearway fields: proposed from the headers, or a saved mapping of the
//      company, which can be saved again under a name (saveSpreadsheetMapping);
//   3. previewSpreadsheet checks the rows and shows each row's problems beside it;
//   4. startSpreadsheetFiling files in the background (a job); the page polls spreadsheetFiling for the
//      progress bar and shows each declaration's MRN or errors, with the CSV report to download.
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';

import { graphqlRequest, problemText, RequestProblem } from './graphql-request';
import { laneName } from './lane-name';

type Column = { field: string; column: string };
type Located = { location: string; field: string | null; message: string; locationParams?: { name: string; value: string }[] };
type Sheet = { fileName: string; header: string[]; rows: { row: number; cells: string[] }[] };
type Preview = { errors: Located[]; declarations: { lrn: string; rows: number[]; errors: Located[] }[] };
type Result = { lrn: string; rows: number[]; accepted: boolean; mrn: string | null; lane: string | null; status: string | null; declaration: { id: string } | null; errors: Located[] };
type Filing = { id: string; status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; total: number; done: number; failure: string | null; reportUrl: string; results: Result[] };
export type SavedMapping = { name: string; columns: Column[] };

const LOCATED = 'location field message locationParams { name value }';
const PREVIEW = `mutation Preview($header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!) {
  previewSpreadsheet(header: $header, rows: $rows, columns: $columns) { errors { ${LOCATED} } declarations { lrn rows errors { ${LOCATED} } } } }`;
const SAVE = `mutation Save($name: String!, $columns: [SpreadsheetColumnInput!]!) { saveSpreadsheetMapping(name: $name, columns: $columns) { name columns { field column } } }`;
const FILING = `id status total done failure reportUrl results { lrn rows accepted mrn lane status declaration { id } errors { ${LOCATED} } }`;
const START = `mutation Start($fileName: String!, $header: [String!]!, $rows: [SpreadsheetRowInput!]!, $columns: [SpreadsheetColumnInput!]!, $submit: Boolean!) {
  startSpreadsheetFiling(fileName: $fileName, header: $header, rows: $rows, columns: $columns, submit: $submit) { userErrors { message } filing { ${FILING} } } }`;
const READ = `query Filing($id: ID!) { spreadsheetFiling(id: $id) { ${FILING} } }`;
const POLL_MS = 600;

/** The header a column mapping names, matched as the server matches it (trimmed, any case). */
const findHeader = (header: string[], column: string) => header.find((h) => h.trim().toLowerCase() === column.trim().toLowerCase());

function proposedMapping(fields: Record<string, string>, header: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, label]) => [field, findHeader(header, label) ?? '']));
}

/** The row a problem is on (its location's `row`, whatever the language); problems of a declaration as a whole go to its first row. */
function rowOf(e: Located, rows: number[]): number {
  const row = e.locationParams?.find((p) => p.name === 'row')?.value;
  return row ? Number(row) : rows[0]!;
}

async function readSheet(file: File, locale: string): Promise<{ header: string[]; rows: Sheet['rows']; errors: Located[] }> {
  const kind = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  let res: Response;
  try {
    res = await fetch('/api/interchange/spreadsheets', { method: 'POST', headers: { 'content-type': kind, 'x-file-name': encodeURIComponent(file.name), 'accept-language': locale }, body: file });
  } catch {
    throw new RequestProblem('connectionLost');
  }
  const body = (await res.json().catch(() => null)) as { header?: string[]; rows?: Sheet['rows']; errors?: Located[]; error?: { message?: string } } | null;
  if (res.status === 401) throw new RequestProblem('sessionEnded');
  if (body?.error?.message) throw new Error(body.error.message);
  if (!body?.header) throw new RequestProblem('unreadable', { status: res.status });
  // Read problems come already said in the page's language (the route's params are an object, not GraphQL's list).
  return { header: body.header, rows: body.rows ?? [], errors: (body.errors ?? []).map(({ location, field, message }) => ({ location, field, message })) };
}

/** The field's name in the reader's language: `lrn` → field.lrn, `items.netMass` → itemField.netMass. */
function useFieldLabel(): (field: string) => string {
  const t = useTranslations('interchange');
  return (field) => {
    const [group, name] = field.includes('.') ? field.split('.') : ['', field];
    if (group === 'items') return t(`itemField.${name}`);
    if (group === 'containers') return t(`containerField.${name}`);
    return t(`field.${name}`);
  };
}

export function BulkFiling({ fields, savedMappings }: { fields: Record<string, string>; savedMappings: SavedMapping[] }) {
  const t = useTranslations('interchange');
  const lane = useTranslations('lane');
  const locale = useLocale();
  const fieldLabel = useFieldLabel();
  const say = (error: unknown) => problemText(error, (key, values) => t(key, values));
  // The server's location and sentence, in the page's language (Accept-Language; English when
  // uncatalogued), each in its own direction: on an Arabic page a full stop stays at its end (<bdi>).
  const located = (e: Located) => t('located', { location: e.location, message: e.message });
  const id = useId();
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [readErrors, setReadErrors] = useState<Located[]>([]);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mappings, setMappings] = useState(savedMappings);
  const [mappingName, setMappingName] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [filing, setFiling] = useState<Filing | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);

  const columns: Column[] = useMemo(() => Object.entries(mapping).filter(([, c]) => c).map(([field, column]) => ({ field, column })), [mapping]);
  const running = filing !== null && (filing.status === 'QUEUED' || filing.status === 'RUNNING');

  // Progress: the filing runs as a job; its row is read again until every declaration is answered.
  useEffect(() => {
    if (!filing || !running) return;
    const timer = setTimeout(async () => {
      try {
        const data = await graphqlRequest<{ spreadsheetFiling: Filing | null }>(READ, { id: filing.id }, locale);
        if (data.spreadsheetFiling) setFiling(data.spreadsheetFiling);
      } catch (error) {
        setProblem(say(error));
        setFiling({ ...filing });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
    // `say` follows the locale, which is in the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filing, running, locale]);

  useEffect(() => {
    if (filing && !running) reportHeading.current?.focus();
  }, [filing, running]);

  // Focus the preview's heading once it is on the page (a timer could run before React has rendered it).
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('sheet');
    setProblem(null);
    setPreview(null);
    setFiling(null);
    if (!(file instanceof File) || file.size === 0) return setProblem(t('bulk.chooseFile'));
    setBusy(t('bulk.reading'));
    try {
      const read = await readSheet(file, locale);
      setSheet({ fileName: file.name, header: read.header, rows: read.rows });
      setReadErrors(read.errors);
      const fitting = mappings.find((m) => m.columns.length > 0 && m.columns.every((c) => findHeader(read.header, c.column)));
      setMapping(fitting ? { ...proposedMapping(fields, []), ...Object.fromEntries(fitting.columns.map((c) => [c.field, findHeader(read.header, c.column)!])) } : proposedMapping(fields, read.header));
      if (fitting) setSaved(t('bulk.savedFits', { name: fitting.name }));
      else setSaved(null);
    } catch (error) {
      setSheet(null);
      setProblem(say(error));
    } finally {
      setBusy(null);
    }
  }

  function applyMapping(name: string) {
    if (!sheet) return;
    const chosen = mappings.find((m) => m.name === name);
    setMapping(chosen ? { ...proposedMapping(fields, []), ...Object.fromEntries(chosen.columns.map((c) => [c.field, findHeader(sheet.header, c.column) ?? ''])) } : proposedMapping(fields, sheet.header));
    setPreview(null);
  }

  async function saveMapping() {
    setProblem(null);
    setBusy(t('bulk.saving'));
    try {
      const { saveSpreadsheetMapping: m } = await graphqlRequest<{ saveSpreadsheetMapping: SavedMapping }>(SAVE, { name: mappingName, columns }, locale);
      setMappings((all) => [...all.filter((x) => x.name !== m.name), m].sort((a, b) => a.name.localeCompare(b.name)));
      setSaved(t('bulk.savedAs', { name: m.name }));
    } catch (error) {
      setProblem(say(error));
    } finally {
      setBusy(null);
    }
  }

  async function runPreview() {
    if (!sheet) return;
    setProblem(null);
    setFiling(null);
    setBusy(t('bulk.checking'));
    try {
      const { previewSpreadsheet } = await graphqlRequest<{ previewSpreadsheet: Preview }>(PREVIEW, { header: sheet.header, rows: sheet.rows, columns }, locale);
      setPreview(previewSpreadsheet);
    } catch (error) {
      setProblem(say(error));
    } finally {
      setBusy(null);
    }
  }

  async function file(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sheet) return;
    const submit = new FormData(event.currentTarget).get('submit') === 'on';
    setProblem(null);
    setBusy(t('bulk.starting'));
    try {
      const { startSpreadsheetFiling: s } = await graphqlRequest<{ startSpreadsheetFiling: { filing: Filing | null; userErrors: { message: string }[] } }>(START, { fileName: sheet.fileName, header: sheet.header, rows: sheet.rows, columns, submit }, locale);
      if (!s.filing) throw new Error(s.userErrors[0]?.message ?? t('bulk.notStarted'));
      setFiling(s.filing);
    } catch (error) {
      setProblem(say(error));
    } finally {
      setBusy(null);
    }
  }

  const rowProblems = useMemo(() => {
    const byRow = new Map<number, { lrn: string; errors: Located[] }>();
    for (const d of preview?.declarations ?? []) for (const r of d.rows) byRow.set(r, { lrn: d.lrn, errors: [] });
    for (const d of preview?.declarations ?? []) for (const e of d.errors) byRow.get(rowOf(e, d.rows))?.errors.push(e);
    return byRow;
  }, [preview]);
  const valid = preview?.declarations.filter((d) => d.errors.length === 0).length ?? 0;
  const invalid = (preview?.declarations.length ?? 0) - valid;

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('bulk.heading')}</h2>
      <p className="hint">{t('bulk.hint')}</p>
      <form className="stacked-form" onSubmit={upload} aria-describedby={`${id}-status`}>
        <div className="field">
          <label htmlFor={`${id}-sheet`}>{t('bulk.sheetLabel')}</label>
          <input id={`${id}-sheet`} name="sheet" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy !== null}>
            {t('bulk.read')}
          </button>
        </div>
      </form>

      <p id={`${id}-status`} role="status" className="muted">
        {busy ?? saved ?? ''}
      </p>
      {problem ? (
        <p role="alert" className="error" data-testid="bulk-problem">
          {problem}
        </p>
      ) : null}

      {sheet ? (
        <>
          <p data-testid="sheet-summary">
            {t.rich('bulk.summary', { file: sheet.fileName, rows: sheet.rows.length, columns: sheet.header.length, strong: (chunks) => (
                <strong>
                  <bdi>{chunks}</bdi>
                </strong>
              ) })}
          </p>
          {readErrors.length ? (
            <ul className="error" aria-label={t('bulk.unreadableCells')}>
              {readErrors.map((e, i) => (
                <li key={i}>
                  <bdi>{located(e)}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
          <details open>
            <summary>{t('bulk.mappingSummary', { mapped: columns.length, fields: Object.keys(fields).length })}</summary>
            <div className="field">
              <label htmlFor={`${id}-saved`}>{t('bulk.startFrom')}</label>
              <select id={`${id}-saved`} onChange={(e) => applyMapping(e.target.value)} defaultValue="">
                <option value="">{t('bulk.proposed')}</option>
                {mappings.map((m) => (
                  <option key={m.name} value={m.name}>
                    {t('bulk.savedOption', { name: m.name })}
                  </option>
                ))}
              </select>
            </div>
            <div className="table-scroll">
              <table className="table" data-testid="column-mapping">
                <caption>{t('bulk.mappingCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.field')}</th>
                    <th scope="col">{t('col.column')}</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.keys(fields).map((field) => (
                    <tr key={field}>
                      <th scope="row">
                        <label htmlFor={`${id}-map-${field}`}>{fieldLabel(field)}</label>{' '}
                        <code className="muted small" dir="ltr">
                          {field}
                        </code>
                      </th>
                      <td>
                        <select
                          id={`${id}-map-${field}`}
                          value={mapping[field] ?? ''}
                          onChange={(e) => {
                            setMapping((m) => ({ ...m, [field]: e.target.value }));
                            setPreview(null);
                          }}
                        >
                          <option value="">{t('bulk.notInSheet')}</option>
                          {sheet.header.map((h, i) =>
                            h ? (
                              <option key={`${h}-${i}`} value={h}>
                                {h}
                              </option>
                            ) : null,
                          )}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="inline-form">
              <div className="field">
                <label htmlFor={`${id}-name`}>{t('bulk.saveAs')}</label>
                <input id={`${id}-name`} value={mappingName} onChange={(e) => setMappingName(e.target.value)} maxLength={100} />
              </div>
              <button type="button" className="button-secondary" onClick={saveMapping} disabled={busy !== null || !mappingName.trim()}>
                {t('bulk.save')}
              </button>
            </div>
          </details>
          <div className="form-actions">
            <button type="button" onClick={runPreview} disabled={busy !== null || running}>
              {t('bulk.preview')}
            </button>
          </div>
        </>
      ) : null}

      {sheet && preview ? (
        <>
          <h3 ref={previewHeading} tabIndex={-1} data-testid="preview-heading">
            {t('bulk.previewHeading', { count: preview.declarations.length, ready: valid, problems: invalid })}
          </h3>
          {preview.errors.length ? (
            <ul className="error" data-testid="mapping-errors">
              {preview.errors.map((e, i) => (
                <li key={i}>
                  <bdi>{located(e)}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
          {preview.declarations.length ? (
            <div className="table-scroll">
              <table className="table" data-testid="preview-rows">
                <caption>{t('bulk.previewCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.row')}</th>
                    <th scope="col">{t('col.lrn')}</th>
                    <th scope="col">{t('col.problems')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.rows
                    .filter((r) => rowProblems.has(r.row))
                    .map((r) => {
                      const p = rowProblems.get(r.row)!;
                      return (
                        <tr key={r.row} data-row={r.row} className={p.errors.length ? 'row-late' : undefined}>
                          <th scope="row">{r.row}</th>
                          <td>{p.lrn}</td>
                          <td>
                            {p.errors.length ? (
                              <ul className="plain-list">
                                {p.errors.map((e, i) => (
                                  <li key={i}>
                                    <span className="badge badge-bad">{t('outcome.error')}</span> <bdi>{located(e)}</bdi>
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              <span className="badge badge-ok">{t('outcome.ready')}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          ) : null}
          {valid > 0 && !filing ? (
            <form className="inline-form" onSubmit={file}>
              <div className="checkbox">
                <input id={`${id}-submit`} name="submit" type="checkbox" defaultChecked />
                <label htmlFor={`${id}-submit`}>{t('bulk.submit')}</label>
              </div>
              <button type="submit" disabled={busy !== null}>
                {t('bulk.fileValid', { count: valid })}
              </button>
              {invalid ? <p className="hint">{t('bulk.notFiled', { count: invalid })}</p> : null}
            </form>
          ) : null}
        </>
      ) : null}

      {filing ? (
        <div data-testid="filing">
          <label htmlFor={`${id}-progress`}>{t('bulk.progressLabel')}</label>{' '}
          <progress id={`${id}-progress`} max={filing.total} value={filing.done} aria-valuetext={t('bulk.progressValue', { done: filing.done, total: filing.total })}>
            {t('bulk.progressShort', { done: filing.done, total: filing.total })}
          </progress>{' '}
          <span role="status" data-testid="filing-progress">
            {t('bulk.progress', { done: filing.done, total: filing.total, running: running ? 'yes' : 'no' })}
          </span>
          {filing.status === 'FAILED' ? (
            <p role="alert" className="error">
              {t('bulk.stopped', { reason: filing.failure ?? '' })}
            </p>
          ) : null}
          {!running ? (
            <>
              <h3 ref={reportHeading} tabIndex={-1} data-testid="report-heading">
                {t('bulk.reportHeading', { filed: filing.results.filter((r) => r.accepted).length, refused: filing.results.filter((r) => !r.accepted).length })}
              </h3>
              <p>
                <a href={filing.reportUrl} download data-testid="report-csv">
                  {t('bulk.download')}
                </a>
              </p>
              <div className="table-scroll">
                <table className="table" data-testid="filing-report">
                  <caption>{t('bulk.reportCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.lrn')}</th>
                      <th scope="col">{t('col.rows')}</th>
                      <th scope="col">{t('col.outcome')}</th>
                      <th scope="col">{t('col.mrn')}</th>
                      <th scope="col">{t('col.lane')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {filing.results.map((r) => (
                      <tr key={r.lrn} data-lrn={r.lrn}>
                        <th scope="row">{r.declaration ? <a href={`/declarations/${r.declaration.id}`}>{r.lrn}</a> : r.lrn}</th>
                        <td>{r.rows.join(t('listSeparator'))}</td>
                        <td>
                          {r.accepted ? (
                            <span className="badge badge-ok">{r.status === 'DRAFT' ? t('outcome.draft') : t('outcome.filed')}</span>
                          ) : (
                            <>
                              <span className="badge badge-bad">{t('outcome.refused')}</span> <bdi>{r.errors.map(located).join(t('problemSeparator'))}</bdi>
                            </>
                          )}
                        </td>
                        <td>{r.mrn ?? ''}</td>
                        <td>{r.lane ? <span data-lane={r.lane}>{laneName(r.lane, lane)}</span> : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
