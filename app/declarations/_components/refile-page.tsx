// The filing form opened on an existing declaration: to edit a draft, or to amend a submitted one
// (the next version). Both check the same things before showing the form; only the wording differs.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

import { allowedActions } from '../../../lib/declarations/allowed-actions';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { getActor } from '../../session';
import { DeclarationForm } from './declaration-form';
import { loadFormValues } from './load-form-values';
import { NotAFiler } from './not-a-filer';
import { STATUS_LABEL } from './status';
import { isFilerRole } from '../../../lib/auth/policy';

export async function RefilePage({ id, kind }: { id: string; kind: 'edit' | 'amend' }) {
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();

  const page = (body: ReactNode) => (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">Declarations</Link> · <Link href={`/declarations/${d.id}`}>{d.lrn}</Link>
      </p>
      <h1>
        {kind === 'edit' ? 'Edit draft' : 'Amend declaration'} {d.lrn}
      </h1>
      {body}
    </>
  );
  const back = <Link href={`/declarations/${d.id}`}>Back to the declaration</Link>;

  if (!isFilerRole(actor)) return page(<NotAFiler actor={actor} />);
  if (actor.companyId !== d.declarantId) {
    return page(<p className="notice">Only the declarant company can {kind} this declaration.</p>);
  }
  if (kind === 'edit' && d.status !== 'DRAFT') {
    return page(
      <p className="notice" data-testid="not-a-draft">
        This declaration is {STATUS_LABEL[d.status].toLowerCase()}: only drafts can be edited. {back}.
      </p>,
    );
  }
  if (kind === 'amend' && !allowedActions(actor, d).includes('AMEND')) {
    return page(
      <p className="notice" data-testid="not-amendable">
        This declaration is {STATUS_LABEL[d.status].toLowerCase()}:{' '}
        {d.status === 'DRAFT' ? (
          <>
            a draft is edited, not amended. <Link href={`/declarations/${d.id}/edit`}>Edit the draft</Link>.
          </>
        ) : (
          <>it can no longer be amended (only between acceptance and release). {back}.</>
        )}
      </p>,
    );
  }

  const initial = await loadFormValues(d);
  if (kind === 'edit') return page(<DeclarationForm declarationId={d.id} initial={initial} />);
  return page(
    <>
      <p className="lead">
        Give the whole declaration again with your changes: it replaces the current content (version {d.version}) and customs values
        {d.status === 'DUTY_ASSESSED' ? ' and duties' : ''} are computed again. The LRN and the declaration type cannot change. On the last step, say why
        you amend.
      </p>
      <DeclarationForm declarationId={d.id} initial={initial} mode={{ kind: 'amend', nextVersion: d.version + 1 }} />
    </>,
  );
}
