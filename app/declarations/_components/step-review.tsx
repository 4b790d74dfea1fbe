'use client';
import type { ReactNode } from 'react';

import { TRANSPORT_MODES } from '../../../lib/declarations/codes';
import { DutyEstimate } from './duty-estimate';
import { TextAreaField } from '../../_components/form/bound-fields';
import type { FormApi } from './form-api';
import { compareDecimals, sumDecimals, type DeclarationFormValues } from './form-model';

const dash = (v: string) => (v.trim() ? v.trim() : '—');

function Section({ title, step, form, children }: { title: string; step: number; form: FormApi; children: ReactNode }) {
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-head">
        <h3>{title}</h3>
        <button type="button" className="button-link" onClick={() => form.goTo(step)}>
          Change<span className="visually-hidden"> {title.toLowerCase()}</span>
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
function checks(s: DeclarationFormValues): { label: string; ok: boolean; text: string }[] {
  if (!s.items.length) return [];
  const out: { label: string; ok: boolean; text: string }[] = [];
  const prices = sumDecimals(
    s.items.map((i) => i.itemPrice),
    2,
  );
  if (prices && s.invoiceAmount.trim()) {
    const c = compareDecimals(prices, s.invoiceAmount, 2);
    if (c !== null) out.push({ label: 'Invoice amount', ok: c === 0, text: `items add up to ${prices}, invoice says ${s.invoiceAmount.trim()}` });
  }
  const packages = sumDecimals(
    s.items.map((i) => i.packageCount),
    0,
  );
  if (packages && s.totalPackages.trim()) {
    out.push({ label: 'Total packages', ok: packages === String(Number(s.totalPackages)), text: `items count ${packages}, total says ${s.totalPackages.trim()}` });
  }
  const mass = sumDecimals(
    s.items.map((i) => i.grossMass),
    3,
  );
  if (mass && s.grossMass.trim()) {
    const c = compareDecimals(mass, s.grossMass, 3);
    if (c !== null) out.push({ label: 'Gross mass', ok: c <= 0, text: `items weigh ${mass} kg, total says ${s.grossMass.trim()} kg` });
  }
  return out;
}

export function ReviewStep({ form }: { form: FormApi }) {
  const s = form.state;
  const totals = checks(s);
  return (
    <>
      {form.mode.kind === 'amend' ? (
        <p>
          Check the amendment before you submit it. It replaces the whole content of the declaration and is frozen as version {form.mode.nextVersion}, with your reason.
        </p>
      ) : (
        <p>Check the declaration before you submit it. Once submitted, customs assigns an MRN and the content is frozen as version 1.</p>
      )}
      <Section title="Header and parties" step={0} form={form}>
        <Facts
          rows={[
            ['LRN', dash(s.lrn)],
            ['Type', `${s.type} / ${s.additionalType}`],
            ['Procedure', `${dash(s.procedureCode)}${s.additionalProcedure.trim() ? ` / ${s.additionalProcedure.trim().toUpperCase()}` : ''}`],
            ['Office of declaration', dash(s.officeOfDeclaration.toUpperCase())],
            ['Importer', dash(s.importerEori.toUpperCase())],
            ['Exporter', dash(s.exporterEori.toUpperCase())],
            ['Representative', s.representativeEori.trim() ? `${s.representativeEori.toUpperCase()} (${s.representationStatus || '—'})` : '—'],
          ]}
        />
      </Section>
      <Section title="Transport and containers" step={1} form={form}>
        <Facts
          rows={[
            ['Mode of transport', s.transportMode ? `${s.transportMode} ${TRANSPORT_MODES[Number(s.transportMode)] ?? ''}` : '—'],
            ['Transport document', dash(s.transportDocument)],
            ['Office of entry', dash(s.officeOfEntry.toUpperCase())],
            ['Office of exit', dash(s.officeOfExit.toUpperCase())],
            ['Incoterms', s.incoterm ? `${s.incoterm} ${s.incotermPlace.toUpperCase()}` : '—'],
            ['Containers', s.containers.length ? s.containers.map((c) => `${c.containerNumber.toUpperCase()}${c.seals.trim() ? ` (seals ${c.seals.trim()})` : ''}`).join('; ') : 'None'],
          ]}
        />
      </Section>
      <Section title="Goods items" step={2} form={form}>
        {s.items.length === 0 ? (
          <p className="empty">No goods items.</p>
        ) : (
          <div className="table-scroll" role="region" aria-label="Goods items to declare" tabIndex={0}>
            <table className="results compact">
              <caption className="visually-hidden">Goods items to declare</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Code</th>
                  <th scope="col">Description</th>
                  <th scope="col">Origin</th>
                  <th scope="col" className="num">
                    Packages
                  </th>
                  <th scope="col" className="num">
                    Gross / net kg
                  </th>
                  <th scope="col" className="num">
                    Price
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
            ['Invoice', s.invoiceAmount.trim() ? `${s.invoiceCurrency.toUpperCase()} ${s.invoiceAmount.trim()}` : '—'],
            ['Exchange rate', dash(s.exchangeRate)],
            ['Freight / insurance', `${dash(s.freight)} / ${dash(s.insurance)}`],
            ['Total packages', dash(s.totalPackages)],
            ['Total gross mass', s.grossMass.trim() ? `${s.grossMass.trim()} kg` : '—'],
          ]}
        />
      </Section>
      {totals.length > 0 && (
        <section aria-labelledby="totals-heading" className="review-section">
          <h3 id="totals-heading">Totals check</h3>
          <ul className="checks">
            {totals.map((t) => (
              <li key={t.label} className={t.ok ? 'check-ok' : 'check-bad'}>
                <strong>{t.label}:</strong> {t.ok ? 'consistent' : 'does not match'} ({t.text})
              </li>
            ))}
          </ul>
        </section>
      )}
      <DutyEstimate state={s} />
      {form.mode.kind === 'amend' && (
        <fieldset>
          <legend>Amendment</legend>
          <TextAreaField
            {...form.bind('reason')}
            label="Reason for the amendment"
            hint={`What changes and why, e.g. “Net mass of item 1 corrected after weighing”. Customs sees it with version ${form.mode.nextVersion}.`}
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
