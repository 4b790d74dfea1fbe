// Apply for a permit: from a declaration (?declarationId=…&ruleKey=…, as the declaration form's "Apply
// now" links) the parties, goods, quantities and origins come from the declaration and nothing is
// typed again; standalone, the goods are typed here.
import type { Metadata } from 'next';
import Link from 'next/link';

import { isBroker, isFilerRole } from '../../../lib/auth/policy';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { getDeclarationPermitRequirements } from '../../../lib/permits/get-declaration-permit-requirements';
import { listPermitRules } from '../../../lib/permits/list-agencies';
import { documentName } from '../../../lib/permits/permit-codes';
import { getActor } from '../../session';
import { ApplyForm, type RuleChoice } from '../_components/permit-forms';

export const metadata: Metadata = { title: 'Apply for a permit' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

export default async function ApplyPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await getActor();
  const sp = await searchParams;
  if (!isFilerRole(actor)) return <p className="notice">Traders and customs brokers apply for permits.</p>;
  const declarationId = one(sp.declarationId);
  const ruleKey = one(sp.ruleKey);
  const declaration = declarationId ? await getDeclaration({ actor, id: declarationId }) : null;
  if (declarationId && !declaration) {
    return (
      <>
        <h1>Apply for a permit</h1>
        <p role="alert" className="error">
          No such declaration that you can see. <Link href="/permits/apply">Apply without a declaration</Link>.
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
    rules = (await listPermitRules()).map((r) => ({ key: r.key, label: `${documentName(r.documentCode)} (${r.documentCode}) — ${r.agency.name}: ${r.hsPrefix}…, ${r.direction.toLowerCase()}`, quantityUnit: r.quantityUnit }));
  }
  return (
    <>
      <p className="breadcrumb">
        <Link href="/permits">Permit applications</Link>
      </p>
      <h1>Apply for a permit</h1>
      {declaration ? (
        <p className="lead" data-testid="apply-from-declaration">
          From declaration <Link href={`/declarations/${declaration.id}`}>{declaration.mrn ?? declaration.lrn}</Link>: the applicant, counterparty, goods, quantities and origins
          {items.length > 0 && <> of item{items.length === 1 ? '' : 's'} {items.map((i) => `${i.sequence} (${i.commodityCode})`).join(', ')}</>} come from it.
        </p>
      ) : (
        <p className="lead">A permit applied for on its own may serve several declarations. Applying for goods on a declaration? Use “Apply now” in its form or on its page: nothing is typed twice.</p>
      )}
      {rules.length === 0 ? (
        <p className="empty">No agency needs a permit for this declaration’s goods.</p>
      ) : (
        <ApplyForm declarationId={declaration?.id ?? null} ruleKey={ruleKey} rules={rules} broker={isBroker(actor) && !declaration} />
      )}
    </>
  );
}
