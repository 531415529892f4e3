import { createContext, useContext } from 'react';

/**
 * The id of an element naming the report being shown, when several are on one page (the draft's
 * two audiences side by side): each section of a report is then named by its heading and that
 * name ("Milestones, As the client reads it"), so no two landmarks share a name.
 */
export const ReportScopeContext = createContext<string | undefined>(undefined);

/** `aria-labelledby` of a report section headed by `headingId`, within the report's scope if any. */
export function useReportSectionLabel(headingId: string): string {
  const scope = useContext(ReportScopeContext);
  return scope === undefined ? headingId : `${headingId} ${scope}`;
}
