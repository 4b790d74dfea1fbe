// Declaration versions and customs decisions are anchored in the ledger, in the transactions that make them.
import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { getPool } from '../../lib/db';
import { amendDeclaration } from '../../lib/declarations/amend-declaration';
import { createDeclarationDraft } from '../../lib/declarations/create-declaration-draft';
import { decideDeclaration } from '../../lib/declarations/decide-declaration';
import { getDeclaration } from '../../lib/declarations/get-declaration';
import { recordPayment } from '../../lib/declarations/record-payment';
import { submitDeclaration } from '../../lib/declarations/submit-declaration';
import { sha256Hex } from '../../lib/declarations/snapshot';
import { awaitAnchoring } from '../../lib/ledger/await-anchoring';

// The entry once integrated (anchoring queues it; the integrator gives it its leaf).
const getLedgerEntry = async (sha256: string) => {
  const entry = (await awaitAnchoring(sha256))!;
  expect(entry.integrated).toBe(true);
  return { ...entry, leafIndex: entry.leafIndex! };
};
import { validImport } from './fixtures';

describe('ledger anchoring of declarations', () => {
  it('anchors each frozen version and the release decision, whose record re-hashes to the anchored hash', async () => {
    const trader = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const officer = await loadUserActor({ email: 'officer@customs.example' });
    const input = validImport();
    const { id } = await createDeclarationDraft({ actor: trader, input });
    await submitDeclaration({ actor: trader, id });
    const { rows: versions } = await getPool().query(`SELECT version, sha256 FROM declaration_version WHERE declaration_id = $1 ORDER BY version`, [id]);
    expect(versions).toHaveLength(1);
    const v1 = await getLedgerEntry(versions[0].sha256);
    expect(v1.fields).toMatchObject({ kind: 'declaration-version', ref: `${id}/v${versions[0].version}` });

    await amendDeclaration({ actor: trader, id, input: { ...input, transportDocument: 'MEDUSZ999999' }, reason: 'Corrected bill of lading number.' });
    const { rows: after } = await getPool().query(`SELECT version, sha256 FROM declaration_version WHERE declaration_id = $1 ORDER BY version`, [id]);
    expect(after).toHaveLength(2);
    expect((await getLedgerEntry(after[1].sha256)).leafIndex).toBeGreaterThan(v1.leafIndex);

    // The fixture's declarant has no accepted declaration before this one (the test database holds no
    // demo declarations): only the new-filer rule fires, below the YELLOW threshold, so the amendment
    // stays on the GREEN lane with its duties assessed at once, and duties are due on the coffee.
    let d = (await getDeclaration({ actor: officer, id }))!;
    expect({ status: d.status, lane: d.lane }).toEqual({ status: 'DUTY_ASSESSED', lane: 'GREEN' });
    expect(d.dutyTotal!.greaterThan(0)).toBe(true);
    await recordPayment({ actor: officer, id, amount: d.dutyTotal!.toFixed(2), reference: 'PAY-1' });
    d = (await getDeclaration({ actor: officer, id }))!;
    expect(d.status).toBe('PAID');
    await decideDeclaration({ actor: officer, id, decision: 'RELEASED' });
    d = (await getDeclaration({ actor: officer, id }))!;
    expect(sha256Hex(d.decisionRecord!)).toBe(d.decisionSha256);
    expect(JSON.parse(d.decisionRecord!)).toMatchObject({ format: 'clearway-customs-decision/1', declarationId: id, decision: 'RELEASED', versionSha256: after[1].sha256 });
    expect((await getLedgerEntry(d.decisionSha256!)).fields).toMatchObject({ kind: 'decision', ref: `${id}/released` });
  });
});
