import { describe, expect, it } from 'vitest';

import { loadUserActor } from '../../lib/auth/actor';
import { saveDeclarationDraft } from '../../lib/declarations/save-declaration-draft';
import { getDb } from '../../lib/db';
import { validImport } from './fixtures';

describe('saving a draft from a whole-declaration form', () => {
  it('creates the draft on the first save and replaces its content on the next', async () => {
    const actor = await loadUserActor({ email: 'trader@rotterdam-importers.example' });
    const input = validImport();
    const { id } = await saveDeclarationDraft({ actor, id: null, input });
    const again = await saveDeclarationDraft({ actor, id, input: { ...input, transportDocument: 'SECOND-BL', items: input.items!.slice(0, 1) } });
    expect(again.id).toBe(id);
    const d = await getDb().declaration.findUniqueOrThrow({ where: { id }, include: { items: true } });
    expect(d).toMatchObject({ status: 'DRAFT', transportDocument: 'SECOND-BL' });
    expect(d.items).toHaveLength(1);
    expect(await getDb().declaration.count({ where: { lrn: input.lrn } })).toBe(1);
  });
});
