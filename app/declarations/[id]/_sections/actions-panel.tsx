import { randomUUID } from 'node:crypto';

import Link from 'next/link';
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
  const d = detail.declaration;
  const can = (action: DeclarationDetail['actions'][number]) => detail.actions.includes(action);
  const panelActions = detail.actions.filter((a) => a !== 'ANSWER_QUERY' && a !== 'EDIT_DRAFT');
  return (
    <>
    {panelActions.length > 0 && (
      <section aria-labelledby="actions-heading" className="panel" data-testid="actions">
        <h2 id="actions-heading">What you can do</h2>
        <div className="action-cards">
          {can('SUBMIT') && (
            <ActionCard id="submit" title="Submit to customs">
              <SubmitDraftForm id={d.id} idempotencyKey={randomUUID()} canEdit={can('EDIT_DRAFT')} />
            </ActionCard>
          )}
          {can('AMEND') && (
            <ActionCard id="amend" title="Amend the declaration">
              <p className="hint">Change its content before release. Your amendment, with its reason, is frozen as version {d.version + 1}.</p>
              <p>
                <Link href={`/declarations/${d.id}/amend`} className="button button-secondary">
                  Amend declaration
                </Link>
              </p>
            </ActionCard>
          )}
          {can('DECIDE_CANCELLATION') && (
            <ActionCard id="decide-cancellation" title="Decide the cancellation request">
              <DecideCancellationForm id={d.id} />
            </ActionCard>
          )}
          {can('ASSESS_DUTIES') && (
            <ActionCard id="assess" title="Assess duties">
              <AssessDutiesForm id={d.id} />
            </ActionCard>
          )}
          {can('RECORD_PAYMENT') && d.dutyTotal !== null && (
            <ActionCard id="payment" title="Record the payment">
              <RecordPaymentForm id={d.id} amount={d.dutyTotal.toFixed(2)} />
            </ActionCard>
          )}
          {can('RELEASE') && (
            <ActionCard id="release" title="Release">
              <ReleaseForm id={d.id} controlResultMissing={controlResultMissing} hint={d.status === 'PAID' ? 'Duties are paid: the goods may leave customs control.' : 'Nothing is due: the goods may leave customs control.'} />
            </ActionCard>
          )}
          {can('RAISE_QUERY') && (
            <ActionCard id="query" title="Ask the filer">
              <RaiseQueryForm id={d.id} />
            </ActionCard>
          )}
          {can('OVERRIDE_LANE') && (
            <ActionCard id="lane" title="Change the lane">
              <OverrideLaneForm id={d.id} current={d.lane} />
            </ActionCard>
          )}
          {can('REQUEST_CANCELLATION') && (
            <ActionCard id="cancel" title="Ask customs to cancel">
              <RequestCancellationForm id={d.id} />
            </ActionCard>
          )}
          {can('REJECT') && (
            <ActionCard id="reject" title="Reject">
              <RejectForm id={d.id} />
            </ActionCard>
          )}
        </div>
      </section>
    )}
    {isFilerOfThis && (
      <section aria-labelledby="reuse-heading" className="panel" data-testid="reuse">
        <h2 id="reuse-heading">Reuse this declaration</h2>
        <div className="action-cards">
          <ActionCard id="copy" title="Copy to a new declaration">
            <CopyDeclarationForm id={d.id} suggestedLrn={`${d.lrn.slice(0, 18)}-2`} />
          </ActionCard>
          <ActionCard id="template" title="Save as template">
            <SaveTemplateForm id={d.id} />
          </ActionCard>
        </div>
      </section>
    )}
    {d.status === 'DRAFT' && !isFilerOfThis && <p className="notice">This is a draft: only the declarant company can edit and submit it.</p>}
    </>
  );
}
