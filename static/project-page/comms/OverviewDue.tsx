import type { PayloadOf } from '../../../contract';
import { useResolver } from '../../shared/use-resolver';
import { CommsStyles } from './CommsStyles';
import { DueList } from './CommunicationSection';

const STATUS_PAYLOAD: PayloadOf<'comms/status'> = {};
const PLAN_PAYLOAD: PayloadOf<'comms/get'> = {};

/**
 * Client touchpoints due or overdue, at the top of the Overview (issue 9): shown only when
 * something is due, so a project without a plan sees nothing here. A failed read hides it too:
 * the Communication section says what went wrong.
 */
export function OverviewDue() {
  const status = useResolver('comms/status', STATUS_PAYLOAD);
  const plan = useResolver('comms/get', PLAN_PAYLOAD);
  if (status.state.status !== 'ready' || plan.state.status !== 'ready') return null;
  return (
    <>
      <CommsStyles />
      <DueList status={status.state.data} plan={plan.state.data.plan} heading="h2" quietWhenNone />
    </>
  );
}
