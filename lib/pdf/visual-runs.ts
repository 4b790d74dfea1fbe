// A line of text as pdf-lib must draw it: pdf-lib lays text out through fontkit, which joins Arabic
// letters (init/medi/fina forms from the font's GSUB) and reverses a run whose script is Arabic, but knows
// no bidi: a mixed line would be reversed whole ("بيان 123" drawn as "321 نايب") or keep its Arabic in
// logical order. So the line is cut into directional runs by the Unicode bidi algorithm (bidi-js) and the
// runs put in visual order (rule L2), mirrored characters swapped (L4); each run stays in logical order for fontkit to shape (and, when
// Arabic, to reverse).
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, NKo … and the Arabic presentation forms: lines without any skip the algorithm. */
const RTL_SCRIPT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** The line's runs (`direction`: the paragraph's base direction), left to right as they appear on the page; a line with no right-to-left letter is one run. */
export function visualRuns(text: string, direction?: 'ltr' | 'rtl'): string[] {
  if (!RTL_SCRIPT.test(text)) return [text];
  // Without a direction, the paragraph's is its first strong letter's (rules P2–P3); a right-to-left page gives 'rtl'.
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const chars = [...text];
  const runs: { text: string; level: number }[] = [];
  let index = 0;
  for (const original of chars) {
    const level = levels[index]!;
    index += original.length;
    // L4: brackets and the like inside right-to-left text take their mirrored glyph (fontkit reverses an
    // Arabic run but does not mirror it): "(2)" after an Arabic word would otherwise read ")2(".
    const char = level % 2 === 1 ? (bidi.getMirroredCharacter(original) ?? original) : original;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.text += char;
    else runs.push({ text: char, level });
  }
  // L2: from the highest level down to the lowest odd one, reverse every maximal sequence at that level or above.
  const highest = Math.max(...runs.map((r) => r.level));
  const lowestOdd = Math.min(...runs.map((r) => r.level).filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < runs.length; i++) {
      if (runs[i]!.level < level) continue;
      let j = i;
      while (j + 1 < runs.length && runs[j + 1]!.level >= level) j++;
      runs.splice(i, j - i + 1, ...runs.slice(i, j + 1).reverse());
      i = j;
    }
  }
  return runs.map((r) => r.text);
}
