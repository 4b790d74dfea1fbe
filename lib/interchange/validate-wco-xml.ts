// XSD validation of WCO DM messages against the CDS schemas (./schemas), with xmllint (libxml2 compiled
// to WebAssembly, run in a worker thread by xmllint-wasm). Measured here: one run costs ~700 ms whatever
// it validates (the worker starts and compiles 1 MB of schema), then ~1.3 ms per document. So documents
// that arrive together share a run: a call waits up to BATCH_WAIT_MS for others, at most BATCH_SIZE per
// run. One message alone pays the 700 ms; a bulk sender pays ~1.5 ms per message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export type WcoSchema = 'declaration' | 'response' | 'metadata';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');
const FILES: Record<'declaration' | 'notification', string[]> = {
  declaration: ['WCO_DEC_2_DMS.xsd', 'WCO_DS/WCO_DEC_DS_2_DMS.xsd', 'WCO_DS/WCO_METADATA_2_DMS.xsd', 'UNECE/UnqualifiedDataType_6_DMS.xsd', 'UNECE/ISO_ISO3AlphaCurrencyCode_2012-08-31.xsd', 'UNECE/UNECE_AgencyIdentificationCode_D12B.xsd', 'DocumentMetaData_2_DMS.xsd'],
  notification: ['WCO_RES_2_DMS.xsd', 'DocumentMetaData_2_DMS.xsd', 'WCO_DS/WCO_RES_DS_2_DMS.xsd', 'WCO_DS/WCO_METADATA_2_DMS.xsd', 'UNECE/UnqualifiedDataType_6_DMS.xsd', 'UNECE/ISO_ISO3AlphaCurrencyCode_2012-08-31.xsd', 'UNECE/UNECE_AgencyIdentificationCode_D12B.xsd'],
};
const ROOT: Record<WcoSchema, string> = { declaration: 'declaration/WCO_DEC_2_DMS.xsd', response: 'notification/WCO_RES_2_DMS.xsd', metadata: 'metadata-with-responses.xsd' };
// MetaData takes its Responses through a strict wildcard: validating it needs both schemas in one set.
const METADATA_SET = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:clearway:interchange:schema-set">
<xs:import namespace="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" schemaLocation="notification/DocumentMetaData_2_DMS.xsd"/>
<xs:import namespace="urn:wco:datamodel:WCO:RES-DMS:2" schemaLocation="notification/WCO_RES_2_DMS.xsd"/></xs:schema>`;
const BATCH_WAIT_MS = 15;
const BATCH_SIZE = 500;

/** One problem xmllint found, with the line of the document it is on. */
export interface XsdProblem {
  line: number | null;
  message: string;
}

let files: XMLFileInfo[] | null = null;
function schemaFiles(): XMLFileInfo[] {
  // The response schema imports ../declaration/WCO_DEC_2_DMS.xsd: both folders are preloaded.
  files ??= [
    ...Object.entries(FILES).flatMap(([folder, names]) => names.map((name) => ({ fileName: `${folder}/${name}`, contents: readFileSync(path.join(DIR, folder, name), 'utf8') }))),
    { fileName: ROOT.metadata, contents: METADATA_SET },
  ];
  return files;
}

type Pending = { xml: string; resolve: (p: XsdProblem[]) => void; reject: (e: unknown) => void };
const queues = new Map<WcoSchema, { pending: Pending[]; timer: NodeJS.Timeout | null }>();

/** The document's problems against the schema (none: valid). Concurrent calls share one xmllint run. */
export function validateWcoXml(xml: string, schema: WcoSchema = 'declaration'): Promise<XsdProblem[]> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(schema);
    if (!queue) queues.set(schema, (queue = { pending: [], timer: null }));
    queue.pending.push({ xml, resolve, reject });
    if (queue.pending.length >= BATCH_SIZE) void flush(schema);
    else queue.timer ??= setTimeout(() => void flush(schema), BATCH_WAIT_MS);
  });
}

async function flush(schema: WcoSchema): Promise<void> {
  const queue = queues.get(schema)!;
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  const batch = queue.pending.splice(0, BATCH_SIZE);
  if (!batch.length) return;
  if (queue.pending.length) queue.timer = setTimeout(() => void flush(schema), 0);
  try {
    const all = schemaFiles();
    const root = all.find((f) => f.fileName === ROOT[schema])!;
    const result = await validateXML({
      xml: batch.map((p, i) => ({ fileName: `m${i}.xml`, contents: p.xml })),
      schema: [root],
      preload: all.filter((f) => f !== root),
      // Large batches of 5-item declarations need more than the default 16 MB.
      initialMemoryPages: 1024,
      maxMemoryPages: 16384,
    });
    const problems: XsdProblem[][] = batch.map(() => []);
    for (const error of result.errors) {
      const failed = /^m(\d+)\.xml fails to validate/.exec(error.rawMessage)?.[1];
      if (failed !== undefined) {
        // Never read as valid: a failure without a located reason still gets one.
        if (!problems[Number(failed)]!.length) problems[Number(failed)]!.push({ line: null, message: 'The document does not validate against the schema.' });
        continue;
      }
      const index = /^m(\d+)\.xml$/.exec(error.loc?.fileName ?? '')?.[1];
      if (index === undefined) continue;
      problems[Number(index)]!.push({ line: error.loc?.lineNumber ?? null, message: error.message.replace(/^Schemas validity error : /, '').replace(/\{urn:wco:datamodel:WCO:[^}]*\}/g, '') });
    }
    batch.forEach((p, i) => p.resolve(problems[i]!));
  } catch (error) {
    batch.forEach((p) => p.reject(error));
  }
}
