import { describe, expect, it } from 'vitest';
import { SECTIONS, toPath, toSection } from './sections';

describe('sections routing', () => {
  it.each(SECTIONS)('%s round-trips through its path', (section) => {
    expect(toSection(toPath(section))).toBe(section);
  });

  it.each([
    ['/', 'overview'],
    ['', 'overview'],
    ['/risks/R-12', 'risks'],
    ['/Share', 'share'],
    ['/no-such-section', 'overview'],
  ])('%s shows %s', (pathname, section) => {
    expect(toSection(pathname)).toBe(section);
  });

  it('opens Overview at the root', () => {
    expect(toPath('overview')).toBe('/');
  });
});
