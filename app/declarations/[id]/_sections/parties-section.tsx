import { useLocale, useTranslations } from 'next-intl';

import { countryName } from '../../../../lib/i18n/country-name';
import { DEFAULT_LOCALE, isLocale } from '../../../../lib/i18n/locales';
import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { CompanyRow } from '../../_components/types';

function Party({ role, company }: { role: string; company: CompanyRow | null }) {
  const t = useTranslations('declaration.parties');
  const locale = useLocale();
  return (
    <li className="card party">
      <h3>{role}</h3>
      {company ? (
        <p>
          <strong>{company.name}</strong>
          <br />
          {t('eori')} <code>{company.eori}</code>
          <br />
          {company.street}, {company.postcode ? `${company.postcode} ` : ''}
          {company.city}, {countryName(company.country, isLocale(locale) ? locale : DEFAULT_LOCALE)}
        </p>
      ) : (
        <p className="muted">{t('notGiven')}</p>
      )}
    </li>
  );
}

/** Declarant, importer, exporter and representative. */
export function PartiesSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const { parties } = detail;
  const t = useTranslations('declaration.parties');
  return (
    <section aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t('heading')}</h2>
      <ul className="cards parties">
        <Party role={t('declarant')} company={parties.declarant} />
        <Party role={t('importer')} company={parties.importer} />
        <Party role={t('exporter')} company={parties.exporter} />
        {d.representativeId && <Party role={t('representative', { status: d.representationStatus ?? 'none' })} company={parties.representative} />}
      </ul>
    </section>
  );
}
