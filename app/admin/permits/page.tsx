// Platform administrators manage the single window's agencies and requirement rules (rules are data:
// each change is a new, audited version; retiring keeps the history). ?rule=<key> opens one rule with
// its version history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isPlatformAdmin } from '../../../lib/auth/policy';
import { listAgencies, listPermitRules } from '../../../lib/permits/list-agencies';
import { listPermitRuleVersions } from '../../../lib/permits/list-permit-rule-versions';
import { DOCUMENT_CODE_LIST, DOCUMENT_CODES, documentName } from '../../../lib/permits/permit-codes';
import { EmptyState, ResultsTable } from '../../_components/list/list-parts';
import { getActor } from '../../session';
import { AgencyForm, RetireRuleForm, RuleForm, type RuleValues } from '../../permits/_components/permit-forms';
import { When } from '../../_i18n/when';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('adminTitle') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PermitAdminPage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  if (!isPlatformAdmin(actor)) return <p className="notice">{t('adminForbidden')}</p>;
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
      <h1>{t('adminTitle')}</h1>
      <section aria-labelledby="agencies-heading" className="panel">
        <h2 id="agencies-heading">{t('agencies')}</h2>
        {agencies.length === 0 ? (
          <EmptyState testId="no-agencies">
            <p>{t('noAgencies')}</p>
          </EmptyState>
        ) : (
          <ul className="plain-list" data-testid="agencies">
            {agencies.map((a) => (
              <li key={a.id}>
                <details>
                  <summary>
                    {a.code} — {a.name} ({t.has(`agencyKind.${a.kind}`) ? t(`agencyKind.${a.kind}`) : a.kind}), {a.contactEmail}
                  </summary>
                  <AgencyForm agency={a} />
                </details>
              </li>
            ))}
          </ul>
        )}
        <h3>{t('addAnAgency')}</h3>
        <AgencyForm />
      </section>

      <section aria-labelledby="rules-heading" className="panel">
        <h2 id="rules-heading">{t('rulesHeading', { count: rules.filter((r) => !r.retiredAt).length })}</h2>
        <p className="hint">{t('documentTypes', { list: DOCUMENT_CODE_LIST })}</p>
        <ResultsTable labelledBy="rules-heading" testId="permit-rules">
          <thead>
            <tr>
              <th scope="col">{t('rule')}</th>
              <th scope="col">{t('agency')}</th>
              <th scope="col">{t('document')}</th>
              <th scope="col">{t('hsPrefix')}</th>
              <th scope="col">{t('origins')}</th>
              <th scope="col">{t('direction')}</th>
              <th scope="col">{t('severity')}</th>
              <th scope="col">{t('version')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id} data-testid={`rule-row-${r.key}`}>
                <th scope="row">
                  <Link href={`/admin/permits?rule=${encodeURIComponent(r.key)}#rule-heading`}>{r.key}</Link>
                  {r.retiredAt && <span className="badge badge-neutral"> {t('retired')}</span>}
                </th>
                <td>{r.agency.code}</td>
                <td>
                  {documentName(r.documentCode)} ({r.documentCode})
                </td>
                <td>{r.hsPrefix}</td>
                <td>{t('originsText', { include: r.originInclude.length ? r.originInclude.join(', ') : 'all', exclude: r.originExclude.length ? r.originExclude.join(', ') : 'none' })}</td>
                <td>{t(`directionName.${r.direction}`)}</td>
                <td>{t(`severityShort.${r.severity}`)}</td>
                <td>{r.version}</td>
              </tr>
            ))}
          </tbody>
        </ResultsTable>
      </section>

      {open && !rule && (
        <p role="alert" className="error">
          {t('noRule', { key: open })}
        </p>
      )}
      {rule && (
        <section aria-labelledby="rule-heading" className="panel" data-testid="rule-detail">
          <h2 id="rule-heading">
            {t('ruleHeading', { key: rule.key, version: rule.version })}
            {rule.retiredAt && <> {t.rich('retiredOn', { when: () => <When date={rule.retiredAt} /> })}</>}
          </h2>
          {!rule.retiredAt && (
            <>
              <RuleForm key={`${rule.key}-${rule.version}`} rule={values(rule)} agencies={agencyOptions} documents={documents} />
              <RetireRuleForm ruleKey={rule.key} />
            </>
          )}
          <h3 id="versions-heading">{t('versionHistory')}</h3>
          <ResultsTable labelledBy="versions-heading" testId="rule-versions">
            <thead>
              <tr>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('colWhen')}</th>
                <th scope="col">{t('by')}</th>
                <th scope="col">{t('whatItSaid')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.version}>
                  <td>
                    {v.version}
                    {v.retired && ` (${t('retired')})`}
                  </td>
                  <td>
                    <When date={v.changedAt} />
                  </td>
                  <td>{v.changedBy ?? t('seed')}</td>
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
        <h2 id="new-rule-heading">{t('addARule')}</h2>
        <RuleForm agencies={agencyOptions} documents={documents} />
      </section>
    </>
  );
}
