/**
 * "Copy as e-mail" (issue 11, Delivery 1): the e-mail's two parts on the clipboard — text/html
 * for a mail composer that takes formatting, text/plain for one that does not — so the PM pastes
 * the report into a new message in their own mail client.
 */

export interface EmailParts {
  subject: string;
  html: string;
  text: string;
}

/** What a copy did: both parts, the plain text only, or nothing (the browser or the host's iframe refused). */
export type CopyOutcome = 'copied' | 'plainOnly' | 'denied';

/** The browser's clipboard as far as copying needs it (`navigator.clipboard`, `ClipboardItem`). */
export interface ClipboardDeps {
  clipboard: Pick<Clipboard, 'write' | 'writeText'> | undefined;
  /** Makes a clipboard item of several types; undefined where the browser has no `ClipboardItem`. */
  makeItem: ((parts: Record<string, Blob>) => ClipboardItem) | undefined;
}

export function browserClipboard(): ClipboardDeps {
  return {
    clipboard: typeof navigator === 'undefined' ? undefined : navigator.clipboard,
    makeItem: typeof ClipboardItem === 'undefined' ? undefined : (parts) => new ClipboardItem(parts),
  };
}

/**
 * Puts both parts on the clipboard; where the browser takes no HTML (no `ClipboardItem`, or
 * `write` refused), the plain text alone; where it refuses that too — a Forge Custom UI iframe
 * may not be allowed the clipboard — nothing, and the caller offers the `.eml` download.
 */
export async function copyEmail(parts: EmailParts, deps: ClipboardDeps = browserClipboard()): Promise<CopyOutcome> {
  const { clipboard, makeItem } = deps;
  if (!clipboard) return 'denied';
  if (makeItem && typeof clipboard.write === 'function') {
    try {
      await clipboard.write([
        makeItem({
          'text/html': new Blob([parts.html], { type: 'text/html' }),
          'text/plain': new Blob([parts.text], { type: 'text/plain' }),
        }),
      ]);
      return 'copied';
    } catch {
      // Fall through to the plain text.
    }
  }
  try {
    await clipboard.writeText(parts.text);
    return 'plainOnly';
  } catch {
    return 'denied';
  }
}
