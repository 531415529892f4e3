/** Forge dynamic web-trigger request/response shapes: defined in application/ for the status page's use cases. */
export {
  htmlResponse,
  jsonResponse,
  SECURE_PAGE_HEADERS,
  webTriggerRequestSchema,
  type WebTriggerRequest,
  type WebTriggerResponse,
} from '../../application/share/http';
