import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { saveAndSubmitDeclaration } from '../../lib/declarations/save-and-submit-declaration';
import { saveDeclarationDraft } from '../../lib/declarations/save-declaration-draft';
import { getDb } from '../../lib/db';
import { validImport } from './fixtures';

const trader = () => loadUserActor({ email: 'trader@rotterdam-importers.example' });

describe('saving and submitting in one step (the form’s "Submit")', () => {
  it('files a new declaration and submits it', async () => {
    const actor = await trader();
    const input = validImport();
    const { id, replayed } = await saveAndSubmitDeclaration({ actor, id: null, input, idempotencyKey: crypto.randomUUID() });
    expect(replayed).toBe(false);
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id } });
    expect(d).toMatchObject({ lrn: input.lrn, status: 'DUTY_ASSESSED' });
  });

  it('submits the content on screen, not the content last saved', async () => {
    const actor = await trader();
    const { id } = await saveDeclarationDraft({ actor, id: null, input: validImport({ transportDocument: 'OLD-BL-1' }) });
    await saveAndSubmitDeclaration({ actor, id, input: validImport({ transportDocument: 'NEW-BL-2' }), idempotencyKey: crypto.randomUUID() });
    const version = await getDb().declarationVersion.findFirstOrThrow({ where: { declarationId: id } });
    expect(version.snapshot).toMatchObject({ transportDocument: 'NEW-BL-2' });
  });

  it('replays a retry with the same key without saving again, and says "already submitted" without a key', async () => {
    const actor = await trader();
    const input = validImport();
    const key = crypto.randomUUID();
    const first = await saveAndSubmitDeclaration({ actor, id: null, input, idempotencyKey: key });
    const before = await getDb().declaration.findUniqueOrThrow({ where: { id: first.id } });
    // A lost response: the form still shows the first content and sends it again with the same key.
    const retry = await saveAndSubmitDeclaration({ actor, id: first.id, input: { ...input, transportDocument: 'CHANGED' }, idempotencyKey: key });
    expect(retry).toEqual({ id: first.id, replayed: true });
    const after = await getDb().declaration.findUniqueOrThrow({ where: { id: first.id } });
    expect(after.transportDocument).toBe(before.transportDocument);
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await getDb().declarationVersion.count({ where: { declarationId: first.id } })).toBe(1);

    await expect(saveAndSubmitDeclaration({ actor, id: first.id, input })).rejects.toMatchObject({ code: 'CONFLICT', message: /already DUTY_ASSESSED/ });
  });

  it('keeps the saved draft when the submission is refused, and names it in the error', async () => {
    const actor = await trader();
    const input = validImport({ officeOfDeclaration: null });
    const error = await saveAndSubmitDeclaration({ actor, id: null, input, idempotencyKey: crypto.randomUUID() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The declaration is not complete yet.', details: { declarationId: expect.any(String) } });
    const { declarationId, fieldErrors } = (error as { details: { declarationId: string; fieldErrors: { path: string[] }[] } }).details;
    expect(fieldErrors.map((f) => f.path.join('.'))).toContain('officeOfDeclaration');
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id: declarationId } });
    expect(d).toMatchObject({ lrn: input.lrn, status: 'DRAFT', officeOfDeclaration: null });
  });

  it('stores nothing when the input itself is invalid', async () => {
    const actor = await trader();
    const input = validImport({ invoiceAmount: 'twelve' });
    await expect(saveAndSubmitDeclaration({ actor, id: null, input })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [expect.objectContaining({ path: ['invoiceAmount'] })] } });
    expect(await getDb().declaration.count({ where: { lrn: input.lrn } })).toBe(0);
  });
});
