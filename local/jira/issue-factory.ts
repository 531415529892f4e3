/**
 * Turns an issue plan (what happened to the issue, in outline) into the issue JSON that
 * `/search/jql?fields=*all&expand=changelog` returns, with a changelog consistent with the
 * final field values. Shared by the demo and scale generators.
 */
import type { DatasetHistory, DatasetIssue } from './dataset';
import type { SeededRandom } from './seeded-random';
import {
  FIELD_ID,
  FLAGGED_IMPEDIMENT,
  formatDuration,
  issueTypeJson,
  priorityJson,
  statusJson,
  toDateOnly,
  toJiraTimestamp,
  userJson,
  type IssueTypeSpec,
  type JsonObject,
  type PrioritySpec,
  type StatusSpec,
  type UserSpec,
} from './site-catalog';

export type IssueKind = 'epic' | 'story' | 'task' | 'bug' | 'subtask';
export type Outcome = 'todo' | 'inProgress' | 'review' | 'waiting' | 'done';

export interface VersionSpec {
  id: string;
  name: string;
  description: string;
  startDate: string;
  releaseDate: string;
  released: boolean;
}

export interface SprintSpec {
  id: number;
  name: string;
  state: 'closed' | 'active' | 'future';
  start: Date;
  end: Date;
  goal: string;
}

export interface ProjectSetup {
  site: string;
  id: string;
  key: string;
  name: string;
  simplified: boolean;
  offsetMinutes: number;
  statuses: { todo: StatusSpec; inProgress: StatusSpec; review?: StatusSpec; waiting?: StatusSpec; done: StatusSpec };
  types: Record<IssueKind, IssueTypeSpec>;
  storyPointsField: string;
  storyPointsFieldName: string;
  resolutionDone: JsonObject;
  resolutionWontDo: JsonObject;
  sprints: readonly SprintSpec[];
  boardId: number;
}

export interface IssuePlan {
  id: number;
  key: string;
  kind: IssueKind;
  summary: string;
  description: string | null;
  created: Date;
  /** Last moment the timeline may use (a released milestone's date, or now). */
  windowEnd: Date;
  outcome: Outcome;
  reopens: number;
  /** Passes through the waiting status (and back) before its outcome. */
  waitedForClient: boolean;
  /** For open started issues: days since the last activity. */
  staleDays: number | null;
  /**
   * False for a to-do issue nobody touched after creating it: `updated` and
   * `statuscategorychangedate` equal `created` and it has no changelog. The plan must then have
   * no status path, revision, slip, flag or later fix version either.
   */
  touchedAfterCreation: boolean;
  reporter: UserSpec;
  assignee: UserSpec | null;
  priority: PrioritySpec;
  labels: string[];
  components: JsonObject[];
  fixVersion: VersionSpec | null;
  /** The fix version was set this long after creation (a scope change after the baseline). */
  fixVersionAddedAt: Date | null;
  /** The issue was moved to `fixVersion` from this version at `fixVersionAddedAt`. */
  movedFromVersion: VersionSpec | null;
  storyPoints: number | null;
  storyPointsRevisedFrom: number | null;
  originalEstimateSeconds: number | null;
  /** Spent / original estimate once the work finished (or so far, scaled by progress). */
  effortRatio: number;
  dueDate: string | null;
  dueDateSlippedFrom: string | null;
  flagged: 'no' | 'now' | 'past';
  /** Data-quality realities: a resolution while in a to-do status, or done without resolution. */
  quirk: 'none' | 'resolvedButOpen' | 'doneWithoutResolution';
  comments: { author: UserSpec; text: string }[];
}

export interface BuiltIssue {
  json: DatasetIssue;
  plan: IssuePlan;
  finalStatus: StatusSpec;
  timeSpentSeconds: number;
  remainingSeconds: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Whether nothing in the plan changes the issue after its creation (see `touchedAfterCreation`). */
function isUntouchable(plan: IssuePlan): boolean {
  return (
    plan.outcome === 'todo' &&
    !plan.waitedForClient &&
    plan.fixVersionAddedAt === null &&
    plan.storyPointsRevisedFrom === null &&
    plan.dueDateSlippedFrom === null &&
    plan.flagged === 'no' &&
    plan.quirk === 'none' &&
    plan.comments.length === 0
  );
}

export function adf(text: string): JsonObject {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

export class IssueFactory {
  private historyId = 100000;
  private worklogId = 20000;
  private commentId = 30000;
  private readonly projectJson: JsonObject;
  private readonly statusCache = new Map<string, JsonObject>();
  private readonly typeCache = new Map<string, JsonObject>();
  private readonly priorityCache = new Map<string, JsonObject>();
  private readonly userCache = new Map<string, JsonObject>();
  private readonly sprintCache = new Map<number, JsonObject>();

  constructor(
    private readonly setup: ProjectSetup,
    private readonly rng: SeededRandom,
    private readonly now: Date,
    /** Lean issues (scale datasets): effort without individual worklogs, to keep memory low. */
    private readonly lean = false,
  ) {
    const avatar = (size: string) => `${setup.site}/rest/api/3/universal_avatar/view/type/project/avatar/10411?size=${size}`;
    this.projectJson = {
      self: `${setup.site}/rest/api/3/project/${setup.id}`,
      id: setup.id,
      key: setup.key,
      name: setup.name,
      projectTypeKey: 'software',
      simplified: setup.simplified,
      avatarUrls: { '48x48': avatar('large'), '24x24': avatar('small'), '16x16': avatar('xsmall'), '32x32': avatar('medium') },
    };
  }

  /** Shared instances: thousands of issues point at the same status/user objects to keep memory low. */
  status(spec: StatusSpec): JsonObject {
    let json = this.statusCache.get(spec.id);
    if (!json) this.statusCache.set(spec.id, (json = statusJson(this.setup.site, spec)));
    return json;
  }

  user(spec: UserSpec): JsonObject {
    let json = this.userCache.get(spec.accountId);
    if (!json) this.userCache.set(spec.accountId, (json = userJson(this.setup.site, spec)));
    return json;
  }

  private issueType(spec: IssueTypeSpec): JsonObject {
    let json = this.typeCache.get(spec.id);
    if (!json) this.typeCache.set(spec.id, (json = issueTypeJson(this.setup.site, spec)));
    return json;
  }

  private priority(spec: PrioritySpec): JsonObject {
    let json = this.priorityCache.get(spec.id);
    if (!json) this.priorityCache.set(spec.id, (json = priorityJson(this.setup.site, spec)));
    return json;
  }

  private ts(date: Date): string {
    return toJiraTimestamp(date, this.setup.offsetMinutes);
  }

  private statusPath(plan: IssuePlan): StatusSpec[] {
    const s = this.setup.statuses;
    const work: StatusSpec[] = [s.inProgress];
    if (plan.waitedForClient && s.waiting) work.push(s.waiting, s.inProgress);
    const finish = s.review ? [s.review, s.done] : [s.done];
    switch (plan.outcome) {
      case 'todo':
        return plan.waitedForClient ? [s.inProgress, s.todo] : [];
      case 'inProgress':
        return work;
      case 'review':
        return s.review ? [...work, s.review] : work;
      case 'waiting':
        return s.waiting ? [s.inProgress, s.waiting] : work;
      case 'done': {
        const path = [...work, ...finish];
        for (let i = 0; i < plan.reopens; i += 1) path.push(s.inProgress, ...finish);
        return path;
      }
    }
  }

  build(plan: IssuePlan): BuiltIssue {
    const { setup, rng } = this;
    if (!plan.touchedAfterCreation && !isUntouchable(plan)) {
      throw new Error(`${plan.key}: an issue with a status path, revision, slip, flag, comment or later fix version was touched`);
    }
    const createdMs = plan.created.getTime();
    const endMs = Math.max(createdMs + HOUR_MS, Math.min(plan.windowEnd.getTime(), this.now.getTime() - HOUR_MS));
    const path = this.statusPath(plan);
    // Why sorted uniform points: transitions spread over the window like real work, never past now.
    let lastMs = createdMs;
    if (plan.staleDays !== null && plan.outcome !== 'done') {
      lastMs = Math.max(createdMs + HOUR_MS, this.now.getTime() - plan.staleDays * DAY_MS);
    } else if (plan.outcome === 'done') {
      lastMs = createdMs + (endMs - createdMs) * (0.35 + rng.next() * 0.6);
    } else if (!plan.touchedAfterCreation) {
      lastMs = createdMs;
    } else {
      lastMs = createdMs + (endMs - createdMs) * (0.6 + rng.next() * 0.4);
    }
    const points = path.map(() => rng.next()).sort((a, b) => a - b);
    const times = points.map((p, i) => createdMs + (lastMs - createdMs) * (i === points.length - 1 ? 1 : Math.max(0.02, p * 0.95)));
    for (let i = 1; i < times.length; i += 1) {
      const prev = times[i - 1] ?? createdMs;
      if ((times[i] ?? 0) <= prev) times[i] = prev + 37 * 60_000;
    }

    const histories: DatasetHistory[] = [];
    const author = plan.assignee ?? plan.reporter;
    const addHistory = (at: number, who: UserSpec, items: JsonObject[]) => {
      this.historyId += 1;
      histories.push({
        id: String(this.historyId),
        author: this.user(who),
        created: this.ts(new Date(at)),
        items: items as DatasetHistory['items'],
      });
    };

    let status = setup.statuses.todo;
    let statusCategoryChangedMs = createdMs;
    let resolution: JsonObject | null = null;
    let resolutionMs: number | null = null;
    let startedMs: number | null = null;
    let assigned = false;
    // A loop rather than forEach, so the compiler sees the assignments to the state above.
    for (const [i, next] of path.entries()) {
      const at = times[i] ?? lastMs;
      const items: JsonObject[] = [];
      if (!assigned && plan.assignee && next.category !== 'new') {
        assigned = true;
        items.push({
          field: 'assignee',
          fieldtype: 'jira',
          fieldId: 'assignee',
          from: null,
          fromString: null,
          to: plan.assignee.accountId,
          toString: plan.assignee.displayName,
        });
      }
      items.push({
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: status.id,
        fromString: status.name,
        to: next.id,
        toString: next.name,
      });
      const skipResolution = plan.quirk === 'doneWithoutResolution' || (setup.simplified && plan.id % 3 !== 0);
      if (next.category === 'done' && !skipResolution) {
        resolution = setup.resolutionDone;
        resolutionMs = at;
        items.push({
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: null,
          fromString: null,
          to: String(setup.resolutionDone['id']),
          toString: String(setup.resolutionDone['name']),
        });
      } else if (status.category === 'done' && resolution) {
        items.push({
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: String(resolution['id']),
          fromString: String(resolution['name']),
          to: null,
          toString: null,
        });
        resolution = null;
        resolutionMs = null;
      }
      if (next.category !== status.category) statusCategoryChangedMs = at;
      if (startedMs === null && next.category === 'indeterminate') startedMs = at;
      addHistory(at, i === path.length - 1 && next.id === setup.statuses.waiting?.id ? author : author, items);
      status = next;
    }
    if (plan.quirk === 'resolvedButOpen') {
      // Why: a resolution set by a bulk edit while the status stayed in To Do happens on real sites.
      const at = createdMs + (endMs - createdMs) * 0.5;
      resolution = setup.resolutionWontDo;
      resolutionMs = at;
      addHistory(at, plan.reporter, [
        {
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: null,
          fromString: null,
          to: String(setup.resolutionWontDo['id']),
          toString: String(setup.resolutionWontDo['name']),
        },
      ]);
    }

    // Fix version: set at creation, or added/moved later (scope change after baseline).
    if (plan.fixVersion && plan.fixVersionAddedAt) {
      const at = Math.min(Math.max(plan.fixVersionAddedAt.getTime(), createdMs + HOUR_MS), this.now.getTime() - HOUR_MS);
      const items: JsonObject[] = [];
      if (plan.movedFromVersion) {
        items.push({
          field: 'Fix Version',
          fieldtype: 'jira',
          fieldId: 'fixVersions',
          from: plan.movedFromVersion.id,
          fromString: plan.movedFromVersion.name,
          to: null,
          toString: null,
        });
      }
      items.push({
        field: 'Fix Version',
        fieldtype: 'jira',
        fieldId: 'fixVersions',
        from: null,
        fromString: null,
        to: plan.fixVersion.id,
        toString: plan.fixVersion.name,
      });
      addHistory(at, plan.reporter, items);
    }
    if (plan.storyPoints !== null && plan.storyPointsRevisedFrom !== null) {
      const at = createdMs + (Math.max(createdMs + HOUR_MS, lastMs) - createdMs) * 0.3;
      addHistory(at, plan.reporter, [
        {
          field: setup.storyPointsFieldName,
          fieldtype: 'custom',
          fieldId: setup.storyPointsField,
          from: null,
          fromString: String(plan.storyPointsRevisedFrom),
          to: null,
          toString: String(plan.storyPoints),
        },
      ]);
    }
    if (plan.dueDate && plan.dueDateSlippedFrom) {
      const at = createdMs + (Math.max(createdMs + HOUR_MS, lastMs) - createdMs) * 0.6;
      addHistory(at, plan.reporter, [
        {
          field: 'duedate',
          fieldtype: 'jira',
          fieldId: 'duedate',
          from: plan.dueDateSlippedFrom,
          fromString: `${plan.dueDateSlippedFrom} 00:00:00.0`,
          to: plan.dueDate,
          toString: `${plan.dueDate} 00:00:00.0`,
        },
      ]);
    }
    if (plan.flagged !== 'no') {
      const flagAt = startedMs ?? createdMs + (lastMs - createdMs) * 0.5;
      addHistory(Math.max(flagAt, createdMs + HOUR_MS), author, [
        {
          field: 'Flagged',
          fieldtype: 'custom',
          fieldId: FIELD_ID.flagged,
          from: null,
          fromString: null,
          to: '[10019]',
          toString: 'Impediment',
        },
      ]);
      if (plan.flagged === 'past') {
        addHistory(Math.max(flagAt, createdMs + HOUR_MS) + 2 * DAY_MS, author, [
          {
            field: 'Flagged',
            fieldtype: 'custom',
            fieldId: FIELD_ID.flagged,
            from: '[10019]',
            fromString: 'Impediment',
            to: null,
            toString: null,
          },
        ]);
      }
    }

    // Effort: worklogs spread over the active period; their sum is the time spent.
    const original = plan.originalEstimateSeconds;
    let spent = 0;
    const worklogs: JsonObject[] = [];
    if (startedMs !== null && original !== null && this.lean) {
      const progress = plan.outcome === 'done' ? 1 : 0.5;
      spent = Math.round((original * plan.effortRatio * progress) / 900) * 900;
    } else if (startedMs !== null && original !== null) {
      const progress = plan.outcome === 'done' ? 1 : plan.outcome === 'todo' ? 0.1 : 0.3 + rng.next() * 0.5;
      const target = Math.round((original * plan.effortRatio * progress) / 900) * 900;
      const parts = Math.max(1, Math.min(4, Math.round(target / (4 * 3600))));
      for (let i = 0; i < parts && target > 0; i += 1) {
        const seconds = i === parts - 1 ? target - spent : Math.round(target / parts / 900) * 900;
        if (seconds <= 0) continue;
        const at = startedMs + ((lastMs - startedMs) * (i + 0.5)) / parts;
        this.worklogId += 1;
        const who = this.user(author);
        worklogs.push({
          self: `${setup.site}/rest/api/3/issue/${plan.id}/worklog/${this.worklogId}`,
          author: who,
          updateAuthor: who,
          created: this.ts(new Date(at)),
          updated: this.ts(new Date(at)),
          started: this.ts(new Date(at - seconds * 1000)),
          timeSpent: formatDuration(seconds),
          timeSpentSeconds: seconds,
          id: String(this.worklogId),
          issueId: String(plan.id),
        });
        addHistory(at, author, [
          {
            field: 'timespent',
            fieldtype: 'jira',
            fieldId: 'timespent',
            from: spent ? String(spent) : null,
            fromString: spent ? String(spent) : null,
            to: String(spent + seconds),
            toString: String(spent + seconds),
          },
          {
            field: 'WorklogId',
            fieldtype: 'jira',
            from: null,
            fromString: null,
            to: String(this.worklogId),
            toString: String(this.worklogId),
          },
        ]);
        spent += seconds;
      }
    }
    const remaining = original === null ? 0 : status.category === 'done' ? 0 : Math.max(0, original - spent);

    const comments = plan.comments.map((comment, i) => {
      this.commentId += 1;
      const at = this.ts(new Date(createdMs + ((lastMs - createdMs) * (i + 1)) / (plan.comments.length + 1)));
      const who = this.user(comment.author);
      return {
        self: `${setup.site}/rest/api/3/issue/${plan.id}/comment/${this.commentId}`,
        id: String(this.commentId),
        author: who,
        body: adf(comment.text),
        updateAuthor: who,
        created: at,
        updated: at,
        jsdPublic: true,
      };
    });

    histories.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
    const updatedMs = Math.max(createdMs, lastMs, ...histories.map((h) => Date.parse(h.created.replace(/(\d{2})(\d{2})$/, '$1:$2'))));
    // Why newest first: `expand=changelog` lists recent updates first, as the search docs say.
    histories.reverse();

    const sprintField = this.sprintsFor(createdMs, startedMs, status.category === 'done' ? (resolutionMs ?? lastMs) : null, plan);
    const timetracking: JsonObject =
      original === null && spent === 0
        ? {}
        : {
            ...(original !== null ? { originalEstimate: formatDuration(original), remainingEstimate: formatDuration(remaining) } : {}),
            ...(spent > 0 ? { timeSpent: formatDuration(spent) } : {}),
            ...(original !== null ? { originalEstimateSeconds: original, remainingEstimateSeconds: remaining } : {}),
            ...(spent > 0 ? { timeSpentSeconds: spent } : {}),
          };
    const progressTotal = spent + remaining;
    const progress =
      progressTotal > 0
        ? { progress: spent, total: progressTotal, percent: Math.round((spent / progressTotal) * 100) }
        : { progress: 0, total: 0 };
    const startDate =
      startedMs !== null && plan.kind !== 'subtask' && plan.id % 2 === 0 ? toDateOnly(new Date(startedMs), setup.offsetMinutes) : null;

    const fields: JsonObject = {
      statuscategorychangedate: this.ts(new Date(statusCategoryChangedMs)),
      issuetype: this.issueType(setup.types[plan.kind]),
      timespent: spent > 0 ? spent : null,
      project: this.projectJson,
      fixVersions: plan.fixVersion ? [this.versionRef(plan.fixVersion)] : [],
      aggregatetimespent: spent > 0 ? spent : null,
      resolution,
      resolutiondate: resolutionMs !== null ? this.ts(new Date(resolutionMs)) : null,
      workratio: original ? Math.round((spent / original) * 100) : -1,
      lastViewed: null,
      watches: { self: `${setup.site}/rest/api/3/issue/${plan.key}/watchers`, watchCount: 1 + (plan.id % 3), isWatching: false },
      issuerestriction: { issuerestrictions: {}, shouldDisplay: !setup.simplified },
      created: this.ts(plan.created),
      [FIELD_ID.startDate]: startDate,
      priority: this.priority(plan.priority),
      labels: plan.labels,
      [setup.storyPointsField]: plan.storyPoints,
      [FIELD_ID.rank]: `0|i${String(plan.id).padStart(5, '0')}:`,
      aggregatetimeoriginalestimate: original,
      timeestimate: original === null ? null : remaining,
      versions: [],
      issuelinks: [],
      assignee: plan.assignee && (assigned || plan.outcome === 'todo') ? this.user(plan.assignee) : null,
      updated: this.ts(new Date(updatedMs)),
      status: this.status(status),
      components: plan.components,
      timeoriginalestimate: original,
      description: plan.description ? adf(plan.description) : null,
      [FIELD_ID.sprint]: sprintField,
      [FIELD_ID.flagged]: plan.flagged === 'now' ? [FLAGGED_IMPEDIMENT] : null,
      timetracking,
      security: null,
      aggregatetimeestimate: original === null ? null : remaining,
      attachment: [],
      summary: plan.summary,
      creator: this.user(plan.reporter),
      subtasks: [],
      reporter: this.user(plan.reporter),
      aggregateprogress: progress,
      environment: null,
      duedate: plan.dueDate,
      progress,
      votes: { self: `${setup.site}/rest/api/3/issue/${plan.key}/votes`, votes: 0, hasVoted: false },
      comment: {
        comments,
        self: `${setup.site}/rest/api/3/issue/${plan.id}/comment`,
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      },
      worklog: { startAt: 0, maxResults: 20, total: worklogs.length, worklogs },
    };
    if (setup.storyPointsField !== FIELD_ID.storyPoints) fields[FIELD_ID.storyPoints] = null;

    const json: DatasetIssue = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: String(plan.id),
      self: `${setup.site}/rest/api/3/issue/${plan.id}`,
      key: plan.key,
      fields,
      changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
    };
    return { json, plan, finalStatus: status, timeSpentSeconds: spent, remainingSeconds: remaining };
  }

  versionRef(version: VersionSpec): JsonObject {
    return {
      self: `${this.setup.site}/rest/api/3/version/${version.id}`,
      id: version.id,
      description: version.description,
      name: version.name,
      archived: false,
      released: version.released,
      releaseDate: version.releaseDate,
    };
  }

  /** The shape Jira embeds for a parent, sub-task or linked issue. */
  issueRef(built: BuiltIssue): JsonObject {
    const f = built.json.fields;
    return {
      id: built.json.id,
      key: built.json.key,
      self: built.json['self'],
      fields: { summary: f['summary'], status: f['status'], priority: f['priority'], issuetype: f['issuetype'] },
    };
  }

  private sprintObject(s: SprintSpec): JsonObject {
    return {
      id: s.id,
      name: s.name,
      state: s.state,
      boardId: this.setup.boardId,
      goal: s.goal,
      startDate: s.start.toISOString(),
      endDate: s.end.toISOString(),
      ...(s.state === 'closed' ? { completeDate: s.end.toISOString() } : {}),
    };
  }

  private sprintsFor(createdMs: number, startedMs: number | null, doneMs: number | null, plan: IssuePlan): JsonObject[] | null {
    const { sprints } = this.setup;
    if (sprints.length === 0 || plan.kind === 'epic') return null;
    const sprintJson = (s: SprintSpec): JsonObject => {
      let json = this.sprintCache.get(s.id);
      if (!json) this.sprintCache.set(s.id, (json = this.sprintObject(s)));
      return json;
    };
    if (startedMs === null) {
      if (plan.outcome !== 'todo' || !plan.fixVersion || plan.fixVersion.released) return null;
      const upcoming = sprints.find((s) => s.state === 'active') ?? sprints.find((s) => s.state === 'future');
      return upcoming && plan.id % 2 === 0 ? [sprintJson(upcoming)] : null;
    }
    const from = startedMs;
    const to = doneMs ?? this.now.getTime();
    const inRange = sprints.filter(
      (s) => s.end.getTime() >= from && s.start.getTime() <= to && s.start.getTime() >= createdMs - 14 * DAY_MS,
    );
    return inRange.length > 0 ? inRange.slice(-3).map(sprintJson) : null;
  }
}
