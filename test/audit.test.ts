// lib/audit.ts: the typed audit events (issue 11, item 6). The compiler holds each action to its schema;
// the audit page reads the details back through the same schemas.
import { describe, expect, it } from 'vitest';

import { AUDIT_EVENTS, describeAuditDetails, recordAudit } from '../lib/audit';
import { loadUserActor } from '../lib/auth/actor';
import { getDb, getPool } from '../lib/db';

describe('recordAudit', () => {
  it('writes the event with its actor, request and details', async () => {
    const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' }, { id: 'req-audit-1', ip: '10.9.0.1' });
    await getDb().$transaction((tx) => recordAudit(tx, { actor, action: 'delegation.revoke', targetType: 'delegation', targetId: 'd-1' }));
    await recordAudit((text, params) => getPool().query(text, params).then((r) => r.rows), {
      actor,
      action: 'declaration.amend',
      targetType: 'declaration',
      targetId: 'x-1',
      details: { version: 2, reason: 'Typo' },
    });
    const { rows } = await getPool().query(`SELECT action, target_type, target_id, request_id, ip, details, company_id FROM audit_event WHERE request_id = 'req-audit-1' ORDER BY id`);
    expect(rows).toEqual([
      { action: 'delegation.revoke', target_type: 'delegation', target_id: 'd-1', request_id: 'req-audit-1', ip: '10.9.0.1', details: {}, company_id: actor.companyId },
      { action: 'declaration.amend', target_type: 'declaration', target_id: 'x-1', request_id: 'req-audit-1', ip: '10.9.0.1', details: { version: 2, reason: 'Typo' }, company_id: actor.companyId },
    ]);
  });

  it('does not compile with details of another shape, or the wrong target', () => {
    const check = (run: () => unknown) => expect(typeof run).toBe('function');
    // @ts-expect-error: declaration.amend needs a version and a reason.
    check(() => recordAudit(async () => [], { actor: null, action: 'declaration.amend', targetType: 'declaration', targetId: 'x', details: { lrn: 'A' } }));
    // @ts-expect-error: a delegation is not a declaration.
    check(() => recordAudit(async () => [], { actor: null, action: 'delegation.revoke', targetType: 'declaration', targetId: 'x' }));
  });
});

describe('describeAuditDetails', () => {
  it('labels the fields by the action’s schema', () => {
    expect(describeAuditDetails('declaration.submit', { mrn: '26NL0000000000001', version: 1, lane: 'GREEN' })).toEqual([
      { label: 'MRN', value: '26NL0000000000001' },
      { label: 'Version', value: 1 },
      { label: 'Lane', value: 'GREEN' },
    ]);
  });

  it('shows details that do not match the schema as they are', () => {
    expect(describeAuditDetails('declaration.submit', { m: 'x' })).toEqual([{ label: 'm', value: 'x' }]);
    expect(describeAuditDetails('no.such_action', { a: 1 })).toEqual([{ label: 'a', value: 1 }]);
  });

  it('gives every field of every schema a label', () => {
    for (const [action, event] of Object.entries(AUDIT_EVENTS)) {
      for (const [key, field] of Object.entries(event.details.shape)) expect((field as { description?: string }).description, `${action}.${key}`).toBeTruthy();
    }
  });
});
