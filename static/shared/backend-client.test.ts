import { describe, expect, it } from 'vitest';
import type { IssueRiskView, ProjectOverview } from '../../contract';
import { resolverContract } from '../../contract/resolvers';
import { issueRiskContract } from '../../contract/issue-risk-contract';
import { createBridgeBackendClient, type InvokeFn } from './backend-client';

const overview: ProjectOverview = {
  project: { id: '10000', key: 'ACME', name: 'Acme website' },
  counts: { new: 3, indeterminate: 2, done: 5, undefined: 0 },
  total: 10,
  milestones: [{ id: '1', name: 'Beta', releaseDate: '2025-03-31', overdue: true }],
};

const issue: IssueRiskView = {
  key: 'ACME-7',
  summary: 'Homepage hero',
  status: { name: 'In Progress', category: 'indeterminate' },
  dueDate: null,
  risk: {
    key: 'ACME-7',
    score: 35,
    level: 'medium',
    reasons: ['Blocked by ACME-3 (In Review) for 2 days'],
    signals: [{ code: 'blocked', by: { key: 'ACME-3', statusName: 'In Review', days: 2 }, points: 25 }],
  },
  blockedBy: [{ key: 'ACME-3', statusName: 'In Review' }],
};

/** An invoke that records what it was asked and answers with `answer`. */
function fakeInvoke(answer: () => unknown) {
  const calls: { functionKey: string; payload: unknown }[] = [];
  const invoke: InvokeFn = async (functionKey, payload) => {
    calls.push({ functionKey, payload });
    // Awaited so a throwing answer becomes a rejected invoke, as a failing bridge call is.
    return await answer();
  };
  return { invoke, calls };
}

describe('createBridgeBackendClient', () => {
  it('given a valid success envelope, when called, then returns the parsed data', async () => {
    const { invoke, calls } = fakeInvoke(() => ({ ok: true, data: overview }));
    const result = await createBridgeBackendClient(resolverContract, invoke).call('project/overview', {});
    expect(result).toEqual({ ok: true, data: overview });
    expect(calls).toEqual([{ functionKey: 'project/overview', payload: {} }]);
  });

  it('lets unknown fields through in the data, as the schemas allow', async () => {
    const { invoke } = fakeInvoke(() => ({ ok: true, data: { ...issue, extra: 1 } }));
    const result = await createBridgeBackendClient(resolverContract, invoke).call('issue/risk', {});
    expect(result.ok).toBe(true);
  });

  it('passes a well-formed error envelope through unchanged', async () => {
    const error = { code: 'FORBIDDEN', message: 'no browse permission' } as const;
    const { invoke } = fakeInvoke(() => ({ ok: false, error }));
    expect(await createBridgeBackendClient(resolverContract, invoke).call('issue/risk', {})).toEqual({ ok: false, error });
  });

  it.each([
    ['no envelope', undefined],
    ['a bare payload', overview],
    ['data of the wrong shape', { ok: true, data: { ...overview, total: -1 } }],
    ['an unknown error code', { ok: false, error: { code: 'TEAPOT', message: 'x' } }],
    ['a string', 'ok'],
  ])('given %s, when called, then answers INTERNAL', async (_label, answer) => {
    const { invoke } = fakeInvoke(() => answer);
    const result = await createBridgeBackendClient(resolverContract, invoke).call('project/overview', {});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('INTERNAL');
  });

  it('given a rejected invoke, when called, then answers an INTERNAL error envelope', async () => {
    const { invoke } = fakeInvoke(() => Promise.reject(new Error('There was an error invoking the function')));
    const result = await createBridgeBackendClient(resolverContract, invoke).call('issue/risk', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Calling issue/risk failed: There was an error invoking the function' },
    });
  });

  it('given a payload the contract refuses, when called, then answers INVALID_PAYLOAD without invoking', async () => {
    const { invoke, calls } = fakeInvoke(() => ({ ok: true, data: issue }));
    const result = await createBridgeBackendClient(resolverContract, invoke).call('issue/risk', { issueKey: 'not a key' });
    expect(!result.ok && result.error.code).toBe('INVALID_PAYLOAD');
    expect(calls).toEqual([]);
  });

  it('refuses a key outside the contract part the page was given, without calling the backend', async () => {
    let called = false;
    const invoke: InvokeFn = () => {
      called = true;
      return Promise.resolve({ ok: true, data: {} });
    };
    const result = await createBridgeBackendClient(issueRiskContract, invoke).call('project/overview', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(called).toBe(false);
  });
});
