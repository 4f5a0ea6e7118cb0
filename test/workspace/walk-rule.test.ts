// The one rule of the CLI's folder walk and the editor's workspace index (walk-rule.ts).
import * as assert from 'assert';
import * as path from 'path';
import { entersFolder, isSkippedFolder, isUtf8Name, walkStep } from '../../server/src/workspace/walk-rule';

const entry = (name: string, kind: 'dir' | 'file' | 'link') => ({
  name, isDirectory: () => kind === 'dir', isFile: () => kind === 'file',
});

describe('walk-rule', () => {
  it('skips node_modules and dot-folders, and enters out/ like any other folder', () => {
    assert.deepStrictEqual(['node_modules', '.git', '.vscode-test', 'out', 'history'].map(isSkippedFolder), [true, true, true, false, false]);
  });

  it('passes over a symbolic link (a Dirent of one is neither a folder nor a file)', () => {
    assert.strictEqual(walkStep(entry('out', 'dir')), 'enter');
    assert.strictEqual(walkStep(entry('.git', 'dir')), 'pass');
    assert.strictEqual(walkStep(entry('a.claims.csv', 'file')), 'file');
    assert.strictEqual(walkStep(entry('shared', 'link')), 'pass');
  });

  it('entersFolder: no skipped folder between the root and the folder (or the folder itself)', () => {
    const root = path.join(path.sep, 'ws');
    assert.strictEqual(entersFolder(root, root), true);
    assert.strictEqual(entersFolder(root, path.join(root, 'out', 'march')), true);
    assert.strictEqual(entersFolder(root, path.join(root, 'node_modules', 'pkg')), false);
    assert.strictEqual(entersFolder(root, path.join(root, 'a', '.cache')), false);
    assert.strictEqual(entersFolder(root, path.join(path.sep, 'elsewhere')), false);
  });

  it('isUtf8Name: a Latin-1 é is not UTF-8; a real U+FFFD in a name is', () => {
    assert.strictEqual(isUtf8Name(Buffer.from([0x63, 0x61, 0x66, 0xe9])), false);
    assert.strictEqual(isUtf8Name(Buffer.from('café')), true);
    assert.strictEqual(isUtf8Name(Buffer.from('caf\uFFFD')), true);
  });
});
