// The part of the `edifact` package (tdecaluwe/node-edifact, plain JavaScript) that read-cusdec-interchange.ts uses.
declare module 'edifact/parser.js' {
  import { EventEmitter } from 'node:events';

  export default class Parser extends EventEmitter {
    constructor(validator?: unknown);
    encoding(level: 'UNOA' | 'UNOB' | 'UNOC' | 'UNOY' | 'UCS2'): void;
    configure(config: { segmentTerminator?: number; dataElementSeparator?: number; componentDataSeparator?: number; decimalMark?: number; releaseCharacter?: number }): void;
    write(chunk: string): void;
    end(): void;
  }
}
