import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { getDeclaration } from '../../../../lib/declarations/get-declaration';
import { getActor } from '../../../acting-user';
import { DeclarationForm } from '../../_components/declaration-form';
import { loadFormState } from '../../_components/initial-values';
import { NotAFiler } from '../../_components/not-a-filer';
import { STATUS_LABEL } from '../../_components/status';

export const metadata: Metadata = { title: 'Edit draft' };
export const dynamic = 'force-dynamic';

export default async function EditDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  const head = (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link> · <Link href={`/declarations/${d.id}`}>{d.lrn}</Link>
      </p>
      <h1>Edit draft {d.lrn}</h1>
    </>
  );
  if (!((actor.role === 'TRADER' || actor.role === 'BROKER') && actor.companyId)) {
    return (
      <>
        {head}
        <NotAFiler actor={actor} />
      </>
    );
  }
  if (actor.companyId !== d.declarantId) {
    return (
      <>
        {head}
        <p className="notice">Only the declarant company can edit this declaration.</p>
      </>
    );
  }
  if (d.status !== 'DRAFT') {
    return (
      <>
        {head}
        <p className="notice" data-testid="not-a-draft">
          This declaration is {STATUS_LABEL[d.status].toLowerCase()}: only drafts can be edited. <Link href={`/declarations/${d.id}`}>Back to the declaration</Link>.
        </p>
      </>
    );
  }

  const initial = await loadFormState(d);
  return (
    <>
      {head}
      <DeclarationForm declarationId={d.id} initial={initial} />
    </>
  );
}
