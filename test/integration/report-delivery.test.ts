/**
 * Sending a published report by e-mail on the local runtime (issue 11): the admin's provider
 * settings (the key a secret), one message per recipient in their language and audience,
 * through the Postmark relay over real SMTP; a failing address; a retry that sends nothing twice.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_POSTMARK_TOKEN } from '../../local/mail/postmark-relay';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { deliveryId } from '../../src/application/delivery/send-report';
import { deliveryKind } from '../../src/application/records/record-kinds';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aClientStakeholder, aPlan, aStakeholder } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const as = (role: AccountRole) => (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');
type Delivery = { email: string; state: string; lang: string; audience: string; reason: string | null };

const STAKEHOLDERS = [
  aStakeholder(),
  aClientStakeholder(),
  aClientStakeholder({ id: 'ana', name: 'Ana Díaz', email: 'ana@client.example', language: 'en' }),
  aClientStakeholder({ id: 'gone', name: 'Old Contact', email: 'old@bounce.invalid', language: 'en' }),
  aClientStakeholder({ id: 'quiet', name: 'Wu Hao', email: 'wu@client.example', receivesReports: false }),
];

async function givenPublishedReport(): Promise<string> {
  const { revision } = (await pm('comms/get', {})).data as { revision: number };
  expect((await pm('comms/save', { plan: aPlan({ stakeholders: STAKEHOLDERS, series: [] }), revision })).ok).toBe(true);
  const { draftRevision } = (await pm('project/report', {})).data as { draftRevision: string };
  return ((await pm('report/publish', { draftRevision })).data as { id: string }).id;
}
const configure = () =>
  pm('mail/settings-save', { from: { name: 'Pat Manager', address: 'pat@acme.example' }, apiKey: LOCAL_POSTMARK_TOKEN });
const byEmail = (deliveries: Delivery[]) => Object.fromEntries(deliveries.map((d) => [d.email, d.state]));

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
  app.mail.clear();
});

describe('mail settings', () => {
  it('keeps the API key as a secret: never answered, read by nobody, edited only by a project admin, deleted with the project data', async () => {
    expect((await configure()).data).toEqual({
      provider: 'postmark',
      from: { name: 'Pat Manager', address: 'pat@acme.example' },
      keyStored: true,
      canEdit: true,
    });
    expect((await as('viewer')('mail/settings-get', {})).data).toMatchObject({ keyStored: true, canEdit: false });
    expect(JSON.stringify(await as('viewer')('mail/settings-get', {}))).not.toContain(LOCAL_POSTMARK_TOKEN);
    expect(
      (await as('member')('mail/settings-save', { from: { name: 'X', address: 'x@acme.example' }, apiKey: 'stolen-key-123' })).error?.code,
    ).toBe('FORBIDDEN');
    expect((await pm('mail/settings-save', { from: { name: 'X', address: 'not an address' } })).error?.code).toBe('INVALID_PAYLOAD');

    await pm('project/delete-data', { confirmProjectKey: acme.project.key });
    expect((await pm('mail/settings-get', {})).data).toMatchObject({ from: null, keyStored: false });
  });
});

describe('report/send', () => {
  it('mails each recipient their version in their language, says which address failed, and a retry sends nothing twice', async () => {
    await configure();
    const id = await givenPublishedReport();

    const first = (await as('member')('report/send', { id })).data as { deliveries: Delivery[] };

    expect(byEmail(first.deliveries)).toEqual({
      'pat@example.com': 'sent',
      'chen@client.example': 'sent',
      'ana@client.example': 'sent',
      'old@bounce.invalid': 'rejected',
    });
    expect(first.deliveries.find((d) => d.email === 'old@bounce.invalid')?.reason).toMatch(/inactive/u);
    const received = app.mail.list();
    expect(received.map((m) => m.envelope.to[0]).sort()).toEqual(['ana@client.example', 'chen@client.example', 'pat@example.com']);
    const chen = received.find((m) => m.envelope.to[0] === 'chen@client.example');
    expect(chen?.subject).toBe(`${acme.project.name}：状态报告 1`);
    expect(chen?.language).toBe('zh-CN');
    const parsed = await simpleParser(chen?.raw ?? '');
    expect(parsed.html).toContain('<!doctype html>');
    expect(`${parsed.text ?? ''}${String(parsed.html)}`).not.toContain('⟦internal⟧');
    expect(received.find((m) => m.envelope.to[0] === 'pat@example.com')?.subject).toBe(`${acme.project.name}: status report 1`);

    const again = (await pm('report/send', { id })).data as { deliveries: Delivery[] };
    expect(byEmail(again.deliveries)).toEqual(byEmail(first.deliveries));
    expect(app.mail.list()).toHaveLength(3);
    expect(((await as('viewer')('report/deliveries', { id })).data as { deliveries: Delivery[] }).deliveries).toHaveLength(4);
  });

  it('never resends a recipient whose attempt stopped before its answer was recorded', async () => {
    await configure();
    const id = await givenPublishedReport();
    await new KvsRecordStore().collection(deliveryKind, acme.project.id).save(
      {
        id: deliveryId(id, 'chen@client.example', 'client', 'zh-CN'),
        reportId: id,
        name: 'Chen Li',
        email: 'chen@client.example',
        lang: 'zh-CN',
        audience: 'client',
        state: 'unknown',
        reason: 'Sending',
        at: new Date().toISOString(),
        providerMessageId: null,
      },
      0,
    );

    const result = (await pm('report/send', { id })).data as { deliveries: Delivery[] };

    expect(byEmail(result.deliveries)['chen@client.example']).toBe('unknown');
    expect(app.mail.list().map((m) => m.envelope.to[0])).not.toContain('chen@client.example');
  });

  it('marks every recipient failed, sending nothing, when the provider refuses the key; a viewer cannot send', async () => {
    await pm('mail/settings-save', { from: { name: 'Pat Manager', address: 'pat@acme.example' }, apiKey: 'wrong-key-123' });
    const id = await givenPublishedReport();

    const result = (await pm('report/send', { id })).data as { deliveries: Delivery[] };

    expect(new Set(result.deliveries.map((d) => d.state))).toEqual(new Set(['failed']));
    expect(result.deliveries[0]?.reason).toMatch(/API key/u);
    expect(app.mail.list()).toHaveLength(0);
    expect((await as('viewer')('report/send', { id })).error?.code).toBe('FORBIDDEN');
  });

  it('lists who a send reaches before sending (name, address, side, language); Edit Issues only, as sending', async () => {
    await givenPublishedReport();
    const answer = (await as('member')('report/recipients', {})).data as { recipients: unknown[] };
    expect(answer.recipients).toEqual([
      { name: 'Pat Manager', email: 'pat@example.com', audience: 'internal', lang: 'en' },
      { name: 'Chen Li', email: 'chen@client.example', audience: 'client', lang: 'zh-CN' },
      { name: 'Ana Díaz', email: 'ana@client.example', audience: 'client', lang: 'en' },
      { name: 'Old Contact', email: 'old@bounce.invalid', audience: 'client', lang: 'en' },
    ]);
    expect((await as('viewer')('report/recipients', {})).error?.code).toBe('FORBIDDEN');
    expect((await as('outsider')('report/recipients', {})).error?.code).toBe('FORBIDDEN');
    expect((await pm('report/recipients', { id: 'g1' })).error?.code).toBe('INVALID_PAYLOAD');
  });

  it('says what to do before the provider is set up', async () => {
    const id = await givenPublishedReport();
    const answer = await pm('report/send', { id });
    expect(answer.error?.code).toBe('NOT_READY');
    expect(answer.error?.message).toMatch(/API key/u);
  });
});
