import { htmlResponse, webTriggerRequestSchema, type WebTriggerResponse } from './http';

/**
 * The client status page. Share links land with a later issue; until then every path is an
 * unknown link and gets the same 404 page unknown, expired and revoked links will get.
 */
export function statusPage(request: unknown): Promise<WebTriggerResponse> {
  const parsed = webTriggerRequestSchema.safeParse(request);
  if (!parsed.success) return Promise.resolve(htmlResponse(400, page('Bad request', 'The request could not be read.')));
  return Promise.resolve(
    htmlResponse(
      404,
      page('Link not found', 'This status link does not exist, has expired or was revoked. Ask your project manager for a new link.'),
    ),
  );
}

function page(title: string, message: string): string {
  // Both strings are constants of this module; nothing from the request is echoed.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f8f9;color:#172b4d}main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}</style></head>
<body><main><h1>${title}</h1><p>${message}</p></main></body></html>`;
}
