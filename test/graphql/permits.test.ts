// The single window over GraphQL through the real server: the public lookup, rules administration,
// applying from a declaration, agency decisions, the release gate for every kind of missing permit,
// quantity-managed permits (reservation, write-off, return, racing releases), waivers — and each bad
// input the issue lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import type { DeclarationInput } from '../../lib/declarations/declaration-input';
import { validImport } from '../declarations/fixtures';
import { asUser } from '../support/auth';
import { startTestServer, type TestServer } from './http-server';

let server: TestServer;
const as: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  server = await startTestServer();
  for (const [name, email] of Object.entries({
    trader: 'trader@rotterdam-importers.example',
    stranger: 'trader@kampala-trading.example',
    exporter: 'exports@bright-electronics.example',
    officer: 'officer@customs.example',
    admin: 'admin@clearway.example',
    vet: 'vet.officer@vet.example',
    plant: 'plant.officer@plant.example',
    agri: 'agri.officer@agri.example',
  })) {
    as[name] = await asUser(email);
  }
});
afterAll(async () => {
  await server.app.close();
});

async function op(who: string, query: string, variables: Record<string, unknown> = {}) {
  const { json } = await server.graphql({ query, variables }, as[who]);
  return json;
}

/** One item of `code` from `origin`, `net` kg, priced so the totals add up. */
function importOf(code: string, origin: string, net: number, extra: Partial<NonNullable<DeclarationInput['items']>[number]> = {}): DeclarationInput {
  return validImport({
    invoiceAmount: '12000.00',
    totalPackages: 100,
    grossMass: String(net + 100),
    items: [{ commodityCode: code, description: `Goods ${code}`, originCountry: origin, packageKind: 'CT', packageCount: 100, grossMass: String(net + 100), netMass: String(net), itemPrice: '12000.00', ...extra }],
  });
}

const REQS = 'permitRequirements { id itemSequence ruleKey ruleVersion status blocking documentCode agency { code } permitNumber reservedQuantity drawnQuantity application { number status } }';

async function draft(input: DeclarationInput): Promise<string> {
  const r = await op('trader', 'mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } userErrors { path message } } }', { i: input });
  expect(r.data.createDeclarationDraft.userErrors).toEqual([]);
  return r.data.createDeclarationDraft.declaration.id;
}

async function submit(id: string) {
  const r = await op('trader', `mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status ${REQS} } userErrors { path message } } }`, { id });
  expect(r.data.submitDeclaration.userErrors).toEqual([]);
  return r.data.submitDeclaration.declaration;
}

async function requirements(id: string, who = 'trader') {
  return (await op(who, `query($id: ID!) { declaration(id: $id) { ${REQS} } }`, { id })).data.declaration.permitRequirements;
}

/** Duties assessed (after control if the lane asks) and paid: what is left is the release decision. */
async function readyForRelease(id: string) {
  let d = (await op('officer', 'query($id: ID!) { declaration(id: $id) { status dutyTotal } }', { id })).data.declaration;
  if (d.status !== 'DUTY_ASSESSED') d = (await op('officer', 'mutation($id: ID!) { assessDuties(id: $id) { declaration { status dutyTotal } } }', { id })).data.assessDuties.declaration;
  if (Number(d.dutyTotal) > 0) await op('officer', 'mutation($id: ID!, $a: Decimal!) { recordPayment(id: $id, amount: $a, reference: "PAY-1") { userErrors { message } } }', { id, a: d.dutyTotal });
}

async function release(id: string) {
  return (await op('officer', 'mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status } userErrors { path code message } } }', { id })).data.releaseDeclaration;
}

const APP = 'permitApplication { id number status goods { itemSequence commodityCode originCountry netMass quantity } requestedQuantity permit { id number status available reserved drawn decisionSha256 } } userErrors { path code message }';

async function apply(who: string, input: Record<string, unknown>) {
  return (await op(who, `mutation($i: ApplyForPermitInput!) { applyForPermit(input: $i) { ${APP} } }`, { i: input })).data.applyForPermit;
}

async function decide(who: string, id: string, input: Record<string, unknown>) {
  const r = await op(who, `mutation($id: ID!, $i: PermitDecisionInput!) { decidePermitApplication(id: $id, input: $i) { ${APP} } }`, { id, i: input });
  return r.data ? r.data.decidePermitApplication : r;
}

/** A standalone garlic quota licence of `kg`, approved by the licensing office. */
async function garlicLicence(kg: string): Promise<{ id: string; number: string }> {
  const applied = await apply('trader', { ruleKey: 'agri-garlic-quota', goods: [{ commodityCode: '07032000', description: 'Fresh garlic', originCountry: 'CN' }], requestedQuantity: kg, submit: true });
  expect(applied.userErrors).toEqual([]);
  const approved = await decide('agri', applied.permitApplication.id, { decision: 'APPROVE' });
  expect(approved.userErrors).toEqual([]);
  return approved.permitApplication.permit;
}

/** Fresh garlic also needs a phytosanitary certificate: one issued abroad, cited by reference and confirmed by the plant service. */
async function phytoFromAbroad(declarationId: string) {
  const cited = await cite(declarationId, 'plant-07-import', { externalReference: `CN-PHYTO-${declarationId.slice(0, 8)}` });
  expect(cited.permitRequirement.status).toBe('PENDING');
  const confirmed = await op('plant', 'mutation($r: ID!) { confirmExternalPermitReference(requirementId: $r) { permitRequirement { status } userErrors { message } } }', { r: cited.permitRequirement.id });
  expect(confirmed.data.confirmExternalPermitReference.permitRequirement).toEqual({ status: 'SATISFIED' });
}

const garlicOf = (reqs: { ruleKey: string; status: string }[]) => reqs.filter((r) => r.ruleKey === 'agri-garlic-quota');

async function cite(declarationId: string, ruleKey: string, fields: Record<string, unknown>) {
  const r = await op('trader', 'mutation($i: CitePermitInput!) { citePermit(input: $i) { permitRequirement { id status reservedQuantity } userErrors { path code message } } }', { i: { declarationId, itemSequence: 1, ruleKey, ...fields } });
  return r.data.citePermit;
}

describe('requirement lookup (public)', () => {
  it('answers what frozen beef from Brazil needs, without sign-in', async () => {
    const { json } = await server.graphql({ query: '{ permitRequirements(commodityCode: "0202.30 90", originCountry: "BR", direction: IMPORT) { ruleKey documentCode documentName severity hsPrefix agency { code kind } } }' });
    expect(json.data.permitRequirements).toEqual([{ ruleKey: 'vet-02-import', documentCode: '853', documentName: 'Veterinary certificate', severity: 'REQUIRED', hsPrefix: '02', agency: { code: 'VET', kind: 'VETERINARY' } }]);
    const none = await server.graphql({ query: '{ permitRequirements(commodityCode: "84713000", originCountry: "CN") { ruleKey } }' });
    expect(none.json.data.permitRequirements).toEqual([]);
  });

  it('refuses an invalid commodity code or country with field errors', async () => {
    const { json } = await server.graphql({ query: '{ permitRequirements(commodityCode: "02X", originCountry: "XX") { ruleKey } }' });
    expect(json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(json.errors[0].extensions.fieldErrors.map((f: { path: string[] }) => f.path.join('.'))).toEqual(['commodityCode', 'originCountry']);
  });
});

describe('rules administration', () => {
  const RULE = { key: 'test-cites-ivory', agencyCode: 'CITES', documentCode: '911', hsPrefix: '9601.10', direction: 'IMPORT', severity: 'REQUIRED', validityDays: 60, legalBasis: 'Reg. 338/97', reason: 'Ivory needs a permit.' };
  const UPSERT = 'mutation($i: PermitRuleInput!) { upsertPermitRule(input: $i) { permitRule { key version hsPrefix originExclude retiredAt } userErrors { path code message } } }';

  it('refuses an invalid HS prefix or country, naming the fields, and writes nothing', async () => {
    const bad = await op('admin', UPSERT, { i: { ...RULE, hsPrefix: '960A', originExclude: ['XX'] } });
    expect(bad.data.upsertPermitRule.permitRule).toBeNull();
    expect(bad.data.upsertPermitRule.userErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['hsPrefix', 'originExclude.0']);
    const odd = await op('admin', UPSERT, { i: { ...RULE, hsPrefix: '960' } });
    expect(odd.data.upsertPermitRule.userErrors.map((e: { path: string[] }) => e.path.join('.'))).toEqual(['hsPrefix']);
    const { rows } = await getPool().query(`SELECT 1 FROM permit_rule WHERE key = $1`, [RULE.key]);
    expect(rows).toEqual([]);
  });

  it('versions every change, audits it, and retires; only platform administrators may', async () => {
    const denied = await op('trader', UPSERT, { i: RULE });
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    const v1 = await op('admin', UPSERT, { i: RULE });
    expect(v1.data.upsertPermitRule.permitRule).toEqual({ key: RULE.key, version: 1, hsPrefix: '960110', originExclude: [], retiredAt: null });
    const v2 = await op('admin', UPSERT, { i: { ...RULE, originExclude: ['gb'] } });
    expect(v2.data.upsertPermitRule.permitRule).toMatchObject({ version: 2, originExclude: ['GB'] });
    const retired = await op('admin', 'mutation { retirePermitRule(key: "test-cites-ivory") { permitRule { version retiredAt } userErrors { message } } }');
    expect(retired.data.retirePermitRule.permitRule.version).toBe(3);
    const again = await op('admin', 'mutation { retirePermitRule(key: "test-cites-ivory") { permitRule { version } userErrors { code } } }');
    expect(again.data.retirePermitRule).toEqual({ permitRule: null, userErrors: [{ code: 'CONFLICT' }] });
    const { rows } = await getPool().query(`SELECT v.version, v.retired FROM permit_rule_version v JOIN permit_rule r ON r.id = v.rule_id WHERE r.key = $1 ORDER BY v.version`, [RULE.key]);
    expect(rows).toEqual([{ version: 1, retired: false }, { version: 2, retired: false }, { version: 3, retired: true }]);
    const audit = await getPool().query(`SELECT action FROM audit_event WHERE action LIKE 'permit_rule.%' ORDER BY id`);
    expect(audit.rows.map((r) => r.action)).toEqual(['permit_rule.upsert', 'permit_rule.upsert', 'permit_rule.retire']);
    const lookup = await server.graphql({ query: '{ permitRequirements(commodityCode: "96011000", originCountry: "KE") { ruleKey } }' });
    expect(lookup.json.data.permitRequirements).toEqual([{ ruleKey: 'cites-9601-import' }]);
  });
});

describe('a veterinary certificate from the declaration, and the release gate', () => {
  it('holds release until the vet approves, then releases; the applicant typed nothing again', async () => {
    const id = await draft(importOf('02023090', 'BR', 2400));
    expect(await requirements(id)).toEqual([expect.objectContaining({ id: null, itemSequence: 1, ruleKey: 'vet-02-import', status: 'MISSING', blocking: true, agency: { code: 'VET' } })]);
    const submitted = await submit(id);
    expect(submitted.permitRequirements).toEqual([expect.objectContaining({ ruleKey: 'vet-02-import', ruleVersion: 1, status: 'MISSING', id: expect.any(String) })]);
    await readyForRelease(id);

    // Release with the certificate missing: refused, naming it.
    const missing = await release(id);
    expect(missing.declaration).toBeNull();
    expect(missing.userErrors).toEqual([{ path: ['permitRequirements', '1', 'vet-02-import'], code: 'CONFLICT', message: expect.stringMatching(/^Item 1: Veterinary certificate \(853\) of VET — MISSING/) }]);

    // BOLA: a company that may not see the declaration cannot apply from it.
    const bola = await op('stranger', `mutation($i: ApplyForPermitInput!) { applyForPermit(input: $i) { ${APP} } }`, { i: { ruleKey: 'vet-02-import', declarationId: id } });
    expect(bola.errors[0].extensions.code).toBe('NOT_FOUND');
    // The exporter sees the filed declaration (as the counterparty) but does not file for it.
    const counterparty = await op('exporter', `mutation($i: ApplyForPermitInput!) { applyForPermit(input: $i) { ${APP} } }`, { i: { ruleKey: 'vet-02-import', declarationId: id } });
    expect(counterparty.errors[0].extensions.code).toBe('FORBIDDEN');

    const applied = await apply('trader', { ruleKey: 'vet-02-import', declarationId: id, submit: true });
    expect(applied.userErrors).toEqual([]);
    expect(applied.permitApplication).toMatchObject({ status: 'SUBMITTED', goods: [{ itemSequence: 1, commodityCode: '02023090', originCountry: 'BR', netMass: '2400', quantity: null }] });
    const appId = applied.permitApplication.id;

    const pending = await release(id);
    expect(pending.userErrors[0].message).toMatch(/— PENDING/);

    // Another agency's officer: not found; a customs officer: forbidden.
    const otherAgency = await decide('plant', appId, { decision: 'APPROVE' });
    expect(otherAgency.errors[0].extensions.code).toBe('NOT_FOUND');
    const customs = await decide('officer', appId, { decision: 'APPROVE' });
    expect(customs.errors[0].extensions.code).toBe('FORBIDDEN');

    // A validity that ended already is refused.
    const past = await decide('vet', appId, { decision: 'APPROVE', validFrom: '2025-01-01T00:00:00Z', validUntil: '2025-02-01T00:00:00Z' });
    expect(past.userErrors).toEqual([{ path: ['validUntil'], code: 'INVALID', message: expect.stringMatching(/future/) }]);

    const queue = await op('vet', '{ permitApplications(filter: { status: [SUBMITTED] }) { totalCount edges { node { id waitingHours agency { code } } } } }');
    expect(queue.data.permitApplications.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(appId);
    const plantQueue = await op('plant', '{ permitApplications { edges { node { id } } } }');
    expect(plantQueue.data.permitApplications.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(appId);

    const approved = await decide('vet', appId, { decision: 'APPROVE', reason: 'Establishment SIF 1234 listed.', agencyNote: 'Checked TRACES.' });
    expect(approved.userErrors).toEqual([]);
    expect(approved.permitApplication.permit).toMatchObject({ number: expect.stringMatching(/^VET-\d{2}-\d{6}$/), status: 'ACTIVE' });

    // Deciding twice: a conflict, and nothing changed.
    const before = await getPool().query(`SELECT count(*)::int AS n FROM permit`);
    const twice = await decide('vet', appId, { decision: 'REJECT', reason: 'Changed my mind.' });
    expect(twice.userErrors).toEqual([{ path: [], code: 'CONFLICT', message: 'This application is already APPROVED; nothing was changed.' }]);
    const after = await getPool().query(`SELECT count(*)::int AS n FROM permit`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // The decision is a business event of the declaration (once: the refused second decision wrote none).
    const events = await getPool().query(`SELECT type, payload FROM business_event WHERE declaration_id = $1::uuid AND type LIKE 'permit.%'`, [id]);
    expect(events.rows).toEqual([{ type: 'permit.decided', payload: { permitApplicationId: appId, decision: 'APPROVE', permitNumber: approved.permitApplication.permit.number } }]);
    const seen = await op('trader', 'query($id: ID!) { permitApplication(id: $id) { status decisionReason agencyNote } }', { id: appId });
    expect(seen.data.permitApplication).toEqual({ status: 'APPROVED', decisionReason: 'Establishment SIF 1234 listed.', agencyNote: null });
    const vetSees = await op('vet', 'query($id: ID!) { permitApplication(id: $id) { agencyNote } }', { id: appId });
    expect(vetSees.data.permitApplication.agencyNote).toBe('Checked TRACES.');

    expect(await requirements(id, 'officer')).toEqual([expect.objectContaining({ status: 'SATISFIED', blocking: false, permitNumber: approved.permitApplication.permit.number })]);
    expect((await release(id)).declaration).toEqual({ status: 'RELEASED' });

    // The certificate: a PDF for the holder, 404 for anyone else.
    const permitId = approved.permitApplication.permit.id;
    const pdf = await fetch(`${server.url}/api/permits/${permitId}/certificate.pdf`, { headers: as.trader });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const foreign = await fetch(`${server.url}/api/permits/${permitId}/certificate.pdf`, { headers: as.stranger });
    expect(foreign.status).toBe(404);

    // The approval is anchored in the ledger as a decision.
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM ledger_pending WHERE item_sha256 = decode($1, 'hex')`, [approved.permitApplication.permit.decisionSha256]);
    const integrated = await getPool().query(`SELECT count(*)::int AS n FROM ledger_leaves_of(decode($1, 'hex'))`, [approved.permitApplication.permit.decisionSha256]);
    expect(rows[0].n + integrated.rows[0].n).toBe(1);
  });

  it('holds release while the application is rejected, and while the permit is revoked or expired', async () => {
    const rejectedId = await draft(importOf('02023090', 'BR', 500));
    const a = await apply('trader', { ruleKey: 'vet-02-import', declarationId: rejectedId, submit: true });
    await submit(rejectedId);
    await readyForRelease(rejectedId);
    const noReason = await decide('vet', a.permitApplication.id, { decision: 'REJECT' });
    expect(noReason.userErrors).toEqual([{ path: ['reason'], code: 'REQUIRED', message: expect.any(String) }]);
    await decide('vet', a.permitApplication.id, { decision: 'REJECT', reason: 'Establishment not listed.' });
    expect((await release(rejectedId)).userErrors[0].message).toMatch(/— REJECTED: the agency rejected the application/);

    const revokedId = await draft(importOf('02023090', 'BR', 500));
    const b = await apply('trader', { ruleKey: 'vet-02-import', declarationId: revokedId, submit: true });
    const permit = (await decide('vet', b.permitApplication.id, { decision: 'APPROVE' })).permitApplication.permit;
    await submit(revokedId);
    await readyForRelease(revokedId);
    const revoked = await op('vet', 'mutation($id: ID!) { revokePermit(id: $id, reason: "Establishment delisted.") { permit { status revokedReason } userErrors { message } } }', { id: permit.id });
    expect(revoked.data.revokePermit.permit).toEqual({ status: 'REVOKED', revokedReason: 'Establishment delisted.' });
    expect((await release(revokedId)).userErrors[0].message).toMatch(/— REVOKED/);

    const expiredId = await draft(importOf('02023090', 'BR', 500));
    const c = await apply('trader', { ruleKey: 'vet-02-import', declarationId: expiredId, submit: true });
    const short = (await decide('vet', c.permitApplication.id, { decision: 'APPROVE' })).permitApplication.permit;
    await submit(expiredId);
    await readyForRelease(expiredId);
    // Time passes: the certificate's 30 days are over.
    await getPool().query(`UPDATE permit SET valid_from = now() - interval '40 days', valid_until = now() - interval '10 days' WHERE id = $1`, [short.id]);
    expect((await release(expiredId)).userErrors[0].message).toMatch(/— EXPIRED/);
    const status = await op('trader', 'query($id: ID!) { permit(id: $id) { status } }', { id: short.id });
    expect(status.data.permit.status).toBe('EXPIRED');

    // An officer's waiver, with a reason, anchored: the release may go ahead.
    const [req] = await requirements(expiredId, 'officer');
    const noWhy = await op('officer', 'mutation($r: ID!) { waivePermitRequirement(requirementId: $r, reason: " ") { permitRequirement { status } userErrors { path } } }', { r: req.id });
    expect(noWhy.data.waivePermitRequirement.userErrors).toEqual([{ path: ['reason'] }]);
    const waived = await op('officer', 'mutation($r: ID!) { waivePermitRequirement(requirementId: $r, reason: "Renewal confirmed by phone with VET duty officer.") { permitRequirement { status blocking } userErrors { path } } }', { r: req.id });
    expect(waived.data.waivePermitRequirement.permitRequirement).toEqual({ status: 'WAIVED', blocking: false });
    expect((await release(expiredId)).declaration).toEqual({ status: 'RELEASED' });
  });
});

describe('quantity-managed permits', () => {
  it('reserves at submission, refuses what the balance cannot cover, writes off at release, returns on rejection', async () => {
    const licence = await garlicLicence('1000');
    const first = await draft(importOf('07032000', 'CN', 600));
    const second = await draft(importOf('07032000', 'CN', 600));
    const third = await draft(importOf('07032000', 'CN', 300));
    for (const d of [first, second, third]) {
      expect((await cite(d, 'agri-garlic-quota', { permitNumber: licence.number })).userErrors).toEqual([]);
      await phytoFromAbroad(d);
    }
    // An agency officer cannot confirm another agency's reference.
    const [phyto] = (await requirements(first)).filter((r: { ruleKey: string }) => r.ruleKey === 'plant-07-import');
    const foreign = await op('vet', 'mutation($r: ID!) { confirmExternalPermitReference(requirementId: $r) { userErrors { message } } }', { r: phyto.id });
    expect(foreign.errors[0].extensions.code).toBe('NOT_FOUND');

    expect(garlicOf((await submit(first)).permitRequirements)).toEqual([expect.objectContaining({ status: 'SATISFIED', reservedQuantity: '600' })]);
    // Drawing more than the balance: no reservation, the requirement is EXHAUSTED, release refused.
    expect(garlicOf((await submit(second)).permitRequirements)).toEqual([expect.objectContaining({ status: 'EXHAUSTED', reservedQuantity: null })]);
    await readyForRelease(second);
    const exhausted = await release(second);
    expect(exhausted.userErrors).toEqual([expect.objectContaining({ path: ['permitRequirements', '1', 'agri-garlic-quota'], message: expect.stringMatching(/— EXHAUSTED/) })]);
    expect(garlicOf((await submit(third)).permitRequirements)).toEqual([expect.objectContaining({ status: 'SATISFIED', reservedQuantity: '300' })]);

    await readyForRelease(first);
    expect((await release(first)).declaration).toEqual({ status: 'RELEASED' });
    const reject = await op('officer', 'mutation($id: ID!) { rejectDeclaration(id: $id, reason: "Wrong importer.") { declaration { status } } }', { id: third });
    expect(reject.data.rejectDeclaration.declaration.status).toBe('REJECTED');

    const p = await op('trader', 'query($n: String) { permit(number: $n) { totalQuantity available reserved drawn balanceHistory { kind quantity availableAfter } } }', { n: licence.number });
    expect(p.data.permit).toEqual({
      totalQuantity: '1000',
      available: '400',
      reserved: '0',
      drawn: '600',
      balanceHistory: [
        { kind: 'RESERVE', quantity: '600', availableAfter: '400' },
        { kind: 'RESERVE', quantity: '300', availableAfter: '100' },
        { kind: 'WRITE_OFF', quantity: '600', availableAfter: '100' },
        { kind: 'RETURN', quantity: '300', availableAfter: '400' },
      ],
    });
  });

  it('lets only one of two releases racing for the last units draw them', async () => {
    // Both declarations are filed before the licence exists, so neither holds a reservation: the units are drawn at release.
    const a = await draft(importOf('07032000', 'CN', 700));
    const b = await draft(importOf('07032000', 'CN', 700));
    for (const d of [a, b]) {
      await phytoFromAbroad(d);
      await submit(d);
    }
    const licence = await garlicLicence('1000');
    for (const d of [a, b]) {
      expect((await cite(d, 'agri-garlic-quota', { permitNumber: licence.number })).userErrors).toEqual([]);
      await readyForRelease(d);
    }
    expect(garlicOf(await requirements(a, 'officer'))[0]!.status).toBe('SATISFIED');
    const results = await Promise.all([release(a), release(b)]);
    expect(results.filter((r) => r.declaration?.status === 'RELEASED')).toHaveLength(1);
    const loser = results.find((r) => !r.declaration)!;
    expect(loser.userErrors[0].message).toMatch(/— EXHAUSTED/);
    const { rows } = await getPool().query(`SELECT available::text, drawn::text FROM permit WHERE number = $1`, [licence.number]);
    expect(rows[0]).toEqual({ available: '300.000', drawn: '700.000' });
  });

  it('refuses citing a permit that does not cover the item, or a disclaim of a REQUIRED requirement', async () => {
    const licence = await garlicLicence('50');
    const beef = await draft(importOf('02023090', 'BR', 100));
    const wrong = await cite(beef, 'vet-02-import', { permitNumber: licence.number });
    expect(wrong.userErrors).toEqual([{ path: ['permitNumber'], code: 'MISMATCH', message: expect.any(String) }]);
    const disclaim = await cite(beef, 'vet-02-import', { disclaimCode: 'A', disclaimReason: 'Not meat.' });
    expect(disclaim.userErrors).toEqual([{ path: ['disclaimCode'], code: 'NOT_ALLOWED', message: expect.any(String) }]);
    const fruit = await draft(importOf('08039010', 'CO', 100));
    const ok = await cite(fruit, 'plant-08-import', { disclaimCode: 'A', disclaimReason: 'Dried banana chips.' });
    expect(ok.userErrors).toEqual([]);
    expect(ok.permitRequirement.status).toBe('DISCLAIMED');
  });
});
