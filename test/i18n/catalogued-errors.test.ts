// Server sentences a client sees should name their entry in the message catalogue (docs/languages.md,
// "Error messages"), so that they can be said in the reader's language. Every lib/** and graphql/** file
// is parsed with the TypeScript compiler and each sentence written in place is counted:
//   - the message of `new AppError(code, message, …)` spelled as a string or template literal;
//   - a `message:` property spelled so in an object literal (field errors, located problems, gate reasons).
// A sentence from `cataloguedMessage(…)` / `problemOf(…)` is not counted: it is the catalogue's English.
// Most throw sites predate the catalogue, so the uncatalogued ones are counted per file below (a ratchet):
// the test fails when a file has more than listed (a new sentence: catalogue it) and when it has fewer (the
// list is stale: lower or remove the entry), so the list only shrinks as sentences are catalogued.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import UNCATALOGUED from './uncatalogued-sentences.json';

interface Sentence {
  file: string;
  line: number;
  text: string;
}

const LETTERS = /\p{L}{2}/u;

const literalText = (node: ts.Node): string | null => {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…');
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return [literalText(node.left), literalText(node.right)].filter(Boolean).join('…') || null;
  if (ts.isConditionalExpression(node)) return [literalText(node.whenTrue), literalText(node.whenFalse)].filter(Boolean).join(' | ') || null;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  return null;
};

function sentencesOf(file: string): Sentence[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Sentence[] = [];
  const add = (node: ts.Node) => {
    const text = literalText(node);
    if (text && LETTERS.test(text)) found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError' && node.arguments?.[1]) add(node.arguments[1]);
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && node.name.text === 'message') add(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated') sourceFiles(path, out);
    } else if (/\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const counted = (): Map<string, Sentence[]> => {
  const byFile = new Map<string, Sentence[]>();
  for (const file of [...sourceFiles('lib'), ...sourceFiles('graphql')]) {
    const sentences = sentencesOf(file);
    if (sentences.length) byFile.set(file, sentences);
  }
  return byFile;
};

describe('server sentences name their catalogue entry', () => {
  const byFile = counted();
  const allowed = UNCATALOGUED as Record<string, number>;

  it('no file writes more uncatalogued sentences than the list allows (catalogue a new one: errors.* in messages/*.json)', () => {
    const over = [...byFile]
      .filter(([file, sentences]) => sentences.length > (allowed[file] ?? 0))
      .map(([file, sentences]) => `${file}: ${sentences.length} > ${allowed[file] ?? 0}\n${sentences.map((s) => `  ${s.line}: ${s.text}`).join('\n')}`);
    expect(over).toEqual([]);
  });

  it('the list is not stale: a file with fewer uncatalogued sentences than listed lowers its entry', () => {
    const stale = Object.entries(allowed)
      .filter(([file, count]) => (byFile.get(file)?.length ?? 0) < count)
      .map(([file, count]) => `${file}: listed ${count}, found ${byFile.get(file)?.length ?? 0}`);
    expect(stale).toEqual([]);
  });

  it('finds what it looks for (a catalogued sentence is not counted, a written one is)', () => {
    expect(sentencesOf('lib/gates/check-seal-intact.ts')).toEqual([]);
    expect(byFile.get('lib/gates/decide-gate.ts')?.some((s) => s.text.startsWith('Unknown gate'))).toBe(true);
  });
});
