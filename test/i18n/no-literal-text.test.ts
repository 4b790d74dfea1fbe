// No English left in the portal's markup: every app/**/*.tsx is parsed with the TypeScript compiler and
// JSX text containing letters, a string literal with letters rendered as a child (`{ok ? 'Yes' : 'No'}`),
// or one given to a prop that people read or hear
// (aria-label, title, placeholder, alt, and our form components' label, hint, legend, caption), fails
// the test with its file and line. Words go through next-intl (docs/languages.md); what is not words
// for a person (a code sample, an algorithm's name, an identifier) is listed below with the reason.
// An allowlist entry that no longer matches anything fails too, so the list shrinks as pages are done.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Props whose string is read or heard by a person. */
const READ_PROPS = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'hint', 'legend', 'caption']);

interface Allowed {
  /** The file, relative to the repository; ending in `/`, every file under that folder. */
  file: string;
  /** The literal text as found (trimmed, spaces collapsed); omitted: every text of the file. */
  text?: string;
  reason: string;
}

const ALLOWED: Allowed[] = [
  { file: 'app/company/api-tokens/create-token-form.tsx', text: 'curl -H Authorization: Bearer $TOKEN', reason: 'a shell command to copy, not words' },
  { file: 'app/declarations/[id]/_sections/versions-section.tsx', text: 'SHA-256', reason: 'the hash algorithm’s name, the same in every language' },
  { file: 'app/company/audit/page.tsx', text: 'user.', reason: 'an audit action prefix to type in the filter (an identifier)' },
  { file: 'app/company/audit/page.tsx', text: 'api_token.', reason: 'an audit action prefix to type in the filter (an identifier)' },
  { file: 'app/company/audit/page.tsx', text: 'delegation.revoke', reason: 'an audit action to type in the filter (an identifier)' },
  { file: 'app/company/audit/page.tsx', text: 'declaration.', reason: 'an audit action prefix to type in the filter (an identifier)' },
];

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const LETTER = /\p{L}/u;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
// `&nbsp;` and the like are characters, not words.
const withoutEntities = (s: string) => s.replace(/&(#\d+|#x[\da-f]+|[a-z]+);/gi, ' ');

/** The literal text a prop's value spells out itself: a string, or the fixed parts of a template. */
function literalOf(initializer: ts.JsxAttributeValue | undefined): string | null {
  let value: ts.Node | undefined = initializer;
  if (value && ts.isJsxExpression(value)) value = value.expression;
  if (!value) return null;
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
  if (ts.isTemplateExpression(value)) return [value.head.text, ...value.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** The strings a child expression renders as they are: `{'Text'}`, `{ok ? 'Yes' : 'No'}`, `{none && 'None'}`. */
function renderedStrings(node: ts.Expression | undefined): ts.StringLiteralLike[] {
  if (!node) return [];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isParenthesizedExpression(node)) return renderedStrings(node.expression);
  if (ts.isConditionalExpression(node)) return [...renderedStrings(node.whenTrue), ...renderedStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...(node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken ? [] : renderedStrings(node.left)), ...renderedStrings(node.right)];
  }
  return [];
}

/** The English a file's markup writes itself. */
export function literalTextIn(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const add = (node: ts.Node, text: string) => found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: collapse(text) });
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = withoutEntities(node.text);
      if (LETTER.test(text)) add(node, text);
    } else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      for (const literal of renderedStrings(node.expression)) if (LETTER.test(literal.text)) add(literal, literal.text);
    } else if (ts.isJsxAttribute(node) && READ_PROPS.has(node.name.getText(sf))) {
      const text = literalOf(node.initializer);
      if (text !== null && LETTER.test(text)) add(node, text);
    } else if (ts.isVariableDeclaration(node) && node.name.getText(sf) === 'metadata' && node.initializer && ts.isObjectLiteralExpression(node.initializer)) {
      // `export const metadata = { title: 'Gate traffic' }`: the page's title, read first by a screen reader.
      for (const p of node.initializer.properties) {
        if (ts.isPropertyAssignment(p) && ['title', 'description'].includes(p.name.getText(sf)) && (ts.isStringLiteral(p.initializer) || ts.isNoSubstitutionTemplateLiteral(p.initializer)) && LETTER.test(p.initializer.text)) {
          add(p, p.initializer.text);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsxFiles(path) : name.endsWith('.tsx') ? [path] : [];
  });
}

const allows = (a: Allowed, f: Finding) => (a.file.endsWith('/') ? f.file.startsWith(a.file) : a.file === f.file) && (a.text === undefined || a.text === f.text);

describe('no literal text in the portal’s markup', () => {
  const findings = tsxFiles('app').flatMap((file) => literalTextIn(file, readFileSync(file, 'utf8')));

  it('every JSX text and read prop with letters goes through next-intl (or is allowlisted with a reason)', () => {
    const left = findings.filter((f) => !ALLOWED.some((a) => allows(a, f)));
    expect(left.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('every allowlist entry has a reason and still matches something', () => {
    expect(ALLOWED.filter((a) => !a.reason.trim())).toEqual([]);
    expect(ALLOWED.filter((a) => !findings.some((f) => allows(a, f))).map((a) => `${a.file}${a.text ? ` ${JSON.stringify(a.text)}` : ''}`)).toEqual([]);
  });

  it('finds English JSX text, a read prop, a template and a page title, not code, symbols or entities', () => {
    const source = `
      export const metadata = { title: 'Gate traffic' };
      export function P({ t, n }) {
        return (
          <div aria-label="Main area">
            Hello
            <Field label={'Amount paid'} hint={\`Total \${n}\`} title={t('x')} className="badge" />
            {t('ok')} · — ✓ {n}&nbsp;{n ? 'Yes' : '—'}{n || 'None'}{n && <b>{'Bold'}</b>}
            <img alt="" />
          </div>
        );
      }`;
    expect(literalTextIn('x.tsx', source).map((f) => `${f.line} ${f.text}`)).toEqual(['2 Gate traffic', '5 Main area', '6 Hello', '7 Amount paid', '7 Total', '8 Yes', '8 None', '8 Bold']);
  });
});
