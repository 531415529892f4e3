/**
 * The cadence engine lives in the contract (DESIGN.md §5.5), so the series editor's live
 * preview runs the very rules the backend schedules by; the domain keeps its name for it.
 */
export * from '../../contract/cadence';
