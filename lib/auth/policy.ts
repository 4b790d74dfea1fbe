// The authorization policy: who may see and change what. Every read and write in lib/ asks here, so the
// portal, the GraphQL API and the REST endpoints cannot disagree. Objects a caller may not see are
// answered as "not found" (never "forbidden"), so ids cannot be probed.
import type { DeclarationStatus, DeclarationType, RepresentationStatus } from '../generated/prisma/client';
import { AppError } from '../errors';
import type { Actor, ClientGrant } from './actor';
import type { Scope } from './scopes';

// ---------------------------------------------------------------------------------------------
// Roles and scopes

export function isOfficial(actor: Actor): boolean {
  return actor.role === 'OFFICER' || actor.role === 'ADMIN';
}

/** Customs brokers: they file for clients who granted them power of representation. */
export function isBroker(actor: Actor): boolean {
  return actor.role === 'BROKER';
}

/** Traders: importers and exporters filing in their own name. */
export function isTrader(actor: Actor): boolean {
  return actor.role === 'TRADER';
}

/** An administrator of the actor's own company (platform administrators have none). */
export function isCompanyAdministrator(actor: Actor): actor is Actor & { companyId: string } {
  return !!actor.companyId && actor.isCompanyAdmin;
}

/** Platform administrators: they manage officers and the platform team, not companies. */
export function isPlatformAdmin(actor: Actor): boolean {
  return actor.role === 'ADMIN';
}

/** Who sees the company administration pages: a company's administrators, and platform administrators for theirs. */
export function canAdministerCompany(actor: Actor): boolean {
  return actor.isCompanyAdmin || isPlatformAdmin(actor);
}

/** The audit log: officials read all of it, a company's administrators their company's. */
export function canReadAuditLog(actor: Actor): boolean {
  return isOfficial(actor) || isCompanyAdministrator(actor);
}

/** Which users an actor manages: a company administrator their colleagues; a platform administrator officers and admins (company null). */
export function canManageUser(actor: Actor, target: { companyId: string | null }): boolean {
  return isPlatformAdmin(actor) ? target.companyId === null : isCompanyAdministrator(actor) && target.companyId === actor.companyId;
}

/** Granting power of representation: administrators of trader companies (brokers receive grants). */
export function canGrantDelegation(actor: Actor): boolean {
  return isTrader(actor);
}

export function assertCanGrantDelegation(actor: Actor): asserts actor is Actor & { companyId: string } {
  assertCompanyAdmin(actor);
  if (!canGrantDelegation(actor)) throw new AppError('FORBIDDEN', 'Only trader companies grant power of representation to brokers.');
}

/** Customs officers (not platform administrators): they decide on declarations. */
export function isOfficer(actor: Actor): boolean {
  return actor.role === 'OFFICER';
}

export function isFilerRole(actor: Actor): actor is Actor & { companyId: string } {
  return (isTrader(actor) || isBroker(actor)) && actor.companyId !== null;
}

/** People have every scope their role allows; API tokens only the ones they were given. */
export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.token === null || actor.token.scopes.includes(scope);
}

/** 403 naming the missing scope. */
export function assertScope(actor: Actor, scope: Scope): void {
  if (!hasScope(actor, scope)) {
    throw new AppError('FORBIDDEN', `This API token lacks the scope "${scope}".`, { requiredScope: scope });
  }
}

/** Reading needs the read scope, or the write scope (a writer sees what it wrote). */
export function assertReadScope(actor: Actor, read: Scope, write?: Scope): void {
  if (hasScope(actor, read) || (write && hasScope(actor, write))) return;
  assertScope(actor, read);
}

export function assertOfficer(actor: Actor, what: string): void {
  if (!isOfficer(actor)) throw new AppError('FORBIDDEN', `Only customs officers ${what}.`);
}

export function assertOfficial(actor: Actor, what: string): void {
  if (!isOfficial(actor)) throw new AppError('FORBIDDEN', `Only customs officers and platform administrators ${what}.`);
}

/** Company administration (users, delegations, tokens) is for people, never for API tokens. */
export function assertCompanyAdmin(actor: Actor): asserts actor is Actor & { companyId: string } {
  if (actor.token) throw new AppError('FORBIDDEN', 'API tokens cannot administer a company; sign in as a company administrator.');
  if (!isCompanyAdministrator(actor)) throw new AppError('FORBIDDEN', 'Only an administrator of your company can do this.');
}

export function assertPerson(actor: Actor, what: string): void {
  if (actor.token) throw new AppError('FORBIDDEN', `API tokens cannot ${what}; sign in.`);
}

// ---------------------------------------------------------------------------------------------
// Declarations

export interface DeclarationParties {
  type: DeclarationType;
  /** Counterparties see a declaration only once it is no longer a draft. */
  status: DeclarationStatus;
  declarantId: string;
  importerId: string | null;
  exporterId: string | null;
  representativeId: string | null;
}

/** The company a broker represents on a declaration: the importer on imports, the exporter on exports. */
export function clientOf(d: Pick<DeclarationParties, 'type' | 'importerId' | 'exporterId'>): string | null {
  return d.type === 'EX' ? d.exporterId : d.importerId;
}

/**
 * The other side of the trade: the exporter on imports (and CO), the importer on exports. Named to be
 * shown, not a filer: it sees the declaration once submitted, never its drafts, documents or queries.
 */
export function counterpartyOf(d: Pick<DeclarationParties, 'type' | 'importerId' | 'exporterId'>): string | null {
  return d.type === 'EX' ? d.importerId : d.exporterId;
}

/** Exports need an EXPORT or ALL grant; imports and intra-union (CO) declarations an IMPORT or ALL one. */
function covers(grant: ClientGrant, type: DeclarationType): boolean {
  return grant.scope === 'ALL' || (type === 'EX' ? grant.scope === 'EXPORT' : grant.scope === 'IMPORT');
}

function kindOf(type: DeclarationType): string {
  return type === 'EX' ? 'export' : 'import';
}

/** The broker's valid grant for this client and kind of declaration, if any. */
function grantFor(actor: Actor, clientId: string | null, type: DeclarationType): ClientGrant | undefined {
  if (!clientId) return undefined;
  return actor.clients.find((g) => g.clientId === clientId && covers(g, type));
}

function brokerActsFor(actor: Actor, d: DeclarationParties): boolean {
  const c = actor.companyId;
  if (!isBroker(actor) || !c) return false;
  if (d.declarantId !== c && d.representativeId !== c) return false;
  return grantFor(actor, clientOf(d), d.type) !== undefined;
}

/** The token scopes that let a caller read a declaration (or what hangs on it: documents, shipments). */
export type ReadScopes = readonly Scope[];
export const DECLARATION_READ_SCOPES: ReadScopes = ['declarations:read', 'declarations:write'];

/**
 * Officers and platform admins see every declaration. Traders see those their company files or is made
 * for (declarant, representative, the importer of an import, the exporter of an export) — also those a
 * broker filed for them, whatever became of the grant — and, once submitted, those naming it as the
 * counterparty. Brokers see those they file or represent, only while the client's grant is valid.
 */
export function canReadDeclaration(actor: Actor, d: DeclarationParties, scopes: ReadScopes = DECLARATION_READ_SCOPES): boolean {
  if (!scopes.some((s) => hasScope(actor, s))) return false;
  if (isOfficial(actor)) return true;
  const c = actor.companyId;
  if (!c) return false;
  if (isBroker(actor)) return brokerActsFor(actor, d);
  if (isPrincipalParty(c, d)) return true;
  return counterpartyOf(d) === c && d.status !== 'DRAFT';
}

function isPrincipalParty(companyId: string, d: DeclarationParties): boolean {
  return d.declarantId === companyId || d.representativeId === companyId || clientOf(d) === companyId;
}

/**
 * What only the filing side and customs see: documents, queries and answers, the reasons in the
 * status history. A counterparty sees the declaration as filed, not the exchange around it.
 */
export function canReadFilingDetails(actor: Actor, d: DeclarationParties): boolean {
  if (isOfficial(actor)) return true;
  if (!actor.companyId) return false;
  if (isBroker(actor)) return brokerActsFor(actor, d);
  return isPrincipalParty(actor.companyId, d);
}

/**
 * Risk rule names, weights, scores, findings (which may quote statistics of other companies' trade):
 * customs' own working material. Filers, brokers and counterparties see the lane and what it asks of them.
 */
export function canSeeRiskDetails(actor: Actor): boolean {
  return isOfficial(actor) || isRiskAnalyst(actor);
}

/** Customs risk analysts: they train, compare and activate risk models (lib/risk/). */
export function isRiskAnalyst(actor: Actor): boolean {
  return actor.role === 'RISK_ANALYST';
}

/** Training, importing control history and activating models: risk analysts and platform administrators. */
export function assertCanManageRiskModels(actor: Actor, what: string): void {
  if (!isRiskAnalyst(actor) && !isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', `Only risk analysts and platform administrators ${what}.`);
}

/** The risk dashboard (models, metrics, hit rates): risk analysts, officers and platform administrators. */
export function assertCanReadRiskModels(actor: Actor): void {
  if (!isRiskAnalyst(actor) && !isOfficial(actor)) throw new AppError('FORBIDDEN', 'Only customs officers, risk analysts and platform administrators read the risk models.');
}

export function assertCanReadDeclaration(actor: Actor, d: DeclarationParties | null, ref: string): asserts d is DeclarationParties {
  assertReadScope(actor, 'declarations:read', 'declarations:write');
  if (!d || !canReadDeclaration(actor, d)) throw new AppError('NOT_FOUND', `No declaration ${ref} that you can see.`);
}

/**
 * Only the declarant company changes a declaration, and only while it may file in the name it carries:
 * a trader for its own company (the importer of an import, the exporter of an export), a broker while its
 * client's grant is valid. A declaration naming someone else (filed before this rule held) is frozen for it.
 */
export function canFileDeclaration(actor: Actor, d: DeclarationParties, scope: Scope = 'declarations:write'): boolean {
  if (!hasScope(actor, scope) || !isFilerRole(actor) || actor.companyId !== d.declarantId) return false;
  if (isTrader(actor)) {
    const principal = clientOf(d);
    return principal === null || principal === actor.companyId;
  }
  return brokerActsFor(actor, d);
}

export function assertCanFileDeclaration(actor: Actor, d: DeclarationParties): void {
  assertScope(actor, 'declarations:write');
  if (!canFileDeclaration(actor, d)) {
    throw new AppError(
      'FORBIDDEN',
      actor.companyId !== d.declarantId
        ? 'Only the declarant company can change this declaration.'
        : isBroker(actor)
          ? 'Your company no longer holds a valid power of representation from this client.'
          : `Your company may file only in its own name: it is not the ${d.type === 'EX' ? 'exporter' : 'importer'} of this declaration.`,
    );
  }
}

/** Filing a new declaration: traders for their own company; brokers for a client with a valid grant. */
export function assertFiler(actor: Actor): asserts actor is Actor & { companyId: string } {
  assertScope(actor, 'declarations:write');
  if (!isFilerRole(actor)) throw new AppError('FORBIDDEN', 'Only traders and brokers file declarations.');
}

/**
 * The parties a filer may name (on create, save, amend): as importer of an import (exporter of an export)
 * only its own company, or — for a broker — a client whose valid grant covers that kind of declaration.
 * The other side of the trade may be anyone: it is shown, and sees the declaration once submitted.
 */
export function assertCanCreateDeclaration(
  actor: Actor,
  d: Pick<DeclarationParties, 'type' | 'importerId' | 'exporterId' | 'representativeId'> & { representationStatus: RepresentationStatus | null },
): asserts actor is Actor & { companyId: string } {
  assertFiler(actor);
  const client = clientOf(d);
  const side = d.type === 'EX' ? 'exporter' : 'importer';
  if (!isBroker(actor)) {
    if (client !== null && client !== actor.companyId) {
      throw new AppError('FORBIDDEN', `Your company may file only in its own name: name it as the ${side}, or ask a broker the ${side} has given power of representation.`, {
        fieldErrors: [{ path: [`${side}Eori`], code: 'NOT_ALLOWED', message: `Name your own company as the ${side}: no power of representation lets you file for this one.` }],
      });
    }
    return;
  }
  if (!client) {
    throw new AppError('FORBIDDEN', `A broker files for a client: name the ${side} whose power of representation you hold.`, {
      fieldErrors: [{ path: [`${side}Eori`], code: 'NOT_ALLOWED', message: `Name the ${side} you represent.` }],
    });
  }
  const grant = grantFor(actor, client, d.type);
  if (!grant) {
    throw new AppError('FORBIDDEN', `Your company holds no valid power of representation from this ${side} for ${kindOf(d.type)} declarations.`, {
      fieldErrors: [{ path: [`${side}Eori`], code: 'NOT_ALLOWED', message: `No valid delegation from this ${side} covers ${kindOf(d.type)} declarations.` }],
    });
  }
  if (d.representativeId !== actor.companyId) {
    throw new AppError('FORBIDDEN', 'When a broker files, the representative must be the broker’s own company.', {
      fieldErrors: [{ path: ['representativeEori'], code: 'NOT_ALLOWED', message: 'Name your own company as the representative.' }],
    });
  }
  if (d.representationStatus !== grant.representation) {
    throw new AppError('FORBIDDEN', `Your power of representation from this client is ${grant.representation.toLowerCase()}.`, {
      fieldErrors: [{ path: ['representationStatus'], code: 'MISMATCH', message: `The client granted ${grant.representation.toLowerCase()} representation: choose ${grant.representation}.` }],
    });
  }
}

/** Where-clause pieces for lists, mirroring `canReadDeclaration` (SQL column names of table `declaration`). */
export function declarationVisibility(
  actor: Actor,
  scopes: ReadScopes = DECLARATION_READ_SCOPES,
): { kind: 'all' } | { kind: 'none' } | { kind: 'party'; companyId: string } | { kind: 'broker'; companyId: string; imports: string[]; exports: string[] } {
  if (!scopes.some((s) => hasScope(actor, s))) return { kind: 'none' };
  if (isOfficial(actor)) return { kind: 'all' };
  if (!actor.companyId) return { kind: 'none' };
  if (!isBroker(actor)) return { kind: 'party', companyId: actor.companyId };
  return {
    kind: 'broker',
    companyId: actor.companyId,
    imports: actor.clients.filter((g) => g.scope !== 'EXPORT').map((g) => g.clientId),
    exports: actor.clients.filter((g) => g.scope !== 'IMPORT').map((g) => g.clientId),
  };
}

/**
 * `declarationVisibility` as an SQL condition on alias `d` of table declaration, its parameters numbered
 * after the `used` ones (for the SQL hot paths: tracking, documents).
 */
export function declarationVisibilitySql(actor: Actor, used: number, scopes: ReadScopes = DECLARATION_READ_SCOPES): { where: string; params: unknown[] } {
  const v = declarationVisibility(actor, scopes);
  const p = (n: number) => `$${used + n + 1}`;
  switch (v.kind) {
    case 'all':
      return { where: 'true', params: [] };
    case 'none':
      return { where: 'false', params: [] };
    case 'party':
      return {
        where: `(d.declarant_id = ${p(0)}::uuid OR d.representative_id = ${p(0)}::uuid
                 OR (d.type IN ('IM', 'CO') AND d.importer_id = ${p(0)}::uuid) OR (d.type = 'EX' AND d.exporter_id = ${p(0)}::uuid)
                 OR (d.status <> 'DRAFT' AND (d.importer_id = ${p(0)}::uuid OR d.exporter_id = ${p(0)}::uuid)))`,
        params: [v.companyId],
      };
    case 'broker':
      return {
        where: `((d.declarant_id = ${p(0)}::uuid OR d.representative_id = ${p(0)}::uuid)
                 AND ((d.type IN ('IM', 'CO') AND d.importer_id = ANY(${p(1)}::uuid[])) OR (d.type = 'EX' AND d.exporter_id = ANY(${p(2)}::uuid[]))))`,
        params: [v.companyId, v.imports, v.exports],
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Shipments (tracking) and documents: who sees the declaration sees what hangs on it. API tokens need
// the capability's own scope instead of the declarations scopes, so a tracking feed or a document
// archive need not read declarations.

const TRACKING_READ_SCOPES: ReadScopes = ['tracking:read'];
// Attaching needs to see the declaration too, so documents:write also makes it visible (downloads check documents:read).
export const DOCUMENT_READ_SCOPES: ReadScopes = ['documents:read', 'documents:write'];

/** 403 naming tracking:read when an API token lacks it. */
export function assertTrackingReader(actor: Actor): void {
  assertReadScope(actor, 'tracking:read');
}

export function canReadShipment(actor: Actor, declaration: DeclarationParties): boolean {
  return canReadDeclaration(actor, declaration, TRACKING_READ_SCOPES);
}

export function shipmentVisibilitySql(actor: Actor, used: number): { where: string; params: unknown[] } {
  return declarationVisibilitySql(actor, used, TRACKING_READ_SCOPES);
}

/** Reporting seal events: any company's token with events:write (a gateway is no party to the declaration), or an officer. */
export function assertSealEventWriter(actor: Actor): void {
  assertScope(actor, 'events:write');
  if (!actor.token && !isOfficer(actor)) {
    throw new AppError('FORBIDDEN', 'Seal events are reported by e-seal gateways with an API token holding the scope "events:write", or by customs officers.', {
      requiredScope: 'events:write',
    });
  }
}

/** Documents are the filer's evidence: the filing side and customs, never the counterparty. */
export function canReadDocuments(actor: Actor, declaration: DeclarationParties): boolean {
  return canReadDeclaration(actor, declaration, DOCUMENT_READ_SCOPES) && canReadFilingDetails(actor, declaration);
}

export function canFileDocuments(actor: Actor, declaration: DeclarationParties): boolean {
  return canFileDeclaration(actor, declaration, 'documents:write');
}

// ---------------------------------------------------------------------------------------------
// Permits (single window, lib/permits): agency officers decide their own agency's applications; the
// applicant company (or its broker) files and reads its own. Customs reads every permit.

export const PERMIT_READ_SCOPES: ReadScopes = ['permits:read', 'permits:write'];

/** An officer of another border agency, bound to one agency. */
export function isAgencyOfficer(actor: Actor): actor is Actor & { agencyId: string } {
  return actor.role === 'AGENCY_OFFICER' && !!actor.agencyId;
}

/** Reading a permit application: its agency's officers, customs, and the applicant or filer company. */
export function canReadPermitApplication(actor: Actor, a: { agencyId: string; applicantId: string; filerCompanyId: string }): boolean {
  if (!PERMIT_READ_SCOPES.some((s) => hasScope(actor, s))) return false;
  if (isAgencyOfficer(actor)) return actor.agencyId === a.agencyId;
  if (isOfficial(actor)) return true;
  return !!actor.companyId && (actor.companyId === a.applicantId || actor.companyId === a.filerCompanyId);
}

/** An agency's internal notes: only its own officers. */
export function canReadAgencyNotes(actor: Actor, agencyId: string): boolean {
  return isAgencyOfficer(actor) && actor.agencyId === agencyId;
}

/** Deciding an application (approve, reject, request information, confirm an external reference): officers of that agency only. */
export function assertCanDecideForAgency(actor: Actor, agencyId: string): void {
  assertPerson(actor, 'decide permit applications');
  if (!isAgencyOfficer(actor) || actor.agencyId !== agencyId) {
    throw new AppError('FORBIDDEN', 'Only officers of the issuing agency decide its applications.');
  }
}

/** Applying, submitting, answering: traders and brokers of the filing company, with permits:write. */
export function assertPermitFiler(actor: Actor): asserts actor is Actor & { companyId: string } {
  assertScope(actor, 'permits:write');
  if (!isFilerRole(actor)) throw new AppError('FORBIDDEN', 'Only traders and brokers apply for permits.');
}

/** Requirement rules and agencies are platform configuration: platform administrators only. */
export function assertCanManagePermitRules(actor: Actor): void {
  assertPerson(actor, 'manage agencies and permit rules');
  if (!isPlatformAdmin(actor)) throw new AppError('FORBIDDEN', 'Only platform administrators manage agencies and permit rules.');
}

// ---------------------------------------------------------------------------------------------
// Terminal gates (lib/gates)

/** Staff of a terminal operator company: they watch their company's gates. */
export function isTerminalOperator(actor: Actor): boolean {
  return actor.role === 'TERMINAL_OPERATOR';
}

/**
 * Who may ask a gate for a decision and read its events: officials for every gate; for a gate of a
 * terminal operator company, that company's API tokens with gate:decide (the readers) and its
 * TERMINAL_OPERATOR people. Anyone else sees no gate at all (NOT_FOUND, as for an unknown code).
 */
export function canOperateGate(actor: Actor, gate: { operatorCompanyId: string | null }): boolean {
  if (actor.token) return hasScope(actor, 'gate:decide') && !!actor.companyId && actor.companyId === gate.operatorCompanyId;
  if (isOfficial(actor)) return true;
  return isTerminalOperator(actor) && !!actor.companyId && actor.companyId === gate.operatorCompanyId;
}

/** The gates an actor may see, as SQL over table alias `g` (parameter $used+1 when it needs one). */
export function gateVisibilitySql(actor: Actor, used: number): { where: string; params: unknown[] } {
  if (!actor.token && isOfficial(actor)) return { where: 'TRUE', params: [] };
  if (!actor.companyId || (actor.token ? !hasScope(actor, 'gate:decide') : !isTerminalOperator(actor))) {
    throw new AppError('FORBIDDEN', actor.token ? 'This API token lacks the scope "gate:decide".' : 'Gate traffic is for customs and terminal operators.', actor.token ? { requiredScope: 'gate:decide' } : {});
  }
  return { where: `g.operator_company_id = $${used + 1}::uuid`, params: [actor.companyId] };
}
