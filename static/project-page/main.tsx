import { view } from '@forge/bridge';
import { resolverContract } from '../../contract/resolvers';
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

void startApp(resolverContract, createHostHistory, (history) => <ProjectPageApp history={history} />);
