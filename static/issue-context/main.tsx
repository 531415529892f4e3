import { issueRiskContract } from '../../contract/issue-risk-contract';
import { startApp } from '../shared/start-app';
import { IssueContextApp } from './IssueContextApp';

void startApp(
  issueRiskContract,
  () => Promise.resolve(undefined),
  () => <IssueContextApp />,
);
