import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../application/app-error';
import { defineResolver } from './define-resolver';

describe('defineResolver', () => {
  it('given a payload the contract refuses, answers INVALID_PAYLOAD without calling the handler', async () => {
    const handler = vi.fn();
    const answer = await defineResolver('settings/get', handler)({ payload: { projectKey: 'not a key' }, context: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('given a known failure, answers its code and message', async () => {
    const answer = await defineResolver('settings/get', () => Promise.reject(new AppError('CONFLICT', 'stale')))({
      payload: {},
      context: {},
    });
    expect(answer).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'stale' } });
  });

  it('given an unexpected error, answers a typed INTERNAL envelope and logs one line without the payload', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const answer = await defineResolver('settings/get', () => Promise.reject(new TypeError('x is undefined')))({
        payload: { projectKey: 'SECRET' },
        context: {},
      });
      expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) as string } });
      expect(log).toHaveBeenCalledTimes(1);
      const line = String(log.mock.calls[0]?.[0]);
      expect(JSON.parse(line)).toMatchObject({ level: 'error', key: 'settings/get', error: 'TypeError: x is undefined' });
      expect(line).not.toContain('SECRET');
    } finally {
      log.mockRestore();
    }
  });
});
