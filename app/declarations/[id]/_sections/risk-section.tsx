import { useFormatter, useTranslations } from 'next-intl';

import { Money } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { RiskExplanation } from '../../../../lib/risk/get-risk-explanation';
import { LaneBadge } from '../../_components/status';

/**
 * The lane; for customs (lib/auth/policy.ts `canSeeRiskDetails`) the score, the rules that fired and
 * the learned model's part: its version, probability, expected revenue and the features that moved it
 * most, in words (lib/risk/get-risk-explanation.ts, null for filers).
 */
export function RiskSection({ detail, explanation }: { detail: DeclarationDetail; explanation: RiskExplanation | null }) {
  const d = detail.declaration;
  const t = useTranslations('declaration.risk');
  const format = useFormatter();
  const findings = detail.findings ?? [];
  if (!d.lane) return null;
  const score = detail.showRisk && d.riskScore !== null ? d.riskScore : null;
  const model = detail.showRisk && explanation && explanation.modelVersion !== null ? explanation : null;
  return (
    <section aria-labelledby="risk-heading" data-testid="risk">
      <h2 id="risk-heading">{t('heading')}</h2>
      <p>
        {t.rich('lane', { badge: () => <LaneBadge lane={d.lane!} />, score: score ?? -1, scored: score !== null ? 'yes' : 'no' })} {t(`control.${d.lane}`)}
      </p>
      {detail.showRisk &&
        (findings.length > 0 ? (
          <ul className="findings" data-testid="findings">
            {findings.map((f) => (
              <li key={f.id}>
                <span className="finding-weight">+{f.weight}</span> {f.reason} <code className="muted">{f.ruleKey}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('noRule')}</p>
        ))}
      {model && (
        <div data-testid="risk-explanation">
          <h3>{t('model.heading')}</h3>
          <dl className="facts">
            <div>
              <dt>{t('model.version')}</dt>
              <dd data-testid="risk-model-version">{t('model.versionValue', { version: model.modelVersion!, used: model.modelUsed ? 'yes' : 'no' })}</dd>
            </div>
            <div>
              <dt>{t('model.probability')}</dt>
              <dd data-testid="risk-model-probability">{model.modelProbability === null ? '—' : format.number(model.modelProbability, { style: 'percent', maximumFractionDigits: 1 })}</dd>
            </div>
            <div>
              <dt>{t('model.expectedRevenue')}</dt>
              <dd data-testid="risk-expected-revenue">
                <Money amount={model.expectedRevenue} currency={null} /> <span className="muted">{t('model.nationalCurrency')}</span>
              </dd>
            </div>
          </dl>
          {model.contributions.length > 0 ? (
            <>
              <p>{t('model.contributionsIntro')}</p>
              <ul className="findings" data-testid="risk-contributions">
                {model.contributions.map((c) => (
                  <li key={c.feature} data-effect={c.effect > 0 ? 'up' : 'down'}>
                    <span className="finding-weight">{t('model.effect', { direction: c.effect > 0 ? 'up' : 'down', points: format.number(Math.abs(c.effect) * 100, { maximumFractionDigits: 1 }) })}</span> {c.description}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="empty">{t('model.noContribution')}</p>
          )}
        </div>
      )}
    </section>
  );
}
