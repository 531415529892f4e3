import { startApp } from '../shared/start-app';
import { IssueContextApp } from './IssueContextApp';

void startApp(
  () => Promise.resolve(undefined),
  () => <IssueContextApp />,
);
