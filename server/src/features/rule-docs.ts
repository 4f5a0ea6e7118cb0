// Where each rule's page lives: `${RULE_DOCS_BASE}<rule-id>.md` (docs/rules/ in the repository).
// One constant so the diagnostics' codeDescription, SARIF helpUri and the client agree.
export const RULE_DOCS_BASE = 'https://github.com/infusion-claims/infusion-claims/blob/main/docs/rules/';
