/**
 * Dataset files: recorded Jira REST v3 responses for one project (DESIGN §10).
 * Each array holds items exactly as the matching endpoint returns them; the schemas check only
 * what the emulator relies on and let every other key through, because real sites add keys.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const idString = z.union([z.string(), z.number()]).transform(String);

export const DatasetProjectSchema = z.looseObject({
  id: idString,
  key: z.string().min(1),
  name: z.string(),
});

export const DatasetFieldSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  navigable: z.boolean().optional(),
  searchable: z.boolean().optional(),
  orderable: z.boolean().optional(),
  clauseNames: z.array(z.string()).optional(),
  schema: z.looseObject({ type: z.string() }).optional(),
});

export const DatasetStatusCategorySchema = z.looseObject({
  id: z.number().optional(),
  key: z.string(),
  name: z.string().optional(),
});

export const DatasetStatusSchema = z.looseObject({
  id: idString,
  name: z.string(),
  statusCategory: DatasetStatusCategorySchema.optional(),
});

export const DatasetPrioritySchema = z.looseObject({ id: idString, name: z.string() });

export const DatasetIssueLinkTypeSchema = z.looseObject({
  id: idString,
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});

export const DatasetVersionSchema = z.looseObject({
  id: idString,
  name: z.string(),
  released: z.boolean().optional(),
  archived: z.boolean().optional(),
  releaseDate: z.string().optional(),
  startDate: z.string().optional(),
});

export const DatasetChangeItemSchema = z.looseObject({
  field: z.string(),
  fieldtype: z.string().optional(),
  fieldId: z.string().optional(),
  from: z.string().nullable().optional(),
  fromString: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  toString: z.string().nullable().optional(),
});

export const DatasetHistorySchema = z.looseObject({
  id: idString,
  created: z.string(),
  author: z.looseObject({}).optional(),
  items: z.array(DatasetChangeItemSchema),
});

export const DatasetIssueSchema = z.looseObject({
  id: idString,
  key: z.string().min(1),
  // Why record: a `*all` issue carries dozens of site-specific custom fields of any shape.
  fields: z.record(z.string(), z.unknown()),
  changelog: z.looseObject({ histories: z.array(DatasetHistorySchema) }).optional(),
});

export const DatasetSchema = z.looseObject({
  project: DatasetProjectSchema,
  fields: z.array(DatasetFieldSchema).optional(),
  statuses: z.array(DatasetStatusSchema).optional(),
  priorities: z.array(DatasetPrioritySchema).optional(),
  issueLinkTypes: z.array(DatasetIssueLinkTypeSchema).optional(),
  versions: z.array(DatasetVersionSchema).optional(),
  issues: z.array(DatasetIssueSchema),
});

export type Dataset = z.infer<typeof DatasetSchema>;
export type DatasetIssue = z.infer<typeof DatasetIssueSchema>;
export type DatasetHistory = z.infer<typeof DatasetHistorySchema>;
export type DatasetChangeItem = z.infer<typeof DatasetChangeItemSchema>;
export type DatasetField = z.infer<typeof DatasetFieldSchema>;
export type DatasetStatus = z.infer<typeof DatasetStatusSchema>;
export type DatasetVersion = z.infer<typeof DatasetVersionSchema>;

export type DatasetErrorCode = 'NOT_FOUND' | 'MALFORMED_JSON' | 'MISSING_PROJECT' | 'MISSING_ISSUES' | 'INVALID';

export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    readonly code: DatasetErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/**
 * Parses an already-read dataset value.
 * @throws DatasetError MISSING_PROJECT, MISSING_ISSUES or INVALID (with the first problems' paths).
 */
export function parseDataset(value: unknown, file?: string): Dataset {
  const where = file ?? 'dataset';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DatasetError('INVALID', `${where}: expected a JSON object with "project" and "issues"`, file);
  }
  if (!('project' in value) || value.project == null) {
    throw new DatasetError('MISSING_PROJECT', `${where}: "project" is required (as GET /rest/api/3/project/{key} returns it)`, file);
  }
  if (!('issues' in value) || value.issues == null) {
    throw new DatasetError('MISSING_ISSUES', `${where}: "issues" is required (as /rest/api/3/search/jql returns them)`, file);
  }
  const parsed = DatasetSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new DatasetError('INVALID', `${where}: ${problems}`, file);
  }
  return parsed.data;
}

/**
 * Reads and validates a dataset file.
 * @throws DatasetError NOT_FOUND, MALFORMED_JSON, MISSING_PROJECT, MISSING_ISSUES or INVALID.
 */
export function loadDataset(file: string): Dataset {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError('NOT_FOUND', `${file}: cannot read dataset file (${code ?? 'unknown error'})`, file);
  }
  let value: unknown;
  try {
    // A UTF-8 byte order mark (editors on Windows write one) is not part of the JSON.
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new DatasetError('MALFORMED_JSON', `${file}: not valid JSON (${(error as Error).message})`, file);
  }
  return parseDataset(value, file);
}
