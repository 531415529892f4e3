import { z } from 'zod';
import { refreshProject } from '../../application/refresh-project';
import { jiraIssueSource, recordStore, systemClock } from '../compose';

const refreshEventSchema = z.looseObject({
  body: z.object({ projectId: z.string(), projectKey: z.string() }),
});

/** Async consumer of the `project-refresh` queue (up to 900 s). */
export async function projectRefresh(event: unknown): Promise<void> {
  const parsed = refreshEventSchema.safeParse(event);
  if (!parsed.success) return;
  await refreshProject(
    { issues: jiraIssueSource('app', 'consumer'), records: recordStore, clock: systemClock },
    {
      id: parsed.data.body.projectId,
      key: parsed.data.body.projectKey,
    },
  );
}
