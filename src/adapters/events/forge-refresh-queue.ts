import { Queue } from '@forge/events';
import type { RefreshQueue } from '../../application/ports';

/** Must match the `consumer` queue in manifest.yml. */
export const REFRESH_QUEUE_KEY = 'project-refresh';

/** `RefreshQueue` on Forge's async events queue; the `project-refresh` consumer picks it up. */
export class ForgeRefreshQueue implements RefreshQueue {
  private readonly queue = new Queue({ key: REFRESH_QUEUE_KEY });

  async requestRefresh(projectId: string, projectKey: string): Promise<void> {
    await this.queue.push([{ body: { projectId, projectKey } }]);
  }
}
