/**
 * PLACEHOLDER for the status page (the page helper's branch replaces this file): the seam the
 * web trigger calls once a link is valid. Answers "ok" so the link machinery can be tested.
 */
import type { AccessEvent, SharedPageLink, WebTriggerRequest, WebTriggerResponse } from '../../../contract/share';
import type { RecordStore } from '../storage';

export function serveSharedPage(
  _deps: { records: RecordStore; now: Date },
  link: SharedPageLink,
  request: WebTriggerRequest,
): Promise<{ response: WebTriggerResponse; event: AccessEvent }> {
  const post = request.method.toUpperCase() === 'POST';
  return Promise.resolve({
    response: {
      statusCode: 200,
      headers: { 'Content-Type': ['text/plain; charset=utf-8'], 'Cache-Control': ['no-store'] },
      body: `ok ${link.lang} ${link.scope.kind}`,
    },
    event: post ? { kind: 'feedback', outcome: 'ok' } : { kind: 'view', outcome: 'ok' },
  });
}
