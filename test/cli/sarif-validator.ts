// A structural check of the SARIF 2.1.0 fields the CLI emits (the parts code scanning reads):
// returns what is wrong, as JSON paths with the rule of the spec they break. Not a full schema.
const LEVELS = ['none', 'note', 'warning', 'error'];

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isAbsoluteUri(v: Json): boolean {
  if (typeof v !== 'string') return false;
  try {
    return new URL(v).protocol.length > 1;
  } catch {
    return false;
  }
}

/** A URI reference as SARIF wants it: no spaces or backslashes, percent-escapes well formed. */
function isUriReference(v: Json): boolean {
  if (typeof v !== 'string' || v === '' || /[\s\\]/.test(v)) return false;
  try {
    decodeURIComponent(v);
    return true;
  } catch {
    return false;
  }
}

function isPositiveInt(v: Json): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1;
}

function nonEmptyText(v: Json): boolean {
  return typeof v === 'string' && v.trim().length > 0;
}

/** The lines of a text as the CLI counts them (\n, \r\n, a lone \r), each without its line
 *  end, and a UTF-8 byte order mark not a column; columns are UTF-16 code units. */
function linesOf(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
}

/** Whether line:column is in a file of these lines: a column of the line, or just after its last
 *  character (a line end, or the file's end). */
function inFile(lines: readonly string[], line: number, column: number): boolean {
  return line <= lines.length && column <= lines[line - 1].length + 1;
}

/**
 * `fileText`: the text of a result's file (by its artifact location's uri), when the check should
 * also see that each fix's replacements are inside it.
 */
export function validateSarif(log: Json, fileText?: (uri: string) => string | undefined): string[] {
  const errors: string[] = [];
  const fail = (path: string, what: string): void => { errors.push(`${path}: ${what}`); };
  if (!isObject(log)) return ['$: the log is not an object'];
  if (typeof log.$schema !== 'string' || !/sarif-(schema-)?2\.1\.0/.test(log.$schema) || !isAbsoluteUri(log.$schema)) {
    fail('$.$schema', 'must be the URI of the SARIF 2.1.0 schema');
  }
  if (log.version !== '2.1.0') fail('$.version', 'must be "2.1.0"');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...errors, '$.runs: must be a non-empty array'];

  log.runs.forEach((run: Json, r: number) => {
    const at = `$.runs[${r}]`;
    if (!isObject(run)) return fail(at, 'not an object');
    const driver = isObject(run.tool) ? run.tool.driver : undefined;
    if (!isObject(driver)) return fail(`${at}.tool.driver`, 'missing');
    if (!nonEmptyText(driver.name)) fail(`${at}.tool.driver.name`, 'must be a non-empty string');
    if (!isAbsoluteUri(driver.informationUri)) fail(`${at}.tool.driver.informationUri`, 'must be an absolute URI');
    if (typeof driver.semanticVersion !== 'string' || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(driver.semanticVersion)) {
      fail(`${at}.tool.driver.semanticVersion`, 'must be a semantic version (the package\'s)');
    }
    const rules: Json[] = Array.isArray(driver.rules) ? driver.rules : [];
    if (!Array.isArray(driver.rules)) fail(`${at}.tool.driver.rules`, 'must be an array');
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const rp = `${at}.tool.driver.rules[${i}]`;
      if (!isObject(rule)) return fail(rp, 'not an object');
      if (!nonEmptyText(rule.id)) fail(`${rp}.id`, 'must be a non-empty string');
      else if (ids.has(rule.id as string)) fail(`${rp}.id`, `duplicate id ${String(rule.id)}`);
      else ids.add(rule.id as string);
      if (!isObject(rule.shortDescription) || !nonEmptyText(rule.shortDescription.text)) fail(`${rp}.shortDescription.text`, 'must be a non-empty string');
      if (!isAbsoluteUri(rule.helpUri)) fail(`${rp}.helpUri`, 'must be an absolute URI');
      // Code scanning shows fullDescription and help (not helpUri) on an alert.
      if (!isObject(rule.fullDescription) || !nonEmptyText(rule.fullDescription.text)) fail(`${rp}.fullDescription.text`, 'must be a non-empty string');
      if (!isObject(rule.help) || !nonEmptyText(rule.help.text)) fail(`${rp}.help.text`, 'must be a non-empty string');
      else if (rule.help.markdown !== undefined && !nonEmptyText(rule.help.markdown)) fail(`${rp}.help.markdown`, 'must be a non-empty string when present');
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (!LEVELS.includes(level as string)) fail(`${rp}.defaultConfiguration.level`, `must be one of ${LEVELS.join(', ')}`);
    });
    // Relative URIs name their base (uriBaseId), which the run says where it was: code scanning
    // resolves them against the checkout's root, not against the folder the tool ran in.
    const baseIds = run.originalUriBaseIds;
    if (baseIds !== undefined) {
      if (!isObject(baseIds)) fail(`${at}.originalUriBaseIds`, 'must be an object');
      else {
        for (const [id, base] of Object.entries(baseIds)) {
          const u = isObject(base) ? base.uri : undefined;
          if (!isAbsoluteUri(u) || !(u as string).endsWith('/')) fail(`${at}.originalUriBaseIds.${id}.uri`, 'must be an absolute URI ending in /');
        }
      }
    }
    const artifact = (lp: string, phys: Record<string, Json>): void => {
      const loc = phys.artifactLocation;
      const uri = isObject(loc) ? loc.uri : undefined;
      if (!isUriReference(uri)) return fail(`${lp}.artifactLocation.uri`, 'must be a URI reference (forward slashes, percent-encoded)');
      const baseId = (loc as Record<string, Json>).uriBaseId;
      if (baseId === undefined) {
        if (!isAbsoluteUri(uri)) fail(`${lp}.artifactLocation.uriBaseId`, 'a relative URI needs a uriBaseId');
      } else if (!isObject(baseIds) || !(typeof baseId === 'string' && baseId in baseIds)) {
        fail(`${lp}.artifactLocation.uriBaseId`, 'must be a key of run.originalUriBaseIds');
      } else if (isAbsoluteUri(uri)) {
        fail(`${lp}.artifactLocation.uriBaseId`, 'an absolute URI takes no uriBaseId');
      }
    };
    /** A physicalLocation with (region) or without a region. */
    const physical = (lp: string, phys: Json, region: boolean): void => {
      if (!isObject(phys)) return fail(lp, 'missing');
      artifact(lp, phys);
      if (!region) return;
      const r = phys.region;
      if (!isObject(r)) return fail(`${lp}.region`, 'missing');
      for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        if (!isPositiveInt(r[k])) fail(`${lp}.region.${k}`, 'must be an integer ≥ 1');
      }
      const { startLine, startColumn, endLine, endColumn } = r as Record<string, number>;
      if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) fail(`${lp}.region`, 'ends before it starts');
    };
    if (run.columnKind !== undefined && run.columnKind !== 'utf16CodeUnits' && run.columnKind !== 'unicodeCodePoints') {
      fail(`${at}.columnKind`, 'must be utf16CodeUnits or unicodeCodePoints');
    }
    // What the run could not do (a file it could not read): code scanning must not take that
    // file's alerts for fixed. The CLI always writes one invocation.
    if (!Array.isArray(run.invocations) || run.invocations.length === 0) {
      fail(`${at}.invocations`, 'must be a non-empty array');
    } else {
      run.invocations.forEach((inv: Json, k: number) => {
        const ip = `${at}.invocations[${k}]`;
        if (!isObject(inv)) return fail(ip, 'not an object');
        if (typeof inv.executionSuccessful !== 'boolean') fail(`${ip}.executionSuccessful`, 'must be a boolean');
        const notes = inv.toolExecutionNotifications;
        if (notes === undefined) return;
        if (!Array.isArray(notes)) return fail(`${ip}.toolExecutionNotifications`, 'must be an array');
        if (notes.some((n: Json) => isObject(n) && n.level === 'error') && inv.executionSuccessful !== false) {
          fail(`${ip}.executionSuccessful`, 'must be false when a notification is an error');
        }
        notes.forEach((n: Json, j: number) => {
          const np = `${ip}.toolExecutionNotifications[${j}]`;
          if (!isObject(n)) return fail(np, 'not an object');
          if (!LEVELS.includes(n.level as string)) fail(`${np}.level`, `must be one of ${LEVELS.join(', ')}`);
          if (!isObject(n.message) || !nonEmptyText(n.message.text)) fail(`${np}.message.text`, 'must be a non-empty string');
          if (n.locations === undefined) return;
          if (!Array.isArray(n.locations)) return fail(`${np}.locations`, 'must be an array');
          n.locations.forEach((loc: Json, m: number) => {
            physical(`${np}.locations[${m}].physicalLocation`, isObject(loc) ? loc.physicalLocation : undefined, false);
          });
        });
      });
    }
    if (!Array.isArray(run.results)) return fail(`${at}.results`, 'must be an array');
    // Code scanning takes results with equal fingerprints for one alert: every result has one
    // (the CLI's own, infusionClaims/v1), none the same as another's.
    const fingerprints = new Set<string>();
    run.results.forEach((result: Json, i: number) => {
      const p = `${at}.results[${i}]`;
      if (!isObject(result)) return fail(p, 'not an object');
      const fp = isObject(result.partialFingerprints) ? result.partialFingerprints['infusionClaims/v1'] : undefined;
      if (!nonEmptyText(fp)) fail(`${p}.partialFingerprints`, 'must hold infusionClaims/v1, a non-empty string');
      else if (fingerprints.has(fp as string)) fail(`${p}.partialFingerprints`, `infusionClaims/v1 ${String(fp)} is another result's too`);
      else fingerprints.add(fp as string);
      if (!nonEmptyText(result.ruleId)) fail(`${p}.ruleId`, 'must be a non-empty string');
      if (result.ruleIndex !== undefined) {
        const ri = result.ruleIndex;
        if (typeof ri !== 'number' || !Number.isInteger(ri) || ri < 0 || ri >= rules.length) fail(`${p}.ruleIndex`, 'must index tool.driver.rules');
        else if (!isObject(rules[ri]) || (rules[ri] as Record<string, Json>).id !== result.ruleId) fail(`${p}.ruleIndex`, 'names a rule with another id than ruleId');
      } else if (!ids.has(result.ruleId as string)) {
        fail(`${p}.ruleId`, 'has no descriptor in tool.driver.rules');
      }
      if (!LEVELS.includes(result.level as string)) fail(`${p}.level`, `must be one of ${LEVELS.join(', ')}`);
      if (!isObject(result.message) || !nonEmptyText(result.message.text)) fail(`${p}.message.text`, 'must be a non-empty string');
      if (!Array.isArray(result.locations) || result.locations.length === 0) return fail(`${p}.locations`, 'must be a non-empty array');
      result.locations.forEach((loc: Json, j: number) => {
        physical(`${p}.locations[${j}].physicalLocation`, isObject(loc) ? loc.physicalLocation : undefined, true);
      });
      // Places the result points at too: each with its own id, a message and a located region.
      if (result.relatedLocations !== undefined) {
        if (!Array.isArray(result.relatedLocations) || result.relatedLocations.length === 0) return fail(`${p}.relatedLocations`, 'must be a non-empty array when present');
        const relIds = new Set<number>();
        result.relatedLocations.forEach((loc: Json, j: number) => {
          const rp = `${p}.relatedLocations[${j}]`;
          if (!isObject(loc)) return fail(rp, 'not an object');
          if (typeof loc.id !== 'number' || !Number.isInteger(loc.id) || loc.id < 0 || relIds.has(loc.id)) fail(`${rp}.id`, 'must be a unique integer ≥ 0');
          else relIds.add(loc.id);
          if (!isObject(loc.message) || !nonEmptyText(loc.message.text)) fail(`${rp}.message.text`, 'must be a non-empty string');
          physical(`${rp}.physicalLocation`, loc.physicalLocation, true);
        });
      }
      // Fixes (3.55): a description, the changes to the result's own file, each replacement a
      // valid region of it (an insertion: an empty one), in file order without overlap, and
      // whether --fix applies it (properties.safe).
      if (result.fixes === undefined) return;
      if (!Array.isArray(result.fixes) || result.fixes.length === 0) return fail(`${p}.fixes`, 'must be a non-empty array when present');
      const own = isObject(result.locations[0]) && isObject(result.locations[0].physicalLocation) ? result.locations[0].physicalLocation.artifactLocation : undefined;
      result.fixes.forEach((fix: Json, j: number) => {
        const fp2 = `${p}.fixes[${j}]`;
        if (!isObject(fix)) return fail(fp2, 'not an object');
        if (!isObject(fix.description) || !nonEmptyText(fix.description.text)) fail(`${fp2}.description.text`, 'must be a non-empty string');
        if (!isObject(fix.properties) || typeof fix.properties.safe !== 'boolean') fail(`${fp2}.properties.safe`, 'must be a boolean');
        if (!Array.isArray(fix.artifactChanges) || fix.artifactChanges.length === 0) return fail(`${fp2}.artifactChanges`, 'must be a non-empty array');
        fix.artifactChanges.forEach((change: Json, c: number) => {
          const cp = `${fp2}.artifactChanges[${c}]`;
          if (!isObject(change)) return fail(cp, 'not an object');
          artifact(cp, change);
          if (JSON.stringify(change.artifactLocation) !== JSON.stringify(own)) fail(`${cp}.artifactLocation`, 'must be the result\'s file');
          const uri = isObject(change.artifactLocation) ? change.artifactLocation.uri : undefined;
          const text = fileText && typeof uri === 'string' ? fileText(uri) : undefined;
          const lines = text === undefined ? undefined : linesOf(text);
          if (!Array.isArray(change.replacements) || change.replacements.length === 0) return fail(`${cp}.replacements`, 'must be a non-empty array');
          let last: [number, number] | undefined;
          change.replacements.forEach((rep: Json, k: number) => {
            const rp = `${cp}.replacements[${k}]`;
            if (!isObject(rep)) return fail(rp, 'not an object');
            if (!isObject(rep.insertedContent) || typeof rep.insertedContent.text !== 'string') fail(`${rp}.insertedContent.text`, 'must be a string');
            const r = rep.deletedRegion;
            if (!isObject(r)) return fail(`${rp}.deletedRegion`, 'missing');
            if (!['startLine', 'startColumn', 'endLine', 'endColumn'].every((key) => isPositiveInt(r[key]))) return fail(`${rp}.deletedRegion`, 'needs startLine, startColumn, endLine, endColumn, integers ≥ 1');
            const { startLine, startColumn, endLine, endColumn } = r as Record<string, number>;
            if (endLine < startLine || (endLine === startLine && endColumn < startColumn)) fail(`${rp}.deletedRegion`, 'ends before it starts');
            if (last && (startLine < last[0] || (startLine === last[0] && startColumn < last[1]))) fail(`${rp}.deletedRegion`, 'starts before the replacement before it ends');
            last = [endLine, endColumn];
            if (lines && (!inFile(lines, startLine, startColumn) || !inFile(lines, endLine, endColumn))) fail(`${rp}.deletedRegion`, 'is not inside the file');
          });
        });
      });
    });
  });
  return errors;
}
