import type { DeclarationDetail } from '../../../../lib/declarations/get-declaration-detail';
import type { CompanyRow } from '../../_components/types';

function Party({ role, company }: { role: string; company: CompanyRow | null }) {
  return (
    <li className="card party">
      <h3>{role}</h3>
      {company ? (
        <p>
          <strong>{company.name}</strong>
          <br />
          EORI <code>{company.eori}</code>
          <br />
          {company.street}, {company.postcode ? `${company.postcode} ` : ''}
          {company.city}, {company.country}
        </p>
      ) : (
        <p className="muted">Not given</p>
      )}
    </li>
  );
}

/** Declarant, importer, exporter and representative. */
export function PartiesSection({ detail }: { detail: DeclarationDetail }) {
  const d = detail.declaration;
  const { parties } = detail;
  return (
    <section aria-labelledby="parties-heading">
      <h2 id="parties-heading">Parties</h2>
      <ul className="cards parties">
        <Party role="Declarant" company={parties.declarant} />
        <Party role="Importer" company={parties.importer} />
        <Party role="Exporter" company={parties.exporter} />
        {d.representativeId && <Party role={`Representative (${d.representationStatus?.toLowerCase() ?? '—'})`} company={parties.representative} />}
      </ul>
    </section>
  );
}
