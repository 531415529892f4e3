import { describe, expect, it } from 'vitest';
import type { CommsPlanJson, CommsView } from '../../../contract/comms';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { AgendaView } from './AgendaPanel';
import { CommsBoard, type StatusView } from './CommunicationSection';
import { newSeriesDraft, newStakeholderDraft, parseSeries, parseStakeholder } from './comms-drafts';
import { SeriesEditor, StakeholderEditor } from './PlanEditors';
import type { TouchpointsView } from './TouchpointLog';

const PLAN: CommsPlanJson = {
  stakeholders: [
    {
      id: 'ana',
      name: 'Ana Client',
      side: 'client',
      role: 'Sponsor',
      email: 'ana@example.com',
      accountId: null,
      preferredChannel: 'email',
      language: 'en',
      timeZone: 'Europe/Berlin',
      detailLevel: 'executive',
      receivesReports: true,
    },
    {
      id: 'pm',
      name: 'Pat PM',
      side: 'internal',
      role: 'PM',
      email: null,
      accountId: null,
      preferredChannel: 'chat',
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      detailLevel: 'detailed',
      receivesReports: false,
    },
  ],
  series: [
    {
      id: 'weekly',
      title: 'Weekly sync',
      kind: 'meeting',
      cadence: { kind: 'weekly', weekday: 'tuesday' },
      localTime: '09:30',
      timeZone: 'Europe/Berlin',
      durationMinutes: 30,
      channel: 'video-call',
      audience: ['ana'],
      ownerId: 'pm',
      startDate: '2026-11-03',
      endDate: null,
      graceDays: 1,
    },
  ],
  reminders: { mode: 'none', trackingIssueKey: null },
};

const VIEW: CommsView = { plan: PLAN, revision: 4, canEdit: true };
const STATUS: StatusView = {
  series: [
    {
      seriesId: 'weekly',
      state: 'overdue',
      upcoming: [
        { day: '2026-12-08', at: '2026-12-08T08:30:00.000Z' },
        { day: '2026-12-15', at: '2026-12-15T08:30:00.000Z' },
      ],
      outstanding: { day: '2026-11-24', at: '2026-11-24T08:30:00.000Z' },
      daysLate: 6,
    },
  ],
};
const TOUCHPOINTS: TouchpointsView = {
  canEdit: true,
  issueStatuses: { 'ACME-9': { name: 'In Progress', category: 'indeterminate' } },
  touchpoints: [
    {
      id: 'tp1',
      seriesId: 'weekly',
      date: '2026-11-24',
      attendees: ['Ana Client'],
      decisions: ['Ship in January'],
      openQuestions: ['Who signs off?'],
      actionItems: [
        {
          id: 'a1',
          text: 'Send the test plan',
          ownerSide: 'internal',
          ownerName: 'Pat PM',
          ownerAccountId: null,
          due: '2026-12-01',
          status: 'open',
          jiraIssueKey: null,
        },
        {
          id: 'a2',
          text: 'Approve the budget',
          ownerSide: 'client',
          ownerName: 'Ana Client',
          ownerAccountId: null,
          due: null,
          status: 'open',
          jiraIssueKey: 'ACME-9',
        },
      ],
    },
  ],
};

const board = (view: CommsView, options: { locale?: string } = {}) =>
  renderForTest(
    <CommsBoard
      view={view}
      status={STATUS}
      touchpoints={{ ...TOUCHPOINTS, canEdit: view.canEdit }}
      onPlanSaved={() => undefined}
      onTouchpointsChanged={() => undefined}
      timeZone="Asia/Shanghai"
      today="2026-12-01"
    />,
    options,
  );

describe('the Communication board', () => {
  it('shows the overdue touchpoint first, the stakeholders, the series with its next dates in both zones, and the log', () => {
    const html = board(VIEW);
    expect(html.indexOf('data-testid="comms-due"')).toBeLessThan(html.indexOf('data-testid="comms-stakeholders"'));
    expect(textOfTestId(html, 'comms-due-weekly')).toBe('Weekly sync: overdue since Nov 24, 2026 (6 days)');
    expect(textOfTestId(html, 'comms-stakeholder-ana')).toContain('Ana Client');
    expect(textOfTestId(html, 'comms-stakeholder-ana')).toContain('Client · Sponsor · ana@example.com · E-mail · Europe/Berlin');
    const next = textOfTestId(html, 'comms-next-weekly') ?? '';
    expect(next).toContain('In Europe/Berlin');
    expect(next).toContain('9:30');
    expect(html).toContain('data-testid="comms-calendar-weekly"');
    expect(textOfTestId(html, 'comms-decisions-tp1')).toBe('Ship in January');
    expect(html).toContain('data-testid="comms-item-create-a1"');
    expect(html).not.toContain('data-testid="comms-item-create-a2"');
    expect(html).toMatch(/<select[^>]*aria-label="Status: Send the test plan"[^>]*data-testid="comms-item-status-a1"/u);
    expect(textOfTestId(html, 'comms-item-issue-a2')).toBe('Jira issue ACME-9 (In Progress)');
    expect(html).toContain('data-testid="comms-add-stakeholder"');
    expect(html).not.toContain('data-testid="comms-read-only"');
  });

  it('is read-only without Edit Issues: no add, edit, remove, log or issue buttons; calendar and agenda stay', () => {
    const html = board({ ...VIEW, canEdit: false });
    expect(textOfTestId(html, 'comms-read-only')).toContain('Edit Issues');
    for (const id of [
      'comms-add-stakeholder',
      'comms-add-series',
      'comms-log-touchpoint',
      'comms-item-create-a1',
      'comms-item-status-a1',
    ]) {
      expect(html).not.toContain(`data-testid="${id}"`);
    }
    expect(html).not.toContain('>Edit<');
    expect(html).toContain('data-testid="comms-calendar-weekly"');
    expect(html).toContain('data-testid="comms-agenda-weekly"');
  });

  it('speaks Simplified Chinese with Jira’s terms', () => {
    const html = board(VIEW, { locale: 'zh_CN' });
    expect(html).toContain('到期和逾期');
    expect(html).toContain('创建 Jira 事务');
    expect(html).toContain('下载日历文件');
    expect(textOfTestId(html, 'comms-due-weekly')).toContain('Weekly sync：自');
  });

  it('says when nothing is due', () => {
    const html = renderForTest(
      <CommsBoard
        view={{ ...VIEW, plan: { ...PLAN, series: [] } }}
        status={{ series: [] }}
        touchpoints={{ ...TOUCHPOINTS, touchpoints: [] }}
        onPlanSaved={() => undefined}
        onTouchpointsChanged={() => undefined}
        timeZone="UTC"
        today="2026-12-01"
      />,
    );
    expect(textOfTestId(html, 'comms-due')).toContain('No touchpoint is due or overdue.');
    expect(html).toContain('No touchpoint series yet.');
    expect(html).toContain('No touchpoint logged yet.');
  });
});

describe('the plan editors', () => {
  const noSave = () => Promise.resolve({ kind: 'conflict' } as const);
  it('render every stakeholder field with a label', () => {
    const html = renderForTest(
      <StakeholderEditor initial={newStakeholderDraft('Europe/Berlin')} save={noSave} reapply={noSave} onDone={() => undefined} />,
    );
    for (const field of ['name', 'side', 'role', 'email', 'channel', 'language', 'timeZone', 'detail', 'reports']) {
      expect(html).toMatch(new RegExp(`for="cf-comms-stakeholder-${field}"`, 'u'));
      expect(html).toContain(`data-testid="comms-stakeholder-${field}"`);
    }
  });

  it('render the series fields and an audience checkbox per stakeholder, and only internal owners', () => {
    const html = renderForTest(
      <SeriesEditor
        initial={newSeriesDraft('Europe/Berlin', '2026-12-01')}
        stakeholders={PLAN.stakeholders}
        save={noSave}
        reapply={noSave}
        onDone={() => undefined}
      />,
    );
    expect(html).toContain('data-testid="comms-series-weekday"');
    expect(html).toContain('data-testid="comms-series-audience-ana"');
    expect(html).toContain('<option value="pm">Pat PM</option>');
    expect(html).not.toContain('<option value="ana">');
  });
});

describe('drafts', () => {
  it('a stakeholder needs a name, a real e-mail and a time zone, each reported on its field', () => {
    const draft = { ...newStakeholderDraft('Nowhere/City'), email: 'not-an-email' };
    const parsed = parseStakeholder(draft);
    expect(parsed).toEqual({
      ok: false,
      errors: { name: 'comms.error.required', email: 'comms.error.email', timeZone: 'comms.error.timeZone' },
    });
    const good = parseStakeholder({ ...draft, name: 'Ana', email: '', timeZone: 'Europe/Berlin' });
    expect(good.ok && good.value.email).toBeNull();
  });

  it('a series refuses a bad time, an end before the start, and a grace period out of range', () => {
    const draft = {
      ...newSeriesDraft('Europe/Berlin', '2026-12-01'),
      title: 'Sync',
      localTime: '25:00',
      endDate: '2026-11-01',
      graceDays: '99',
    };
    expect(parseSeries(draft)).toEqual({
      ok: false,
      errors: { localTime: 'comms.error.time', endDate: 'comms.error.endBeforeStart', graceDays: 'comms.error.number' },
    });
    const ok = parseSeries({
      ...draft,
      localTime: '10:00',
      endDate: '',
      graceDays: '2',
      cadenceKind: 'monthly-weekday',
      week: 'last',
      weekday: 'friday',
    });
    expect(ok.ok && ok.value.cadence).toEqual({ kind: 'monthly-weekday', week: 'last', weekday: 'friday' });
  });
});

describe('the agenda', () => {
  it('lists the open action items, the blockers and the decisions due, and says Nothing for an empty part', () => {
    const series = PLAN.series[0];
    const item = TOUCHPOINTS.touchpoints[0]?.actionItems[0];
    if (!series || !item) throw new Error('fixture');
    const html = renderForTest(
      <AgendaView
        series={series}
        agenda={{
          seriesId: 'weekly',
          next: { day: '2026-12-08', at: '2026-12-08T08:30:00.000Z' },
          openActionItems: [{ touchpointId: 'tp1', touchpointDate: '2026-11-24', item }],
          overdueActionItems: [],
          risksAndBlockers: [{ key: 'ACME-3', summary: 'Login broken', reason: 'blocked', blockedBy: ['ACME-2'], due: null }],
          waitingOnClient: [],
          decisionsDue: [{ touchpointId: 'tp1', question: 'Who signs off?' }],
          jiraAsOf: null,
          saved: null,
        }}
      />,
    );
    expect(textOfTestId(html, 'comms-agenda-open')).toBe('Send the test plan · Pat PM · due Dec 1, 2026');
    expect(textOfTestId(html, 'comms-agenda-risks')).toBe('ACME-3 Login broken');
    expect(textOfTestId(html, 'comms-agenda-decisions')).toBe('Who signs off?');
    expect(html).toContain('Overdue action items');
    expect(html).toContain('Nothing');
  });

  it('given a saved agenda for the next occurrence, shows it in its order instead of the draft', () => {
    const series = PLAN.series[0];
    if (!series) throw new Error('fixture');
    const html = renderForTest(
      <AgendaView
        series={series}
        agenda={{
          seriesId: 'weekly',
          next: { day: '2026-12-08', at: '2026-12-08T08:30:00.000Z' },
          openActionItems: [],
          overdueActionItems: [],
          risksAndBlockers: [],
          waitingOnClient: [],
          decisionsDue: [{ touchpointId: 'tp1', question: 'Who signs off?' }],
          jiraAsOf: null,
          saved: {
            day: '2026-12-08',
            revision: 2,
            lines: [
              { id: 'b', text: 'Budget' },
              { id: 'a', text: 'Sign-off' },
            ],
          },
        }}
      />,
    );
    expect(textOfTestId(html, 'comms-agenda-saved')).toBe('BudgetSign-off');
    expect(html).not.toContain('Who signs off?');
  });
});
