// Platform administrators manage the single window's agencies and requirement rules (rules are data:
// each change is a new, audited version; retiring keeps the history). ?rule=<key> opens one rule with
// its version history.
import type { Metadata } from 'next';
import Link from 'next/link';

import { isPlatformAdmin } from '../../../lib/auth/policy';
import { listAgencies, listPermitRules } from '../../../lib/permits/list-agencies';
import { listPermitRuleVersions } from '../../../lib/permits/list-permit-rule-versions';
import { AGENCY_KIND_LABELS, DOCUMENT_CODE_LIST, DOCUMENT_CODES, documentName } from '../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { AgencyForm, RetireRuleForm, RuleForm, type RuleValues } from '../../permits/_components/permit-forms';
import { when } from '../../permits/_components/permit-format';

export const metadata: Metadata = { title: 'Agencies and permit rules' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PermitAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  if (!isPlatformAdmin(actor)) return <p className="notice">Only platform administrators manage agencies and permit rules.</p>;
  const sp = await searchParams;
  const open = typeof sp.rule === 'string' ? sp.rule : null;
  const [agencies, rules] = await Promise.all([listAgencies(), listPermitRules({ includeRetired: true })]);
  const rule = open ? (rules.find((r) => r.key === open) ?? null) : null;
  const versions = rule ? await listPermitRuleVersions({ actor, key: rule.key }) : [];
  const agencyOptions = agencies.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` }));
  const documents = Object.entries(DOCUMENT_CODES).map(([value, label]) => ({ value, label: `${value} — ${label}` }));
  const values = (r: NonNullable<typeof rule>): RuleValues => ({
    key: r.key,
    agencyCode: r.agency.code,
    documentCode: r.documentCode,
    hsPrefix: r.hsPrefix,
    originInclude: r.originInclude.join(', '),
    originExclude: r.originExclude.join(', '),
    direction: r.direction,
    procedureCodes: r.procedureCodes.join(', '),
    severity: r.severity,
    validityDays: String(r.validityDays),
    quantityManaged: String(r.quantityManaged),
    quantityUnit: r.quantityUnit ?? '',
    legalBasis: r.legalBasis,
    reason: r.reason,
  });
  return (
    <>
      <h1>Agencies and permit rules</h1>
      <section aria-labelledby="agencies-heading" className="panel">
        <h2 id="agencies-heading">Agencies</h2>
        {agencies.length === 0 ? (
          <EmptyState testId="no-agencies">
            <p>No agencies yet: add the first below.</p>
          </EmptyState>
        ) : (
          <ul className="plain-list" data-testid="agencies">
            {agencies.map((a) => (
              <li key={a.id}>
                <details>
                  <summary>
                    {a.code} — {a.name} ({AGENCY_KIND_LABELS[a.kind] ?? a.kind}), {a.contactEmail}
                  </summary>
                  <AgencyForm agency={a} />
                </details>
              </li>
            ))}
          </ul>
        )}
        <h3>Add an agency</h3>
        <AgencyForm />
      </section>

      <section aria-labelledby="rules-heading" className="panel">
        <h2 id="rules-heading">Requirement rules ({rules.filter((r) => !r.retiredAt).length} in force)</h2>
        <p className="hint">Document types: {DOCUMENT_CODE_LIST}.</p>
        <ResultsTable labelledBy="rules-heading" testId="permit-rules">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Agency</th>
              <th scope="col">Document</th>
              <th scope="col">HS prefix</th>
              <th scope="col">Origins</th>
              <th scope="col">Direction</th>
              <th scope="col">Severity</th>
              <th scope="col">Version</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-testid={`rule-row-${r.key}`}>
                <th scope="row">
                  <Link href={`/admin/permits?rule=${encodeURIComponent(r.key)}#rule-heading`}>{r.key}</Link>
                  {r.retiredAt && <span className="badge badge-neutral"> retired</span>}
                </th>
                <td>{r.agency.code}</td>
                <td>
                  {documentName(r.documentCode)} ({r.documentCode})
                </td>
                <td>{r.hsPrefix}</td>
                <td>{r.originInclude.length ? r.originInclude.join(', ') : 'all'}{r.originExclude.length ? `, not ${r.originExclude.join(', ')}` : ''}</td>
                <td>{r.direction.toLowerCase()}</td>
                <td>{r.severity === 'REQUIRED' ? 'required' : 'may be required'}</td>
                <td>{r.version}</td>
              </tr>
            ))}
          </tbody>
        </ResultsTable>
      </section>

      {open && !rule && (
        <p role="alert" className="error">
          No rule {open}.
        </p>
      )}
      {rule && (
        <section aria-labelledby="rule-heading" className="panel" data-testid="rule-detail">
          <h2 id="rule-heading">
            Rule {rule.key}, version {rule.version}
            {rule.retiredAt && ` (retired ${when(rule.retiredAt)})`}
          </h2>
          {!rule.retiredAt && (
            <>
              <RuleForm key={`${rule.key}-${rule.version}`} rule={values(rule)} agencies={agencyOptions} documents={documents} />
              <RetireRuleForm ruleKey={rule.key} />
            </>
          )}
          <h3 id="versions-heading">Version history</h3>
          <ResultsTable labelledBy="versions-heading" testId="rule-versions">
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">When</th>
                <th scope="col">By</th>
                <th scope="col">What it said</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>
                    {v.version}
                    {v.retired && ' (retired)'}
                  </td>
                  <td>{when(v.changedAt)}</td>
                  <td>{v.changedBy ?? 'seed'}</td>
                  <td>
                    <code className="wrap">{JSON.stringify(v.snapshot)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </ResultsTable>
        </section>
      )}

      <section aria-labelledby="new-rule-heading" className="panel">
        <h2 id="new-rule-heading">Add a rule</h2>
        <RuleForm agencies={agencyOptions} documents={documents} />
      </section>
    </>
  );
}
