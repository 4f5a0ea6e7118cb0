// "Infusion Claims: Look Up Code…": every HCPCS code and modifier the server knows, searchable by
// code or descriptor words; the picked one's description opens in the Markdown preview. The page
// is a read-only virtual document (never an unsaved untitled file the user is asked to save).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  LOOKUP_ENTRY_REQUEST, LOOKUP_REQUEST, type LookupEntryParams, type LookupEntryResponse, type LookupResponse,
} from '../../server/src/lsp/protocol';

const SCHEME = 'infusion-claims-lookup';
/** Page path → its Markdown, for the content provider. */
const pages = new Map<string, string>();

/** The provider of the lookup pages; register once, at activation. */
export function lookupPages(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    provideTextDocumentContent: (uri) => pages.get(uri.path) ?? '',
  });
}

/** A quick pick showing `value` typed in already (showQuickPick takes no value). */
function pickWith<T extends vscode.QuickPickItem>(items: T[], value: string): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  Object.assign(qp, { items, value, matchOnDescription: true, matchOnDetail: true, placeholder: 'Type a code, a modifier or words of its descriptor' });
  return new Promise((resolve) => {
    qp.onDidAccept(() => { resolve(qp.selectedItems[0]); qp.hide(); });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
    qp.show();
  });
}

/** From the editor's context menu (`fromMenu`: the document's URI), the code under the cursor is typed in already. */
export async function lookupCode(client: LanguageClient | undefined, fromMenu?: unknown): Promise<void> {
  if (!client) return;
  const editor = vscode.window.activeTextEditor;
  const at = fromMenu instanceof vscode.Uri && editor ? editor.document.getWordRangeAtPosition(editor.selection.active, /[A-Za-z0-9]+/) : undefined;
  // The list carries descriptors only; the picked entry's full markdown is a second request.
  const entries = await client.sendRequest<LookupResponse>(LOOKUP_REQUEST);
  const pick = await pickWith(
    entries.map((e) => ({ label: e.label, description: e.kind === 'modifier' ? `modifier · ${e.description}` : e.description, detail: e.detail, entry: e })),
    at && editor ? editor.document.getText(at) : '',
  );
  if (!pick) return;
  const params: LookupEntryParams = { label: pick.entry.label, kind: pick.entry.kind };
  const content = await client.sendRequest<LookupEntryResponse>(LOOKUP_ENTRY_REQUEST, params);
  if (!content) return;
  const name = `${pick.entry.kind === 'modifier' ? 'modifier ' : ''}${pick.entry.label}`.replace(/[^\w -]/g, '-');
  const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}.md` });
  pages.set(uri.path, content);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }
}
