// XSD validation of WCO DM messages against the CDS schemas (./schemas), with libxml2 compiled to
// WebAssembly (libxml2-wasm), which, unlike running the xmllint program, keeps a compiled schema: each
// of the three schemas is compiled once per process, on first use (~0.3 s for 1 MB of XSD, more on a
// loaded machine), and then validates a five-item declaration in about a millisecond. The schemas'
// includes and imports are read from ./schemas only (a file input provider; libxml2-wasm has no
// network access), and the document itself was already refused if it had a DOCTYPE (read-wco-declaration.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator, type ErrorDetail } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

export type WcoSchema = 'declaration' | 'response' | 'metadata';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');
const ROOT: Record<WcoSchema, string> = { declaration: 'declaration/WCO_DEC_2_DMS.xsd', response: 'notification/WCO_RES_2_DMS.xsd', metadata: 'metadata-with-responses.xsd' };
// MetaData takes its Responses through a strict wildcard: validating it needs both schemas in one set.
const METADATA_SET = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:clearway:interchange:schema-set">
<xs:import namespace="urn:wco:datamodel:WCO:DocumentMetaData-DMS:2" schemaLocation="notification/DocumentMetaData_2_DMS.xsd"/>
<xs:import namespace="urn:wco:datamodel:WCO:RES-DMS:2" schemaLocation="notification/WCO_RES_2_DMS.xsd"/></xs:schema>`;

/** One problem libxml2 found, with the line of the document it is on. */
export interface XsdProblem {
  line: number | null;
  message: string;
}

const validators = new Map<WcoSchema, XsdValidator>();
let providers = false;

function validatorOf(schema: WcoSchema): XsdValidator {
  let validator = validators.get(schema);
  if (validator) return validator;
  if (!providers) providers = xmlRegisterFsInputProviders();
  const file = path.join(DIR, ROOT[schema]);
  const source = schema === 'metadata' ? Buffer.from(METADATA_SET) : readFileSync(file);
  // The schema document is only needed while compiling; the validator keeps what it needs.
  const doc = XmlDocument.fromBuffer(source, { url: file });
  try {
    validator = XsdValidator.fromDoc(doc);
  } finally {
    doc.dispose();
  }
  validators.set(schema, validator);
  return validator;
}

const problemOf = (d: ErrorDetail): XsdProblem => ({ line: d.line ?? null, message: d.message.trim().replace(/\{urn:wco:datamodel:WCO:[^}]*\}/g, '') });

/** The document's problems against the schema (none: valid). */
export async function validateWcoXml(xml: string, schema: WcoSchema = 'declaration'): Promise<XsdProblem[]> {
  const validator = validatorOf(schema);
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml);
  } catch (error) {
    if (error instanceof XmlParseError) return error.details.length ? error.details.map(problemOf) : [{ line: null, message: 'The document is not well-formed XML.' }];
    throw error;
  }
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    // Never read as valid: a failure without a located reason still gets one.
    if (error instanceof XmlValidateError) return error.details.length ? error.details.map(problemOf) : [{ line: null, message: 'The document does not validate against the schema.' }];
    throw error;
  } finally {
    doc.dispose();
  }
}
