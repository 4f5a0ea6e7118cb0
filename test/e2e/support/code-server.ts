// One code-server session: a real VS Code workbench and extension host served on
// 127.0.0.1, with its own extensions, user data and XDG folders (nothing in ~), stopped by
// killing its whole process group (extension hosts and language servers outlive the
// wrapper otherwise).
import { ChildProcess, execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { promisify } from 'util';

export interface CodeServerDirs {
  root: string;
  extensions: string;
  userData: string;
  log: string;
}

/** Folders of one session under `root` (a fresh temp folder), with quiet user settings. */
export function sessionDirs(root: string): CodeServerDirs {
  const dirs = {
    root,
    extensions: path.join(root, 'extensions'),
    userData: path.join(root, 'user-data'),
    log: path.join(root, 'code-server.log'),
  };
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.mkdirSync(dirs.extensions, { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    'update.mode': 'none',
    'editor.minimap.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
  }, null, 2));
  return dirs;
}

function env(dirs: CodeServerDirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // else code-server writes ~/.config/code-server/config.yaml and ~/.local/share
    XDG_CONFIG_HOME: path.join(dirs.root, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(dirs.root, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(dirs.root, 'xdg', 'cache'),
  };
}

/** `code-server --install-extension <vsix>` into the session's extensions folder. */
export async function installExtension(bin: string, dirs: CodeServerDirs, vsix: string): Promise<string> {
  const { stdout } = await promisify(execFile)(bin, [
    '--extensions-dir', dirs.extensions, '--user-data-dir', dirs.userData, '--install-extension', vsix,
  ], { env: env(dirs), maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export class CodeServer {
  private child: ChildProcess | undefined;
  private exited = false;
  port = 0;

  constructor(private readonly bin: string, readonly dirs: CodeServerDirs) {}

  /** Starts the server on a free loopback port; resolves when /healthz answers. */
  async start(workspace: string, timeoutMs = 60_000): Promise<void> {
    this.port = await freePort();
    const log = fs.openSync(this.dirs.log, 'a');
    this.child = spawn(this.bin, [
      '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--extensions-dir', this.dirs.extensions, '--user-data-dir', this.dirs.userData,
      workspace,
    ], { env: env(this.dirs), detached: true /* own process group, killed as one */, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    this.child.once('exit', () => { this.exited = true; });
    const deadline = Date.now() + timeoutMs;
    while (!(await healthy(this.port))) {
      if (this.exited) throw new Error(`code-server exited before it was ready:\n${tail(this.dirs.log)}`);
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz in ${timeoutMs} ms:\n${tail(this.dirs.log)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  url(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Kills the whole process group: TERM, then KILL whatever is left after a grace period. */
  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) return;
    const groupAlive = (): boolean => {
      try {
        process.kill(-pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const signal = (s: NodeJS.Signals): void => {
      try {
        process.kill(-pid, s);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const deadline = Date.now() + 5000;
    while (groupAlive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive()) signal('SIGKILL');
    while (groupAlive()) await new Promise((r) => setTimeout(r, 50));
    this.child = undefined;
  }

  logTail(lines = 40): string {
    return tail(this.dirs.log, lines);
  }
}
