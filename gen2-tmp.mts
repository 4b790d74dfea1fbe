import { readFileSync } from 'node:fs';
import ts from 'typescript';
const files = process.argv.slice(2);
const literal = (n: ts.Node): string | null => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? n.text : ts.isTemplateExpression(n) ? n.getText() : null;
for (const file of files) {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError' && node.arguments?.[1]) { const t = literal(node.arguments[1]); if (t) console.log(`${file}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1} E ${t.slice(0, 150)}`); }
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'message') { const t = literal(node.initializer); if (t && /\p{L}{2}/u.test(t)) console.log(`${file}:${src.getLineAndCharacterOfPosition(node.getStart()).line + 1} M ${t.slice(0, 150)}`); }
    ts.forEachChild(node, visit);
  };
  visit(src);
}
