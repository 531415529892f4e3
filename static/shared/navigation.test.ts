import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridgeNavigation, toIssueKeysJql, type RouterLike } from './navigation';

function fakeRouter({ refuse = false } = {}) {
  const opened: unknown[] = [];
  const router: RouterLike = {
    open: (location) => {
      opened.push(location);
      return refuse ? Promise.reject(new Error('not supported')) : Promise.resolve();
    },
  };
  return { router, opened };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('toIssueKeysJql', () => {
  it('lists the keys in a key-in clause', () => {
    expect(toIssueKeysJql(['ACME-1', 'ACME-22'])).toBe('key in (ACME-1, ACME-22)');
  });
});

describe('createBridgeNavigation', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('builds issue and search URLs on the site, without a doubled slash', () => {
    const navigation = createBridgeNavigation('https://acme.atlassian.net/', fakeRouter().router);
    expect(navigation.issueUrl('ACME-7')).toBe('https://acme.atlassian.net/browse/ACME-7');
    expect(navigation.searchUrl(['ACME-1', 'ACME-2'])).toBe('https://acme.atlassian.net/issues/?jql=key%20in%20(ACME-1%2C%20ACME-2)');
  });

  it('builds site-relative URLs when the context has no site URL', () => {
    const navigation = createBridgeNavigation(null, fakeRouter().router);
    expect(navigation.issueUrl('ACME-7')).toBe('/browse/ACME-7');
    expect(navigation.searchUrl(['ACME-1', 'ACME-2'])).toBe('/issues/?jql=key%20in%20(ACME-1%2C%20ACME-2)');
  });

  it('opens one issue as an issue target, several as a search URL', () => {
    const { router, opened } = fakeRouter();
    const navigation = createBridgeNavigation('https://acme.atlassian.net', router);
    navigation.openIssue('ACME-7');
    navigation.openSearch(['ACME-8']);
    navigation.openSearch(['ACME-1', 'ACME-2']);
    expect(opened).toEqual([
      { target: 'issue', issueKey: 'ACME-7' },
      { target: 'issue', issueKey: 'ACME-8' },
      'https://acme.atlassian.net/issues/?jql=key%20in%20(ACME-1%2C%20ACME-2)',
    ]);
  });

  it('opens the URL itself when the host router refuses', async () => {
    const open = vi.fn();
    vi.stubGlobal('window', { open });
    const navigation = createBridgeNavigation('https://acme.atlassian.net', fakeRouter({ refuse: true }).router);
    navigation.openIssue('ACME-7');
    await settle();
    expect(open).toHaveBeenCalledWith('https://acme.atlassian.net/browse/ACME-7', '_blank', 'noopener');
  });
});
