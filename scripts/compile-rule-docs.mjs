// Compiles docs/rules/<rule-id>.md into server/out/data/rule-docs.json, for the SARIF report's rule
// descriptions (server/src/cli/report-sarif.ts): each page's first sentence (fullDescription) and
// the page itself (help.markdown: code scanning shows help, not helpUri). Run by the build, so the
// report says what the shipped pages say.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DOCS_DIR = path.join(ROOT, 'docs', 'rules');
const OUT_FILE = path.join(ROOT, 'server', 'out', 'data', 'rule-docs.json');
const SELF = fileURLToPath(import.meta.url);

/** The page's first paragraph of prose (after the title and the "**Default severity:**" line), on one line. */
export function firstParagraph(markdown) {
  const paragraphs = markdown.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const prose = paragraphs.find((p) => !p.startsWith('#') && !p.startsWith('**Default severity'));
  return (prose ?? '').replace(/\s*\n\s*/g, ' ');
}

/** The first sentence of a paragraph: up to the first ".", "!" or "?" followed by a space and a
 *  capital letter (or the end), not after an abbreviation ("e.g. CMS" does not end one). */
export function firstSentence(paragraph) {
  const end = /[.!?](?=\s+[A-Z]|\s*$)/g;
  for (let m = end.exec(paragraph); m; m = end.exec(paragraph)) {
    if (/\b(e\.g|i\.e|etc|vs|No)$/.test(paragraph.slice(0, m.index))) continue;
    return paragraph.slice(0, m.index + 1).trim();
  }
  return paragraph.trim();
}

export function compileRuleDocs() {
  const docs = {};
  for (const name of fs.readdirSync(DOCS_DIR).filter((n) => n.endsWith('.md')).sort()) {
    const markdown = fs.readFileSync(path.join(DOCS_DIR, name), 'utf8').replace(/\r\n?/g, '\n').trim();
    const summary = firstSentence(firstParagraph(markdown));
    if (!summary) throw new Error(`compile-rule-docs: ${name} has no paragraph to describe its rule`);
    docs[name.slice(0, -'.md'.length)] = { summary, markdown };
  }
  fs.mkdirSync(path.dirname(OUT_FILE), { recursive: true });
  fs.writeFileSync(OUT_FILE, JSON.stringify(docs));
  return docs;
}

// `node scripts/compile-rule-docs.mjs` compiles on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  const docs = compileRuleDocs();
  console.log(`compile-rule-docs: ${Object.keys(docs).length} pages → ${path.relative(ROOT, OUT_FILE)}`);
}
