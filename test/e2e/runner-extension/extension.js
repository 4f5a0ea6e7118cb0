// Test-runner extension for code-server: once the workbench has started, loads the
// compiled in-host mocha suite (out/test/vscode-suite/index.js) and runs it through the
// `vscode` API, then writes the results JSON that the e2e driver waits for.
// config.json (written by the driver next to this file) says where both are.
'use strict';
const fs = require('fs');
const path = require('path');

function writeResults(file, result) {
  // Written whole then renamed, so the driver never reads half a file.
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(result, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

exports.activate = async function activate() {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
  let result;
  try {
    const suite = require(config.suiteIndex);
    result = await suite.runSuite();
  } catch (e) {
    result = { passes: 0, failures: 1, pending: 0, tests: [{ title: 'load and run the in-host suite', state: 'failed', error: String((e && e.stack) || e) }] };
  }
  writeResults(config.resultsFile, result);
};

exports.deactivate = function deactivate() {};
