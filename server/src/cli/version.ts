// The CLI's version (--version, SARIF's tool.driver.version): the package's.
import * as fs from 'fs';
import * as path from 'path';

/** The package's version: of the nearest package.json above this module named infusion-claims
 *  (the bundle sits in server/out of the package; the compiled tests deeper). */
let version: { value?: string } | undefined;
export function packageVersion(): string | undefined {
  if (version) return version.value;
  version = {};
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'infusion-claims') {
        version.value = pkg.version;
        break;
      }
    } catch {
      // none here
    }
    if (path.dirname(dir) === dir) break;
  }
  return version.value;
}
