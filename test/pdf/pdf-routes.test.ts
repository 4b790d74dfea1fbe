// The generated documents of a declaration through the product's HTTP server (server/pdf-routes.ts):
// who may download them, the bytes' SHA-256 anchored once in the ledger, the QR code's hash, and the
// OpenAttestation release note with and without a chain (ganache as an HTTP JSON-RPC node here).
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { verifySignature } from '@govtechsg/open-attestation';
import { ethers } from 'ethers';
import ganache from 'ganache';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '../../lib/db';
import { resetEnvCache } from '../../lib/env';
import { deployDocumentStore } from '../../lib/ledger/anchor/deploy-document-store';
import { connectDocumentStore } from '../../lib/ledger/anchor/document-store-contract';
import { awaitAnchoring } from '../../lib/ledger/await-anchoring';
import { issueCheckpoint } from '../../lib/ledger/issue-checkpoint';
import { verifyProofBundle, type ProofBundle } from '../../lib/ledger/verify-proof';

// The entry once integrated (anchoring queues it; the integrator gives it its leaf).
const getLedgerEntry = async (sha256: string) => {
  const entry = (await awaitAnchoring(sha256))!;
  expect(entry.integrated).toBe(true);
  return entry;
};
import { validImport } from '../declarations/fixtures';
import { startTestServer, type TestServer } from '../graphql/http-server';
import { asToken, asUser } from '../support/auth';
import { draftImport, releasedImport, submittedImport } from '../support/declarations';
import { hasPdftotext, pdfPages } from './pdf-text';

process.env.LEDGER_SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
process.env.PUBLIC_URL = 'https://portal.customs.example';
resetEnvCache();

const EMAILS = {
  trader: 'trader@rotterdam-importers.example',
  otherTrader: 'trader@kampala-trading.example',
  exporter: 'exports@bright-electronics.example',
  officer: 'officer@customs.example',
};
let server: TestServer;
const H: Record<string, Record<string, string>> = {};
let released: string;
let submitted: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const [k, email] of Object.entries(EMAILS)) H[k] = await asUser(email);
  released = await releasedImport(EMAILS.trader);
  submitted = await submittedImport(EMAILS.trader, validImport({ representativeEori: 'NL987654321', representationStatus: 'DIRECT' }));
});
afterAll(async () => {
  await server.app.close();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function get(path: string, headers: Record<string, string> = H.trader!) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: () => JSON.parse(Buffer.from(bytes).toString()) };
}

async function ledgerSize(): Promise<number> {
  // Leaves and entries waiting for the integrator: anchoring adds to the second.
  return Number((await getPool().query('SELECT ledger_tree_size() + (SELECT count(*) FROM ledger_pending) AS count')).rows[0].count);
}

async function pdfAudits(id: string): Promise<number> {
  return Number((await getPool().query(`SELECT count(*) FROM audit_event WHERE action = 'declaration.pdf' AND target_id = $1`, [id])).rows[0].count);
}

async function latestVersionSha(id: string): Promise<string> {
  return (await getPool().query('SELECT sha256 FROM declaration_version WHERE declaration_id = $1 ORDER BY version DESC LIMIT 1', [id])).rows[0].sha256;
}

describe('GET /api/declarations/{id}/declaration.pdf', () => {
  it('serves the PDF, anchors its SHA-256 as kind "pdf" once, and a second download anchors nothing new', async () => {
    const first = await get(`/api/declarations/${submitted}/declaration.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    expect(first.headers.get('content-disposition')).toMatch(/^inline; filename="declaration-[0-9A-Z]{18}-v1\.pdf"$/);
    expect(Buffer.from(first.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const hash = sha256(first.bytes);
    expect(first.headers.get('x-document-sha256')).toBe(hash);

    const entry = await getLedgerEntry(hash);
    expect(entry.fields).toMatchObject({ kind: 'pdf', ref: submitted, sha256: hash });
    // The leaf hash is known at once; the index once integrated (absent until then).
    expect(first.headers.get('x-ledger-leaf-hash')).toBe(entry.leafHash);
    expect([null, String(entry.leafIndex)]).toContain(first.headers.get('x-ledger-leaf-index'));
    expect(await pdfAudits(submitted)).toBe(1);

    const size = await ledgerSize();
    const second = await get(`/api/declarations/${submitted}/declaration.pdf`);
    expect(second.status).toBe(200);
    expect(sha256(second.bytes)).toBe(hash);
    expect(second.headers.get('x-ledger-leaf-index')).toBe(String(entry.leafIndex));
    expect(await ledgerSize()).toBe(size);
    expect(await pdfAudits(submitted)).toBe(1);
    expect((await getLedgerEntry(hash)).laterLeafIndexes).toEqual([]);
  });

  it('anchors simultaneous first downloads of the same bytes once', async () => {
    const fresh = await submittedImport(EMAILS.trader);
    const size = await ledgerSize();
    const answers = await Promise.all([1, 2, 3].map(() => get(`/api/declarations/${fresh}/declaration.pdf`)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => sha256(a.bytes))).size).toBe(1);
    expect(new Set(answers.map((a) => a.headers.get('x-ledger-leaf-hash'))).size).toBe(1);
    expect(await ledgerSize()).toBe(size + 1);
    expect(await pdfAudits(fresh)).toBe(1);
  });

  it('names the latest declaration version in its QR code (PUBLIC_URL/verify?hash=…), a hash the ledger anchors', async () => {
    const { bytes } = await get(`/api/declarations/${submitted}/declaration.pdf`);
    const versionSha = await latestVersionSha(submitted);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getKeywords()).toContain(`sha256:${versionSha}`);
    // The QR code's URL is printed in the footer too.
    if (hasPdftotext) expect(pdfPages(bytes, 1)[0]).toContain(`https://portal.customs.example/verify?hash=${versionSha}`);
    expect((await getLedgerEntry(versionSha)).fields.kind).toBe('declaration-version');
  });

  it('is served to whoever sees the declaration: officers, tokens with declarations:read; 404 to another company, 401 anonymous, 403 without the scope', async () => {
    expect((await get(`/api/declarations/${submitted}/declaration.pdf`, H.officer)).status).toBe(200);
    const reader = await asToken(EMAILS.trader, ['declarations:read']);
    expect((await get(`/api/declarations/${submitted}/declaration.pdf`, reader.headers)).status).toBe(200);

    const other = await get(`/api/declarations/${submitted}/declaration.pdf`, H.otherTrader);
    expect(other.status).toBe(404);
    expect(other.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get(`/api/declarations/00000000-0000-0000-0000-000000000000/declaration.pdf`)).status).toBe(404);
    expect((await get(`/api/declarations/not-an-id/declaration.pdf`)).status).toBe(404);

    const anonymous = await get(`/api/declarations/${submitted}/declaration.pdf`, {});
    expect(anonymous.status).toBe(401);
    const documentsOnly = await asToken(EMAILS.trader, ['documents:read']);
    const refused = await get(`/api/declarations/${submitted}/declaration.pdf`, documentsOnly.headers);
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'FORBIDDEN', requiredScope: 'declarations:read' });

    const post = await fetch(`${server.url}/api/declarations/${submitted}/declaration.pdf`, { method: 'POST', headers: H.trader });
    expect(post.status).toBe(405);
  });

  it('answers 409 for a draft, which has no frozen version to verify', async () => {
    const draft = await draftImport(EMAILS.trader);
    const res = await get(`/api/declarations/${draft}/declaration.pdf`);
    expect(res.status).toBe(409);
    expect(res.json().error.message).toContain('draft');
  });
});

describe('GET /api/declarations/{id}/release-note.pdf', () => {
  it('answers 409 until the declaration is released', async () => {
    const res = await get(`/api/declarations/${submitted}/release-note.pdf`);
    expect(res.status).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CONFLICT', status: expect.any(String) });
    expect(res.json().error.message).toContain('once customs releases the goods');
  });

  it('serves a released declaration’s note, its QR code naming the anchored release decision, anchored once itself', async () => {
    const first = await get(`/api/declarations/${released}/release-note.pdf`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/pdf');
    const hash = sha256(first.bytes);
    expect(first.headers.get('x-document-sha256')).toBe(hash);
    expect((await getLedgerEntry(hash)).fields).toMatchObject({ kind: 'pdf', ref: released });

    const { rows } = await getPool().query('SELECT decision_sha256 FROM declaration WHERE id = $1', [released]);
    const decisionSha = rows[0].decision_sha256 as string;
    expect(decisionSha).toMatch(/^[0-9a-f]{64}$/);
    expect((await PDFDocument.load(first.bytes)).getKeywords()).toContain(`sha256:${decisionSha}`);
    expect((await getLedgerEntry(decisionSha)).fields.kind).toBe('decision');

    const size = await ledgerSize();
    const second = await get(`/api/declarations/${released}/release-note.pdf`, H.officer);
    expect(sha256(second.bytes)).toBe(hash);
    expect(await ledgerSize()).toBe(size);
    expect((await get(`/api/declarations/${released}/release-note.pdf`, H.otherTrader)).status).toBe(404);
  });
});

describe('PDFs in the person’s language', () => {
  // What /verify does with a file's hash (app/verify/verify-in-browser.ts): the proof from the server,
  // checked against the published key.
  async function verifiesAtVerify(hash: string): Promise<boolean> {
    await getLedgerEntry(hash);
    const key = (await get('/.well-known/clearway-ledger.json', {})).json() as { publicKey: string; origin: string };
    // The checkpoint the ledger's own schedule would sign shortly (the proof answers 409 until one covers the leaf).
    await issueCheckpoint();
    const proof = await get(`/api/ledger/proof?hash=${hash}`, {});
    expect(proof.status).toBe(200);
    const result = await verifyProofBundle(proof.json() as ProofBundle, { publicKey: key.publicKey, itemSha256: hash, origin: key.origin });
    expect(result.problems).toEqual([]);
    return result.ok;
  }

  it('prints the release note in the profile’s language, anchors that file once and it verifies like the English one', async () => {
    await getPool().query(`UPDATE app_user SET locale = 'fr' WHERE email = $1`, [EMAILS.trader]);
    try {
      // The profile wins over the browser's Accept-Language, as on the portal's pages.
      const french = await get(`/api/declarations/${released}/release-note.pdf`, { ...H.trader, 'accept-language': 'en' });
      expect(french.status).toBe(200);
      expect(french.headers.get('content-language')).toBe('fr');
      const hash = sha256(french.bytes);
      if (hasPdftotext) {
        const text = pdfPages(french.bytes, 1)[0]!;
        expect(text).toContain('BON DE MAINLEVÉE');
        expect(text).toContain('DÉCISION DE MAINLEVÉE');
        expect(text).not.toContain('RELEASE NOTE');
      }
      expect(await verifiesAtVerify(hash)).toBe(true);
      const { rows } = await getPool().query(`SELECT details FROM audit_event WHERE action = 'declaration.pdf' AND details->>'sha256' = $1`, [hash]);
      expect(rows.map((r) => r.details.locale)).toEqual(['fr']);

      // Downloading it again in French renders the same bytes: nothing new is anchored.
      const size = await ledgerSize();
      expect(sha256((await get(`/api/declarations/${released}/release-note.pdf`)).bytes)).toBe(hash);
      expect(await ledgerSize()).toBe(size);

      // The officer (no profile language, an English browser) gets the English note: another file, anchored and verifiable too.
      const english = await get(`/api/declarations/${released}/release-note.pdf`, { ...H.officer, 'accept-language': 'en-GB,en;q=0.9' });
      expect(english.headers.get('content-language')).toBe('en');
      expect(sha256(english.bytes)).not.toBe(hash);
      expect(await verifiesAtVerify(sha256(english.bytes))).toBe(true);
      if (hasPdftotext) expect(pdfPages(english.bytes, 1)[0]).toContain('RELEASE NOTE');
    } finally {
      await getPool().query(`UPDATE app_user SET locale = NULL WHERE email = $1`, [EMAILS.trader]);
    }
  });

  it('without a profile language follows the language cookie, then Accept-Language; an API token only Accept-Language', async () => {
    const arabic = await get(`/api/declarations/${submitted}/declaration.pdf`, { ...H.trader, 'accept-language': 'ar,en;q=0.5' });
    expect(arabic.headers.get('content-language')).toBe('ar');
    const cookie = `${H.trader!.cookie}; clearway-locale=es`;
    const spanish = await get(`/api/declarations/${submitted}/declaration.pdf`, { ...H.trader, cookie, 'accept-language': 'fr' });
    expect(spanish.headers.get('content-language')).toBe('es');
    if (hasPdftotext) expect(pdfPages(spanish.bytes, 1)[0]).toContain('DECLARACIÓN DE ADUANA');
    // A token acts for the company: its creator's profile (French here) does not choose for it.
    await getPool().query(`UPDATE app_user SET locale = 'fr' WHERE email = $1`, [EMAILS.trader]);
    try {
      const { headers } = await asToken(EMAILS.trader, ['declarations:read']);
      expect((await get(`/api/declarations/${submitted}/declaration.pdf`, { ...headers, 'accept-language': 'es-MX' })).headers.get('content-language')).toBe('es');
      expect((await get(`/api/declarations/${submitted}/declaration.pdf`, headers)).headers.get('content-language')).toBe('en');
    } finally {
      await getPool().query(`UPDATE app_user SET locale = NULL WHERE email = $1`, [EMAILS.trader]);
    }
  });
});

describe('GET /api/declarations/{id}/release-note.oa.json', () => {
  it('answers 409 with the reason when no chain is configured', async () => {
    const res = await get(`/api/declarations/${released}/release-note.oa.json`);
    expect(res.status).toBe(409);
    expect(res.json().error.message).toContain('No chain is configured');
    expect((await get(`/api/declarations/${released}/release-note.oa.json`, H.otherTrader)).status).toBe(404);
  });

  describe('with a chain', () => {
    const node = ganache.server({ logging: { quiet: true }, wallet: { deterministic: true } });
    let provider: ethers.providers.JsonRpcProvider;
    let store: string;

    beforeAll(async () => {
      await node.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(node.address() as AddressInfo).port}`;
      const [account] = Object.values(node.provider.getInitialAccounts());
      provider = new ethers.providers.JsonRpcProvider(url);
      const signer = new ethers.Wallet(account!.secretKey, provider);
      store = (await deployDocumentStore({ signer, name: 'Clearway test customs' })).address;
      Object.assign(process.env, { ANCHOR_RPC_URL: url, ANCHOR_PRIVATE_KEY: account!.secretKey, ANCHOR_CONTRACT_ADDRESS: store });
      resetEnvCache();
    });
    afterAll(async () => {
      for (const name of ['ANCHOR_RPC_URL', 'ANCHOR_PRIVATE_KEY', 'ANCHOR_CONTRACT_ADDRESS']) delete process.env[name];
      resetEnvCache();
      await node.close();
    });

    it('wraps the release note, issues its Merkle root on the DocumentStore, and returns the document', async () => {
      const res = await get(`/api/declarations/${released}/release-note.oa.json`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="release-note-[0-9A-Z]{18}\.oa\.json"$/);
      const document = res.json();
      expect(verifySignature(document)).toBe(true);
      const merkleRoot = `0x${document.signature.merkleRoot}`;
      expect(res.headers.get('x-merkle-root')).toBe(merkleRoot);
      expect(await connectDocumentStore(store, provider).isIssued(merkleRoot)).toBe(true);
      // The issuer is named by PUBLIC_URL's host, and the store by its address.
      expect(JSON.stringify(document.data.issuers)).toContain('portal.customs.example');
      expect(JSON.stringify(document.data.issuers)).toContain(store.slice(2));

      expect((await get(`/api/declarations/${submitted}/release-note.oa.json`)).status).toBe(409);
      expect((await get(`/api/declarations/${released}/release-note.oa.json`, H.otherTrader)).status).toBe(404);
    });
  });
});
