'use client';
// Bulk filing from a spreadsheet, in four steps on one page:
//   1. the file is read by POST /api/interchange/spreadsheets (header and rows, nothing filed);
//   2. columns are mapped to Clearway fields: proposed from the headers, or a saved mapping of the
//      company, which can be saved again under a name (saveSpreadsheetMapping);
//   3. previewSpreadsheet checks the rows and shows each row's problems beside it;
//   4. startSpreadsheetFiling files in the background (a job); the page polls spreadsheetFiling for the
//      progress bar and shows each declaration's MRN or errors, with the CSV report to download.
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';

import { graphqlRequest } from './graphql-request';

type Column = { field: string; column: string };
type Located = { location: string; field: string | null; message: string };
type Sheet = { fileName: string; header: string[]; rows: { row: number; cells: string[] }[] };
type Preview = { errors: Located[]; declarations: { lrn: string; rows: number[]; errors: Located[] }[] };
type Result = { lrn: string; rows: number[]; accepted: boolean; mrn: string | null; lane: string | null; status: string | null; declaration: { id: string } | null; errors: Located[] };
type Filing = { id: string; status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'; total: number; done: number; failure: string | null; reportUrl: string; results: Result[] };
export type SavedMapping = { name: string; columns: Column[] };

const LOCATED = 'location field message';
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

/** `row 7, column C (Net mass)` → 7; problems of a declaration as a whole go to its first row. */
function rowOf(e: Located, rows: number[]): number {
  const m = /^row (\d+)/.exec(e.location);
  return m ? Number(m[1]) : rows[0]!;
}

async function readSheet(file: File): Promise<{ header: string[]; rows: Sheet['rows']; errors: Located[] }> {
  const kind = /\.csv$/i.test(file.name) ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  let res: Response;
  try {
    res = await fetch('/api/interchange/spreadsheets', { method: 'POST', headers: { 'content-type': kind, 'x-file-name': encodeURIComponent(file.name) }, body: file });
  } catch {
    throw new Error('The connection to the server was lost. Try again.');
  }
  const body = (await res.json().catch(() => null)) as { header?: string[]; rows?: Sheet['rows']; errors?: Located[]; error?: { message?: string } } | null;
  if (res.status === 401) throw new Error('Your session has ended: sign in again.');
  if (body?.error?.message) throw new Error(body.error.message);
  if (!body?.header) throw new Error(`The sheet could not be read (HTTP ${res.status}).`);
  return { header: body.header, rows: body.rows ?? [], errors: body.errors ?? [] };
}

export function BulkFiling({ fields, savedMappings }: { fields: Record<string, string>; savedMappings: SavedMapping[] }) {
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
        const data = await graphqlRequest<{ spreadsheetFiling: Filing | null }>(READ, { id: filing.id });
        if (data.spreadsheetFiling) setFiling(data.spreadsheetFiling);
      } catch (error) {
        setProblem((error as Error).message);
        setFiling({ ...filing });
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [filing, running]);

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
    if (!(file instanceof File) || file.size === 0) return setProblem('Choose a CSV or Excel (.xlsx) file.');
    setBusy('Reading the sheet…');
    try {
      const read = await readSheet(file);
      setSheet({ fileName: file.name, header: read.header, rows: read.rows });
      setReadErrors(read.errors);
      const fitting = mappings.find((m) => m.columns.length > 0 && m.columns.every((c) => findHeader(read.header, c.column)));
      setMapping(fitting ? { ...proposedMapping(fields, []), ...Object.fromEntries(fitting.columns.map((c) => [c.field, findHeader(read.header, c.column)!])) } : proposedMapping(fields, read.header));
      if (fitting) setSaved(`The saved mapping “${fitting.name}” fits this sheet and is applied.`);
      else setSaved(null);
    } catch (error) {
      setSheet(null);
      setProblem((error as Error).message);
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
    setBusy('Saving the mapping…');
    try {
      const { saveSpreadsheetMapping: m } = await graphqlRequest<{ saveSpreadsheetMapping: SavedMapping }>(SAVE, { name: mappingName, columns });
      setMappings((all) => [...all.filter((x) => x.name !== m.name), m].sort((a, b) => a.name.localeCompare(b.name)));
      setSaved(`Mapping “${m.name}” saved for your company.`);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function runPreview() {
    if (!sheet) return;
    setProblem(null);
    setFiling(null);
    setBusy('Checking the rows…');
    try {
      const { previewSpreadsheet } = await graphqlRequest<{ previewSpreadsheet: Preview }>(PREVIEW, { header: sheet.header, rows: sheet.rows, columns });
      setPreview(previewSpreadsheet);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(null);
    }
  }

  async function file(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!sheet) return;
    const submit = new FormData(event.currentTarget).get('submit') === 'on';
    setProblem(null);
    setBusy('Starting the filing…');
    try {
      const { startSpreadsheetFiling: s } = await graphqlRequest<{ startSpreadsheetFiling: { filing: Filing | null; userErrors: { message: string }[] } }>(START, { fileName: sheet.fileName, header: sheet.header, rows: sheet.rows, columns, submit });
      if (!s.filing) throw new Error(s.userErrors[0]?.message ?? 'The filing did not start.');
      setFiling(s.filing);
    } catch (error) {
      setProblem((error as Error).message);
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
      <h2 id={`${id}-h`}>File from a spreadsheet</h2>
      <p className="hint">One row per goods item; rows with the same LRN make one declaration. Nothing is filed until you press “File”.</p>
      <form className="stacked-form" onSubmit={upload} aria-describedby={`${id}-status`}>
        <div className="field">
          <label htmlFor={`${id}-sheet`}>Spreadsheet (.xlsx or .csv)</label>
          <input id={`${id}-sheet`} name="sheet" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <div className="form-actions">
          <button type="submit" disabled={busy !== null}>
            Read the sheet
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
            <strong>{sheet.fileName}</strong>: {sheet.rows.length.toLocaleString('en')} rows, {sheet.header.length} columns.
          </p>
          {readErrors.length ? (
            <ul className="error" aria-label="Cells that could not be read">
              {readErrors.map((e, i) => (
                <li key={i}>
                  {e.location}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          <details open>
            <summary>
              Column mapping ({columns.length} of {Object.keys(fields).length} fields mapped)
            </summary>
            <div className="field">
              <label htmlFor={`${id}-saved`}>Start from</label>
              <select id={`${id}-saved`} onChange={(e) => applyMapping(e.target.value)} defaultValue="">
                <option value="">The columns’ headers (proposed)</option>
                {mappings.map((m) => (
                  <option key={m.name} value={m.name}>
                    Saved: {m.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="table-scroll">
              <table className="table" data-testid="column-mapping">
                <caption>Which column holds each Clearway field</caption>
                <thead>
                  <tr>
                    <th scope="col">Clearway field</th>
                    <th scope="col">Column</th>
                  </tr>
                </thead>
                <tbody>
                  {Object.entries(fields).map(([field, label]) => (
                    <tr key={field}>
                      <th scope="row">
                        <label htmlFor={`${id}-map-${field}`}>{label}</label> <code className="muted small">{field}</code>
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
                          <option value="">(not in this sheet)</option>
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
                <label htmlFor={`${id}-name`}>Save this mapping as</label>
                <input id={`${id}-name`} value={mappingName} onChange={(e) => setMappingName(e.target.value)} maxLength={100} />
              </div>
              <button type="button" className="button-secondary" onClick={saveMapping} disabled={busy !== null || !mappingName.trim()}>
                Save mapping
              </button>
            </div>
          </details>
          <div className="form-actions">
            <button type="button" onClick={runPreview} disabled={busy !== null || running}>
              Preview the declarations
            </button>
          </div>
        </>
      ) : null}

      {sheet && preview ? (
        <>
          <h3 ref={previewHeading} tabIndex={-1} data-testid="preview-heading">
            Preview: {preview.declarations.length} declarations, {valid} ready, {invalid} with problems
          </h3>
          {preview.errors.length ? (
            <ul className="error" data-testid="mapping-errors">
              {preview.errors.map((e, i) => (
                <li key={i}>
                  {e.location}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
          {preview.declarations.length ? (
            <div className="table-scroll">
              <table className="table" data-testid="preview-rows">
                <caption>Each row and what is wrong with it</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">LRN</th>
                    <th scope="col">Problems</th>
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
                                    <span className="badge badge-bad">Error</span> {e.location}: {e.message}
                                  </li>
                                ))}
                              </ul>
                            ) : (
                              <span className="badge badge-ok">Ready</span>
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
                <label htmlFor={`${id}-submit`}>Submit each declaration to customs (otherwise keep drafts)</label>
              </div>
              <button type="submit" disabled={busy !== null}>
                File the {valid} valid declarations
              </button>
              {invalid ? <p className="hint">The {invalid} with problems are not filed; the report lists them.</p> : null}
            </form>
          ) : null}
        </>
      ) : null}

      {filing ? (
        <div data-testid="filing">
          <label htmlFor={`${id}-progress`}>Filing progress</label>{' '}
          <progress id={`${id}-progress`} max={filing.total} value={filing.done} aria-valuetext={`${filing.done} of ${filing.total} declarations answered`}>
            {filing.done} of {filing.total}
          </progress>{' '}
          <span role="status" data-testid="filing-progress">
            {filing.done} of {filing.total} declarations answered{running ? '…' : '.'}
          </span>
          {filing.status === 'FAILED' ? <p role="alert" className="error">The filing stopped: {filing.failure}</p> : null}
          {!running ? (
            <>
              <h3 ref={reportHeading} tabIndex={-1} data-testid="report-heading">
                Report: {filing.results.filter((r) => r.accepted).length} filed, {filing.results.filter((r) => !r.accepted).length} refused
              </h3>
              <p>
                <a href={filing.reportUrl} download data-testid="report-csv">
                  Download the report (CSV)
                </a>
              </p>
              <div className="table-scroll">
                <table className="table" data-testid="filing-report">
                  <caption>Each declaration: its MRN, or why it was refused</caption>
                  <thead>
                    <tr>
                      <th scope="col">LRN</th>
                      <th scope="col">Rows</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">MRN</th>
                      <th scope="col">Lane</th>
                    </tr>
                  </thead>
                  <tbody>
                    {filing.results.map((r) => (
                      <tr key={r.lrn} data-lrn={r.lrn}>
                        <th scope="row">{r.declaration ? <a href={`/declarations/${r.declaration.id}`}>{r.lrn}</a> : r.lrn}</th>
                        <td>{r.rows.join(', ')}</td>
                        <td>
                          {r.accepted ? (
                            <span className="badge badge-ok">{r.status === 'DRAFT' ? 'Saved as draft' : 'Filed'}</span>
                          ) : (
                            <>
                              <span className="badge badge-bad">Refused</span>{' '}
                              {r.errors.map((e) => `${e.location}: ${e.message}`).join('; ')}
                            </>
                          )}
                        </td>
                        <td>{r.mrn ?? ''}</td>
                        <td>{r.lane ?? ''}</td>
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
