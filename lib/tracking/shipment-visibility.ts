// Who may read a shipment: whoever may read its declaration (officers all; traders their company's;
// brokers their clients' while the delegation is valid), with the tracking:read scope for API tokens.
//
// policy.ts's declaration rules also ask API tokens for declarations:read, which a tracking-only token
// (a forwarder's app, a portal widget) does not hold: here tracking:read stands in for it. This belongs
// in lib/auth/policy.ts as canReadShipment/shipmentVisibility; it lives here until it moves there.
import type { Actor } from '../auth/actor';
import { assertReadScope, canReadDeclaration, declarationVisibility, hasScope, type DeclarationParties } from '../auth/policy';

/** The actor as a declaration reader, when it may read tracking data. */
function asDeclarationReader(actor: Actor): Actor {
  if (!actor.token || !hasScope(actor, 'tracking:read') || actor.token.scopes.includes('declarations:read')) return actor;
  return { ...actor, token: { ...actor.token, scopes: [...actor.token.scopes, 'declarations:read'] } };
}

/** 403 naming tracking:read when an API token lacks it. */
export function assertTrackingReader(actor: Actor): void {
  assertReadScope(actor, 'tracking:read');
}

export function canReadShipment(actor: Actor, declaration: DeclarationParties): boolean {
  return hasScope(actor, 'tracking:read') && canReadDeclaration(asDeclarationReader(actor), declaration);
}

/** SQL condition (on alias `d` of table declaration) mirroring canReadShipment; its parameters follow the `used` ones. */
export function shipmentVisibilitySql(actor: Actor, used: number): { where: string; params: unknown[] } {
  if (!hasScope(actor, 'tracking:read')) return { where: 'false', params: [] };
  const v = declarationVisibility(asDeclarationReader(actor));
  const p = (n: number) => `$${used + n + 1}`;
  switch (v.kind) {
    case 'all':
      return { where: 'true', params: [] };
    case 'none':
      return { where: 'false', params: [] };
    case 'party':
      return { where: `(d.declarant_id = ${p(0)}::uuid OR d.importer_id = ${p(0)}::uuid OR d.exporter_id = ${p(0)}::uuid OR d.representative_id = ${p(0)}::uuid)`, params: [v.companyId] };
    case 'broker':
      return {
        where: `((d.declarant_id = ${p(0)}::uuid OR d.representative_id = ${p(0)}::uuid)
                 AND ((d.type IN ('IM', 'CO') AND d.importer_id = ANY(${p(1)}::uuid[])) OR (d.type = 'EX' AND d.exporter_id = ANY(${p(2)}::uuid[]))))`,
        params: [v.companyId, v.imports, v.exports],
      };
  }
}
