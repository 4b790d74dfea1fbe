// The log's Ed25519 key: from LEDGER_SIGNING_KEY (PKCS#8, PEM or base64 DER) when given — several
// processes sharing one database must share it — otherwise generated at first start into
// DATA_DIR/ledger-key.pem (mode 600) and read from there afterwards.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { link, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { dataDir, getEnv } from '../env';
import { AppError } from '../errors';
import { getLogger } from '../logger';
import { keyIdPreimage } from './checkpoint-format';

export interface LedgerSigningKey {
  /** The log's identity (LEDGER_ORIGIN), also the signed-note key name. */
  origin: string;
  privateKey: KeyObject;
  /** Raw 32-byte Ed25519 public key. */
  publicKeyRaw: Buffer;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
  /** Signed-note key id, 8 lowercase hex digits. */
  keyId: string;
  /** "LEDGER_SIGNING_KEY", or the key file's path. */
  source: string;
}

const cache = new Map<string, Promise<LedgerSigningKey>>();

/** `create: false` (verification tools): NOT_FOUND instead of generating a key when there is none. */
export function loadLedgerSigningKey(options: { create?: boolean } = {}): Promise<LedgerSigningKey> {
  const env = getEnv();
  const file = path.join(dataDir(), 'ledger-key.pem');
  const create = options.create !== false;
  const cacheKey = JSON.stringify([env.LEDGER_ORIGIN, env.LEDGER_SIGNING_KEY ?? null, file, create]);
  let loaded = cache.get(cacheKey);
  if (!loaded) {
    loaded = (async () => {
      const privateKey = env.LEDGER_SIGNING_KEY ? parseConfiguredKey(env.LEDGER_SIGNING_KEY) : await keyFromFile(file, create);
      return describe(env.LEDGER_ORIGIN, privateKey, env.LEDGER_SIGNING_KEY ? 'LEDGER_SIGNING_KEY' : file);
    })();
    cache.set(cacheKey, loaded);
    loaded.catch(() => cache.delete(cacheKey));
  }
  return loaded;
}

function describe(origin: string, privateKey: KeyObject, source: string): LedgerSigningKey {
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const publicKeyRaw = spki.subarray(spki.length - 32); // Ed25519 SPKI = 12-byte header + raw key
  const keyId = createHash('sha256').update(keyIdPreimage(origin, publicKeyRaw)).digest().subarray(0, 4).toString('hex');
  return { origin, privateKey, publicKeyRaw, publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), keyId, source };
}

function parseConfiguredKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    const text = value.trim();
    key = text.startsWith('-----BEGIN')
      ? createPrivateKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' })
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw new Error('LEDGER_SIGNING_KEY is not a PKCS#8 private key (PEM, or base64 of the DER).', { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`LEDGER_SIGNING_KEY is an ${key.asymmetricKeyType} key; the ledger signs with Ed25519.`);
  return key;
}

async function keyFromFile(file: string, create: boolean): Promise<KeyObject> {
  const existing = await readKeyFile(file);
  if (existing) return existing;
  if (!create) throw new AppError('NOT_FOUND', `No ledger signing key: LEDGER_SIGNING_KEY is unset and ${file} does not exist.`);
  await mkdir(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  // Written aside, then linked into place: a process racing us at first start either wins the link
  // or reads a complete file, never a half-written one.
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
  try {
    await link(temporary, file);
    getLogger().info({ file }, 'generated the ledger signing key');
    return privateKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readKeyFile(file))!;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readKeyFile(file: string): Promise<KeyObject | null> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const mode = (await stat(file)).mode & 0o777;
  if (mode & 0o077) getLogger().warn({ file, mode: mode.toString(8) }, 'the ledger signing key is readable by other users: chmod 600 it');
  const key = createPrivateKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} holds an ${key.asymmetricKeyType} key; the ledger signs with Ed25519.`);
  return key;
}
