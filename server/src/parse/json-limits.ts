// Limits shared by the JSON parser (json.ts) and the bracket recovery before it (json-recover.ts).

/** Deeper than this, jsonc-parser's recursive descent may overflow; json.ts reports it instead,
 *  and json-recover.ts does not try to repair a text nested deeper (not a claim file being typed). */
export const MAX_DEPTH = 1000;
