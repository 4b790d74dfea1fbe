import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';

import { isPlatformAdmin, isRiskAnalyst } from '../../lib/auth/policy';
import { isAppError } from '../../lib/errors';
import { INSPECTION_RATES, type SelectionMetrics } from '../../lib/risk/evaluate-selection';
import type { RiskModelMetrics } from '../../lib/risk/fit-risk-model';
import { listRiskModels, type RiskModelSummary } from '../../lib/risk/list-risk-models';
import { listRiskyHsHeadings } from '../../lib/risk/list-risky-hs-headings';
import { listRiskyImporters } from '../../lib/risk/list-risky-importers';
import { summarizeControlResults } from '../../lib/risk/summarize-control-results';
import { LineChart } from '../_components/charts/line-chart';
import { When } from '../_i18n/when';
import { getActor } from '../session';
import { RefreshWhileTraining } from './refresh-while-training';
import { ActivateModelForm, ImportHistoryForm, TrainModelForm } from './risk-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('risk'))('title') };
}
export const dynamic = 'force-dynamic';

/** The inspection rate activation compares the model and the rules at (lib/risk/activate-risk-model.ts). */
const DECISIVE_RATE = 0.05;

const at = (m: SelectionMetrics, rate: number) => m.atRates.find((r) => r.rate === rate)!;

/** The confusion of inspecting the top `rate` of held-out declarations, from the stored precision and counts. */
function confusionAt(metrics: RiskModelMetrics, rate: number) {
  const inspected = Math.max(1, Math.round(metrics.testRows * rate));
  const truePositives = Math.round(at(metrics.model, rate).precision * inspected);
  const falseNegatives = metrics.testIllicit - truePositives;
  return { inspected, truePositives, falsePositives: inspected - truePositives, falseNegatives, trueNegatives: metrics.testRows - inspected - falseNegatives };
}

/**
 * Risk analysts, customs officers (read-only) and platform administrators: the risk models with their
 * held-out metrics beside the rules and random selection, live hit rates, and what controls found.
 */
export default async function RiskPage({ searchParams }: { searchParams: Promise<{ model?: string }> }) {
  const [actor, t, format, params] = await Promise.all([getActor(), getTranslations('risk'), getFormatter(), searchParams]);
  let models: RiskModelSummary[];
  let importers: Awaited<ReturnType<typeof listRiskyImporters>>;
  let headings: Awaited<ReturnType<typeof listRiskyHsHeadings>>;
  let weeks: Awaited<ReturnType<typeof summarizeControlResults>>;
  try {
    [models, importers, headings, weeks] = await Promise.all([listRiskModels(actor), listRiskyImporters(actor), listRiskyHsHeadings(actor), summarizeControlResults(actor)]);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'FORBIDDEN') throw error;
    return (
      <>
        <h1>{t('title')}</h1>
        <p role="alert" data-testid="forbidden">
          {t('forbidden')}
        </p>
      </>
    );
  }
  const canManage = isRiskAnalyst(actor) || isPlatformAdmin(actor);
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 1 });
  const num = (v: number) => format.number(v);
  const money = (v: number) => format.number(v, { maximumFractionDigits: 0 });
  const rateLabel = (r: number) => format.number(r, { style: 'percent' });
  const trained = models.filter((m) => m.metrics);
  const active = models.find((m) => m.status === 'ACTIVE');
  // The model the charts and the confusion are about: the one asked for, else the active one, else the newest trained.
  const focus = trained.find((m) => m.id === params.model) ?? (active?.metrics ? active : undefined) ?? trained[0];
  const training = models.some((m) => m.status === 'TRAINING');
  const worseInWords = (m: RiskModelMetrics) => {
    const model = at(m.model, DECISIVE_RATE);
    const rules = at(m.rules, DECISIVE_RATE);
    return [
      ...(model.precision < rules.precision ? [t('worsePrecision', { model: pct(model.precision), rules: pct(rules.precision) })] : []),
      ...(model.revenue < rules.revenue ? [t('worseRevenue', { model: pct(model.revenue), rules: pct(rules.revenue) })] : []),
    ];
  };

  return (
    <>
      {training && <RefreshWhileTraining />}
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      {!canManage && <p className="hint" data-testid="read-only">{t('readOnly')}</p>}

      {canManage && (
        <section aria-labelledby="history-heading" className="panel">
          <h2 id="history-heading">{t('historyHeading')}</h2>
          <div className="two-columns">
            <div>
              <h3>{t('importHeading')}</h3>
              <ImportHistoryForm />
            </div>
            <div>
              <h3>{t('trainHeading')}</h3>
              <TrainModelForm />
            </div>
          </div>
        </section>
      )}

      <section aria-labelledby="models-heading">
        <h2 id="models-heading">{t('modelsHeading')}</h2>
        {models.length === 0 ? (
          <p data-testid="no-models">{canManage ? t('noModelsAnalyst') : t('noModels')}</p>
        ) : (
          <>
            {training && (
              <p className="hint">
                {t('training')} <a href="/risk">{t('refresh')}</a>
              </p>
            )}
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="models-caption">
              <table data-testid="models">
                <caption id="models-caption">{t('modelsCaption', { rate: rateLabel(DECISIVE_RATE) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('version')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('trainedOn')}</th>
                    <th scope="col">{t('auc')}</th>
                    <th scope="col">{t('precisionAt', { rate: rateLabel(DECISIVE_RATE) })}</th>
                    <th scope="col">{t('revenueAt', { rate: rateLabel(DECISIVE_RATE) })}</th>
                    <th scope="col">{t('activation')}</th>
                  </tr>
                </thead>
                <tbody>
                  {models.map((m) => {
                    const metrics = m.metrics as unknown as RiskModelMetrics | null;
                    return (
                      <tr key={m.id} data-version={m.version} data-status={m.status}>
                        <th scope="row">
                          {metrics ? <a href={`/risk?model=${m.id}#selection-heading`}>{t('versionName', { version: m.version })}</a> : t('versionName', { version: m.version })}
                        </th>
                        <td data-testid="model-status">
                          {t(`statusName.${m.status}`)}
                          {m.status === 'TRAINING' && (
                            <>
                              <br />
                              <progress max={100} value={m.progress} aria-label={t('progressLabel', { version: m.version })} /> {pct(m.progress / 100)}
                              {m.progressMessage ? <span className="muted"> {m.progressMessage}</span> : null}
                            </>
                          )}
                          {m.status === 'FAILED' && m.error ? <p className="error" data-testid="model-error">{m.error}</p> : null}
                        </td>
                        <td>
                          {metrics ? (
                            <>
                              {t('rowsSplit', { train: m.trainRows, test: m.testRows })}
                              <br />
                              <When date={m.trainedAt} />
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>{metrics ? t('beside', { model: format.number(metrics.model.auc, { maximumFractionDigits: 3 }), rules: format.number(metrics.rules.auc, { maximumFractionDigits: 3 }) }) : '—'}</td>
                        <td data-testid="precision-5" data-model={metrics ? at(metrics.model, DECISIVE_RATE).precision : undefined} data-rules={metrics ? at(metrics.rules, DECISIVE_RATE).precision : undefined}>
                          {metrics ? t('beside', { model: pct(at(metrics.model, DECISIVE_RATE).precision), rules: pct(at(metrics.rules, DECISIVE_RATE).precision) }) : '—'}
                        </td>
                        <td data-testid="revenue-5" data-model={metrics ? at(metrics.model, DECISIVE_RATE).revenue : undefined} data-rules={metrics ? at(metrics.rules, DECISIVE_RATE).revenue : undefined}>
                          {metrics ? t('beside', { model: pct(at(metrics.model, DECISIVE_RATE).revenue), rules: pct(at(metrics.rules, DECISIVE_RATE).revenue) }) : '—'}
                        </td>
                        <td>
                          {m.status === 'ACTIVE' && (
                            <p>
                              {t('activeSince')} <When date={m.activatedAt} />
                              {m.activationReason ? <><br /><q data-testid="activation-reason">{m.activationReason}</q></> : null}
                              {m.forced ? <><br /><strong>{t('forced')}</strong></> : null}
                            </p>
                          )}
                          {canManage && metrics && (m.status === 'SHADOW' || m.status === 'RETIRED') ? (
                            <ActivateModelForm id={m.id} version={m.version} rollback={m.status === 'RETIRED'} worse={worseInWords(metrics)} />
                          ) : m.status !== 'ACTIVE' ? (
                            '—'
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      {focus && <Selection model={focus} />}

      <section aria-labelledby="live-heading">
        <h2 id="live-heading">{t('liveHeading')}</h2>
        <p className="hint">{t('liveHint')}</p>
        {models.every((m) => m.liveHitRates.length === 0) ? (
          <p data-testid="no-live">{t('noLive')}</p>
        ) : (
          <table data-testid="live-hit-rates">
            <caption className="visually-hidden">{t('liveHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('lane')}</th>
                <th scope="col">{t('controlled')}</th>
                <th scope="col">{t('discrepancies')}</th>
                <th scope="col">{t('hitRate')}</th>
              </tr>
            </thead>
            <tbody>
              {models.flatMap((m) =>
                m.liveHitRates.map((r) => (
                  <tr key={`${m.id}-${r.lane}`}>
                    <th scope="row">{t('versionName', { version: m.version })}</th>
                    <td>{r.lane}</td>
                    <td>{num(r.controlled)}</td>
                    <td>{num(r.discrepancies)}</td>
                    <td>{pct(r.controlled ? r.discrepancies / r.controlled : 0)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{t('resultsHeading')}</h2>
        <p className="hint">{t('resultsHint')}</p>
        {weeks.length === 0 ? (
          <p data-testid="no-results">{t('noResults')}</p>
        ) : (
          <>
            <table data-testid="results-over-time">
              <caption>{t('overTimeCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('week')}</th>
                  <th scope="col">{t('outcome.NO_DISCREPANCY')}</th>
                  <th scope="col">{t('outcome.DISCREPANCY')}</th>
                  <th scope="col">{t('outcome.SEIZURE')}</th>
                  <th scope="col">{t('additionalDuties')}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week}>
                    <th scope="row">{w.week}</th>
                    <td>{num(w.noDiscrepancy)}</td>
                    <td>{num(w.discrepancy)}</td>
                    <td>{num(w.seizure)}</td>
                    <td>{money(w.additionalDuties)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="two-columns">
              <table data-testid="risky-importers">
                <caption>{t('importersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('importer')}</th>
                    <th scope="col">{t('controlled')}</th>
                    <th scope="col">{t('discrepancies')}</th>
                    <th scope="col">{t('additionalDuties')}</th>
                  </tr>
                </thead>
                <tbody>
                  {importers.map((i) => (
                    <tr key={i.eori}>
                      <th scope="row">
                        {i.name} <code>{i.eori}</code>
                      </th>
                      <td>{num(i.controlled)}</td>
                      <td>{num(i.discrepancies)}</td>
                      <td>{money(i.additionalDuties)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table data-testid="risky-headings">
                <caption>{t('headingsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('heading')}</th>
                    <th scope="col">{t('controlled')}</th>
                    <th scope="col">{t('discrepancies')}</th>
                    <th scope="col">{t('additionalDuties')}</th>
                  </tr>
                </thead>
                <tbody>
                  {headings.map((h) => (
                    <tr key={h.heading}>
                      <th scope="row">
                        <code>{h.heading}</code>
                      </th>
                      <td>{num(h.controlled)}</td>
                      <td>{num(h.discrepancies)}</td>
                      <td>{money(h.additionalDuties)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

/** One model's held-out selection beside the rules and random: the table, the two charts and the confusion. */
async function Selection({ model }: { model: RiskModelSummary }) {
  const [t, format] = await Promise.all([getTranslations('risk'), getFormatter()]);
  const metrics = model.metrics as unknown as RiskModelMetrics;
  const pct = (v: number) => format.number(v, { style: 'percent', maximumFractionDigits: 1 });
  const rates = [...INSPECTION_RATES];
  const rateLabels = rates.map((r) => format.number(r, { style: 'percent' }));
  const version = model.version;
  const rows = [
    { label: t('seriesModel', { version }), m: metrics.model },
    { label: t('seriesModelByRevenue', { version }), m: metrics.modelByRevenue },
    { label: t('seriesRules'), m: metrics.rules },
    { label: t('seriesRandom'), m: metrics.random },
  ];
  const chartSeries = [rows[0]!, rows[2]!, rows[3]!];
  const describe = (pick: 'precision' | 'revenue') =>
    chartSeries.map((s) => `${s.label}: ${rates.map((r, i) => `${rateLabels[i]} ${pct(at(s.m, r)[pick])}`).join(', ')}`).join('; ');
  const c = confusionAt(metrics, DECISIVE_RATE);
  return (
    <section aria-labelledby="selection-heading" data-testid="selection">
      <h2 id="selection-heading">{t('selectionHeading', { version })}</h2>
      <p className="hint">{t('selectionHint', { test: metrics.testRows, illicit: metrics.testIllicit })}</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="selection-caption">
        <table data-testid="selection-table">
          <caption id="selection-caption">{t('selectionCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('selection')}</th>
              <th scope="col">{t('auc')}</th>
              {rateLabels.map((r) => (
                <th scope="col" key={`p${r}`}>
                  {t('precisionAt', { rate: r })}
                </th>
              ))}
              {rateLabels.map((r) => (
                <th scope="col" key={`r${r}`}>
                  {t('recallAt', { rate: r })}
                </th>
              ))}
              {rateLabels.map((r) => (
                <th scope="col" key={`v${r}`}>
                  {t('revenueAt', { rate: r })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{format.number(row.m.auc, { maximumFractionDigits: 3 })}</td>
                {rates.map((r) => (
                  <td key={`p${r}`}>{pct(at(row.m, r).precision)}</td>
                ))}
                {rates.map((r) => (
                  <td key={`r${r}`}>{pct(at(row.m, r).recall)}</td>
                ))}
                {rates.map((r) => (
                  <td key={`v${r}`}>{pct(at(row.m, r).revenue)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="two-columns">
        <figure>
          <LineChart
            id="precision-chart"
            testId="precision-chart"
            title={t('precisionChart')}
            description={describe('precision')}
            xLabels={rateLabels}
            xValues={rates}
            series={chartSeries.map((s) => ({ label: s.label, values: rates.map((r) => at(s.m, r).precision) }))}
            yMax={1}
            yFormat={(v) => format.number(v, { style: 'percent' })}
          />
          <figcaption>{t('precisionChartCaption')}</figcaption>
        </figure>
        <figure>
          <LineChart
            id="revenue-chart"
            testId="revenue-chart"
            title={t('revenueChart')}
            description={describe('revenue')}
            xLabels={rateLabels}
            xValues={rates}
            series={chartSeries.map((s) => ({ label: s.label, values: rates.map((r) => at(s.m, r).revenue) }))}
            yMax={1}
            yFormat={(v) => format.number(v, { style: 'percent' })}
          />
          <figcaption>{t('revenueChartCaption')}</figcaption>
        </figure>
      </div>
      <h3>{t('confusionHeading', { rate: format.number(DECISIVE_RATE, { style: 'percent' }) })}</h3>
      <p className="hint">{t('confusionHint')}</p>
      <table data-testid="confusion">
        <caption className="visually-hidden">{t('confusionHeading', { rate: format.number(DECISIVE_RATE, { style: 'percent' }) })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('actuallyIllicit')}</th>
            <th scope="col">{t('actuallyClean')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('inspected')}</th>
            <td data-testid="true-positives">{format.number(c.truePositives)}</td>
            <td>{format.number(c.falsePositives)}</td>
          </tr>
          <tr>
            <th scope="row">{t('notInspected')}</th>
            <td>{format.number(c.falseNegatives)}</td>
            <td>{format.number(c.trueNegatives)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
