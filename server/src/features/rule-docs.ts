// Where each rule's page lives: `${RULE_DOCS_BASE}<rule-id>.md` (docs/rules/ in the repository).
// One place so the diagnostics' codeDescription, hover links, SARIF helpUri and the client agree.
export const RULE_DOCS_BASE = 'https://github.com/infusion-claims/infusion-claims/blob/main/docs/rules/';

/** The page of one rule (the diagnostic's codeDescription, hover, SARIF helpUri, "Open Rule Page"). */
export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}
