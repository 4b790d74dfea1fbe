// epcis2.js, loaded once. Node loads the package's CommonJS bundle as a single default export, while
// bundlers (the Next.js server build) expose its named exports: take whichever is there.
import * as epcisModule from 'epcis2.js';

export const epcis: typeof epcisModule = (epcisModule as unknown as { default?: typeof epcisModule }).default ?? epcisModule;

/** Clearway's vocabulary for e-seal readings and extensions (prefix "cw:" in a document's @context). */
export const CLEARWAY_NS = 'https://clearway.example/ns/epcis/';
