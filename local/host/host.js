// The local Jira-like host page: projects, a project's app page, its issues and an issue
// view with the app's context panel. Plain DOM code (textContent only), no build step.
(() => {
  'use strict';
  const STRINGS = {
    en: {
      brand: 'Jira (local)',
      siteNote: 'Local Forge runtime',
      language: 'Language',
      darkTheme: 'Dark theme',
      account: 'Account (the apps run as this user)',
      projects: 'Projects',
      project: 'Project',
      issues: 'Issues',
      apps: 'Apps',
      key: 'Key',
      summary: 'Summary',
      status: 'Status',
      type: 'Type',
      priority: 'Priority',
      due: 'Due date',
      assignee: 'Assignee',
      loadMore: 'Load more',
      noProjects: 'No projects.',
      loading: 'Loading…',
      notFound: 'Not found',
      details: 'Details',
      unassigned: 'Unassigned',
      none: 'None',
      labels: 'Labels',
      fixVersions: 'Fix versions',
      lead: 'Lead',
      openProject: 'Open project',
      failed: 'Could not load from Jira',
      reporter: 'Reporter',
      search: 'Search',
      mail: 'Mail',
      mailTitle: 'Mail received by the local SMTP server',
      mailNote:
        'What the app sends through the mail provider arrives here, exactly as a recipient gets it. Addresses at bounce.invalid are refused.',
      mailEmpty: 'No mail yet.',
      received: 'Received',
      from: 'From',
      to: 'To',
      subject: 'Subject',
      mailLanguage: 'Language',
      clearMail: 'Empty the inbox',
      htmlPart: 'HTML part',
      textPart: 'Text part',
      rawPart: 'Source',
      back: 'Back to the inbox',
    },
    'zh-CN': {
      brand: 'Jira（本地）',
      siteNote: '本地 Forge 运行时',
      language: '语言',
      darkTheme: '深色主题',
      account: '账户（应用以此用户身份运行）',
      projects: '项目',
      project: '项目',
      issues: '事务',
      apps: '应用',
      key: '关键字',
      summary: '概要',
      status: '状态',
      type: '类型',
      priority: '优先级',
      due: '到期日',
      assignee: '经办人',
      loadMore: '加载更多',
      noProjects: '没有项目。',
      loading: '加载中…',
      notFound: '未找到',
      details: '详细信息',
      unassigned: '未分配',
      none: '无',
      labels: '标签',
      fixVersions: '修复版本',
      lead: '负责人',
      openProject: '打开项目',
      failed: '无法从 Jira 加载',
      reporter: '报告人',
      search: '搜索',
      mail: '邮件',
      mailTitle: '本地 SMTP 服务器收到的邮件',
      mailNote: '应用通过邮件服务商发送的邮件都到这里，与收件人收到的完全一样。bounce.invalid 域的地址会被拒收。',
      mailEmpty: '还没有邮件。',
      received: '收到时间',
      from: '发件人',
      to: '收件人',
      subject: '主题',
      mailLanguage: '语言',
      clearMail: '清空收件箱',
      htmlPart: 'HTML 部分',
      textPart: '纯文本部分',
      rawPart: '源代码',
      back: '返回收件箱',
    },
  };
  const prefs = {
    lang: new URLSearchParams(location.search).get('lang') || localStorage.getItem('local-host-lang') || 'en',
    theme: new URLSearchParams(location.search).get('theme') || localStorage.getItem('local-host-theme') || 'light',
    // The account the app frames run as; checked against the site's accounts once they load.
    user: new URLSearchParams(location.search).get('user') || localStorage.getItem('local-host-user') || '',
  };
  if (!STRINGS[prefs.lang]) prefs.lang = 'en';
  if (prefs.theme !== 'dark') prefs.theme = 'light';
  const t = (key) => STRINGS[prefs.lang][key] || STRINGS.en[key] || key;
  /** A due date (YYYY-MM-DD) as the app writes days: Intl's medium style in the host's language, never shifted by a zone. */
  const formatDay = (day) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day || '');
    if (!match) return day || '';
    const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    return new Intl.DateTimeFormat(prefs.lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
  };

  const main = document.getElementById('main');
  const sidebar = document.getElementById('sidebar');
  const flags = document.getElementById('flags');
  let modules = [];
  let accounts = [];

  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };
  const link = (href, text, attrs = {}) => el('a', { href, 'data-link': true, ...attrs }, text);

  const jira = async (path, init) => {
    const response = await fetch(`/__local/jira${path}`, init);
    if (!response.ok) throw new Error(`${t('failed')} (${response.status})`);
    return response.json();
  };

  const lozenge = (status) =>
    el('span', { class: `lozenge ${status?.statusCategory?.key || 'new'}`, 'data-testid': 'issue-status-lozenge' }, status?.name || '');

  const applyPrefs = () => {
    document.documentElement.lang = prefs.lang;
    document.documentElement.dataset.colorMode = prefs.theme;
    document.getElementById('lang-select').value = prefs.lang;
    const toggle = document.getElementById('theme-toggle');
    toggle.setAttribute('aria-pressed', String(prefs.theme === 'dark'));
    const userSelect = document.getElementById('user-select');
    userSelect.setAttribute('aria-label', t('account'));
    userSelect.title = t('account');
    userSelect.value = prefs.user;
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  };

  const frameUrl = (moduleKey, params) => {
    const query = new URLSearchParams({ ...params, lang: prefs.lang, theme: prefs.theme, ...(prefs.user ? { user: prefs.user } : {}) });
    return `/__local/frame/${encodeURIComponent(moduleKey)}/index.html?${query}`;
  };

  const forgeFrame = (moduleKey, params, title, extraClass) => {
    const frame = el('iframe', {
      class: `forge-frame ${extraClass || ''}`,
      title,
      src: frameUrl(moduleKey, params),
      'data-module-key': moduleKey,
    });
    return frame;
  };

  const renderSidebar = (project, current) => {
    sidebar.replaceChildren();
    if (!project) {
      sidebar.append(el('h2', { text: t('projects') }));
      return;
    }
    const pageModules = modules.filter((m) => m.kind === 'jira:projectPage');
    sidebar.append(
      el('p', { class: 'project-title' }, project.name),
      el('h2', { text: t('project') }),
      link(`/projects/${project.key}/issues`, t('issues'), { 'aria-current': current === 'issues' ? 'page' : undefined }),
      el('h2', { text: t('apps') }),
      ...pageModules.map((m) =>
        link(`/projects/${project.key}/apps/${m.key}`, m.title, { 'aria-current': current === m.key ? 'page' : undefined }),
      ),
    );
  };

  /** A paged issue table for a JQL query, with a "Load more" button. */
  const issueTable = (jql) => {
    const tbody = el('tbody');
    const more = el('button', { type: 'button', class: 'load-more', text: t('loadMore') });
    let token;
    const load = async () => {
      const params = new URLSearchParams({ jql, fields: 'summary,status,issuetype,priority,duedate,assignee', maxResults: '50' });
      if (token) params.set('nextPageToken', token);
      const page = await jira(`/rest/api/3/search/jql?${params}`);
      for (const issue of page.issues || []) {
        const f = issue.fields || {};
        tbody.append(
          el(
            'tr',
            {},
            el('td', {}, f.issuetype?.name || ''),
            el('td', {}, link(`/browse/${issue.key}`, issue.key)),
            el('td', {}, f.summary || ''),
            el('td', {}, lozenge(f.status)),
            el('td', {}, f.priority?.name || ''),
            el('td', {}, formatDay(f.duedate)),
            el('td', {}, f.assignee?.displayName || t('unassigned')),
          ),
        );
      }
      token = page.nextPageToken;
      more.hidden = page.isLast !== false || !token;
    };
    more.addEventListener('click', () => void load().catch(showError));
    const headers = [t('type'), t('key'), t('summary'), t('status'), t('priority'), t('due'), t('assignee')];
    const table = el(
      'table',
      { class: 'issues', 'aria-label': t('issues') },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          headers.map((h) => el('th', { scope: 'col' }, h)),
        ),
      ),
      tbody,
    );
    return { table, more, load };
  };

  const views = {
    async home() {
      renderSidebar(null);
      const result = await jira('/rest/api/3/project/search?maxResults=50');
      const projects = result.values || [];
      main.replaceChildren(
        el('h1', { text: t('projects') }),
        projects.length === 0
          ? el('p', { text: t('noProjects') })
          : el(
              'div',
              { class: 'cards' },
              projects.map((p) =>
                el('section', { class: 'card' }, el('h2', {}, link(`/projects/${p.key}/issues`, p.name)), el('p', {}, `${p.key}`)),
              ),
            ),
      );
      document.title = `${t('projects')} — ${t('brand')}`;
    },

    async projectApp(projectKey, moduleKey, route) {
      const project = await jira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`);
      renderSidebar(project, moduleKey);
      const module = modules.find((m) => m.key === moduleKey);
      if (!module) return views.notFound();
      main.replaceChildren(
        el('div', { class: 'breadcrumbs' }, link('/', t('projects')), ' / ', link(`/projects/${project.key}/issues`, project.name)),
        el('h1', { text: module.title }),
        forgeFrame(moduleKey, { project: project.key, route: route || '/' }, module.title, 'project-frame'),
      );
      document.title = `${module.title} — ${project.name}`;
    },

    async issues(projectKey) {
      const project = await jira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`);
      renderSidebar(project, 'issues');
      const { table, more, load } = issueTable(`project = "${project.key}" ORDER BY updated DESC`);
      main.replaceChildren(
        el('div', { class: 'breadcrumbs' }, link('/', t('projects')), ' / ', project.name),
        el('h1', { text: t('issues') }),
        table,
        more,
      );
      document.title = `${t('issues')} — ${project.name}`;
      await load();
    },

    /** Jira's issue search page (`/issues/?jql=…`), which the app links evidence to. */
    async search(jql) {
      renderSidebar(null);
      const { table, more, load } = issueTable(jql);
      main.replaceChildren(
        el('div', { class: 'breadcrumbs' }, link('/', t('projects'))),
        el('h1', { text: t('search') }),
        el('p', { class: 'muted' }, el('code', {}, jql)),
        table,
        more,
      );
      document.title = `${t('search')} — ${t('brand')}`;
      await load();
    },

    async issue(issueKey) {
      const issue = await jira(
        `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=summary,status,issuetype,priority,duedate,assignee,reporter,labels,fixVersions,project`,
      );
      const f = issue.fields;
      const project = await jira(`/rest/api/3/project/${encodeURIComponent(f.project.key)}`);
      renderSidebar(project, 'issues');
      const contextModules = modules.filter((m) => m.kind === 'jira:issueContext');
      const details = el(
        'dl',
        {},
        el('dt', { text: t('status') }),
        el('dd', {}, lozenge(f.status)),
        el('dt', { text: t('type') }),
        el('dd', {}, f.issuetype?.name || ''),
        el('dt', { text: t('priority') }),
        el('dd', {}, f.priority?.name || t('none')),
        el('dt', { text: t('due') }),
        el('dd', {}, f.duedate ? formatDay(f.duedate) : t('none')),
        el('dt', { text: t('assignee') }),
        el('dd', {}, f.assignee?.displayName || t('unassigned')),
        el('dt', { text: t('reporter') }),
        el('dd', {}, f.reporter?.displayName || t('none')),
        el('dt', { text: t('labels') }),
        el('dd', {}, (f.labels || []).join(', ') || t('none')),
        el('dt', { text: t('fixVersions') }),
        el('dd', {}, (f.fixVersions || []).map((v) => v.name).join(', ') || t('none')),
      );
      main.replaceChildren(
        el(
          'div',
          { class: 'breadcrumbs' },
          link('/', t('projects')),
          ' / ',
          link(`/projects/${project.key}/issues`, project.name),
          ' / ',
          issue.key,
        ),
        el(
          'div',
          { class: 'issue-view' },
          el(
            'section',
            {},
            el('h1', { 'data-testid': 'host-issue-summary' }, f.summary || ''),
            el('h2', { class: 'muted', text: t('details') }),
            details,
          ),
          el(
            'aside',
            { 'aria-label': t('apps') },
            contextModules.map((m) =>
              el(
                'section',
                { class: 'context-panel', 'data-testid': `context-panel-${m.key}` },
                el('h2', { text: m.label || m.title }),
                forgeFrame(m.key, { project: project.key, issue: issue.key }, m.title, 'context-frame'),
              ),
            ),
          ),
        ),
      );
      document.title = `[${issue.key}] ${f.summary}`;
    },

    /** The local inbox: what the mail provider's relay delivered through SMTP. */
    async mail() {
      renderSidebar(null);
      const response = await fetch('/__local/admin/mail');
      if (!response.ok) throw new Error(`${t('failed')} (${response.status})`);
      const messages = await response.json();
      const clear = el('button', { type: 'button', class: 'load-more', text: t('clearMail') });
      clear.addEventListener('click', () => {
        void fetch('/__local/admin/mail', { method: 'DELETE' }).then(() => render());
      });
      const time = (iso) => new Intl.DateTimeFormat(prefs.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
      main.replaceChildren(
        el('h1', { text: t('mailTitle') }),
        el('p', { class: 'muted', text: t('mailNote') }),
        messages.length === 0
          ? el('p', { text: t('mailEmpty') })
          : el(
              'table',
              { class: 'issues', 'aria-label': t('mail'), 'data-testid': 'mail-list' },
              el(
                'thead',
                {},
                el(
                  'tr',
                  {},
                  [t('received'), t('from'), t('to'), t('subject'), t('mailLanguage')].map((h) => el('th', { scope: 'col' }, h)),
                ),
              ),
              el(
                'tbody',
                {},
                messages.map((m) =>
                  el(
                    'tr',
                    {},
                    el('td', {}, time(m.receivedAt)),
                    el('td', {}, m.from),
                    el('td', {}, m.to),
                    el('td', {}, link(`/mail/${encodeURIComponent(m.id)}`, m.subject || '—')),
                    el('td', {}, m.language || ''),
                  ),
                ),
              ),
            ),
        messages.length === 0 ? null : clear,
      );
      document.title = `${t('mail')} — ${t('brand')}`;
    },

    async mailMessage(id) {
      renderSidebar(null);
      const response = await fetch(`/__local/admin/mail/${encodeURIComponent(id)}`);
      if (response.status === 404) return views.notFound();
      if (!response.ok) throw new Error(`${t('failed')} (${response.status})`);
      const m = await response.json();
      // The HTML part in a sandboxed frame with no permissions: its markup shows, nothing in it runs.
      const html = m.html
        ? el('iframe', { class: 'mail-html', title: t('htmlPart'), sandbox: '', srcdoc: m.html, 'data-testid': 'mail-html' })
        : null;
      main.replaceChildren(
        el('div', { class: 'breadcrumbs' }, link('/mail', t('back'))),
        el('h1', { text: m.subject || '—' }),
        el(
          'dl',
          { class: 'mail-headers' },
          [
            [t('from'), m.from],
            [t('to'), m.to],
            [
              t('received'),
              new Intl.DateTimeFormat(prefs.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(m.receivedAt)),
            ],
            [t('mailLanguage'), m.language || ''],
          ].flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]),
        ),
        html ? el('h2', { text: t('htmlPart') }) : null,
        html,
        el('h2', { text: t('textPart') }),
        el('pre', { class: 'mail-text', 'data-testid': 'mail-text', text: m.text }),
        el('details', {}, el('summary', { text: t('rawPart') }), el('pre', { class: 'mail-text', text: m.raw })),
      );
      document.title = `${m.subject} — ${t('mail')}`;
    },

    notFound() {
      main.replaceChildren(el('h1', { text: t('notFound') }));
    },
  };

  const showError = (error) => {
    main.replaceChildren(el('h1', { text: t('failed') }), el('p', { role: 'alert' }, error.message));
  };

  const render = async () => {
    const path = location.pathname;
    main.replaceChildren(el('p', { class: 'muted', role: 'status', text: t('loading') }));
    let match;
    try {
      if (path === '/' || path === '') return await views.home();
      if (/^\/mail\/?$/.test(path)) return await views.mail();
      if ((match = path.match(/^\/mail\/([A-Za-z0-9]+)$/))) return await views.mailMessage(match[1]);
      if ((match = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)\/apps\/([^/]+)(\/.*)?$/)))
        return await views.projectApp(match[1], match[2], match[3]);
      if ((match = path.match(/^\/projects\/([A-Z][A-Z0-9_]*)(\/issues)?\/?$/))) return await views.issues(match[1]);
      if ((match = path.match(/^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/))) return await views.issue(match[1]);
      if (/^\/issues\/?$/.test(path) && new URLSearchParams(location.search).get('jql')) {
        return await views.search(new URLSearchParams(location.search).get('jql'));
      }
      return views.notFound();
    } catch (error) {
      showError(error);
    }
  };

  const navigate = (url) => {
    const target = new URL(url, location.origin);
    if (target.origin !== location.origin) {
      window.open(target.href, '_blank', 'noopener');
      return;
    }
    history.pushState({}, '', target.pathname + target.search);
    void render();
  };

  document.addEventListener('click', (event) => {
    const anchor = event.target.closest && event.target.closest('a[data-link]');
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(anchor.getAttribute('href'));
  });
  window.addEventListener('popstate', () => void render());

  // Messages from module frames (see bridge.js). Only same-origin frames are listened to.
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || !event.data || event.data.source !== 'local-forge') return;
    const frame = [...document.querySelectorAll('iframe.forge-frame')].find((f) => f.contentWindow === event.source);
    const message = event.data;
    if (message.type === 'resize' && frame) {
      // Like Jira, frames grow with their content (the project page keeps its CSS minimum height).
      const limit = frame.classList.contains('project-frame') ? 20000 : 2000;
      frame.style.height = `${Math.min(Math.max(message.height, 80), limit)}px`;
    } else if (message.type === 'route' && frame && frame.classList.contains('project-frame')) {
      const m = location.pathname.match(/^(\/projects\/[A-Z][A-Z0-9_]*\/apps\/[^/]+)/);
      if (m) history.replaceState({}, '', `${m[1]}${message.path === '/' ? '' : message.path}`);
    } else if (message.type === 'navigate' && message.url) {
      if (message.newTab) window.open(message.url, '_blank', 'noopener');
      else navigate(message.url);
    } else if (message.type === 'flag' && message.options) {
      const o = message.options;
      const flag = el(
        'div',
        { class: 'flag', role: o.type === 'error' ? 'alert' : 'status', 'data-flag-id': o.id },
        el('strong', {}, o.title || ''),
        o.description ? el('div', {}, o.description) : null,
      );
      flags.append(flag);
      if (o.isAutoDismiss) setTimeout(() => flag.remove(), 8000);
    } else if (message.type === 'close-flag') {
      for (const node of flags.querySelectorAll('.flag')) if (node.dataset.flagId === String(message.id)) node.remove();
    }
  });

  /** The app's modules, named in the host's language (Jira shows a module's title in the viewer's). */
  const loadModules = async () => {
    const response = await fetch(`/__local/modules?lang=${encodeURIComponent(prefs.lang)}`);
    if (!response.ok) throw new Error(`${t('failed')} (${response.status})`);
    modules = await response.json();
  };

  document.getElementById('lang-select').addEventListener('change', (event) => {
    prefs.lang = event.target.value;
    localStorage.setItem('local-host-lang', prefs.lang);
    applyPrefs();
    loadModules().then(render).catch(showError);
  });
  document.getElementById('theme-toggle').addEventListener('click', () => {
    prefs.theme = prefs.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem('local-host-theme', prefs.theme);
    applyPrefs();
    void render();
  });

  document.getElementById('user-select').addEventListener('change', (event) => {
    prefs.user = event.target.value;
    localStorage.setItem('local-host-user', prefs.user);
    applyPrefs();
    void render();
  });

  /** Fills the account switcher; an unknown remembered account falls back to the first (the PM). */
  const loadAccounts = async () => {
    const response = await fetch('/__local/admin/users');
    accounts = response.ok ? await response.json() : [];
    const select = document.getElementById('user-select');
    select.replaceChildren(...accounts.map((a) => el('option', { value: a.accountId }, a.displayName)));
    if (!accounts.some((a) => a.accountId === prefs.user)) prefs.user = accounts[0]?.accountId || '';
    select.hidden = accounts.length < 2;
  };

  applyPrefs();
  Promise.all([loadModules(), loadAccounts()])
    .then(() => {
      applyPrefs();
      return render();
    })
    .catch(showError);
})();
