// Telling the user about a setting the server could not use (settings-read.ts describes it): a
// warning the editor shows, and a line in the log. Once per value: the settings are read again on
// every open and every configuration change, of every folder, and the same mistake must not raise
// a notification each time.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver/node';
import type { SettingProblem } from './settings-read';

/** Problems of one read shown in the notification; the rest are only logged. */
const MAX_SHOWN = 3;
/** Values remembered as told; past this many the memory starts again (a client sending new
 *  mistakes forever must not grow it without end). */
const MAX_TOLD = 500;

export class SettingsNotices {
  private readonly told = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Show and log the problems not told before. */
  tell(problems: readonly SettingProblem[]): void {
    const fresh = problems.filter((p) => {
      const key = `${p.setting}\u0000${p.value}`;
      if (this.told.has(key)) return false;
      if (this.told.size >= MAX_TOLD) this.told.clear();
      this.told.add(key);
      return true;
    });
    if (fresh.length === 0) return;
    for (const p of fresh) this.connection.console.warn(`infusion-claims: ${p.message}`);
    const shown = fresh.slice(0, MAX_SHOWN).map((p) => p.message);
    if (fresh.length > MAX_SHOWN) shown.push(`(${fresh.length - MAX_SHOWN} more in the server's log.)`);
    // A notification, not a request: nothing to answer, and a client without an answer to give
    // (or already closing) holds nothing up.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: shown.join(' ') })
      .catch(() => undefined);
  }
}
