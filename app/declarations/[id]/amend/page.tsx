import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { allowedActions } from '../../../../lib/declarations/allowed-actions';
import { getDeclaration } from '../../../../lib/declarations/get-declaration';
import { getActor } from '../../../acting-user';
import { DeclarationForm } from '../../_components/declaration-form';
import { loadFormState } from '../../_components/initial-values';
import { NotAFiler } from '../../_components/not-a-filer';
import { STATUS_LABEL } from '../../_components/status';

export const metadata: Metadata = { title: 'Amend declaration' };
export const dynamic = 'force-dynamic';

/** The filing form again, opened with the current content, for an amendment (the next version). */
export default async function AmendDeclarationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  const head = (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link> · <Link href={`/declarations/${d.id}`}>{d.lrn}</Link>
      </p>
      <h1>Amend declaration {d.lrn}</h1>
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
        <p className="notice">Only the declarant company can amend this declaration.</p>
      </>
    );
  }
  if (!allowedActions(actor, d).includes('AMEND')) {
    return (
      <>
        {head}
        <p className="notice" data-testid="not-amendable">
          This declaration is {STATUS_LABEL[d.status].toLowerCase()}:{' '}
          {d.status === 'DRAFT' ? (
            <>
              a draft is edited, not amended. <Link href={`/declarations/${d.id}/edit`}>Edit the draft</Link>.
            </>
          ) : (
            <>
              it can no longer be amended (only between acceptance and release). <Link href={`/declarations/${d.id}`}>Back to the declaration</Link>.
            </>
          )}
        </p>
      </>
    );
  }

  const initial = await loadFormState(d);
  return (
    <>
      {head}
      <p className="lead">
        Give the whole declaration again with your changes: it replaces the current content (version {d.version}) and customs values{d.status === 'DUTY_ASSESSED' ? ' and duties' : ''} are
        computed again. The LRN and the declaration type cannot change. On the last step, say why you amend.
      </p>
      <DeclarationForm declarationId={d.id} initial={initial} mode={{ kind: 'amend', nextVersion: d.version + 1 }} />
    </>
  );
}
