// The filing form opened on an existing declaration: to edit a draft, or to amend a submitted one
// (the next version). Both check the same things before showing the form; only the wording differs.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

import { allowedActions } from '../../../lib/declarations/allowed-actions';
import { getDeclaration } from '../../../lib/declarations/get-declaration';
import { getActor } from '../../session';
import { DeclarationForm } from './declaration-form';
import { loadFormValues } from './load-form-values';
import { NotAFiler } from './not-a-filer';
import { isFilerRole } from '../../../lib/auth/policy';

export async function RefilePage({ id, kind }: { id: string; kind: 'edit' | 'amend' }) {
  const actor = await getActor();
  const d = await getDeclaration({ actor, id });
  if (!d) notFound();
  const [t, shell, status] = await Promise.all([getTranslations('declarationForm.refile'), getTranslations('shell'), getTranslations('status')]);

  const page = (body: ReactNode) => (
    <>
      <p className="breadcrumb">
        <Link href="/declarations">{shell('nav.declarations')}</Link> · <Link href={`/declarations/${d.id}`}>{d.lrn}</Link>
      </p>
      <h1>
        {t(kind === 'edit' ? 'editHeading' : 'amendHeading', { lrn: d.lrn })}
      </h1>
      {body}
    </>
  );
  const back = (chunks: ReactNode) => <Link href={`/declarations/${d.id}`}>{chunks}</Link>;
  const state = status(d.status).toLowerCase();

  if (!isFilerRole(actor)) return page(<NotAFiler actor={actor} />);
  if (actor.companyId !== d.declarantId) {
    return page(<p className="notice">{t('onlyDeclarant', { kind })}</p>);
  }
  if (kind === 'edit' && d.status !== 'DRAFT') {
    return page(
      <p className="notice" data-testid="not-a-draft">
        {t.rich('notADraft', { status: state, back })}
      </p>,
    );
  }
  if (kind === 'amend' && !allowedActions(actor, d).includes('AMEND')) {
    return page(
      <p className="notice" data-testid="not-amendable">
        {d.status === 'DRAFT'
          ? t.rich('draftNotAmended', { status: state, edit: (chunks) => <Link href={`/declarations/${d.id}/edit`}>{chunks}</Link> })
          : t.rich('notAmendable', { status: state, back })}
      </p>,
    );
  }

  const initial = await loadFormValues(d);
  if (kind === 'edit') return page(<DeclarationForm declarationId={d.id} initial={initial} />);
  return page(
    <>
      <p className="lead">{t('amendLead', { version: d.version, duties: d.status === 'DUTY_ASSESSED' ? 'yes' : 'no' })}</p>
      <DeclarationForm declarationId={d.id} initial={initial} mode={{ kind: 'amend', nextVersion: d.version + 1 }} />
    </>,
  );
}
