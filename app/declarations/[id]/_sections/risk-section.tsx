import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { LaneBadge } from '../../_components/status';

/** The lane and score; the findings for officers. */
export function RiskSection({ detail, isOfficer }: { detail: DeclarationDetail; isOfficer: boolean }) {
  const d = detail.declaration;
  const findings = detail.findings ?? [];
  if (!d.lane) return null;
  return (
    <section aria-labelledby="risk-heading" data-testid="risk">
      <h2 id="risk-heading">Risk assessment</h2>
      <p>
        Lane <LaneBadge lane={d.lane} />
        {d.riskScore !== null ? `, score ${d.riskScore}` : ''}. {d.lane === 'GREEN' ? 'No control: duties are assessed at once.' : d.lane === 'YELLOW' ? 'Documentary check.' : 'Physical inspection.'}
      </p>
      {isOfficer &&
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
