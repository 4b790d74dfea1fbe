// UN/EDIFACT syntax (ISO 9735) shared by the CUSDEC reader and the CUSDEC/CUSRES writers: service
// characters (UNA), syntax levels and how their bytes decode, and escaping with the release character.
export interface Separators {
  component: string;
  element: string;
  decimal: string;
  release: string;
  segment: string;
}

export const DEFAULT_SEPARATORS: Separators = { component: ':', element: '+', decimal: '.', release: '?', segment: "'" };

/**
 * The syntax levels read here, and how their bytes decode: UNOA and UNOB are subsets of ASCII (the
 * parser refuses characters outside them: UNOA has no lower case), UNOC is ISO 8859-1, UNOY is ISO
 * 10646 (read as UTF-8).
 */
export const SYNTAX_LEVELS = { UNOA: 'latin1', UNOB: 'latin1', UNOC: 'latin1', UNOY: 'utf8' } as const;
export type SyntaxLevel = keyof typeof SYNTAX_LEVELS;

export function isSyntaxLevel(value: string): value is SyntaxLevel {
  return Object.hasOwn(SYNTAX_LEVELS, value);
}

/** A data value with the service characters released. */
export function releaseEdifact(value: string, s: Separators = DEFAULT_SEPARATORS): string {
  let out = '';
  for (const c of value) out += c === s.component || c === s.element || c === s.release || c === s.segment ? `${s.release}${c}` : c;
  return out;
}

/** Segments as arrays of elements of components, written with releases; trailing empties dropped. */
export function writeSegments(segments: (string | (string | null | undefined)[] | null | undefined)[][], s: Separators = DEFAULT_SEPARATORS): string {
  return segments
    .map(([tag, ...elements]) => {
      const parts = elements.map((e) => {
        const components = (Array.isArray(e) ? e : [e]).map((c) => (c === null || c === undefined ? '' : releaseEdifact(String(c), s)));
        while (components.length > 1 && components.at(-1) === '') components.pop();
        return components.join(s.component);
      });
      while (parts.length && parts.at(-1) === '') parts.pop();
      return [tag as string, ...parts].join(s.element) + s.segment;
    })
    .join('\n');
}
