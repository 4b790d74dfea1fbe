'use client';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

import { TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { DutyEstimate } from './duty-estimate';
import { TextAreaField } from '../../_components/form/bound-fields';
import type { FormApi } from './form-api';
import { compareDecimals, sumDecimals, type DeclarationFormValues, type Say } from './form-model';

const dash = (v: string) => (v.trim() ? v.trim() : '—');

function Section({ title, step, form, children }: { title: string; step: number; form: FormApi; children: ReactNode }) {
  const t = useTranslations('declarationForm.review');
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-head">
        <h3>{title}</h3>
        <button type="button" className="button-link" onClick={() => form.goTo(step)}>
          {t('change')}
          <span className="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      </div>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Totals that customs checks on submission, compared here so the filer sees a mismatch early. */
function checks(s: DeclarationFormValues, t: Say): { label: string; ok: boolean; text: string }[] {
  if (!s.items.length) return [];
  const out: { label: string; ok: boolean; text: string }[] = [];
  const prices = sumDecimals(
    s.items.map((i) => i.itemPrice),
    2,
  );
  if (prices && s.invoiceAmount.trim()) {
    const c = compareDecimals(prices, s.invoiceAmount, 2);
    if (c !== null) out.push({ label: t('invoiceAmount'), ok: c === 0, text: t('invoiceCheck', { items: prices, total: s.invoiceAmount.trim() }) });
  }
  const packages = sumDecimals(
    s.items.map((i) => i.packageCount),
    0,
  );
  if (packages && s.totalPackages.trim()) {
    out.push({ label: t('totalPackages'), ok: packages === String(Number(s.totalPackages)), text: t('packagesCheck', { items: packages, total: s.totalPackages.trim() }) });
  }
  const mass = sumDecimals(
    s.items.map((i) => i.grossMass),
    3,
  );
  if (mass && s.grossMass.trim()) {
    const c = compareDecimals(mass, s.grossMass, 3);
    if (c !== null) out.push({ label: t('grossMass'), ok: c <= 0, text: t('massCheck', { items: mass, total: s.grossMass.trim() }) });
  }
  return out;
}

export function ReviewStep({ form }: { form: FormApi }) {
  const s = form.state;
  const t = useTranslations('declarationForm.review');
  const mode = useTranslations('declarationForm.transport');
  const totals = checks(s, t as Say);
  return (
    <>
      {form.mode.kind === 'amend' ? (
        <p>{t('checkAmendment', { version: form.mode.nextVersion })}</p>
      ) : (
        <p>{t('checkDeclaration')}</p>
      )}
      <Section title={t('headerAndParties')} step={0} form={form}>
        <Facts
          rows={[
            [t('lrn'), dash(s.lrn)],
            [t('type'), `${s.type} / ${s.additionalType}`],
            [t('procedure'), `${dash(s.procedureCode)}${s.additionalProcedure.trim() ? ` / ${s.additionalProcedure.trim().toUpperCase()}` : ''}`],
            [t('officeOfDeclaration'), dash(s.officeOfDeclaration.toUpperCase())],
            [t('importer'), dash(s.importerEori.toUpperCase())],
            [t('exporter'), dash(s.exporterEori.toUpperCase())],
            [t('representative'), s.representativeEori.trim() ? `${s.representativeEori.toUpperCase()} (${s.representationStatus || '—'})` : '—'],
          ]}
        />
      </Section>
      <Section title={t('transportAndContainers')} step={1} form={form}>
        <Facts
          rows={[
            [t('transportMode'), s.transportMode ? (Number(s.transportMode) in TRANSPORT_MODES ? `${s.transportMode} ${mode(`mode.${s.transportMode}`)}` : s.transportMode) : '—'],
            [t('transportDocument'), dash(s.transportDocument)],
            [t('officeOfEntry'), dash(s.officeOfEntry.toUpperCase())],
            [t('officeOfExit'), dash(s.officeOfExit.toUpperCase())],
            [t('incoterms'), s.incoterm ? `${s.incoterm} ${s.incotermPlace.toUpperCase()}` : '—'],
            [
              t('containers'),
              s.containers.length
                ? s.containers.map((c) => (c.seals.trim() ? t('containerWithSeals', { container: c.containerNumber.toUpperCase(), seals: c.seals.trim() }) : c.containerNumber.toUpperCase())).join('; ')
                : t('none'),
            ],
          ]}
        />
      </Section>
      <Section title={t('goodsItems')} step={2} form={form}>
        {s.items.length === 0 ? (
          <p className="empty">{t('noItems')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-label={t('itemsToDeclare')} tabIndex={0}>
            <table className="results compact">
              <caption className="visually-hidden">{t('itemsToDeclare')}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('code')}</th>
                  <th scope="col">{t('description')}</th>
                  <th scope="col">{t('origin')}</th>
                  <th scope="col" className="num">
                    {t('packages')}
                  </th>
                  <th scope="col" className="num">
                    {t('grossNet')}
                  </th>
                  <th scope="col" className="num">
                    {t('price')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.items.map((i, n) => (
                  <tr key={i.key}>
                    <td>{n + 1}</td>
                    <td>
                      <code>{dash(i.commodityCode)}</code>
                    </td>
                    <td>{dash(i.description)}</td>
                    <td>{dash(i.originCountry.toUpperCase())}</td>
                    <td className="num">
                      {dash(i.packageCount)} {i.packageKind.toUpperCase()}
                    </td>
                    <td className="num">
                      {dash(i.grossMass)} / {dash(i.netMass)}
                    </td>
                    <td className="num">{dash(i.itemPrice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Facts
          rows={[
            [t('invoice'), s.invoiceAmount.trim() ? `${s.invoiceCurrency.toUpperCase()} ${s.invoiceAmount.trim()}` : '—'],
            [t('exchangeRate'), dash(s.exchangeRate)],
            [t('freightInsurance'), `${dash(s.freight)} / ${dash(s.insurance)}`],
            [t('totalPackages'), dash(s.totalPackages)],
            [t('totalGrossMass'), s.grossMass.trim() ? t('kg', { mass: s.grossMass.trim() }) : '—'],
          ]}
        />
      </Section>
      {totals.length > 0 && (
        <section aria-labelledby="totals-heading" className="review-section">
          <h3 id="totals-heading">{t('totalsCheck')}</h3>
          <ul className="checks">
            {totals.map((c) => (
              <li key={c.label} className={c.ok ? 'check-ok' : 'check-bad'}>
                <strong>{c.label}:</strong> {c.ok ? t('consistent') : t('doesNotMatch')} ({c.text})
              </li>
            ))}
          </ul>
        </section>
      )}
      <DutyEstimate state={s} />
      {form.mode.kind === 'amend' && (
        <fieldset>
          <legend>{t('amendment')}</legend>
          <TextAreaField
            {...form.bind('reason')}
            label={t('reason')}
            hint={t('reasonHint', { version: form.mode.nextVersion })}
            rows={3}
            maxLength={500}
            required
            width="full"
          />
        </fieldset>
      )}
    </>
  );
}
