import { useTranslations } from 'next-intl';

import { Money, When } from '../../../_i18n/when';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import { TRANSPORT_MODES } from '../../../../lib/declarations/codes';
import { formatDecimal, orDash } from '../../_components/format';
import { whoOf } from './who-of';

/** The declaration's header: type, procedure, offices, terms, transport, values, dates. */
export function FactsSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const who = whoOf(detail, useTranslations('declarationPage.who'));
  const t = useTranslations('declaration.facts');
  const ts = useTranslations('status');
  const types = useTranslations('declarations.typeName');
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('heading')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('type')}</dt>
          <dd>
            {t('typeValue', { type: d.type, name: types(d.type), additional: d.additionalType })}
          </dd>
        </div>
        <div>
          <dt>{t('procedure')}</dt>
          <dd>
            {orDash(d.procedureCode)}
            {d.additionalProcedure ? ` / ${d.additionalProcedure}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('status')}</dt>
          <dd>{ts(d.status)}</dd>
        </div>
        <div>
          <dt>{t('officeOfDeclaration')}</dt>
          <dd>{orDash(d.officeOfDeclaration)}</dd>
        </div>
        <div>
          <dt>{t('officeOfEntry')}</dt>
          <dd>{orDash(d.officeOfEntry)}</dd>
        </div>
        {d.officeOfExit && (
          <div>
            <dt>{t('officeOfExit')}</dt>
            <dd>{d.officeOfExit}</dd>
          </div>
        )}
        <div>
          <dt>{t('incoterms')}</dt>
          <dd>{d.incoterm ? `${d.incoterm} ${d.incotermPlace ?? ''}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('transportMode')}</dt>
          <dd>{d.transportMode !== null ? `${d.transportMode} ${TRANSPORT_MODES[d.transportMode] ?? ''}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('transportDocument')}</dt>
          <dd>{orDash(d.transportDocument)}</dd>
        </div>
        <div>
          <dt>{t('invoice')}</dt>
          <dd>{d.invoiceAmount ? <Money amount={d.invoiceAmount} currency={d.invoiceCurrency} /> : '—'}</dd>
        </div>
        <div>
          <dt>{t('exchangeRate')}</dt>
          <dd>{d.exchangeRate ? String(d.exchangeRate) : '—'}</dd>
        </div>
        <div>
          <dt>{t('freightInsurance')}</dt>
          <dd>
            {formatDecimal(d.freight, 2)} / {formatDecimal(d.insurance, 2)}
          </dd>
        </div>
        <div>
          <dt>{t('packagesMass')}</dt>
          <dd>
            {orDash(d.totalPackages)} / {d.grossMass ? `${formatDecimal(d.grossMass, 3)} kg` : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('duties')}</dt>
          <dd>{d.dutyTotal !== null ? formatDecimal(d.dutyTotal, 2) : <span className="muted">{t('notAssessed')}</span>}</dd>
        </div>
        <div>
          <dt>{t('version')}</dt>
          <dd>{d.version}</dd>
        </div>
        <div>
          <dt>{t('created')}</dt>
          <dd>{t.rich('createdBy', { when: () => <When date={d.createdAt} />, who: who(d.createdById) })}</dd>
        </div>
        <div>
          <dt>{t('submitted')}</dt>
          <dd>
            <When date={d.submittedAt} />
          </dd>
        </div>
        {d.releasedAt && (
          <div>
            <dt>{t('released')}</dt>
            <dd>
              <When date={d.releasedAt} />
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
