// `infusionClaims.filePatterns`: `.csv`/`.json` files the user opts in as claim files. They get the
// claims languages (not only diagnostics): the claims grammar colours them, and the claims menus
// and language status apply, as for `*.claims.csv`.
import * as path from 'path';
import * as vscode from 'vscode';
import { withoutDotSlash } from '../../server/src/lsp/claim-files';
import { SETTINGS_SECTION } from '../../server/src/lsp/protocol';

type ClaimsLanguage = 'claims-csv' | 'claims-json';

/** The user's patterns for a document (the setting is per folder: its folder's) as document
 *  filters; a relative pattern matches at any depth, a leading `./` dropped as the server drops it
 *  (behind the any-depth prefix it would match nothing). */
function patternFilters(scope: vscode.Uri): Array<{ pattern: string }> {
  const patterns = new Set(vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<string[]>('filePatterns', []));
  return [...patterns].map(withoutDotSlash).map((p) => ({ pattern: p.startsWith('/') || p.startsWith('**') ? p : `**/${p}` }));
}

/** The claims language a `.csv`/`.json` file takes when the user's patterns name it, whatever its language now. */
function optedInLanguage(doc: vscode.TextDocument): ClaimsLanguage | undefined {
  const ext = path.extname(doc.uri.path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') return undefined;
  const filters = patternFilters(doc.uri);
  if (filters.length === 0 || vscode.languages.match(filters, doc) === 0) return undefined;
  return ext === '.json' ? 'claims-json' : 'claims-csv';
}

/** The claims language of a document: its own, or the one an opted-in `.csv`/`.json` file takes. */
export function claimsLanguageOf(doc: vscode.TextDocument): ClaimsLanguage | undefined {
  if (doc.languageId === 'claims-csv' || doc.languageId === 'claims-json') return doc.languageId;
  return optedInLanguage(doc);
}

/** uri → the language an opted-in document had before it took the claims language. */
const adopted = new Map<string, string>();
/** The documents looked at since they opened: each is switched once, so a language the user picks
 *  afterwards stays (a language change reopens the document, which would switch it back). */
const seen = new Set<string>();

async function setLanguage(doc: vscode.TextDocument, language: string): Promise<void> {
  try {
    await vscode.languages.setTextDocumentLanguage(doc, language);
  } catch {
    // Closed meanwhile: nothing to switch.
  }
}

/** Give an opted-in document its claims language, once; whether it is a claim document. */
async function adopt(doc: vscode.TextDocument): Promise<boolean> {
  const uri = doc.uri.toString();
  const language = claimsLanguageOf(doc);
  if (!language) return false;
  if (doc.languageId !== language && !adopted.has(uri)) {
    adopted.set(uri, doc.languageId);
    await setLanguage(doc, language);
  }
  return true;
}

/** A document opened (or reopened by a language change): whether it is a claim document. */
export function opened(doc: vscode.TextDocument): Promise<boolean> {
  const uri = doc.uri.toString();
  if (seen.has(uri)) return Promise.resolve(doc.languageId === 'claims-csv' || doc.languageId === 'claims-json');
  seen.add(uri);
  return adopt(doc);
}

/** A document closed: opened again, it is switched again. A language change also reports a close,
 *  of a document that is still open then. */
export function forget(doc: vscode.TextDocument): void {
  const uri = doc.uri.toString();
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) return;
  seen.delete(uri);
  adopted.delete(uri);
}

/** The patterns changed: a document they no longer match goes back to the language it had (unless
 *  the user switched it meanwhile); one they now match is switched by the next `opened`. */
export async function patternsChanged(): Promise<void> {
  seen.clear();
  await Promise.all(vscode.workspace.textDocuments.map(async (doc) => {
    const uri = doc.uri.toString();
    const before = adopted.get(uri);
    if (before === undefined || optedInLanguage(doc)) return;
    adopted.delete(uri);
    if (doc.languageId === 'claims-csv' || doc.languageId === 'claims-json') await setLanguage(doc, before);
  }));
}
