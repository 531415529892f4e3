import { view } from '@forge/bridge';
import { createMemoryAppHistory, toAppHistory, type AppHistory } from '../shared/app-history';
import { startApp } from '../shared/start-app';
import { ProjectPageApp } from './ProjectPageApp';

/** The product's history keeps the open section in the Jira URL; memory is the fallback. */
async function createHostHistory(): Promise<AppHistory> {
  try {
    return toAppHistory(await view.createHistory());
  } catch {
    return createMemoryAppHistory();
  }
}

void startApp(createHostHistory, (history) => <ProjectPageApp history={history} />);
