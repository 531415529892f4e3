import { describe, expect, it } from 'vitest';
import { copyEmail, type ClipboardDeps } from './copy-email';

const PARTS = { subject: 'ACME: status report 1', html: '<!doctype html><p>R&amp;D</p>', text: 'R&D <team>' };

function fakeClipboard(refuse: { write?: boolean; writeText?: boolean } = {}) {
  const written: { types: string[]; texts: string[] }[] = [];
  const plain: string[] = [];
  const deps: ClipboardDeps = {
    clipboard: {
      write: async (items) => {
        if (refuse.write) throw new DOMException('denied', 'NotAllowedError');
        for (const item of items as unknown as { parts: Record<string, Blob> }[]) {
          written.push({
            types: Object.keys(item.parts),
            texts: await Promise.all(Object.values(item.parts).map((blob) => blob.text())),
          });
        }
      },
      writeText: (text) => {
        if (refuse.writeText) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
        plain.push(text);
        return Promise.resolve();
      },
    },
    makeItem: (parts) => ({ parts }) as unknown as ClipboardItem,
  };
  return { deps, written, plain };
}

describe('copyEmail', () => {
  it('puts the HTML and the plain text parts on the clipboard', async () => {
    const { deps, written, plain } = fakeClipboard();
    expect(await copyEmail(PARTS, deps)).toBe('copied');
    expect(written).toEqual([{ types: ['text/html', 'text/plain'], texts: [PARTS.html, PARTS.text] }]);
    expect(plain).toEqual([]);
  });

  it('falls back to the plain text when the browser refuses HTML or has no ClipboardItem', async () => {
    const refused = fakeClipboard({ write: true });
    expect(await copyEmail(PARTS, refused.deps)).toBe('plainOnly');
    expect(refused.plain).toEqual(['R&D <team>']);
    const old = fakeClipboard();
    expect(await copyEmail(PARTS, { ...old.deps, makeItem: undefined })).toBe('plainOnly');
    expect(old.written).toEqual([]);
  });

  it('says so when the clipboard is denied altogether (the host’s iframe) or absent', async () => {
    expect(await copyEmail(PARTS, fakeClipboard({ write: true, writeText: true }).deps)).toBe('denied');
    expect(await copyEmail(PARTS, { clipboard: undefined, makeItem: undefined })).toBe('denied');
  });
});
