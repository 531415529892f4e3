/**
 * A bounded JQL subset: parse into an AST, then compile against the emulator's issues.
 * Supported: project, key/issuekey/id, status, statusCategory, issuetype/type, labels,
 * fixVersion, priority, resolution, assignee, reporter, parent, component, created, updated,
 * resolved, due, statusCategoryChangedDate, indexed issue properties
 * (`issue.property[key].path` and their search aliases, see `IndexedIssueProperty`);
 * = != > >= < <= IN, NOT IN, IS [NOT] EMPTY; dates as 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm',
 * 'yyyy/MM/dd', 'yyyy-MM-dd' (UTC, the app's zone) or periods ('-5d', '-2h');
 * AND, OR, NOT, parentheses; ORDER BY (at most 7 fields). Anything else is a 400, as Jira
 * answers a query it cannot run, rather than silently matching everything.
 * @see https://support.atlassian.com/jira-software-cloud/docs/jql-fields/
 */
import { parseJiraTimestamp } from './site-catalog';

export type JqlErrorCode = 'PARSE' | 'UNKNOWN_FIELD' | 'UNKNOWN_VALUE' | 'UNSUPPORTED' | 'UNBOUNDED' | 'TOO_MANY_ORDER_BY' | 'BAD_DATE';

export class JqlError extends Error {
  override readonly name = 'JqlError';
  readonly status = 400;
  constructor(
    readonly code: JqlErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** Jira's error collection shape. */
  toJiraBody(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: [this.message], errors: {} };
  }
}

export type JqlOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';
export type JqlValue = { kind: 'literal'; text: string } | { kind: 'function'; name: string; args: string[] } | { kind: 'empty' };
export type JqlNode =
  | { type: 'and'; children: JqlNode[] }
  | { type: 'or'; children: JqlNode[] }
  | { type: 'not'; child: JqlNode }
  | { type: 'clause'; field: string; operator: JqlOperator; values: JqlValue[] };
export interface JqlOrderBy {
  field: string;
  direction: 'asc' | 'desc';
}
export interface JqlQuery {
  where: JqlNode | null;
  orderBy: JqlOrderBy[];
}

type Token = { type: 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma'; text: string; pos: number };

const MAX_ORDER_BY_FIELDS = 7;

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      let j = i + 1;
      for (; j < jql.length && jql[j] !== ch; j += 1) {
        if (jql[j] === '\\' && j + 1 < jql.length) j += 1;
        text += jql.charAt(j);
      }
      if (j >= jql.length)
        throw new JqlError(
          'PARSE',
          `Error in the JQL Query: The quoted string '${text}' has not been completed. (line 1, character ${i + 1})`,
        );
      tokens.push({ type: 'string', text, pos: i });
      i = j + 1;
    } else if (ch === '(') {
      tokens.push({ type: 'lparen', text: ch, pos: i++ });
    } else if (ch === ')') {
      tokens.push({ type: 'rparen', text: ch, pos: i++ });
    } else if (ch === ',') {
      tokens.push({ type: 'comma', text: ch, pos: i++ });
    } else if (/[=!<>~]/.test(ch)) {
      const two = jql.slice(i, i + 2);
      const op = ['!=', '>=', '<=', '!~'].includes(two) ? two : ch;
      if (op === '!')
        throw new JqlError('PARSE', `Error in the JQL Query: The character '!' is a reserved JQL character. (line 1, character ${i + 1})`);
      tokens.push({ type: 'op', text: op, pos: i });
      i += op.length;
    } else {
      let j = i;
      while (j < jql.length && !/[\s()=,!<>~"']/.test(jql[j] as string)) j += 1;
      tokens.push({ type: 'word', text: jql.slice(i, j), pos: i });
      i = j;
    }
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isWord(token: Token | undefined, ...words: string[]): boolean {
    return token?.type === 'word' && words.includes(token.text.toLowerCase());
  }

  private fail(expected: string): never {
    const token = this.peek();
    const got = token ? `'${token.text}'` : 'the end of the query';
    const at = token ? token.pos + 1 : this.length;
    throw new JqlError('PARSE', `Error in the JQL Query: Expecting ${expected} but got ${got}. (line 1, character ${at})`);
  }

  parse(): JqlQuery {
    let where: JqlNode | null = null;
    if (this.peek() && !this.isWord(this.peek(), 'order')) where = this.parseOr();
    const orderBy: JqlOrderBy[] = [];
    if (this.isWord(this.peek(), 'order')) {
      this.index += 1;
      if (!this.isWord(this.peek(), 'by')) this.fail("'by'");
      this.index += 1;
      do {
        if (orderBy.length > 0) this.index += 1;
        const field = this.peek();
        if (!field || (field.type !== 'word' && field.type !== 'string')) this.fail('a field name');
        this.index += 1;
        let direction: 'asc' | 'desc' = 'asc';
        if (this.isWord(this.peek(), 'asc', 'desc')) {
          direction = (this.peek() as Token).text.toLowerCase() as 'asc' | 'desc';
          this.index += 1;
        }
        orderBy.push({ field: field.text, direction });
      } while (this.peek()?.type === 'comma');
      if (orderBy.length > MAX_ORDER_BY_FIELDS) {
        throw new JqlError('TOO_MANY_ORDER_BY', `The ORDER BY clause can contain a maximum of ${MAX_ORDER_BY_FIELDS} fields.`);
      }
    }
    if (this.peek()) this.fail("'AND', 'OR' or 'ORDER BY'");
    return { where, orderBy };
  }

  private parseOr(): JqlNode {
    const children = [this.parseAnd()];
    while (this.isWord(this.peek(), 'or')) {
      this.index += 1;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { type: 'or', children };
  }

  private parseAnd(): JqlNode {
    const children = [this.parseNot()];
    while (this.isWord(this.peek(), 'and')) {
      this.index += 1;
      children.push(this.parseNot());
    }
    return children.length === 1 ? (children[0] as JqlNode) : { type: 'and', children };
  }

  private parseNot(): JqlNode {
    const token = this.peek();
    if (this.isWord(token, 'not') || (token?.type === 'op' && token.text === '!')) {
      this.index += 1;
      return { type: 'not', child: this.parseNot() };
    }
    if (token?.type === 'lparen') {
      this.index += 1;
      const inner = this.parseOr();
      if (this.peek()?.type !== 'rparen') this.fail("')'");
      this.index += 1;
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlNode {
    const fieldToken = this.peek();
    if (!fieldToken || (fieldToken.type !== 'word' && fieldToken.type !== 'string')) this.fail('a field name');
    if (this.isWord(fieldToken, 'and', 'or', 'order')) this.fail('a field name');
    this.index += 1;
    const opToken = this.peek();
    let operator: JqlOperator;
    if (opToken?.type === 'op') {
      operator = opToken.text as JqlOperator;
      this.index += 1;
    } else if (this.isWord(opToken, 'in')) {
      operator = 'in';
      this.index += 1;
    } else if (this.isWord(opToken, 'not') && this.isWord(this.tokens[this.index + 1], 'in')) {
      operator = 'not in';
      this.index += 2;
    } else if (this.isWord(opToken, 'is')) {
      this.index += 1;
      operator = 'is';
      if (this.isWord(this.peek(), 'not')) {
        operator = 'is not';
        this.index += 1;
      }
    } else {
      this.fail("an operator ('=', '!=', '<', '>', '<=', '>=', 'IN', 'NOT IN', 'IS', 'IS NOT', '~')");
    }
    let values: JqlValue[];
    if (operator === 'in' || operator === 'not in') {
      if (this.peek()?.type !== 'lparen') this.fail("'('");
      this.index += 1;
      values = [this.parseValue()];
      while (this.peek()?.type === 'comma') {
        this.index += 1;
        values.push(this.parseValue());
      }
      if (this.peek()?.type !== 'rparen') this.fail("')'");
      this.index += 1;
    } else {
      values = [this.parseValue()];
      if ((operator === 'is' || operator === 'is not') && values[0]?.kind !== 'empty') {
        throw new JqlError('PARSE', `Error in the JQL Query: The operator '${operator.toUpperCase()}' only supports EMPTY or NULL.`);
      }
    }
    return { type: 'clause', field: fieldToken.text, operator, values };
  }

  private parseValue(): JqlValue {
    const token = this.peek();
    if (!token || (token.type !== 'word' && token.type !== 'string')) this.fail('either a value, list or function');
    this.index += 1;
    if (token.type === 'word' && /^(empty|null)$/i.test(token.text)) return { kind: 'empty' };
    if (token.type === 'word' && this.peek()?.type === 'lparen') {
      this.index += 1;
      const args: string[] = [];
      while (this.peek() && this.peek()?.type !== 'rparen') {
        const arg = this.peek() as Token;
        if (arg.type === 'comma') {
          this.index += 1;
          continue;
        }
        args.push(arg.text);
        this.index += 1;
      }
      if (this.peek()?.type !== 'rparen') this.fail("')'");
      this.index += 1;
      return { kind: 'function', name: token.text, args };
    }
    return { kind: 'literal', text: token.text };
  }
}

/** @throws JqlError with code PARSE or TOO_MANY_ORDER_BY. */
export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql), jql.length).parse();
}

/**
 * Rejects queries without a search restriction, as the enhanced search does.
 * @throws JqlError UNBOUNDED
 */
export function assertBoundedJql(query: JqlQuery): void {
  if (!query.where) {
    throw new JqlError('UNBOUNDED', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
}

/**
 * One indexed value of an issue entity property, as the manifest's `jira:entityProperty`
 * declares it: only these are searchable, as `issue.property[key].path` or by `searchAlias`.
 */
export interface IndexedIssueProperty {
  propertyKey: string;
  /** Dot path inside the property's JSON value. */
  path: string;
  type: 'string' | 'number' | 'date' | 'text' | 'user';
  searchAlias?: string;
}

/** What the evaluator needs to know of the site. */
export interface JqlContext {
  now: Date;
  projects: readonly { id: string; key: string; name: string }[];
  /** Priority ids from highest to lowest, for ORDER BY priority. */
  priorityOrder: readonly string[];
  currentAccountId: string;
  /** Searchable issue property values (none: `issue.property[...]` clauses are unknown fields). */
  issueProperties?: readonly IndexedIssueProperty[];
  /** An issue's property value (parsed JSON), or undefined when the issue has none. */
  propertyOf?: (issue: JqlIssue, propertyKey: string) => unknown;
}

/** The issue shape the evaluator reads (a stored `*all` issue). */
export interface JqlIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export interface CompiledJql {
  matches(issue: JqlIssue): boolean;
  compare(a: JqlIssue, b: JqlIssue): number;
}

type Accessor =
  | { kind: 'text'; get: (issue: JqlIssue) => string[] }
  | { kind: 'date'; dateOnly: boolean; get: (issue: JqlIssue) => number | null }
  | { kind: 'number'; get: (issue: JqlIssue) => number[] };

function obj(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function texts(value: unknown, ...keys: string[]): string[] {
  const o = obj(value);
  if (!o) return [];
  return keys
    .map((k) => o[k])
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String);
}

function list(value: unknown, ...keys: string[]): string[] {
  return Array.isArray(value) ? value.flatMap((item) => (typeof item === 'string' ? [item] : texts(item, ...keys))) : [];
}

function dateField(field: string, dateOnly = false): Accessor {
  return {
    kind: 'date',
    dateOnly,
    get: (issue) => {
      const value = issue.fields[field];
      if (typeof value !== 'string') return null;
      const ms = parseJiraTimestamp(value);
      return Number.isNaN(ms) ? null : ms;
    },
  };
}

const ACCESSORS: Record<string, Accessor> = {
  project: { kind: 'text', get: (i) => texts(i.fields['project'], 'key', 'id', 'name') },
  key: { kind: 'text', get: (i) => [i.key, i.id] },
  status: { kind: 'text', get: (i) => texts(i.fields['status'], 'name', 'id') },
  statuscategory: {
    kind: 'text',
    get: (i) => {
      const category = obj(obj(i.fields['status'])?.['statusCategory']);
      const key = typeof category?.['key'] === 'string' ? category['key'] : '';
      const standard = { new: 'To Do', indeterminate: 'In Progress', done: 'Done', undefined: 'No Category' }[key] ?? '';
      return [...texts(category, 'key', 'name', 'id'), standard];
    },
  },
  issuetype: { kind: 'text', get: (i) => texts(i.fields['issuetype'], 'name', 'id') },
  labels: { kind: 'text', get: (i) => list(i.fields['labels']) },
  fixversion: { kind: 'text', get: (i) => list(i.fields['fixVersions'], 'name', 'id') },
  affectedversion: { kind: 'text', get: (i) => list(i.fields['versions'], 'name', 'id') },
  component: { kind: 'text', get: (i) => list(i.fields['components'], 'name', 'id') },
  priority: { kind: 'text', get: (i) => texts(i.fields['priority'], 'name', 'id') },
  resolution: { kind: 'text', get: (i) => texts(i.fields['resolution'], 'name', 'id') },
  assignee: { kind: 'text', get: (i) => texts(i.fields['assignee'], 'accountId', 'displayName') },
  reporter: { kind: 'text', get: (i) => texts(i.fields['reporter'], 'accountId', 'displayName') },
  parent: { kind: 'text', get: (i) => texts(i.fields['parent'], 'key', 'id') },
  created: dateField('created'),
  updated: dateField('updated'),
  resolved: dateField('resolutiondate'),
  due: dateField('duedate', true),
  statuscategorychangeddate: dateField('statuscategorychangedate'),
};

const ALIASES: Record<string, string> = {
  issuekey: 'key',
  id: 'key',
  issue: 'key',
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolutiondate: 'resolved',
  duedate: 'due',
  fixversions: 'fixversion',
  components: 'component',
};

const PROPERTY_CLAUSE = /^issue\.property\[([^\]]+)\]\.(.+)$/iu;

/** The values at a dot path of a property's JSON; arrays are searched by each element, as Jira indexes them. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return [value];
  const [head = '', ...rest] = path;
  return valuesAt(obj(value)?.[head], rest);
}

/**
 * An indexed issue property named as `issue.property[key].path` or by its search alias; null
 * when the name is neither. A property clause naming a value the manifest does not index is an
 * unknown field, as on a site where the app did not declare it.
 */
function resolvePropertyField(name: string, context: JqlContext): { name: string; accessor: Accessor } | null {
  const indexed = context.issueProperties ?? [];
  const clause = PROPERTY_CLAUSE.exec(name);
  const declared = clause
    ? indexed.find((p) => p.propertyKey === clause[1] && p.path === clause[2])
    : indexed.find((p) => p.searchAlias?.toLowerCase() === name.toLowerCase());
  if (!declared) {
    if (clause) throw new JqlError('UNKNOWN_FIELD', `Field '${name}' does not exist or you do not have permission to view it.`);
    return null;
  }
  const path = declared.path.split('.');
  const read = (issue: JqlIssue) => valuesAt(context.propertyOf?.(issue, declared.propertyKey), path);
  const canonical = `issue.property[${declared.propertyKey}].${declared.path}`;
  if (declared.type === 'number') {
    return {
      name: canonical,
      accessor: { kind: 'number', get: (issue) => read(issue).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)) },
    };
  }
  if (declared.type === 'date') {
    return {
      name: canonical,
      accessor: {
        kind: 'date',
        dateOnly: false,
        get: (issue) => {
          const first = read(issue).find((v): v is string => typeof v === 'string');
          const ms = first === undefined ? NaN : parseJiraTimestamp(first);
          return Number.isNaN(ms) ? null : ms;
        },
      },
    };
  }
  return {
    name: canonical,
    accessor: {
      kind: 'text',
      get: (issue) =>
        read(issue).flatMap((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [String(v)] : [])),
    },
  };
}

function resolveField(name: string, context?: JqlContext): { name: string; accessor: Accessor } {
  const property = context ? resolvePropertyField(name, context) : null;
  if (property) return property;
  const lower = name.toLowerCase();
  const canonical = ALIASES[lower] ?? lower;
  const accessor = ACCESSORS[canonical];
  if (!accessor) throw new JqlError('UNKNOWN_FIELD', `Field '${name}' does not exist or you do not have permission to view it.`);
  return { name: canonical, accessor };
}

const DAY_MS = 86_400_000;

function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function relativeMs(text: string): number | null {
  const match = /^([+-]?)(\d+)([wdhm])$/i.exec(text.trim());
  if (!match) return null;
  const unit = { w: 7 * DAY_MS, d: DAY_MS, h: 3_600_000, m: 60_000 }[(match[3] as string).toLowerCase() as 'w' | 'd' | 'h' | 'm'];
  return (match[1] === '-' ? -1 : 1) * Number(match[2]) * unit;
}

/** Date values in the emulator's time zone, UTC. */
function dateValue(value: JqlValue, now: Date, field: string): number {
  if (value.kind === 'function') {
    const name = value.name.toLowerCase();
    const increment = value.args[0] ? (relativeMs(value.args[0]) ?? NaN) : 0;
    const nowMs = now.getTime();
    const base: Record<string, number> = {
      now: nowMs,
      startofday: startOfUtcDay(nowMs),
      endofday: startOfUtcDay(nowMs) + DAY_MS - 1,
      startofweek: startOfUtcDay(nowMs) - new Date(nowMs).getUTCDay() * DAY_MS,
      startofmonth: Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1),
    };
    const b = base[name];
    if (b === undefined || Number.isNaN(increment))
      throw new JqlError('UNSUPPORTED', `Function '${value.name}' is not supported for the field '${field}'.`);
    return b + increment;
  }
  if (value.kind === 'empty') throw new JqlError('PARSE', `The operator does not support EMPTY for the field '${field}'.`);
  const text = value.text.trim();
  const relative = relativeMs(text);
  if (relative !== null) return now.getTime() + relative;
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text);
  if (!match) {
    throw new JqlError(
      'BAD_DATE',
      `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4] ?? 0), Number(match[5] ?? 0));
}

function textValues(values: JqlValue[], field: string, context: JqlContext): string[] {
  return values.map((value) => {
    if (value.kind === 'literal') return value.text.toLowerCase();
    if (value.kind === 'function' && value.name.toLowerCase() === 'currentuser') return context.currentAccountId.toLowerCase();
    if (value.kind === 'empty') throw new JqlError('PARSE', `The operator does not support EMPTY in a list for the field '${field}'.`);
    throw new JqlError('UNSUPPORTED', `Function '${value.name}' is not supported for the field '${field}'.`);
  });
}

function compileNode(node: JqlNode, context: JqlContext): (issue: JqlIssue) => boolean {
  if (node.type === 'and' || node.type === 'or') {
    const parts = node.children.map((child) => compileNode(child, context));
    return node.type === 'and' ? (issue) => parts.every((part) => part(issue)) : (issue) => parts.some((part) => part(issue));
  }
  if (node.type === 'not') {
    const inner = compileNode(node.child, context);
    return (issue) => !inner(issue);
  }
  const { name, accessor } = resolveField(node.field, context);
  const { operator } = node;
  if (operator === 'is' || operator === 'is not') {
    const empty = (issue: JqlIssue) => (accessor.kind === 'date' ? accessor.get(issue) === null : accessor.get(issue).length === 0);
    return operator === 'is' ? empty : (issue) => !empty(issue);
  }
  if (operator === '~' || operator === '!~')
    throw new JqlError('UNSUPPORTED', `The operator '${operator}' is not supported by the field '${node.field}'.`);
  if (accessor.kind === 'date') {
    const targets = node.values.map((value) => dateValue(value, context.now, node.field));
    const compare = (ms: number, target: number): boolean => {
      const left = accessor.dateOnly ? startOfUtcDay(ms) : ms;
      switch (operator) {
        case '=':
        case 'in':
          return left === target;
        case '!=':
        case 'not in':
          return left !== target;
        case '>':
          return left > target;
        case '>=':
          return left >= target;
        case '<':
          return left < target;
        case '<=':
          return left <= target;
        default:
          return false;
      }
    };
    return (issue) => {
      const ms = accessor.get(issue);
      if (ms === null) return false;
      return operator === 'not in' ? targets.every((t) => compare(ms, t)) : targets.some((t) => compare(ms, t));
    };
  }
  if (accessor.kind === 'number') return compileNumberClause(node, accessor);
  if (operator !== '=' && operator !== '!=' && operator !== 'in' && operator !== 'not in') {
    throw new JqlError('UNSUPPORTED', `The operator '${operator}' is not supported by the field '${node.field}'.`);
  }
  const wanted = textValues(node.values, node.field, context);
  if (name === 'project') {
    for (const value of wanted) {
      const known = context.projects.some((p) => [p.key, p.id, p.name].some((v) => v.toLowerCase() === value));
      if (!known) throw new JqlError('UNKNOWN_VALUE', `The value '${value.toUpperCase()}' does not exist for the field 'project'.`);
    }
  }
  if (name === 'resolution' && wanted.includes('unresolved')) {
    const others = wanted.filter((w) => w !== 'unresolved');
    const positive = operator === '=' || operator === 'in';
    return (issue) => {
      const have = accessor.get(issue).map((v) => v.toLowerCase());
      const hit = have.length === 0 || have.some((v) => others.includes(v));
      return positive ? hit : !hit;
    };
  }
  const set = new Set(wanted);
  const positive = operator === '=' || operator === 'in';
  return (issue) => {
    const have = accessor.get(issue);
    const hit = have.some((v) => set.has(v.toLowerCase()));
    // Why: Jira's != and NOT IN never match issues where the field is empty.
    return positive ? hit : have.length > 0 && !hit;
  };
}

/**
 * A number clause: `= != IN NOT IN > >= < <=` against each indexed value. As for other fields,
 * an issue without a value matches neither `=` nor `!=`/`NOT IN`.
 */
function compileNumberClause(
  node: Extract<JqlNode, { type: 'clause' }>,
  accessor: Extract<Accessor, { kind: 'number' }>,
): (issue: JqlIssue) => boolean {
  const targets = node.values.map((value) => {
    const n = value.kind === 'literal' ? Number(value.text) : NaN;
    if (value.kind !== 'literal' || value.text.trim() === '' || !Number.isFinite(n))
      throw new JqlError(
        'UNKNOWN_VALUE',
        `The value '${value.kind === 'literal' ? value.text : value.kind}' is not a valid number for the field '${node.field}'.`,
      );
    return n;
  });
  const test = (v: number, t: number): boolean => {
    switch (node.operator) {
      case '=':
      case 'in':
        return v === t;
      case '!=':
      case 'not in':
        return v !== t;
      case '>':
        return v > t;
      case '>=':
        return v >= t;
      case '<':
        return v < t;
      case '<=':
        return v <= t;
      default:
        throw new JqlError('UNSUPPORTED', `The operator '${node.operator}' is not supported by the field '${node.field}'.`);
    }
  };
  const all = node.operator === 'not in';
  return (issue) => {
    const values = accessor.get(issue);
    if (values.length === 0) return false;
    return values.some((v) => (all ? targets.every((t) => test(v, t)) : targets.some((t) => test(v, t))));
  };
}

function keyNumber(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

type SortValue = string | number | null;

function sortAccessor(field: string, context: JqlContext): (issue: JqlIssue) => SortValue {
  const lower = field.toLowerCase();
  if (['key', 'issuekey', 'id', 'issue'].includes(lower)) return (issue) => issue.key;
  if (lower === 'priority') {
    return (issue) => {
      const id = texts(issue.fields['priority'], 'id')[0];
      const rank = id === undefined ? -1 : context.priorityOrder.indexOf(id);
      // Why inverted: ORDER BY priority DESC lists the highest priority first.
      return rank < 0 ? null : context.priorityOrder.length - rank;
    };
  }
  if (lower === 'summary') return (issue) => (typeof issue.fields['summary'] === 'string' ? issue.fields['summary'].toLowerCase() : null);
  const { accessor } = resolveField(field, context);
  if (accessor.kind === 'date') return (issue) => accessor.get(issue);
  if (accessor.kind === 'number') return (issue) => accessor.get(issue)[0] ?? null;
  return (issue) => accessor.get(issue)[0]?.toLowerCase() ?? null;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  // Why: empty values sort last ascending (and so first descending), as in Jira.
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string' && /-\d+$/.test(a) && /-\d+$/.test(b)) {
    const [pa, na] = keyNumber(a);
    const [pb, nb] = keyNumber(b);
    return pa === pb ? na - nb : pa < pb ? -1 : 1;
  }
  return a < b ? -1 : 1;
}

/**
 * Compiles a parsed query. Without ORDER BY, issues come newest key first, like Jira.
 * @throws JqlError UNKNOWN_FIELD, UNKNOWN_VALUE, UNSUPPORTED or BAD_DATE
 */
export function compileJql(query: JqlQuery, context: JqlContext): CompiledJql {
  const matches = query.where ? compileNode(query.where, context) : () => true;
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key', direction: 'desc' as const }];
  const sorters = order.map(({ field, direction }) => ({ get: sortAccessor(field, context), sign: direction === 'desc' ? -1 : 1 }));
  return {
    matches,
    compare(a, b) {
      for (const { get, sign } of sorters) {
        const result = compareValues(get(a), get(b));
        if (result !== 0) return sign * result;
      }
      return Number(a.id) - Number(b.id);
    },
  };
}
