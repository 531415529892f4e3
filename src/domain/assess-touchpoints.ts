import type { TouchpointJson, TouchpointSeriesJson } from '../../contract/comms';
import { assessTouchpointSeries, type TouchpointStatus } from './cadence';

export interface SeriesStatus {
  series: TouchpointSeriesJson;
  status: TouchpointStatus;
}

/**
 * Every series' status at `now` from the touchpoint log: a touchpoint keeps an occurrence of the
 * series it names (ad-hoc touchpoints keep none). Order: the plan's.
 */
export function assessTouchpoints(
  series: readonly TouchpointSeriesJson[],
  touchpoints: readonly TouchpointJson[],
  now: Date,
): SeriesStatus[] {
  return series.map((s) => ({
    series: s,
    status: assessTouchpointSeries(
      s,
      touchpoints.filter((t) => t.seriesId === s.id).map((t) => t.date),
      now,
    ),
  }));
}
