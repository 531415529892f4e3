/**
 * Which touchpoint series run in the engagement's phase (issue 13, DESIGN.md §5.7: in support
 * "the comms plan switches to its support cadence"). Pure.
 */
import type { SeriesPhase, TouchpointSeriesJson } from '../../contract/comms';
import type { EngagementPhase } from '../../contract/engagement';

/**
 * A series tagged `all` (or untagged: a plan saved before the tag) runs in every phase; one
 * tagged `support` runs only in the support phase; one tagged `delivery` in every phase but
 * support. A closed project runs no reminders at all (the daily job skips it), so closed is
 * treated as not support here.
 */
export function isSeriesActive(series: { activeIn?: SeriesPhase | undefined }, phase: EngagementPhase): boolean {
  const activeIn = series.activeIn ?? 'all';
  if (activeIn === 'all') return true;
  return (phase === 'support') === (activeIn === 'support');
}

/** The series of a plan that run in `phase`, in the plan's order. */
export function activeSeries<S extends Pick<TouchpointSeriesJson, 'activeIn'>>(series: readonly S[], phase: EngagementPhase): S[] {
  return series.filter((s) => isSeriesActive(s, phase));
}
