import { z } from 'zod';
import { AppError } from '../../application/app-error';

/**
 * The part of Forge's resolver `context` we trust. It is produced by the platform, so it —
 * and never the payload — says which project or issue the caller is looking at.
 */
const extensionContext = z.looseObject({
  extension: z.looseObject({
    type: z.string().optional(),
    project: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }).optional(),
    issue: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }).optional(),
  }),
});

export interface TrustedProject {
  id: string;
  key: string;
}

/**
 * The project the module is rendered in. A payload may repeat it (the UI does, for
 * clarity) but a payload naming any other project is refused.
 * @throws AppError FORBIDDEN when the context has no project or the payload disagrees.
 */
export function authorizeProject(context: unknown, requestedKey: string | undefined): TrustedProject {
  const parsed = extensionContext.safeParse(context);
  const project = parsed.success ? parsed.data.extension.project : undefined;
  if (!project) throw new AppError('FORBIDDEN', 'This view is not rendered in a project');
  if (requestedKey !== undefined && requestedKey !== project.key) {
    throw new AppError('FORBIDDEN', 'The request names another project than the one this view is rendered in');
  }
  return { id: project.id, key: project.key };
}

/** @throws AppError FORBIDDEN when the context has no issue or the payload disagrees. */
export function authorizeIssue(context: unknown, requestedKey: string | undefined): { id: string; key: string } {
  const parsed = extensionContext.safeParse(context);
  const issue = parsed.success ? parsed.data.extension.issue : undefined;
  if (!issue) throw new AppError('FORBIDDEN', 'This view is not rendered on an issue');
  if (requestedKey !== undefined && requestedKey !== issue.key) {
    throw new AppError('FORBIDDEN', 'The request names another issue than the one this view is rendered on');
  }
  return { id: issue.id, key: issue.key };
}

const localeContext = z.looseObject({ locale: z.string().optional() });

/** The report language from the context's locale (`zh_CN`, `zh-CN`, `zh-TW`…): Chinese for any `zh`, else English. */
export function languageOf(context: unknown): 'en' | 'zh-CN' {
  const parsed = localeContext.safeParse(context);
  return parsed.success && parsed.data.locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
