import { randomUUID } from 'node:crypto';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import {
  AssessDutiesForm,
  DecideCancellationForm,
  OverrideLaneForm,
  RaiseQueryForm,
  RecordPaymentForm,
  RejectForm,
  ReleaseForm,
  RequestCancellationForm,
  SubmitDraftForm,
} from '../../_components/decision-forms';
import { CopyDeclarationForm, SaveTemplateForm } from '../../_components/filing-aid-forms';


/** One thing a person can do, with its heading (the forms are in decision-forms.tsx). */
function ActionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="action-card" aria-labelledby={`${id}-heading`} data-testid={`action-${id}`}>
      <h3 id={`${id}-heading`}>{title}</h3>
      {children}
    </section>
  );
}

/** "What you can do": one card per action the reader may take (answering a query is in the notices). */
export function ActionsPanel({ detail, isFilerOfThis, controlResultMissing = false }: { detail: DeclarationDetail; isFilerOfThis: boolean; controlResultMissing?: boolean }) {
  const t = useTranslations('declarationPage.actions');
  const d = detail.declaration;
  const can = (action: DeclarationDetail['actions'][number]) => detail.actions.includes(action);
  const panelActions = detail.actions.filter((a) => a !== 'ANSWER_QUERY' && a !== 'EDIT_DRAFT');
  return (
    <>
    {panelActions.length > 0 && (
      <section aria-labelledby="actions-heading" className="panel" data-testid="actions">
        <h2 id="actions-heading">{t('heading')}</h2>
        <div className="action-cards">
          {can('SUBMIT') && (
            <ActionCard id="submit" title={t('submit')}>
              <SubmitDraftForm id={d.id} idempotencyKey={randomUUID()} canEdit={can('EDIT_DRAFT')} />
            </ActionCard>
          )}
          {can('AMEND') && (
            <ActionCard id="amend" title={t('amend')}>
              <p className="hint">{t('amendHint', { version: d.version + 1 })}</p>
              <p>
                <Link href={`/declarations/${d.id}/amend`} className="button button-secondary">
                  {t('amendButton')}
                </Link>
              </p>
            </ActionCard>
          )}
          {can('DECIDE_CANCELLATION') && (
            <ActionCard id="decide-cancellation" title={t('decideCancellation')}>
              <DecideCancellationForm id={d.id} />
            </ActionCard>
          )}
          {can('ASSESS_DUTIES') && (
            <ActionCard id="assess" title={t('assess')}>
              <AssessDutiesForm id={d.id} />
            </ActionCard>
          )}
          {can('RECORD_PAYMENT') && d.dutyTotal !== null && (
            <ActionCard id="payment" title={t('payment')}>
              <RecordPaymentForm id={d.id} amount={d.dutyTotal.toFixed(2)} />
            </ActionCard>
          )}
          {can('RELEASE') && (
            <ActionCard id="release" title={t('release')}>
              <ReleaseForm id={d.id} controlResultMissing={controlResultMissing} hint={d.status === 'PAID' ? t('releasePaid') : t('releaseNothingDue')} />
            </ActionCard>
          )}
          {can('RAISE_QUERY') && (
            <ActionCard id="query" title={t('query')}>
              <RaiseQueryForm id={d.id} />
            </ActionCard>
          )}
          {can('OVERRIDE_LANE') && (
            <ActionCard id="lane" title={t('lane')}>
              <OverrideLaneForm id={d.id} current={d.lane} />
            </ActionCard>
          )}
          {can('REQUEST_CANCELLATION') && (
            <ActionCard id="cancel" title={t('cancel')}>
              <RequestCancellationForm id={d.id} />
            </ActionCard>
          )}
          {can('REJECT') && (
            <ActionCard id="reject" title={t('reject')}>
              <RejectForm id={d.id} />
            </ActionCard>
          )}
        </div>
      </section>
    )}
    {isFilerOfThis && (
      <section aria-labelledby="reuse-heading" className="panel" data-testid="reuse">
        <h2 id="reuse-heading">{t('reuse')}</h2>
        <div className="action-cards">
          <ActionCard id="copy" title={t('copy')}>
            <CopyDeclarationForm id={d.id} suggestedLrn={`${d.lrn.slice(0, 18)}-2`} />
          </ActionCard>
          <ActionCard id="template" title={t('template')}>
            <SaveTemplateForm id={d.id} />
          </ActionCard>
        </div>
      </section>
    )}
    {d.status === 'DRAFT' && !isFilerOfThis && <p className="notice">{t('draftNotYours')}</p>}
    </>
  );
}
