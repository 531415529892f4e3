// window.__bridge for Custom UI frames served by the local host. @forge/bridge calls
// window.__bridge.callBridge(name, payload); this answers the calls the app uses, talking to
// the local server for invoke/fetchProduct and to the host page for routing, flags and size.
(() => {
  'use strict';
  const boot = window.__LOCAL_FORGE__;
  const base = `/__local/bridge/${boot.sessionId}`;

  const post = async (action, body) => {
    const response = await fetch(`${base}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(json.message || `Bridge call ${action} failed (${response.status})`);
    return json;
  };

  const toHost = (message) => {
    if (window.parent !== window) {
      window.parent.postMessage({ source: 'local-forge', sessionId: boot.sessionId, ...message }, window.location.origin);
    }
  };

  const parsePath = (path) => {
    const url = new URL(path, 'http://frame.local');
    return { pathname: url.pathname, search: url.search, hash: url.hash, state: undefined, key: Math.random().toString(36).slice(2, 10) };
  };

  // A history object shaped like the one Forge's host hands to view.createHistory().
  const entries = [parsePath(boot.route || '/')];
  let index = 0;
  const listeners = new Set();
  const history = {
    action: 'POP',
    location: entries[0],
    get length() {
      return entries.length;
    },
    createHref: (to) => (typeof to === 'string' ? to : `${to.pathname || ''}${to.search || ''}${to.hash || ''}`),
    push(to, state) {
      const next = { ...parsePath(typeof to === 'string' ? to : history.createHref(to)), state };
      entries.splice(index + 1, entries.length, next);
      index = entries.length - 1;
      emit('PUSH');
    },
    replace(to, state) {
      entries[index] = { ...parsePath(typeof to === 'string' ? to : history.createHref(to)), state };
      emit('REPLACE');
    },
    go(delta) {
      const target = Math.min(entries.length - 1, Math.max(0, index + delta));
      if (target === index) return;
      index = target;
      emit('POP');
    },
    back() {
      history.go(-1);
    },
    forward() {
      history.go(1);
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    block() {
      return () => undefined;
    },
  };
  function emit(action) {
    history.action = action;
    const location = entries[index];
    history.location = location;
    toHost({ type: 'route', path: history.createHref(location) });
    for (const listener of [...listeners]) listener(location, action);
  }

  // What Jira does on view.theme.enable(): apply its token CSS and the current colour mode.
  const applyTheme = () =>
    new Promise((resolve) => {
      const root = document.documentElement;
      root.setAttribute('data-color-mode', boot.context.theme.colorMode);
      root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
      if (document.getElementById('local-forge-tokens')) return resolve(undefined);
      const link = document.createElement('link');
      link.id = 'local-forge-tokens';
      link.rel = 'stylesheet';
      link.href = '/__host/tokens.css';
      link.onload = link.onerror = () => resolve(undefined);
      document.head.append(link);
    });

  const urlFor = (location) => {
    if (location.target === 'issue') return `${window.location.origin}/browse/${encodeURIComponent(location.issueKey)}`;
    if (location.target === 'projectSettingsDetails' || location.target === 'project')
      return `${window.location.origin}/projects/${encodeURIComponent(location.projectKey)}/issues`;
    if (location.target === 'module')
      return `${window.location.origin}/projects/${encodeURIComponent(boot.context.extension.project.key)}/apps/${encodeURIComponent(location.moduleKey)}`;
    return null;
  };

  const handlers = {
    invoke: async ({ functionKey, payload }) => (await post('invoke', { functionKey, payload })).result,
    getContext: async () => JSON.parse(JSON.stringify(boot.context)),
    fetchProduct: async (payload) => post('fetch-product', payload),
    createHistory: async () => history,
    enableTheming: async () => applyTheme(),
    showFlag: async (options) => toHost({ type: 'flag', options }),
    closeFlag: async ({ id }) => toHost({ type: 'close-flag', id }),
    navigate: async (location) => toHost({ type: 'navigate', url: location.url || urlFor(location), newTab: location.type === 'new-tab' }),
    open: async (location) => toHost({ type: 'navigate', url: location.url || urlFor(location), newTab: true }),
    getUrl: async (location) => urlFor(location),
    reload: async () => window.location.reload(),
    refresh: async () => window.location.reload(),
    changeWindowTitle: async ({ title } = {}) => toHost({ type: 'title', title }),
    emitReadyEvent: async () => undefined,
    emitFrontendCustomMetric: async () => undefined,
    getFrameId: async () => boot.sessionId,
    on: async () => () => undefined,
    onPublic: async () => () => undefined,
    emit: async () => undefined,
    emitPublic: async () => undefined,
    close: async () => undefined,
    onClose: async () => undefined,
    initFeatureFlags: async () => ({}),
    getCookieConsentPreferences: async () => ({ strictlyNecessary: true }),
  };

  window.__bridge = {
    callBridge(name, payload) {
      const handler = handlers[name];
      if (!handler) return Promise.reject(new Error(`The local host does not emulate the bridge call "${name}"`));
      return handler(payload);
    },
  };

  // Forge resizes module frames to their content; the host does the same from this signal.
  // The content's height, not the document's scrollHeight: that is never less than the frame's
  // own viewport, so a frame that grew once could never shrink again. The body's box (plus its
  // children's margins that collapse through it) follows the content both ways.
  const contentHeight = () => {
    const marginBottom = (element) => parseFloat(window.getComputedStyle(element).marginBottom) || 0;
    let bottom = document.body.getBoundingClientRect().bottom + marginBottom(document.body);
    for (const child of document.body.children) {
      const rect = child.getBoundingClientRect();
      if (rect.height > 0) bottom = Math.max(bottom, rect.bottom + marginBottom(child));
    }
    return Math.ceil(bottom + window.scrollY);
  };
  let reported = -1;
  const reportSize = () => {
    const height = contentHeight();
    if (height === reported) return;
    reported = height;
    toHost({ type: 'resize', height });
  };
  window.addEventListener('load', () => {
    reportSize();
    const observer = new ResizeObserver(reportSize);
    observer.observe(document.body);
    for (const child of document.body.children) observer.observe(child);
  });
  window.addEventListener('message', (event) => {
    if (event.origin === window.location.origin && event.data && event.data.source === 'local-host' && event.data.type === 'pop') {
      history.go(event.data.delta);
    }
  });
})();
