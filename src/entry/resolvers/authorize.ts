import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { PermissionSource, ProjectPermission } from '../../application/ports';

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

/**
 * What a caller needs for an operation (issue 6): reading the app's records needs Browse
 * Projects; writing them needs Edit Issues; settings, share links and data deletion need
 * Administer Projects. Jira's own rules decide who holds what.
 */
export type Access = 'read' | 'write' | 'admin';

const NEEDS: Readonly<Record<Access, readonly ProjectPermission[]>> = {
  read: ['BROWSE_PROJECTS'],
  write: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
  admin: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'],
};

export interface Caller {
  accountId: string;
  project: TrustedProject;
  /** What the caller holds in the project, as Jira said for this invocation. */
  permissions: ReadonlySet<ProjectPermission>;
}

const accountContext = z.looseObject({ accountId: z.string().min(1) });

/** True when `permissions` allow `access`. */
export function allows(permissions: ReadonlySet<ProjectPermission>, access: Access): boolean {
  return NEEDS[access].every((permission) => permissions.has(permission));
}

/**
 * The project from the trusted context, and the caller's right to `access` it, asked of Jira
 * as the user (`/mypermissions`, once per invocation).
 * @throws AppError FORBIDDEN when the context has no project or user, the payload names another
 *   project, or the user lacks the permission — before anything is read or changed.
 */
export async function authorizeProjectAccess(
  context: unknown,
  requestedKey: string | undefined,
  access: Access,
  permissionSource: PermissionSource,
): Promise<Caller> {
  const project = authorizeProject(context, requestedKey);
  const account = accountContext.safeParse(context);
  if (!account.success) throw new AppError('FORBIDDEN', 'The request carries no user');
  const permissions = await permissionSource.myProjectPermissions(project.key, account.data.accountId);
  if (!allows(permissions, access)) {
    throw new AppError('FORBIDDEN', `This needs ${NEEDS[access].join(' and ')} in project ${project.key}`);
  }
  return { accountId: account.data.accountId, project, permissions };
}
