// Where the real-editor tests keep things. The code-server install is a cache outside the
// extension's dependencies (gitignored .cache/), reused across runs.
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const CACHE_DIR = process.env.INFUSION_E2E_CACHE ?? path.join(REPO_ROOT, '.cache');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, 'code-server');
export const OUTPUT_DIR = path.join(REPO_ROOT, 'test-output', 'e2e');
export const SAMPLES_DIR = path.join(REPO_ROOT, 'samples');
export const SCRIPTS_DIR = path.join(REPO_ROOT, 'scripts', 'e2e');
