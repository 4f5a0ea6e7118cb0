// The custom messages between the language server and the VS Code client (and any other client).
// Plain constants and shapes only: the client bundles this file, so it imports nothing but
// features/rule-docs (one constant) and types (no engine, no vscode-languageserver).
import { ruleDocUrl } from '../features/rule-docs';
import type { LookupEntry } from '../features/types';

/** Request, no params: every code and modifier for the "Look Up Code…" quick pick (descriptors only). */
export const LOOKUP_REQUEST = 'infusionClaims/lookup';
export type LookupResponse = LookupEntry[];

/** Request: the full markdown entry of the picked code or modifier; null when unknown. */
export const LOOKUP_ENTRY_REQUEST = 'infusionClaims/lookupEntry';
export type LookupEntryParams = Pick<LookupEntry, 'label' | 'kind'>;
export type LookupEntryResponse = string | null;

/** Notification after each lint of a document, for the status item. Counts and timing only.
 *  Also sent with `busy` when a long lint of the document begins (the counts are then the last
 *  lint's, or zeros). */
export const STATUS_NOTIFICATION = 'infusionClaims/status';
export interface StatusParams {
  readonly uri: string;
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
  /** How many of the problems are in the published diagnostics (at most maxNumberOfProblems). */
  readonly shown: number;
  /** Parse + rules, milliseconds. */
  readonly ms: number;
  /** A lint of the document is under way: the counts are not of its current text. */
  readonly busy?: boolean;
}

/** Request, no params: lint every open claim document now; answers the totals.
 *  (LINT_WORKSPACE_REQUEST below lints the workspace's files that are not open too.) */
export const LINT_OPEN_REQUEST = 'infusionClaims/lintOpenDocuments';
export interface LintOpenResponse {
  readonly files: number;
  readonly problems: number;
  readonly errors: number;
}

/** Request: lint every claim file of the workspace folders, open or not, and publish each one's
 *  diagnostics (so closed files show in Problems). Progress goes to `workDoneToken` when the client
 *  gives one, else to a server-created `window/workDoneProgress` when the client supports it. */
export const LINT_WORKSPACE_REQUEST = 'infusionClaims/lintWorkspace';
export interface LintWorkspaceParams {
  readonly workDoneToken?: string | number;
}
export interface LintWorkspaceResponse extends LintOpenResponse {
  /** The client cancelled before every file was linted; the counts are of those that were. */
  readonly cancelled: boolean;
}

/** The settings section, `infusionClaims.*`. */
export const SETTINGS_SECTION = 'infusionClaims';

/** The diagnostic source and the code-action kind suffix. */
export const SOURCE = 'infusion-claims';
export const FIX_ALL_KIND = 'source.fixAll.infusionClaims';

/** workspace/executeCommand with a WorkspaceEdit: a fix, for a client that takes no code action
 *  literals (the server then offers each fix as this command). */
export const APPLY_FIX_COMMAND = 'infusionClaims.applyFix';

export { ruleDocUrl };
