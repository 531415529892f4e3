import { token } from '@atlaskit/tokens';
import type { ClosingReportJson } from '../../../contract/closing';
import { CLOSING_MESSAGES } from '../../../contract/i18n/closing-messages';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { RagLozenge } from '../../shared/RagLozenge';

const CSS = `
.cf-closing-report { display: grid; gap: ${token('space.200', '16px')}; min-width: 0; }
.cf-closing-report section { min-width: 0; }
.cf-closing-report h3, .cf-closing-report h4 { margin: ${token('space.100', '8px')} 0; }
.cf-closing-report p { margin: 0 0 ${token('space.100', '8px')}; overflow-wrap: anywhere; }
.cf-closing-report ul { margin: 0 0 ${token('space.100', '8px')}; padding-inline-start: ${token('space.250', '20px')}; overflow-wrap: anywhere; }
.cf-closing-months { display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')} ${token('space.150', '12px')}; margin: 0 0 ${token('space.100', '8px')}; padding: 0; list-style: none; }
.cf-closing-meta { color: ${token('color.text.subtle', '#505258')}; }
`;

const signed = (n: number) => (n > 0 ? `+${String(n)}` : String(n));
const csat = (value: number | null) => (value === null ? '—' : value.toFixed(1));

/** The closing report for one audience, in the current language: what its exports read. */
export function ClosingReportView({ report }: { report: ClosingReportJson }) {
  const t = useT(CLOSING_MESSAGES);
  const { formatDay } = useI18n();
  const day = (value: string | null) => (value === null ? t('closing.none') : formatDay(value));
  const { kpis, milestones, changes, satisfaction, complaints, retro } = report;
  const list = (items: readonly string[], testId: string) =>
    items.length === 0 ? (
      <p>{t('closing.retro.none')}</p>
    ) : (
      <ul data-testid={testId}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    );
  return (
    <article className="cf-closing-report" data-testid="closing-report" data-audience={report.audience}>
      <style>{CSS}</style>
      <header>
        <h3>{t('closing.report.title', { project: report.project.name })}</h3>
        {report.clientName !== '' && <p className="cf-closing-meta">{t('closing.report.client', { client: report.clientName })}</p>}
        <p className="cf-closing-meta">
          {t('closing.report.period', { start: formatDay(report.period.start), end: formatDay(report.period.end) })}
        </p>
      </header>

      <section aria-labelledby="cf-closing-kpis" data-testid="closing-kpis">
        <h4 id="cf-closing-kpis">{t('closing.kpis.heading')}</h4>
        {kpis.points === 0 ? (
          <p>{t('closing.kpis.none')}</p>
        ) : (
          <>
            <p>{t('closing.kpis.summary', { points: kpis.points, from: day(kpis.from), to: day(kpis.to) })}</p>
            {!kpis.complete && <p>{t('closing.kpis.incomplete', { points: kpis.points })}</p>}
            <div className="cf-table-scroll">
              <table className="cf-table cf-table-stack">
                <thead>
                  <tr>
                    <th scope="col">{t('closing.kpis.dimension')}</th>
                    <th scope="col">{t('closing.kpis.first')}</th>
                    <th scope="col">{t('closing.kpis.last')}</th>
                    <th scope="col">{t('closing.kpis.worst')}</th>
                    <th scope="col">{t('closing.kpis.days')}</th>
                  </tr>
                </thead>
                <tbody>
                  {kpis.dimensions.map((d) => (
                    <tr key={d.key}>
                      <th scope="row" data-label={t('closing.kpis.dimension')}>
                        {t(`closing.dimension.${d.key}`)}
                      </th>
                      <td data-label={t('closing.kpis.first')}>{d.first ? <RagLozenge rag={d.first.rag} /> : t('closing.none')}</td>
                      <td data-label={t('closing.kpis.last')}>{d.last ? <RagLozenge rag={d.last.rag} /> : t('closing.none')}</td>
                      <td data-label={t('closing.kpis.worst')}>
                        <RagLozenge rag={d.worst} />
                      </td>
                      <td
                        data-label={t('closing.kpis.days')}
                      >{`${String(d.days.green)} / ${String(d.days.amber)} / ${String(d.days.red)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>{t('closing.kpis.months')}</p>
            <ul className="cf-closing-months" data-testid="closing-kpi-months">
              {kpis.overall.months.map((m) => (
                <li key={m.month}>
                  {m.month} <RagLozenge rag={m.rag} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cf-closing-milestones" data-testid="closing-milestones">
        <h4 id="cf-closing-milestones">{t('closing.milestones.heading')}</h4>
        {milestones.length === 0 ? (
          <p>{t('closing.milestones.none')}</p>
        ) : (
          <div className="cf-table-scroll">
            <table className="cf-table cf-table-stack">
              <thead>
                <tr>
                  <th scope="col">{t('closing.milestones.name')}</th>
                  <th scope="col">{t('closing.milestones.planned')}</th>
                  <th scope="col">{t('closing.milestones.actual')}</th>
                  <th scope="col">{t('closing.milestones.slip')}</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" data-label={t('closing.milestones.name')}>
                      {m.name}
                    </th>
                    <td data-label={t('closing.milestones.planned')}>{day(m.planned)}</td>
                    <td data-label={t('closing.milestones.actual')}>
                      {m.actual === null ? t('closing.milestones.unreleased') : day(m.actual)}
                    </td>
                    <td data-label={t('closing.milestones.slip')}>
                      {m.slipDays === null ? t('closing.none') : t('closing.milestones.slipDays', { days: signed(m.slipDays) })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="cf-closing-changes" data-testid="closing-changes">
        <h4 id="cf-closing-changes">{t('closing.changes.heading')}</h4>
        {changes.items.length === 0 ? (
          <p>{t('closing.changes.none')}</p>
        ) : (
          <>
            <p>
              {t('closing.changes.agreed', {
                count: changes.agreedImpact.count,
                days: signed(changes.agreedImpact.scheduleDays),
                hours: signed(changes.agreedImpact.effortHours),
                cost: changes.agreedImpact.costs.map((c) => `, ${c.amount.toFixed(2)} ${c.currency}`).join(''),
              })}
            </p>
            <ul>
              {changes.items.map((c) => (
                <li key={c.id}>
                  {c.title} — {t(`closing.change.status.${c.status}`)} (
                  {t('closing.changes.impactText', {
                    days: signed(c.impact.scheduleDays),
                    hours: signed(c.impact.effortHours),
                    cost: c.impact.cost ? `, ${c.impact.cost.amount.toFixed(2)} ${c.impact.cost.currency}` : '',
                  })}
                  ){c.internalNote ? ` — ${t('closing.changes.internalNote', { note: c.internalNote })}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cf-closing-satisfaction" data-testid="closing-satisfaction">
        <h4 id="cf-closing-satisfaction">{t('closing.satisfaction.heading')}</h4>
        {satisfaction.overall.responses === 0 ? (
          <p>{t('closing.satisfaction.none')}</p>
        ) : (
          <>
            <p>{t('closing.satisfaction.overall', { responses: satisfaction.overall.responses, csat: csat(satisfaction.overall.csat) })}</p>
            <ul className="cf-closing-months">
              {satisfaction.months.map((m) => (
                <li key={m.month}>{`${m.month}: ${csat(m.csat)} (${String(m.responses)})`}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cf-closing-complaints" data-testid="closing-complaints">
        <h4 id="cf-closing-complaints">{t('closing.complaints.heading')}</h4>
        {complaints.items.length === 0 ? (
          <p>{t('closing.complaints.none')}</p>
        ) : (
          <>
            <p>
              {t('closing.complaints.counts', {
                onTime: complaints.outcomes['resolved-on-time'],
                late: complaints.outcomes['resolved-late'],
                open: complaints.outcomes.open + complaints.outcomes['open-overdue'],
              })}
            </p>
            <ul>
              {complaints.items.map((c) => (
                <li key={c.id}>
                  {formatDay(c.openedOn)} · {t('closing.complaints.rating')} {c.rating} · {t(`closing.complaints.outcome.${c.outcome}`)}
                  {c.resolutionNote ? ` — ${t('closing.complaints.note', { note: c.resolutionNote })}` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="cf-closing-retro" data-testid="closing-retro">
        <h4 id="cf-closing-retro">{t('closing.retro.heading')}</h4>
        {retro.heldOn !== null && <p>{`${t('closing.retro.heldOn')}: ${formatDay(retro.heldOn)}`}</p>}
        <p>{t('closing.retro.participants')}</p>
        {list(
          retro.participants.map((p) => `${p.name} (${t(`closing.retro.side.${p.side}`)})`),
          'closing-retro-participants',
        )}
        <p>{t('closing.retro.wentWell')}</p>
        {list(retro.wentWell, 'closing-retro-went-well')}
        <p>{t('closing.retro.toChange')}</p>
        {list(retro.toChange, 'closing-retro-to-change')}
        <p>{t('closing.retro.actions')}</p>
        {list(
          retro.actions.map((a) =>
            [
              a.text,
              a.owner === '' ? '' : ` — ${a.owner}`,
              a.due === null ? '' : `, ${formatDay(a.due)}`,
              a.jiraIssueKey ? ` (${a.jiraIssueKey})` : '',
            ].join(''),
          ),
          'closing-retro-actions',
        )}
        {retro.internalNote !== undefined && retro.internalNote !== '' && (
          <p data-testid="closing-retro-note">{`${t('closing.retro.internalNote')}: ${retro.internalNote}`}</p>
        )}
      </section>
    </article>
  );
}
