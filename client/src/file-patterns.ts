// `infusionClaims.filePatterns`: `.csv`/`.json` files the user opts in as claim files. They get the
// claims languages (not only diagnostics): the claims grammar colours them, and the claims menus
// and language status apply, as for `*.claims.csv`.
import * as path from 'path';
import * as vscode from 'vscode';
import { withoutDotSlash } from '../../server/src/lsp/claim-files';
import { SETTINGS_SECTION } from '../../server/src/lsp/protocol';

type ClaimsLanguage = 'claims-csv' | 'claims-json';

/** The user's patterns as document filters; a relative pattern matches at any depth, a leading
 *  `./` dropped as the server drops it (behind the any-depth prefix it would match nothing). The
 *  setting is per folder: for a document, its own; else every folder's (the server then decides by
 *  the document's folder, so a pattern of one folder does not make another's file a claim file). */
export function patternFilters(scope?: vscode.Uri): Array<{ pattern: string }> {
  const scopes = scope ? [scope] : [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  const patterns = new Set(scopes.flatMap((s) => vscode.workspace.getConfiguration(SETTINGS_SECTION, s).get<string[]>('filePatterns', [])));
  return [...patterns].map(withoutDotSlash).map((p) => ({ pattern: p.startsWith('/') || p.startsWith('**') ? p : `**/${p}` }));
}

/** The claims language of a document: its own, or the one an opted-in `.csv`/`.json` file takes. */
export function claimsLanguageOf(doc: vscode.TextDocument): ClaimsLanguage | undefined {
  if (doc.languageId === 'claims-csv' || doc.languageId === 'claims-json') return doc.languageId;
  const ext = path.extname(doc.uri.path).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') return undefined;
  const filters = patternFilters(doc.uri);
  if (filters.length === 0 || vscode.languages.match(filters, doc) === 0) return undefined;
  return ext === '.json' ? 'claims-json' : 'claims-csv';
}

/** Give an opted-in document its claims language; whether it is a claim document. */
export async function adopt(doc: vscode.TextDocument): Promise<boolean> {
  const language = claimsLanguageOf(doc);
  if (!language) return false;
  if (doc.languageId !== language) {
    try {
      await vscode.languages.setTextDocumentLanguage(doc, language);
    } catch {
      // Closed meanwhile: nothing to switch.
    }
  }
  return true;
}
