#!/usr/bin/env node
// The CLI is bundled by `npm run build` into server/out/cli.js, next to the compiled code indexes.
require('../server/out/cli.js');
