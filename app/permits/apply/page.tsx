// Apply for a permit: from a declaration (?declarationId=…&ruleKey=…, as the declaration form's "Apply
// now" links) the parties, goods, quantities and origins come from the declaration and nothing is
// typed again; standalone, the goods are typed here.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

import { isBroker, isFilerRole } from '../../../lib/auth/policy';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { getDeclarationPermitRequirements } from '../../../lib/permits/get-declaration-permit-requirements';
import { listPermitRules } from '../../../lib/permits/list-agencies';
import { documentName } from '../../../lib/permits/permit-codes';
import { getActor } from '../../session';
import { ApplyForm, type RuleChoice } from '../_components/permit-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('permits'))('applyTitle') };
}
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function ApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations('permits')]);
  const sp = await searchParams;
  if (!isFilerRole(actor)) return <p className="notice">{t('applyForbidden')}</p>;
  const declarationId = one(sp.declarationId);
  const ruleKey = one(sp.ruleKey);
  const declaration = declarationId ? await getDeclaration({ actor, id: declarationId }) : null;
  if (declarationId && !declaration) {
    return (
      <>
        <h1>{t('applyTitle')}</h1>
        <p role="alert" className="error">
          {t.rich('applyNoDeclaration', { link: (chunks) => <Link href="/permits/apply">{chunks}</Link> })}
        </p>
      </>
    );
  }
  let rules: RuleChoice[];
  let items: { sequence: number; commodityCode: string; rule: string }[] = [];
  if (declaration) {
    const requirements = await getDeclarationPermitRequirements({ declarationId: declaration.id });
    const seen = new Map<string, RuleChoice>();
    for (const r of requirements) seen.set(r.ruleKey, { key: r.ruleKey, label: `${r.documentName} (${r.documentCode}) — ${r.agency.name}`, quantityUnit: r.quantityUnit });
    rules = [...seen.values()];
    items = requirements.filter((r) => r.ruleKey === ruleKey).map((r) => ({ sequence: r.itemSequence, commodityCode: r.commodityCode, rule: r.ruleKey }));
  } else {
    rules = (await listPermitRules()).map((r) => ({ key: r.key, label: t('ruleChoice', { document: documentName(r.documentCode), code: r.documentCode, agency: r.agency.name, hsPrefix: r.hsPrefix, direction: r.direction }), quantityUnit: r.quantityUnit }));
  }
  return (
    <>
      <p className="breadcrumb">
        <Link href="/permits">{t('applicationsTitle')}</Link>
      </p>
      <h1>{t('applyTitle')}</h1>
      {declaration ? (
        <p className="lead" data-testid="apply-from-declaration">
          {t.rich('applyFromDeclaration', {
            link: () => <Link href={`/declarations/${declaration.id}`}>{declaration.mrn ?? declaration.lrn}</Link>,
            count: items.length,
            items: items.map((i) => `${i.sequence} (${i.commodityCode})`).join(t('listSeparator')),
          })}
        </p>
      ) : (
        <p className="lead">{t('applyStandaloneLead')}</p>
      )}
      {rules.length === 0 ? (
        <p className="empty">{t('applyNothingNeeded')}</p>
      ) : (
        <ApplyForm declarationId={declaration?.id ?? null} ruleKey={ruleKey} rules={rules} broker={isBroker(actor) && !declaration} />
      )}
    </>
  );
}
