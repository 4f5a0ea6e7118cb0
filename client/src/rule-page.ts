// "Infusion Claims: Open Rule Page": a rule's page shipped in the extension (docs/rules), in the
// Markdown preview, so it matches the installed version and needs no network. From the palette: a
// quick pick of every rule, the active document's first. The rule ids and one-line descriptions
// come from the manifest's `infusionClaims.rules` setting, which the package tests keep equal to
// the registry (`<meta.description> Default: <severity>.`).
import * as vscode from 'vscode';
import type { HandleDiagnosticsSignature, ProvideHoverSignature } from 'vscode-languageclient/node';
import { SOURCE, ruleDocUrl } from '../../server/src/lsp/protocol';

export const OPEN_RULE_PAGE = 'infusionClaims.openRulePage';

interface Manifest {
  contributes?: { configuration?: { properties?: Record<string, { properties?: Record<string, { description?: string }> }> } };
}

/** Rule id → its one-line description. */
function rulesOf(manifest: Manifest): Map<string, string> {
  const props = manifest.contributes?.configuration?.properties?.['infusionClaims.rules']?.properties ?? {};
  return new Map(Object.entries(props).map(([id, p]) => [id, (p.description ?? '').replace(/ Default: \w+\.$/, '')]));
}

async function pickRule(rules: Map<string, string>): Promise<string | undefined> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  const reported = new Set((uri ? vscode.languages.getDiagnostics(uri) : [])
    .filter((d) => d.source === SOURCE)
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code)));
  const item = (id: string): vscode.QuickPickItem => ({ label: id, description: rules.get(id) });
  const first = [...rules.keys()].filter((id) => reported.has(id));
  const rest = [...rules.keys()].filter((id) => !reported.has(id));
  const Separator = vscode.QuickPickItemKind.Separator;
  const items = first.length
    ? [{ label: 'in this file', kind: Separator }, ...first.map(item), { label: 'other rules', kind: Separator }, ...rest.map(item)]
    : rest.map(item);
  const pick = await vscode.window.showQuickPick(items, { placeHolder: 'Rule to open: type its id or words of what it checks', matchOnDescription: true });
  return pick?.label;
}

export async function openRulePage(extension: vscode.Extension<unknown>, ruleId?: unknown): Promise<void> {
  const rules = rulesOf(extension.packageJSON as Manifest);
  let id = typeof ruleId === 'string' ? ruleId.trim().toLowerCase() : '';
  if (!id) id = (await pickRule(rules)) ?? '';
  if (!id) return;
  if (!/^[a-z0-9-]+$/.test(id) || (rules.size > 0 && !rules.has(id))) {
    await vscode.window.showErrorMessage(`Infusion Claims: there is no rule "${String(ruleId)}".`);
    return;
  }
  const page = vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
    await vscode.commands.executeCommand('markdown.showPreview', page);
  } catch {
    await vscode.env.openExternal(vscode.Uri.parse(ruleDocUrl(id)));
  }
}

/** A command: link that opens a rule's shipped page. */
function ruleCommandUri(id: string): string {
  return `command:${OPEN_RULE_PAGE}?${encodeURIComponent(JSON.stringify([id]))}`;
}

/** Client middleware: each finding's rule link (the server's web page, for other editors and
 *  SARIF) opens the page shipped in the extension instead, with no network. The Problems panel,
 *  the hover and the peek view open a command: link (they allow commands). */
export function ruleLinks(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: HandleDiagnosticsSignature): void {
  for (const d of diagnostics) {
    if (d.source !== SOURCE || typeof d.code !== 'object') continue;
    d.code = { value: d.code.value, target: vscode.Uri.parse(ruleCommandUri(String(d.code.value))) };
  }
  next(uri, diagnostics);
}

/** The web address of a rule's page as the server writes it in a hover's Markdown, `(<url>)`. */
const HOVER_RULE_LINK = new RegExp(`\\(${ruleDocUrl('RULEID').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace('RULEID', '([a-z0-9-]+)')}\\)`, 'g');

/** Client middleware: a hover's rule links (a finding under the cursor) open the shipped page too.
 *  The Markdown is trusted for that one command only: the rest of it (file values, escaped by the
 *  server) can run nothing. */
export async function hoverRuleLinks(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken, next: ProvideHoverSignature): Promise<vscode.Hover | null | undefined> {
  const hover = await next(document, position, token);
  if (!hover) return hover;
  const contents = hover.contents.map((c) => {
    if (!(c instanceof vscode.MarkdownString)) return c;
    const value = c.value.replace(HOVER_RULE_LINK, (_, id: string) => `(${ruleCommandUri(id)})`);
    if (value === c.value) return c;
    const md = new vscode.MarkdownString(value, c.supportThemeIcons);
    md.isTrusted = { enabledCommands: [OPEN_RULE_PAGE] };
    md.supportHtml = c.supportHtml;
    return md;
  });
  return new vscode.Hover(contents, hover.range);
}
