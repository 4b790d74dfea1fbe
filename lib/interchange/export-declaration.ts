// A declaration the caller can read, exported as a WCO DM Declaration or a CUSDEC interchange: the
// declared content in Clearway's input shape (parties by EORI), written by the same tables the readers
// use, so export → import gives the same declaration. A draft is exported to stay a draft; anything
// submitted is exported as an original (function code 9).
import type { Actor } from '../auth/actor';
import { assertCanReadDeclaration } from '../auth/policy';
import { getPool } from '../db';
import { sqlOfClient } from '../database/sql';
import type { DeclarationInput } from '../declarations/declaration-input';
import { loadDeclarationRows } from '../declarations/declaration-rows';
import { AppError } from '../errors';
import type { InterchangeFormat } from './interchange-message';
import { writeCusdec } from './write-cusdec';
import { writeEdifactInterchange } from './write-edifact-interchange';
import { writeWcoDeclaration } from './write-wco-declaration';

export async function exportDeclaration(options: { actor: Actor; id: string; format: Exclude<InterchangeFormat, 'SPREADSHEET'> }): Promise<{ contentType: string; body: string; input: DeclarationInput }> {
  const { actor, id, format } = options;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', `No declaration ${id} that you can see.`);
  const sql = sqlOfClient(getPool());
  const d = await loadDeclarationRows(sql, id);
  assertCanReadDeclaration(actor, d, id);
  const row = d as NonNullable<typeof d>;
  const ids = [row.importerId, row.exporterId, row.representativeId].filter((x): x is string => !!x);
  const companies = await sql<{ id: string; eori: string }>(`SELECT id, eori FROM company WHERE id = ANY($1::uuid[])`, [ids]);
  const eori = (cid: string | null) => (cid ? (companies.find((c) => c.id === cid)?.eori ?? null) : null);
  const { id: _id, mrn: _m, status, declarantId: _dc, version: _v, createdById: _c, createdAt: _ca, submittedAt: _s, importerId, exporterId, representativeId, items, containers, ...header } = row;
  const input: DeclarationInput = {
    ...header,
    importerEori: eori(importerId),
    exporterEori: eori(exporterId),
    representativeEori: eori(representativeId),
    containers: containers.map((c) => ({ containerNumber: c.containerNumber, seals: c.seals })),
    items: items.map(({ id: _i, sequence: _q, customsValue: _cv, statisticalValue: _sv, ...item }) => item),
  } as DeclarationInput;
  const submit = status !== 'DRAFT';
  if (format === 'WCO_XML') return { contentType: 'application/xml; charset=utf-8', body: writeWcoDeclaration(input, { submit }), input };
  const body = writeEdifactInterchange([writeCusdec(input, { messageRef: '1', submit })], { sender: 'CLEARWAY', recipient: 'FILER', controlReference: `E${Date.now().toString(36).toUpperCase()}`.slice(0, 14) });
  return { contentType: 'application/edifact', body, input };
}
