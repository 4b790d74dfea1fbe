import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { LaneBadge } from '../../_components/status';

/** The lane; the score and findings for customs (lib/auth/policy.ts `canSeeRiskDetails`). */
export function RiskSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const findings = detail.findings ?? [];
  if (!d.lane) return null;
  return (
    <section aria-labelledby="risk-heading" data-testid="risk">
      <h2 id="risk-heading">Risk assessment</h2>
      <p>
        Lane <LaneBadge lane={d.lane} />
        {detail.showRisk && d.riskScore !== null ? `, score ${d.riskScore}` : ''}. {d.lane === 'GREEN' ? 'No control: duties are assessed at once.' : d.lane === 'YELLOW' ? 'Documentary check.' : 'Physical inspection.'}
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
          <p className="empty">No risk rule fired.</p>
        ))}
    </section>
  );
}
