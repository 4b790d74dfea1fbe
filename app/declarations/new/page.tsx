import type { Metadata } from 'next';
import Link from 'next/link';

import { loadCompanies } from '../../../lib/declarations/load-declaration-parts';
import { getActor } from '../../session';
import { DeclarationForm } from '../_components/declaration-form';
import { emptyForm } from '../_components/form-model';
import { NotAFiler } from '../_components/not-a-filer';
import { isFilerRole, isTrader } from '../../../lib/auth/policy';

export const metadata: Metadata = { title: 'New declaration' };
export const dynamic = 'force-dynamic';

export default async function NewDeclarationPage() {
  const actor = await getActor();
  const isFiler = isFilerRole(actor);
  if (!isFiler) {
    return (
      <>
        <h1>New declaration</h1>
        <NotAFiler actor={actor} />
      </>
    );
  }
  const [company] = await loadCompanies([actor.companyId!]);
  // A trader of an importing company most often declares its own imports.
  const importer = isTrader(actor) && company?.roles.includes('IMPORTER') ? company.eori : '';
  return (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link>
      </p>
      <h1>New declaration</h1>
      <p className="lead">
        Filing for {company?.name ?? 'your company'}. Save a draft at any time; everything not marked optional is needed to submit.
      </p>
      <DeclarationForm declarationId={null} initial={emptyForm({ importerEori: importer })} />
    </>
  );
}
