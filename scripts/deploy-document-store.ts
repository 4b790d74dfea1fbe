// `npm run anchor:deploy-store -- --name "Clearway customs ledger"`: deploy OpenAttestation's
// DocumentStore on ANCHOR_RPC_URL from the ANCHOR_PRIVATE_KEY account (which becomes its owner and
// issuer), then print the ANCHOR_CONTRACT_ADDRESS line to add to the configuration. Run once per chain.
// Plain output on stdout, not the JSON log: an operator reads it and copies one line.
import { createAnchorSigner } from '../lib/ledger/anchor/create-anchor-signer';
import { deployDocumentStore } from '../lib/ledger/anchor/deploy-document-store';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// Read directly, not through getEnv(): ANCHOR_CONTRACT_ADDRESS does not exist yet at this point.
const rpcUrl = process.env.ANCHOR_RPC_URL;
const privateKey = process.env.ANCHOR_PRIVATE_KEY;
const name = argument('name') ?? 'Clearway customs ledger';

if (!rpcUrl || !privateKey) {
  console.error('Set ANCHOR_RPC_URL and ANCHOR_PRIVATE_KEY (the account that will own the store and pay its gas).');
  process.exit(2);
}

try {
  const signer = createAnchorSigner({ rpcUrl, privateKey, timeoutMs: 60_000 });
  console.log(`Deploying DocumentStore "${name}" from ${await signer.getAddress()} …`);
  const store = await deployDocumentStore({ signer, name });
  console.log(`Deployed on chain ${store.chainId} in block ${store.blockNumber} (tx ${store.txHash}, ${store.gasUsed} gas).`);
  console.log(`ANCHOR_CONTRACT_ADDRESS=${store.address}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
