// recordControlResult over GraphQL: the officer's findings with duties recomputed from the tariff,
// what the filer sees, the release gate, and every bad input of issue 14.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { validImport } from '../declarations/fixtures';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asUser } from '../support/auth';

let server: TestServer;
let TRADER: Record<string, string>;
let OFFICER: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  TRADER = await asUser('trader@rotterdam-importers.example');
  OFFICER = await asUser('officer@customs.example');
});
afterAll(async () => {
  await server.app.close();
});

async function op(query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  return (await server.graphql({ query, variables }, headers)).json;
}

const RECORD = `mutation($id: ID!, $input: ControlResultInput!) {
  recordControlResult(declarationId: $id, input: $input) {
    controlResult { version outcome additionalDuties note findings { itemSequence kind declaredCustomsValue correctedCustomsValue declaredDuties correctedDuties additionalDuties } }
    userErrors { path code message }
  }
}`;

/** A declaration of KP origin: the watch-list rule sends it to the RED lane, under control. */
async function controlledDeclaration(): Promise<string> {
  const input = validImport();
  input.items = input.items!.map((i) => ({ ...i, originCountry: 'KP' }));
  const created = await op('mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } } }', { i: input }, TRADER);
  const id = created.data.createDeclarationDraft.declaration.id;
  const submitted = await op('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status } } }', { id }, TRADER);
  expect(submitted.data.submitDeclaration.declaration.status).toBe('UNDER_CONTROL');
  return id;
}

describe('recordControlResult', () => {
  it('records a valuation discrepancy with the additional duties from the tariff; the filer sees the amounts, not the note; release waits for it', async () => {
    const id = await controlledDeclaration();
    const assessed = await op('mutation($id: ID!) { assessDuties(id: $id) { declaration { dutyTotal } } }', { id }, OFFICER);
    await op('mutation($id: ID!, $a: Decimal!) { recordPayment(id: $id, amount: $a, reference: "B-1") { declaration { status } } }', { id, a: assessed.data.assessDuties.declaration.dutyTotal }, OFFICER);
    const early = await op('mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status } userErrors { message } } }', { id }, OFFICER);
    expect(early.data.releaseDeclaration.userErrors).toEqual([{ message: 'This declaration was under control: record the control result before releasing it.' }]);

    const res = await op(RECORD, { id, input: { outcome: 'DISCREPANCY', note: 'Invoice looked altered.', findings: [{ itemSequence: 1, kind: 'VALUATION', correctedCustomsValue: '20000.00' }] } }, OFFICER);
    expect(res.data.recordControlResult.userErrors).toEqual([]);
    const result = res.data.recordControlResult.controlResult;
    const f = result.findings[0];
    // Laptops (8471 30 00): no duty, 21 % VAT on the customs value; the difference is recomputed, not typed.
    const expected = ((20000 - Number(f.declaredCustomsValue)) * 0.21).toFixed(2);
    expect(f).toMatchObject({ itemSequence: 1, kind: 'VALUATION', correctedCustomsValue: '20000.00', additionalDuties: expected });
    expect(Number(f.correctedDuties) - Number(f.declaredDuties)).toBeCloseTo(Number(expected), 2);
    expect(result).toMatchObject({ version: 1, outcome: 'DISCREPANCY', additionalDuties: expected, note: 'Invoice looked altered.' });

    const filerView = await op('query($id: ID!) { declaration(id: $id) { controlResult { outcome additionalDuties note findings { kind correctedCustomsValue additionalDuties } } } }', { id }, TRADER);
    expect(filerView.data.declaration.controlResult).toEqual({ outcome: 'DISCREPANCY', additionalDuties: expected, note: null, findings: [{ kind: 'VALUATION', correctedCustomsValue: '20000.00', additionalDuties: expected }] });

    // Audited and anchored like the release decision.
    const { rows: audit } = await getPool().query(`SELECT details FROM audit_event WHERE action = 'control_result.record' AND target_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    const { rows: anchored } = await getPool().query(
      `SELECT convert_from(entry, 'UTF8') AS entry FROM ledger_pending WHERE item_sha256 = decode($1, 'hex')
       UNION ALL SELECT convert_from(entry, 'UTF8') FROM ledger_entry WHERE item_sha256 = decode($1, 'hex')`,
      [audit[0].details.sha256],
    );
    expect(anchored.map((r: { entry: string }) => JSON.parse(r.entry))).toEqual([expect.objectContaining({ kind: 'decision', ref: `${id}/control-result/1` })]);

    // Immutable: a second result is refused unless it says why it corrects the first.
    const twice = await op(RECORD, { id, input: { outcome: 'NO_DISCREPANCY' } }, OFFICER);
    expect(twice.data.recordControlResult).toEqual({ controlResult: null, userErrors: [{ path: ['correctionReason'], code: 'REQUIRED', message: 'Version 1 is recorded: give the reason for correcting it.' }] });
    const corrected = await op(RECORD, { id, input: { outcome: 'DISCREPANCY', correctionReason: 'Value confirmed by the seller: 18,000.', findings: [{ itemSequence: 1, kind: 'VALUATION', correctedCustomsValue: 18000 }] } }, OFFICER);
    expect(corrected.data.recordControlResult.controlResult.version).toBe(2);
    const { rows: versions } = await getPool().query(`SELECT version, additional_duties::text AS a FROM control_result WHERE declaration_id = $1 ORDER BY version`, [id]);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(versions[0].a).toBe(expected);
    const released = await op('mutation($id: ID!) { releaseDeclaration(id: $id) { declaration { status } userErrors { message } } }', { id }, OFFICER);
    expect(released.data.releaseDeclaration).toEqual({ declaration: { status: 'RELEASED' }, userErrors: [] });
  });

  it('refuses a result for a declaration never under control', async () => {
    const created = await op('mutation($i: DeclarationInput!) { createDeclarationDraft(input: $i) { declaration { id } } }', { i: validImport() }, TRADER);
    const id = created.data.createDeclarationDraft.declaration.id;
    await op('mutation($id: ID!) { submitDeclaration(id: $id) { declaration { status } } }', { id }, TRADER);
    const res = await op(RECORD, { id, input: { outcome: 'NO_DISCREPANCY' } }, OFFICER);
    expect(res.data.recordControlResult.userErrors).toEqual([{ path: [], code: 'CONFLICT', message: 'This declaration was never under control: there is no control result to record.' }]);
  });

  it('refuses a result for a controlled declaration already released without one', async () => {
    const id = await controlledDeclaration();
    // Released before control results existed (a migrated installation).
    await getPool().query(`UPDATE declaration SET status = 'RELEASED', released_at = now() WHERE id = $1`, [id]);
    const res = await op(RECORD, { id, input: { outcome: 'NO_DISCREPANCY' } }, OFFICER);
    expect(res.data.recordControlResult.userErrors).toEqual([{ path: [], code: 'CONFLICT', message: 'This declaration was released without a control result; a result cannot be added after release.' }]);
  });

  it('refuses a result from a filer', async () => {
    const id = await controlledDeclaration();
    const res = await op(RECORD, { id, input: { outcome: 'NO_DISCREPANCY' } }, TRADER);
    expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
    const { rows } = await getPool().query(`SELECT 1 FROM control_result WHERE declaration_id = $1`, [id]);
    expect(rows).toHaveLength(0);
  });

  it('refuses invalid corrected values, naming each field, and stores nothing', async () => {
    const id = await controlledDeclaration();
    const res = await op(
      RECORD,
      {
        id,
        input: {
          outcome: 'DISCREPANCY',
          findings: [
            { itemSequence: 1, kind: 'CLASSIFICATION', correctedCommodityCode: '8471300' },
            { itemSequence: 2, kind: 'ORIGIN', correctedOriginCountry: 'XX', correctedCustomsValue: '-5' },
          ],
        },
      },
      OFFICER,
    );
    expect(res.data.recordControlResult.userErrors).toEqual([
      { path: ['findings', '0', 'correctedCommodityCode'], code: 'INVALID', message: 'An HS code has 6, 8 or 10 digits.' },
      { path: ['findings', '1', 'correctedCustomsValue'], code: 'INVALID', message: 'The corrected customs value cannot be negative.' },
      { path: ['findings', '1', 'correctedOriginCountry'], code: 'INVALID', message: 'The corrected origin is an ISO 3166-1 alpha-2 country code, e.g. CN.' },
    ]);
    const unknown = await op(RECORD, { id, input: { outcome: 'DISCREPANCY', findings: [{ itemSequence: 1, kind: 'CLASSIFICATION', correctedCommodityCode: '99999999' }, { itemSequence: 7, kind: 'OTHER' }] } }, OFFICER);
    expect(unknown.data.recordControlResult.userErrors).toEqual([
      { path: ['findings', '0', 'correctedCommodityCode'], code: 'INVALID', message: '99999999 is not a line of the national tariff.' },
      { path: ['findings', '1', 'itemSequence'], code: 'INVALID', message: 'The declaration has no item 7 (it has 2).' },
    ]);
    const { rows } = await getPool().query(`SELECT 1 FROM control_result WHERE declaration_id = $1`, [id]);
    expect(rows).toHaveLength(0);
  });
});
