/**
 * Deterministic demo datasets: the ACME customer-portal project (an agency delivering to
 * Acme Logistics), the HZ team-managed project with Chinese names, and a scale generator.
 * Everything derives from the seed and `now`; nothing reads the clock or Math.random.
 */
import type { Dataset } from './dataset';
import {
  ACME_CHORE_TASKS,
  ACME_CLIENT,
  ACME_CLIENT_PEOPLE,
  ACME_CLIENT_TASKS,
  ACME_EPICS,
  ACME_INTERNAL_TASKS,
  ACME_TASKS,
  ACME_TEAM,
  CLIENT_COMMENTS,
  HZ_BUGS,
  HZ_CLIENT,
  HZ_EPICS,
  HZ_TEAM,
  SUBTASK_PREFIXES,
  TEAM_COMMENTS,
} from './demo-content';
import {
  IssueFactory,
  type BuiltIssue,
  type IssueKind,
  type IssuePlan,
  type Outcome,
  type ProjectSetup,
  type SprintSpec,
  type VersionSpec,
} from './issue-factory';
import { SeededRandom } from './seeded-random';
import {
  BLOCKS_LINK_TYPE,
  DEFAULT_SITE_URL,
  FIELD_ID,
  ISSUE_TYPES,
  PRIORITIES,
  fieldsJson,
  issueLinkTypesJson,
  priorityDetailsJson,
  statusDetailsJson,
  toDateOnly,
  userJson,
  type JsonObject,
  type PrioritySpec,
  type StatusSpec,
  type UserSpec,
} from './site-catalog';

const DAY_MS = 24 * 3_600_000;
const SITE = DEFAULT_SITE_URL;
export const DEFAULT_DEMO_SEED = 20260612;

export interface DemoOptions {
  seed?: number;
  now: Date;
}

export interface ScaleOptions extends DemoOptions {
  issues: number;
}

const ACME_STATUSES = {
  todo: { id: '10000', name: 'To Do', category: 'new' },
  inProgress: { id: '3', name: 'In Progress', category: 'indeterminate' },
  review: { id: '10001', name: 'In Review', category: 'indeterminate' },
  waiting: { id: '10002', name: 'Waiting for customer', category: 'indeterminate' },
  done: { id: '10003', name: 'Done', category: 'done' },
} satisfies Record<string, StatusSpec>;

const RESOLUTION_DONE = {
  self: `${SITE}/rest/api/3/resolution/10000`,
  id: '10000',
  description: 'Work has been completed on this issue.',
  name: 'Done',
};
const RESOLUTION_WONT_DO = {
  self: `${SITE}/rest/api/3/resolution/10001`,
  id: '10001',
  description: 'This issue won\u2019t be actioned.',
  name: "Won't Do",
};

const COMPONENT_IDS: Record<string, string> = {
  Design: '10200',
  'Web app': '10201',
  API: '10202',
  Notifications: '10203',
  Billing: '10204',
  Integrations: '10205',
  Infrastructure: '10206',
};

function component(name: string): JsonObject {
  const id = COMPONENT_IDS[name] ?? '10299';
  return { self: `${SITE}/rest/api/3/component/${id}`, id, name };
}

function day(now: Date, offsetDays: number): Date {
  return new Date(now.getTime() + offsetDays * DAY_MS);
}

function userDate(date: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = date.split('-');
  return `${d}/${months[Number(m) - 1] ?? 'Jan'}/${(y ?? '').slice(2)}`;
}

function versionJson(version: VersionSpec, projectId: string, now: Date): JsonObject {
  return {
    self: `${SITE}/rest/api/3/version/${version.id}`,
    id: version.id,
    description: version.description,
    name: version.name,
    archived: false,
    released: version.released,
    startDate: version.startDate,
    releaseDate: version.releaseDate,
    ...(version.released ? {} : { overdue: Date.parse(`${version.releaseDate}T23:59:59Z`) < now.getTime() }),
    userStartDate: userDate(version.startDate),
    userReleaseDate: userDate(version.releaseDate),
    projectId: Number(projectId),
  };
}

function projectJson(id: string, key: string, name: string, description: string, lead: UserSpec, simplified: boolean): JsonObject {
  const avatar = (size: string) => `${SITE}/rest/api/3/universal_avatar/view/type/project/avatar/10411?size=${size}`;
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${SITE}/rest/api/3/project/${id}`,
    id,
    key,
    description,
    lead: userJson(SITE, lead),
    name,
    avatarUrls: { '48x48': avatar('large'), '24x24': avatar('small'), '16x16': avatar('xsmall'), '32x32': avatar('medium') },
    projectTypeKey: 'software',
    simplified,
    style: simplified ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
  };
}

function sprints(now: Date, prefix: string, firstId: number, startOffsetDays: number): SprintSpec[] {
  const first = new Date(Math.floor(day(now, startOffsetDays).getTime() / DAY_MS) * DAY_MS + 9 * 3_600_000);
  const out: SprintSpec[] = [];
  for (let i = 0; ; i += 1) {
    const start = new Date(first.getTime() + i * 14 * DAY_MS);
    if (start.getTime() > now.getTime() + 14 * DAY_MS) break;
    const end = new Date(start.getTime() + 14 * DAY_MS - 3_600_000);
    const state = end.getTime() < now.getTime() ? 'closed' : start.getTime() <= now.getTime() ? 'active' : 'future';
    out.push({ id: firstId + i, name: `${prefix} ${i + 1}`, state, start, end, goal: '' });
  }
  return out;
}

interface PlanDefaults {
  rng: SeededRandom;
  now: Date;
}

function basePlan(
  partial: Partial<IssuePlan> &
    Pick<IssuePlan, 'id' | 'key' | 'kind' | 'summary' | 'created' | 'windowEnd' | 'outcome' | 'reporter' | 'priority'>,
): IssuePlan {
  return {
    description: null,
    reopens: 0,
    waitedForClient: false,
    staleDays: null,
    touchedAfterCreation: true,
    assignee: null,
    labels: [],
    components: [],
    fixVersion: null,
    fixVersionAddedAt: null,
    movedFromVersion: null,
    storyPoints: null,
    storyPointsRevisedFrom: null,
    originalEstimateSeconds: null,
    effortRatio: 1,
    dueDate: null,
    dueDateSlippedFrom: null,
    flagged: 'no',
    quirk: 'none',
    comments: [],
    ...partial,
  };
}

function pickPriority(rng: SeededRandom, kind: IssueKind): PrioritySpec {
  const weights: readonly (readonly [number, number])[] =
    kind === 'bug'
      ? [
          [0, 10],
          [1, 28],
          [2, 42],
          [3, 14],
          [4, 6],
        ]
      : [
          [0, 4],
          [1, 18],
          [2, 52],
          [3, 18],
          [4, 8],
        ];
  return PRIORITIES[rng.weighted(weights)] ?? (PRIORITIES[2] as PrioritySpec);
}

function pickOutcome(rng: SeededRandom, milestone: number | null): Outcome {
  const table: Record<string, readonly (readonly [Outcome, number])[]> = {
    m0: [
      ['done', 97],
      ['inProgress', 3],
    ],
    m1: [
      ['done', 40],
      ['inProgress', 16],
      ['review', 8],
      ['waiting', 8],
      ['todo', 28],
    ],
    m2: [
      ['done', 10],
      ['inProgress', 15],
      ['review', 3],
      ['waiting', 2],
      ['todo', 70],
    ],
    m3: [
      ['inProgress', 5],
      ['todo', 95],
    ],
    none: [
      ['done', 50],
      ['inProgress', 12],
      ['waiting', 3],
      ['todo', 35],
    ],
  };
  const key = milestone === null ? 'none' : `m${milestone}`;
  return rng.weighted(table[key] ?? table['none'] ?? []);
}

function estimate(
  rng: SeededRandom,
  kind: IssueKind,
  pointsShare: number,
): Pick<IssuePlan, 'storyPoints' | 'storyPointsRevisedFrom' | 'originalEstimateSeconds' | 'effortRatio'> {
  const storyPoints =
    kind !== 'epic' && kind !== 'subtask' && rng.chance(pointsShare)
      ? rng.weighted([
          [1, 2],
          [2, 4],
          [3, 5],
          [5, 5],
          [8, 3],
          [13, 1],
        ] as const)
      : null;
  const originalEstimateSeconds = kind !== 'epic' && rng.chance(0.6) ? rng.pick([2, 4, 6, 8, 12, 16, 24, 32]) * 3600 : null;
  // Why skewed: teams underestimate more often than they overestimate.
  const effortRatio = 0.6 + rng.next() * 0.6 + (rng.chance(0.25) ? rng.next() * 0.8 : 0);
  return {
    storyPoints,
    storyPointsRevisedFrom: storyPoints !== null && rng.chance(0.08) ? Math.max(1, storyPoints - 2) : null,
    originalEstimateSeconds,
    effortRatio,
  };
}

function dateBetween(rng: SeededRandom, from: Date, to: Date): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  return new Date(from.getTime() + rng.next() * span);
}

/** Adds "Blocks" links on both issues of each pair, as Jira shows them. */
function linkBlocking(factory: IssueFactory, pairs: readonly (readonly [BuiltIssue, BuiltIssue])[], firstLinkId: number): void {
  let linkId = firstLinkId;
  const type = { ...BLOCKS_LINK_TYPE, self: `${SITE}/rest/api/3/issueLinkType/${BLOCKS_LINK_TYPE.id}` };
  for (const [blocker, blocked] of pairs) {
    linkId += 1;
    const self = `${SITE}/rest/api/3/issueLink/${linkId}`;
    (blocker.json.fields['issuelinks'] as JsonObject[]).push({ id: String(linkId), self, type, outwardIssue: factory.issueRef(blocked) });
    (blocked.json.fields['issuelinks'] as JsonObject[]).push({ id: String(linkId), self, type, inwardIssue: factory.issueRef(blocker) });
  }
}

function attachParents(factory: IssueFactory, built: readonly BuiltIssue[], parentOf: ReadonlyMap<string, BuiltIssue>): void {
  for (const issue of built) {
    const parent = parentOf.get(issue.json.key);
    if (!parent) continue;
    issue.json.fields['parent'] = factory.issueRef(parent);
    if (issue.plan.kind === 'subtask') {
      (parent.json.fields['subtasks'] as JsonObject[]).push(factory.issueRef(issue));
      // Why: Σ fields on a parent include its sub-tasks' effort, as Jira computes them.
      const f = parent.json.fields;
      const add = (field: string, value: number | null) => {
        if (value === null) return;
        f[field] = ((f[field] as number | null) ?? 0) + value;
      };
      add('aggregatetimespent', issue.timeSpentSeconds || null);
      add('aggregatetimeoriginalestimate', issue.plan.originalEstimateSeconds);
      add('aggregatetimeestimate', issue.plan.originalEstimateSeconds === null ? null : issue.remainingSeconds);
      const spent = (f['aggregatetimespent'] as number | null) ?? 0;
      const remaining = (f['aggregatetimeestimate'] as number | null) ?? 0;
      const total = spent + remaining;
      f['aggregateprogress'] =
        total > 0 ? { progress: spent, total, percent: Math.round((spent / total) * 100) } : { progress: 0, total: 0 };
    }
  }
}

/** A company-managed English project on the demo site: the ACME and scale projects differ only here. */
function companyManagedSetup(project: Pick<ProjectSetup, 'id' | 'key' | 'name' | 'sprints' | 'boardId'>): ProjectSetup {
  return {
    site: SITE,
    simplified: false,
    offsetMinutes: 0,
    statuses: ACME_STATUSES,
    types: ISSUE_TYPES,
    storyPointsField: FIELD_ID.storyPoints,
    storyPointsFieldName: 'Story point estimate',
    resolutionDone: RESOLUTION_DONE,
    resolutionWontDo: RESOLUTION_WONT_DO,
    ...project,
  };
}

function generateAcme({ rng, now }: PlanDefaults): Dataset {
  const projectId = '10000';
  const key = 'ACME';
  const setup = companyManagedSetup({
    id: projectId,
    key,
    name: 'Acme Customer Portal',
    sprints: sprints(now, 'ACME Sprint', 1, -126),
    boardId: 1,
  });
  const factory = new IssueFactory(setup, rng, now);
  const iso = (offset: number) => toDateOnly(day(now, offset));
  const versions: VersionSpec[] = [
    {
      id: '10100',
      name: 'M1 Discovery and sign-in',
      description: 'Research, UX design and customer sign-in.',
      startDate: iso(-126),
      releaseDate: iso(-62),
      released: true,
    },
    {
      id: '10101',
      name: 'M2 Customer portal MVP',
      description: 'Tracking dashboard, notifications, billing and accounts for pilot customers.',
      startDate: iso(-62),
      releaseDate: iso(9),
      released: false,
    },
    {
      id: '10102',
      name: 'M3 Documents and carrier API',
      description: 'Proof of delivery, carrier integrations, accessibility.',
      startDate: iso(-20),
      releaseDate: iso(50),
      released: false,
    },
    {
      id: '10103',
      name: 'M4 Launch',
      description: 'Go-live for all Acme Logistics customers and hypercare.',
      startDate: iso(30),
      releaseDate: iso(85),
      released: false,
    },
  ];
  const windows = [
    { from: day(now, -126), to: day(now, -75), end: day(now, -62) },
    // Planned scope is written before a milestone starts (its baseline); what is added later is creep.
    { from: day(now, -80), to: day(now, -63), end: now },
    { from: day(now, -45), to: day(now, -21), end: now },
    { from: day(now, -30), to: day(now, -1), end: now },
  ] as const;
  const team = ACME_TEAM;
  const assigneeFor = (componentName: string | undefined, kind: IssueKind): UserSpec => {
    if (componentName === 'Design') return team.design;
    if (componentName === 'Infrastructure') return team.devops;
    if (componentName === 'API' || componentName === 'Integrations' || componentName === 'Billing')
      return rng.pick([team.backend, team.fullstack]);
    if (kind === 'bug') return rng.pick([team.frontend, team.backend, team.fullstack]);
    return rng.pick([team.frontend, team.fullstack, team.lead]);
  };

  let nextId = 10001;
  let nextNumber = 1;
  const built: BuiltIssue[] = [];
  const parentOf = new Map<string, BuiltIssue>();
  const allocate = () => ({ id: nextId++, key: `${key}-${nextNumber++}` });

  const planItem = (kind: IssueKind, summary: string, milestone: number | null, componentName: string | undefined): IssuePlan => {
    const window = milestone === null ? { from: day(now, -126), to: day(now, -1), end: now } : (windows[milestone] ?? windows[1]);
    let outcome = pickOutcome(rng, milestone);
    let fixVersion = milestone === null ? null : (versions[milestone] ?? null);
    let fixVersionAddedAt: Date | null = null;
    let movedFromVersion: VersionSpec | null = null;
    let created = dateBetween(rng, window.from, window.to);
    let windowEnd = window.end;
    if (milestone === 0 && outcome !== 'done') {
      // Leftovers of the released milestone were moved to the next one after its release.
      movedFromVersion = versions[0] ?? null;
      fixVersion = versions[1] ?? null;
      fixVersionAddedAt = day(now, -61);
      outcome = pickOutcome(rng, 1);
      windowEnd = now;
    } else if (milestone === 1 && kind !== 'subtask' && rng.chance(0.16)) {
      // Scope creep: added to the at-risk milestone well after its baseline.
      fixVersionAddedAt = dateBetween(rng, day(now, -45), day(now, -4));
      created = dateBetween(rng, day(now, -90), new Date(fixVersionAddedAt.getTime() - DAY_MS));
    }
    const assignee = outcome === 'todo' && rng.chance(0.5) ? null : assigneeFor(componentName, kind);
    const clientReported = kind === 'bug' && rng.chance(0.42);
    const labels: string[] = [];
    if (clientReported) labels.push('client-reported');
    if ((clientReported && rng.chance(0.5)) || (kind === 'story' && rng.chance(0.2))) labels.push('client');
    if (componentName === 'Web app' && rng.chance(0.3)) labels.push('frontend');
    if ((componentName === 'API' || componentName === 'Integrations') && rng.chance(0.3)) labels.push('backend');
    if (kind === 'task' && rng.chance(0.1)) labels.push('internal');
    if (kind === 'task' && rng.chance(0.15)) labels.push('tech-debt');
    const started = outcome !== 'todo';
    let dueDate: string | null = null;
    if (fixVersion && rng.chance(milestone === 0 ? 0.5 : 0.55)) {
      const release = Date.parse(`${fixVersion.releaseDate}T00:00:00Z`);
      const due = new Date(Math.max(created.getTime() + 3 * DAY_MS, release - rng.int(0, 24) * DAY_MS));
      dueDate = toDateOnly(due);
    }
    const comments: IssuePlan['comments'] = [];
    if (rng.chance(0.25)) comments.push({ author: assignee ?? team.lead, text: rng.pick(TEAM_COMMENTS) });
    if (outcome === 'waiting' || (labels.includes('client') && rng.chance(0.4)))
      comments.push({ author: rng.pick(ACME_CLIENT_PEOPLE), text: rng.pick(CLIENT_COMMENTS) });
    return basePlan({
      ...allocate(),
      kind,
      summary,
      description:
        kind === 'subtask'
          ? null
          : `${summary}. Agreed with ${ACME_CLIENT} during backlog refinement; acceptance criteria in the linked page.`,
      created,
      windowEnd,
      outcome,
      reopens:
        outcome === 'done'
          ? rng.weighted([
              [0, 86],
              [1, kind === 'bug' ? 16 : 10],
              [2, 2],
            ] as const)
          : 0,
      waitedForClient: outcome !== 'waiting' && outcome !== 'todo' && rng.chance(0.08),
      staleDays: started && outcome !== 'done' && rng.chance(0.22) ? rng.int(8, 20) : null,
      reporter: clientReported ? rng.pick(ACME_CLIENT_PEOPLE) : rng.pick([team.pm, team.pm, team.lead, team.qa]),
      assignee,
      priority: pickPriority(rng, kind),
      labels,
      components: componentName ? [component(componentName)] : [],
      fixVersion,
      fixVersionAddedAt,
      movedFromVersion,
      ...estimate(rng, kind, kind === 'story' ? 0.85 : kind === 'bug' ? 0.3 : 0.25),
      dueDate,
      dueDateSlippedFrom: dueDate && rng.chance(0.1) ? toDateOnly(day(new Date(`${dueDate}T00:00:00Z`), -7)) : null,
      flagged: started && outcome !== 'done' ? (rng.chance(0.12) ? 'now' : 'no') : outcome === 'done' && rng.chance(0.03) ? 'past' : 'no',
      comments,
    });
  };

  const BUG_AREAS = [
    'Shipment dashboard',
    'Invoice PDF',
    'Notification e-mail',
    'Sign-in page',
    'Map view',
    'CSV export',
    'Account settings',
    'Public API',
  ];
  const BUG_SYMPTOMS = [
    'layout breaks on small screens',
    'shows stale data after refresh',
    'is slow to load for large accounts',
    'uses the wrong date format in the German locale',
    'returns error 500 when the filter is empty',
    'is missing Spanish translations',
  ];
  const extraBugs = BUG_AREAS.flatMap((area) => BUG_SYMPTOMS.map((symptom) => `${area} ${symptom}`)).filter(() => rng.chance(0.85));

  ACME_EPICS.forEach((epicContent, epicIndex) => {
    const milestone = epicContent.milestone;
    const epicWindow = windows[milestone];
    const epicPlan = basePlan({
      ...allocate(),
      kind: 'epic',
      summary: epicContent.summary,
      description: `${epicContent.summary} for the ${ACME_CLIENT} customer portal.`,
      created: day(epicWindow.from, -3),
      windowEnd: epicWindow.end,
      outcome: milestone === 0 ? 'done' : milestone === 3 ? 'todo' : 'inProgress',
      reporter: team.pm,
      assignee: team.lead,
      priority: PRIORITIES[epicIndex % 3 === 0 ? 1 : 2] as PrioritySpec,
      fixVersion: versions[milestone] ?? null,
      labels: epicContent.client ? ['client'] : [],
    });
    const epic = factory.build(epicPlan);
    built.push(epic);

    const storyTitles = [
      ...epicContent.stories,
      ...epicContent.stories.filter(() => rng.chance(0.35)).map((title) => `${title} on mobile`),
    ];
    for (const title of storyTitles) {
      const componentName = rng.pick(epicContent.components);
      const story = factory.build(planItem('story', title, milestone, componentName));
      built.push(story);
      parentOf.set(story.json.key, epic);
      if (rng.chance(0.66)) {
        const count = rng.int(2, 3);
        const prefixes = SUBTASK_PREFIXES.slice(0, 5)
          .filter(() => rng.chance(0.8))
          .slice(0, count);
        for (const prefix of prefixes.length > 0 ? prefixes : ['Backend']) {
          const plan = planItem('subtask', `${prefix}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`, milestone, componentName);
          plan.created = new Date(Math.min(story.plan.created.getTime() + rng.int(0, 3) * DAY_MS, now.getTime() - DAY_MS));
          plan.windowEnd = story.plan.windowEnd;
          plan.fixVersion = story.plan.fixVersion;
          plan.fixVersionAddedAt = null;
          plan.movedFromVersion = null;
          plan.outcome =
            story.plan.outcome === 'done'
              ? 'done'
              : story.plan.outcome === 'todo'
                ? 'todo'
                : rng.pick(['done', 'inProgress', 'todo'] as const);
          plan.assignee = prefix === 'QA' ? team.qa : prefix === 'Design review' ? team.design : plan.assignee;
          plan.flagged = 'no';
          plan.comments = [];
          plan.labels = [];
          const sub = factory.build(plan);
          built.push(sub);
          parentOf.set(sub.json.key, story);
        }
      }
    }
    for (const title of epicContent.bugs) {
      const bug = factory.build(planItem('bug', title, milestone, rng.pick(epicContent.components)));
      built.push(bug);
      parentOf.set(bug.json.key, epic);
    }
  });
  for (const title of extraBugs) {
    const milestone = rng.weighted([
      [1, 5],
      [2, 2],
      [null, 3],
    ] as const);
    built.push(factory.build(planItem('bug', title, milestone, rng.pick(['Web app', 'API', 'Notifications']))));
  }
  for (const title of ACME_TASKS) {
    const milestone = rng.weighted([
      [0, 2],
      [1, 4],
      [2, 2],
      [null, 3],
    ] as const);
    const plan = planItem('task', title, milestone, rng.pick(['Infrastructure', 'Web app', 'API']));
    // The PM's marking (DESIGN §5.1): client-facing tasks for the client, chores internal.
    if (ACME_CLIENT_TASKS.has(title)) plan.labels = [...plan.labels.filter((l) => l !== 'internal'), 'client'];
    else if (ACME_CHORE_TASKS.has(title) && !plan.labels.includes('internal')) plan.labels = [...plan.labels, 'internal'];
    built.push(factory.build(plan));
  }
  for (const title of ACME_INTERNAL_TASKS) {
    const plan = planItem('task', title, null, undefined);
    plan.labels = ['internal'];
    plan.assignee = team.pm;
    built.push(factory.build(plan));
  }

  // Realities of DESIGN §4 that the app must survive, placed deliberately.
  const realityPlan = planItem('bug', 'Legacy portal link in footer points to the old domain', 1, 'Web app');
  realityPlan.outcome = 'todo';
  realityPlan.quirk = 'resolvedButOpen';
  built.push(factory.build(realityPlan));
  const donePlan = planItem('story', 'Show carrier name on the shipment details page', 1, 'Web app');
  donePlan.outcome = 'done';
  donePlan.reopens = 0;
  donePlan.quirk = 'doneWithoutResolution';
  built.push(factory.build(donePlan));
  const waitingLabel = planItem('task', 'Confirm SMS sender ID with Acme telecom team', 1, 'Infrastructure');
  waitingLabel.outcome = 'todo';
  waitingLabel.labels = ['waiting-on-client', 'client'];
  built.push(factory.build(waitingLabel));
  for (let i = 1; i <= 3; i += 1) {
    const soon = planItem(
      'story',
      [
        'Show delivery instructions on the shipment page',
        'Add print view for shipment details',
        'Show the driver name on out-for-delivery shipments',
      ][i - 1] ?? 'Soon',
      1,
      'Web app',
    );
    soon.outcome = 'todo';
    soon.dueDate = toDateOnly(day(now, i));
    soon.assignee = team.frontend;
    built.push(factory.build(soon));
  }

  attachParents(factory, built, parentOf);

  // Blocking links between unfinished work of the next milestones (some blockers already done).
  const candidates = built.filter(
    (b) => b.plan.kind !== 'epic' && b.plan.kind !== 'subtask' && b.plan.fixVersion && !b.plan.fixVersion.released,
  );
  const pairs: [BuiltIssue, BuiltIssue][] = [];
  const seen = new Set<string>();
  for (let attempts = 0; pairs.length < 24 && attempts < 500; attempts += 1) {
    const blocker = rng.pick(candidates);
    const blocked = rng.pick(candidates);
    const pairKey = `${blocker.json.key}>${blocked.json.key}`;
    if (blocker === blocked || blocked.finalStatus.category === 'done' || seen.has(pairKey)) continue;
    seen.add(pairKey);
    pairs.push([blocker, blocked]);
  }
  linkBlocking(factory, pairs, 10500);

  const statuses = Object.values(ACME_STATUSES).map((s) => statusDetailsJson(SITE, s));
  return {
    project: projectJson(projectId, key, setup.name, `Customer portal delivered by BrightPath Agency for ${ACME_CLIENT}.`, team.pm, false),
    fields: fieldsJson(),
    statuses,
    priorities: PRIORITIES.map((p) => priorityDetailsJson(SITE, p)),
    issueLinkTypes: issueLinkTypesJson(SITE),
    versions: versions.map((v) => versionJson(v, projectId, now)),
    issues: built.map((b) => b.json),
  } as Dataset;
}

function generateHuazhi({ rng, now }: PlanDefaults): Dataset {
  const projectId = '10010';
  const key = 'HZ';
  const statuses = {
    todo: { id: '10100', name: '待办', category: 'new', categoryName: '待办', projectId },
    inProgress: { id: '10101', name: '进行中', category: 'indeterminate', categoryName: '进行中', projectId },
    done: { id: '10102', name: '完成', category: 'done', categoryName: '完成', projectId },
  } satisfies Record<string, StatusSpec>;
  const scoped = (base: (typeof ISSUE_TYPES)[keyof typeof ISSUE_TYPES], id: string, name: string) => ({ ...base, id, name, projectId });
  const setup: ProjectSetup = {
    site: SITE,
    id: projectId,
    key,
    name: '华智仓储管理系统',
    simplified: true,
    offsetMinutes: 480,
    statuses,
    types: {
      epic: scoped(ISSUE_TYPES.epic, '10010', '史诗'),
      story: scoped(ISSUE_TYPES.story, '10011', '故事'),
      task: scoped(ISSUE_TYPES.task, '10012', '任务'),
      bug: scoped(ISSUE_TYPES.bug, '10013', '缺陷'),
      subtask: scoped(ISSUE_TYPES.subtask, '10014', '子任务'),
    },
    storyPointsField: FIELD_ID.storyPoints,
    storyPointsFieldName: 'Story point estimate',
    resolutionDone: { ...RESOLUTION_DONE, name: '完成', description: '此事务的工作已完成。' },
    resolutionWontDo: { ...RESOLUTION_WONT_DO, name: '不做', description: '不会处理此事务。' },
    sprints: sprints(now, 'HZ 冲刺', 101, -70),
    boardId: 2,
  };
  const factory = new IssueFactory(setup, rng, now);
  const version: VersionSpec = {
    id: '10110',
    name: 'V1.0 上线',
    description: '华东仓储一期上线',
    startDate: toDateOnly(day(now, -70)),
    releaseDate: toDateOnly(day(now, 20)),
    released: false,
  };
  let nextId = 20001;
  let nextNumber = 1;
  const built: BuiltIssue[] = [];
  const parentOf = new Map<string, BuiltIssue>();
  const plan = (kind: IssueKind, summary: string, outcome: Outcome): IssuePlan => {
    const started = outcome !== 'todo';
    return basePlan({
      id: nextId++,
      key: `${key}-${nextNumber++}`,
      kind,
      summary,
      description: kind === 'subtask' ? null : `${summary}（需求来自华东仓储）`,
      created: dateBetween(rng, day(now, -70), day(now, -3)),
      windowEnd: now,
      outcome,
      reopens: outcome === 'done' && rng.chance(0.1) ? 1 : 0,
      staleDays: started && outcome !== 'done' && rng.chance(0.2) ? rng.int(8, 15) : null,
      reporter: kind === 'bug' && rng.chance(0.5) ? HZ_CLIENT : (HZ_TEAM[0] as UserSpec),
      assignee: rng.pick(HZ_TEAM),
      priority: pickPriority(rng, kind),
      // A bug the client reported is one the client follows.
      labels: kind === 'bug' && rng.chance(0.5) ? ['client-reported', 'client'] : [],
      fixVersion: rng.chance(0.7) ? version : null,
      ...estimate(rng, kind, 0.7),
      dueDate: rng.chance(0.4) ? toDateOnly(day(now, rng.int(-10, 25))) : null,
      flagged: started && outcome !== 'done' && rng.chance(0.1) ? 'now' : 'no',
    });
  };
  const outcomeOf = () =>
    rng.weighted([
      ['done', 45],
      ['inProgress', 25],
      ['todo', 30],
    ] as const);
  HZ_EPICS.forEach((epicContent, index) => {
    const epicPlan = plan('epic', epicContent.summary, index === 0 ? 'done' : 'inProgress');
    // The three epics of the client's warehouse flow are shown to it; reports and permissions are the team's.
    if (index < 3) epicPlan.labels = ['client'];
    const epic = factory.build(epicPlan);
    built.push(epic);
    for (const summary of epicContent.items) {
      const outcome = index === 0 ? 'done' : outcomeOf();
      const story = factory.build(plan(rng.chance(0.75) ? 'story' : 'task', summary, outcome));
      built.push(story);
      parentOf.set(story.json.key, epic);
      if (rng.chance(0.3)) {
        for (const prefix of ['后端', '前端']) {
          const subPlan = plan('subtask', `${prefix}：${summary}`, outcome === 'done' ? 'done' : rng.pick(['todo', 'inProgress'] as const));
          subPlan.created = new Date(Math.min(story.plan.created.getTime() + DAY_MS, now.getTime() - DAY_MS));
          subPlan.fixVersion = story.plan.fixVersion;
          const sub = factory.build(subPlan);
          built.push(sub);
          parentOf.set(sub.json.key, story);
        }
      }
    }
  });
  for (const summary of HZ_BUGS) built.push(factory.build(plan('bug', summary, outcomeOf())));
  attachParents(factory, built, parentOf);
  const open = built.filter((b) => b.finalStatus.category !== 'done' && b.plan.kind !== 'epic');
  const pairs: [BuiltIssue, BuiltIssue][] = [];
  for (let i = 0; i + 1 < open.length && pairs.length < 4; i += 3) {
    const a = open[i];
    const b = open[i + 1];
    if (a && b) pairs.push([a, b]);
  }
  linkBlocking(factory, pairs, 10700);
  return {
    project: projectJson(projectId, key, setup.name, '为华东仓储交付的仓储管理系统（团队管理项目）', HZ_TEAM[0] as UserSpec, true),
    fields: fieldsJson(),
    statuses: Object.values(statuses).map((s) => statusDetailsJson(SITE, s)),
    priorities: PRIORITIES.map((p) => priorityDetailsJson(SITE, p)),
    issueLinkTypes: issueLinkTypesJson(SITE),
    versions: [versionJson(version, projectId, now)],
    issues: built.map((b) => b.json),
  } as Dataset;
}

/**
 * The demo datasets: ACME (about 400 issues, English) and HZ (about 60 issues, Chinese).
 * Deterministic for a seed and `now`.
 */
export function generateDemoDatasets(options: DemoOptions): Dataset[] {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  return [
    generateAcme({ rng: new SeededRandom(seed), now: options.now }),
    generateHuazhi({ rng: new SeededRandom(seed ^ 0x5a5a5a5a), now: options.now }),
  ];
}

const SCALE_AREAS = [
  'Checkout',
  'Search',
  'Reporting',
  'Onboarding',
  'Billing',
  'Notifications',
  'Admin console',
  'Mobile app',
  'Public API',
  'Data import',
];
const SCALE_ACTIONS = [
  'Improve',
  'Fix validation in',
  'Add audit trail to',
  'Speed up',
  'Localize',
  'Refactor',
  'Add tests for',
  'Polish UI of',
];

/**
 * What became of a to-do issue of the scale project since it was created, with the share of
 * each (%), as in real backlogs: nearly half never touched again (`updated` = `created`, no
 * changelog), many edited in place (priority, description, rank: nothing the domain reads),
 * some added to their release after creation (a scope change), a few pushed back from work,
 * and some left in the backlog with no release at all.
 */
const SCALE_TODO_STORIES = [
  ['untouched', 45],
  ['edited', 30],
  ['addedToRelease', 10],
  ['pushedBack', 5],
  ['backlog', 10],
] as const;

/**
 * A large synthetic project (key SCALE) for load tests and benchmarks: linear time, shared
 * sub-objects, short changelogs. Deterministic for a seed and `now`. Released milestones are
 * done; open ones mix done, started and to-do issues whose histories follow `SCALE_TODO_STORIES`.
 */
export function generateScaleDataset(options: ScaleOptions): Dataset {
  const rng = new SeededRandom(options.seed ?? DEFAULT_DEMO_SEED);
  const { now } = options;
  const projectId = '10020';
  const key = 'SCALE';
  const setup = companyManagedSetup({
    id: projectId,
    key,
    name: 'Scale Test Project',
    sprints: sprints(now, 'SCALE Sprint', 1001, -360),
    boardId: 3,
  });
  const factory = new IssueFactory(setup, rng, now, true);
  const versionCount = 8;
  const versions: VersionSpec[] = Array.from({ length: versionCount }, (_, i) => {
    const release = -300 + i * 50;
    return {
      id: String(10300 + i),
      name: `Release ${i + 1}`,
      description: `Scale release ${i + 1}`,
      startDate: toDateOnly(day(now, release - 50)),
      releaseDate: toDateOnly(day(now, release)),
      released: release < 0,
    };
  });
  const team = Object.values(ACME_TEAM);
  const issues: Dataset['issues'] = [];
  let epic: BuiltIssue | null = null;
  let lastStandard: BuiltIssue | null = null;
  const pendingBlockers: BuiltIssue[] = [];
  for (let n = 1; n <= options.issues; n += 1) {
    const isEpic = n % 50 === 1;
    const kind: IssueKind = isEpic
      ? 'epic'
      : rng.weighted([
          ['story', 45],
          ['task', 25],
          ['bug', 20],
          ['subtask', 10],
        ] as const);
    const version = versions[Math.min(versionCount - 1, Math.floor(((n - 1) / options.issues) * versionCount))] ?? null;
    const releaseMs = version ? Date.parse(`${version.releaseDate}T00:00:00Z`) : now.getTime();
    const released = version?.released ?? false;
    const created = new Date(Math.min(now.getTime() - DAY_MS, releaseMs - rng.int(5, 60) * DAY_MS));
    const outcome: Outcome = released
      ? 'done'
      : rng.weighted([
          ['done', 30],
          ['inProgress', 20],
          ['review', 5],
          ['waiting', 3],
          ['todo', 42],
        ] as const);
    const story = outcome === 'todo' ? rng.weighted(SCALE_TODO_STORIES) : null;
    const touched = story !== 'untouched' && !(story === 'backlog' && rng.chance(0.5));
    const fixVersion = story === 'backlog' ? null : version;
    const size = estimate(rng, kind, 0.6);
    const plan = basePlan({
      id: 100000 + n,
      key: `${key}-${n}`,
      kind,
      summary: isEpic
        ? `${rng.pick(SCALE_AREAS)} epic ${Math.ceil(n / 50)}`
        : `${rng.pick(SCALE_ACTIONS)} ${rng.pick(SCALE_AREAS).toLowerCase()} (${n})`,
      created,
      windowEnd: released ? new Date(releaseMs) : now,
      outcome,
      reopens: outcome === 'done' && rng.chance(0.05) ? 1 : 0,
      touchedAfterCreation: touched,
      waitedForClient: story === 'pushedBack',
      reporter: team[n % team.length] as UserSpec,
      assignee: team[(n * 7) % team.length] as UserSpec,
      priority: pickPriority(rng, kind),
      labels: kind === 'bug' && rng.chance(0.3) ? ['client-reported'] : kind === 'task' && rng.chance(0.1) ? ['internal'] : [],
      fixVersion,
      fixVersionAddedAt: story === 'addedToRelease' ? new Date(created.getTime() + rng.int(1, 20) * DAY_MS) : null,
      ...size,
      storyPointsRevisedFrom: touched ? size.storyPointsRevisedFrom : null,
      dueDate: fixVersion && rng.chance(0.3) ? toDateOnly(new Date(releaseMs - rng.int(0, 20) * DAY_MS)) : null,
      flagged: outcome !== 'done' && outcome !== 'todo' && rng.chance(0.05) ? 'now' : 'no',
    });
    const issue = factory.build(plan);
    if (isEpic) epic = issue;
    else if (kind === 'subtask' && lastStandard) issue.json.fields['parent'] = factory.issueRef(lastStandard);
    else if (epic && kind !== 'subtask') issue.json.fields['parent'] = factory.issueRef(epic);
    if (kind !== 'subtask' && !isEpic) lastStandard = issue;
    // Linking an issue touches it, so untouched issues stay unlinked.
    if (!isEpic && touched && issue.finalStatus.category !== 'done' && rng.chance(0.02)) {
      const blocker = pendingBlockers.pop();
      if (blocker) linkBlocking(factory, [[blocker, issue]], 900000 + n);
      else pendingBlockers.push(issue);
    }
    issues.push(issue.json);
  }
  return {
    project: projectJson(projectId, key, setup.name, 'Synthetic project for scale tests.', ACME_TEAM.pm, false),
    fields: fieldsJson(),
    statuses: Object.values(ACME_STATUSES).map((s) => statusDetailsJson(SITE, s)),
    priorities: PRIORITIES.map((p) => priorityDetailsJson(SITE, p)),
    issueLinkTypes: issueLinkTypesJson(SITE),
    versions: versions.map((v) => versionJson(v, projectId, now)),
    issues,
  } as Dataset;
}
