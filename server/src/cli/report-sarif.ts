// SARIF 2.1.0 output, for code scanning in CI (e.g. GitHub's upload-sarif).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULES } from '../rules';
import type { Severity } from '../rules/types';
import { ruleDocUrl } from '../lsp/protocol';
import type { FileResult } from './check';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/infusion-claims/infusion-claims';

type SarifLevel = 'error' | 'warning' | 'note';

function level(s: Severity): SarifLevel {
  return s === 'info' ? 'note' : s;
}

/** The package version, when the bundle sits in server/out of the package. */
function toolVersion(): string | undefined {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { name?: string; version?: string };
    return pkg.name === 'infusion-claims' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}

/** A relative URI from the working folder (what code scanning resolves against the checkout),
 *  or a file: URI for a file outside it. */
export function artifactUri(file: string, cwd: string = process.cwd()): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return pathToFileURL(abs).href;
  return rel.split(path.sep).map(encodeURIComponent).join('/');
}

export function formatSarif(results: readonly FileResult[], cwd: string = process.cwd()): string {
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    shortDescription: { text: r.meta.description },
    helpUri: ruleDocUrl(r.meta.id),
    defaultConfiguration: { level: level(r.meta.defaultSeverity) },
  }));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults = results.flatMap((r) => {
    const uri = artifactUri(r.path, cwd);
    return r.findings.map((f) => {
      let i = ruleIndex.get(f.ruleId);
      if (i === undefined) {
        // A finding of a rule outside the registry still needs a descriptor to point at.
        i = rules.push({ id: f.ruleId, shortDescription: { text: f.ruleId }, helpUri: ruleDocUrl(f.ruleId), defaultConfiguration: { level: level(f.severity) } }) - 1;
        ruleIndex.set(f.ruleId, i);
      }
      return {
        ruleId: f.ruleId,
        ruleIndex: i,
        level: level(f.severity),
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        }],
        // The primary per diem, the earlier visit …: in this file or another one (--workspace).
        ...(f.related ? {
          relatedLocations: f.related.map((rel, id) => ({
            id,
            message: { text: rel.message },
            physicalLocation: {
              artifactLocation: { uri: rel.file === undefined ? uri : artifactUri(rel.file, cwd) },
              region: { startLine: rel.line, startColumn: rel.column, endLine: rel.endLine, endColumn: rel.endColumn },
            },
          })),
        } : {}),
      };
    });
  });
  const version = toolVersion();
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'infusion-claims',
          informationUri: INFORMATION_URI,
          ...(version ? { version } : {}),
          rules,
        },
      },
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
