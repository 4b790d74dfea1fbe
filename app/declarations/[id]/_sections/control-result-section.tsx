import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

import { Money, When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { ControlResultView } from '../../../../lib/risk/get-control-result';
import { ControlResultForm, type ControlFormItem } from '../../_components/control-result-form';
import { formatCommodityCode, formatDecimal } from '../../_components/format';

/** Whether the declaration was ever under control (physical, documentary or random): it then needs a result. */
export function wasControlled(detail: DeclarationDetail): boolean {
  return detail.history.some((h) => h.toStatus === 'UNDER_CONTROL');
}

/** The form's starting values for a correction: the current version's. */
function defaultsOf(result: ControlResultView): Record<string, string> {
  const defaults: Record<string, string> = { outcome: result.outcome, note: result.note ?? '' };
  for (const f of result.findings) {
    defaults[`item-${f.itemSequence}-kind`] = f.kind;
    for (const [key, value] of Object.entries(f.corrected)) if (value !== null) defaults[`item-${f.itemSequence}-corrected${key[0]!.toUpperCase()}${key.slice(1)}`] = value;
  }
  return defaults;
}

/**
 * What the control found (issue 14). Customs: the result with its note, version, ledger anchor and who
 * recorded it, and the form to record it (or to correct it as a new version). The filer: the outcome,
 * the corrected values and the additional duties (lib nulls the note and the recorder for them).
 */
export async function ControlResultSection({ detail, result, officer, done }: { detail: DeclarationDetail; result: ControlResultView | null; officer: boolean; done: string | undefined }) {
  const d = detail.declaration;
  const controlled = wasControlled(detail);
  if (!result && !controlled) return null;
  const t = await getTranslations('declaration.controlResult');
  const items: ControlFormItem[] = detail.items.map((i) => ({
    sequence: i.sequence,
    commodityCode: formatCommodityCode(i.commodityCode),
    description: i.description,
    customsValue: formatDecimal(i.customsValue, 2),
    originCountry: i.originCountry,
    netMass: formatDecimal(i.netMass, 3),
    supplementaryQuantity: i.supplementaryQuantity ? i.supplementaryQuantity.toString() : null,
    supplementaryUnit: i.supplementaryUnit,
  }));
  const justRecorded = officer && result && done === `control-result-${result.version}`;
  return (
    <section aria-labelledby="control-result-heading" data-testid="control-result" id="control-result" tabIndex={-1}>
      <h2 id="control-result-heading">{t('heading')}</h2>
      {justRecorded && (
        <div className="notice notice-success" role="status" data-testid="control-result-saved">
          <p>{t('saved', { version: result.version })}</p>
        </div>
      )}
      {result ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('outcomeLabel')}</dt>
              <dd data-testid="control-outcome" data-outcome={result.outcome}>
                {t(`outcome.${result.outcome}`)}
              </dd>
            </div>
            <div>
              <dt>{t('additionalDuties')}</dt>
              <dd>
                <strong data-testid="control-additional-duties" data-amount={result.additionalDuties}>
                  <Money amount={result.additionalDuties} currency={null} />
                </strong>{' '}
                <span className="muted">{t('nationalCurrency')}</span>
              </dd>
            </div>
            <div>
              <dt>{t('version')}</dt>
              <dd data-testid="control-version">{result.version}</dd>
            </div>
            <div>
              <dt>{t('recorded')}</dt>
              <dd>
                {result.recordedByEmail ? t.rich('recordedBy', { when: () => <When date={result.recordedAt} />, who: result.recordedByEmail }) : <When date={result.recordedAt} />}
              </dd>
            </div>
            <div>
              <dt>{t('anchor')}</dt>
              <dd>
                <Link href={`/verify?hash=${result.sha256}`} data-testid="control-anchor">
                  {t('anchorLink')}
                </Link>{' '}
                <code className="muted hash">{result.sha256.slice(0, 16)}…</code>
              </dd>
            </div>
            {result.correctionReason && (
              <div>
                <dt>{t('correctionReasonLabel')}</dt>
                <dd>{result.correctionReason}</dd>
              </div>
            )}
          </dl>
          {result.findings.length > 0 && (
            <div className="table-scroll" role="region" aria-label={t('findingsCaption')} tabIndex={0}>
              <table className="results compact" data-testid="control-findings">
                <caption className="visually-hidden">{t('findingsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.item')}</th>
                    <th scope="col">{t('table.kind')}</th>
                    <th scope="col">{t('table.corrected')}</th>
                    <th scope="col" className="num">
                      {t('table.declaredDuties')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.correctedDuties')}
                    </th>
                    <th scope="col" className="num">
                      {t('table.additionalDuties')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.findings.map((f) => {
                    const c = f.corrected;
                    const changes = [
                      c.commodityCode && t('change.commodityCode', { from: formatCommodityCode(f.declared.commodityCode), to: formatCommodityCode(c.commodityCode) }),
                      c.customsValue && t('change.customsValue', { from: f.declared.customsValue, to: c.customsValue }),
                      c.originCountry && t('change.originCountry', { from: f.declared.originCountry, to: c.originCountry }),
                      c.netMass && t('change.netMass', { from: f.declared.netMass, to: c.netMass }),
                      c.supplementaryQuantity && t('change.supplementaryQuantity', { to: c.supplementaryQuantity }),
                    ].filter(Boolean);
                    return (
                      <tr key={f.itemSequence} data-testid={`control-finding-${f.itemSequence}`}>
                        <td>{f.itemSequence}</td>
                        <td>{t(`kind.${f.kind}`)}</td>
                        <td>{changes.length ? changes.map((text, i) => <div key={i}>{text}</div>) : <span className="muted">{t('change.none')}</span>}</td>
                        <td className="num">
                          <Money amount={f.declaredDuties} currency={null} />
                        </td>
                        <td className="num">
                          <Money amount={f.correctedDuties} currency={null} />
                        </td>
                        <td className="num">
                          <Money amount={f.additionalDuties} currency={null} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {result.note && (
            <div className="callout" data-testid="control-note">
              <p className="error-title">{t('noteLabel')}</p>
              <p>{result.note}</p>
            </div>
          )}
          {officer && (
            <details className="control-correction" data-testid="control-correction">
              <summary>{t('correct', { version: result.version + 1 })}</summary>
              <ControlResultForm id={d.id} items={items} version={result.version} defaults={defaultsOf(result)} />
            </details>
          )}
        </>
      ) : officer && d.status !== 'RELEASED' ? (
        <>
          <p className="hint">{t('recordIntro')}</p>
          <ControlResultForm id={d.id} items={items} version={0} />
        </>
      ) : (
        <p className="empty" data-testid="control-result-missing">
          {d.status === 'RELEASED' ? t('releasedWithout') : t('notYet')}
        </p>
      )}
    </section>
  );
}
