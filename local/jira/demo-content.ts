/**
 * The words of the demo projects: epics, summaries, people. Kept apart from the generator so
 * the generator reads as rules and this file as copy.
 */
import type { UserSpec } from './site-catalog';

export const ACME_CLIENT = 'Acme Logistics';

export const ACME_TEAM: Record<'pm' | 'lead' | 'frontend' | 'backend' | 'qa' | 'design' | 'devops' | 'fullstack', UserSpec> = {
  pm: {
    accountId: '712020:5f1c0e3a-9d0b-4c51-a7de-1b0a9c3e2201',
    displayName: 'Dana Whitfield',
    emailAddress: 'dana.whitfield@brightpath.agency',
    timeZone: 'Europe/London',
  },
  lead: {
    accountId: '712020:6a2d1f4b-0e1c-4d62-b8ef-2c1bad4f3302',
    displayName: 'Marco Rossi',
    emailAddress: 'marco.rossi@brightpath.agency',
    timeZone: 'Europe/Rome',
  },
  frontend: {
    accountId: '712020:7b3e2a5c-1f2d-4e73-89f0-3d2cbe5a4403',
    displayName: 'Priya Nair',
    emailAddress: 'priya.nair@brightpath.agency',
    timeZone: 'Europe/London',
  },
  backend: {
    accountId: '712020:8c4f3b6d-2a3e-4f84-9a01-4e3dcf6b5504',
    displayName: 'Tom Becker',
    emailAddress: 'tom.becker@brightpath.agency',
    timeZone: 'Europe/Berlin',
  },
  qa: {
    accountId: '712020:9d5a4c7e-3b4f-4a95-ab12-5f4ed07c6605',
    displayName: 'Lena Hoffmann',
    emailAddress: 'lena.hoffmann@brightpath.agency',
    timeZone: 'Europe/Berlin',
  },
  design: {
    accountId: '712020:ae6b5d8f-4c5a-4ba6-bc23-6a5fe18d7706',
    displayName: 'Sam Okafor',
    emailAddress: 'sam.okafor@brightpath.agency',
    timeZone: 'Europe/London',
  },
  devops: {
    accountId: '712020:bf7c6e9a-5d6b-4cb7-8d34-7b6af29e8807',
    displayName: 'Yuki Tanaka',
    emailAddress: 'yuki.tanaka@brightpath.agency',
    timeZone: 'Europe/Amsterdam',
  },
  fullstack: {
    accountId: '712020:c08d7fab-6e7c-4dc8-9e45-8c7ba3af9908',
    displayName: 'Jonas Lindqvist',
    emailAddress: 'jonas.lindqvist@brightpath.agency',
    timeZone: 'Europe/Stockholm',
  },
};

export const ACME_CLIENT_PEOPLE: readonly UserSpec[] = [
  {
    accountId: '712020:d19e80bc-7f8d-4ed9-af56-9d8cb4b0aa09',
    displayName: 'Rachel Moore',
    emailAddress: 'rachel.moore@acmelogistics.com',
    timeZone: 'America/Chicago',
  },
  {
    accountId: '712020:e2af91cd-808e-4fea-b067-ae9dc5c1bb10',
    displayName: 'Ravi Menon',
    emailAddress: 'ravi.menon@acmelogistics.com',
    timeZone: 'America/Chicago',
  },
];

export interface EpicContent {
  summary: string;
  /** The PM shows this epic, and so its stories and bugs, to the client (the `client` label). */
  client: boolean;
  milestone: 0 | 1 | 2 | 3;
  components: string[];
  stories: string[];
  bugs: string[];
}

export const ACME_EPICS: readonly EpicContent[] = [
  {
    summary: 'Discovery and UX design',
    client: true,
    milestone: 0,
    components: ['Design'],
    stories: [
      'Run stakeholder interviews with dispatch and customer-service teams',
      'Map the current shipment enquiry journey end to end',
      'Define personas for shippers, consignees and Acme account managers',
      'Produce clickable prototype of the portal home page',
      'Usability test the prototype with five Acme customers',
      'Agree the visual design system with Acme brand team',
      'Document information architecture and navigation',
      'Write content guidelines for customer-facing copy',
    ],
    bugs: ['Prototype links to shipment details are broken in the tablet layout'],
  },
  {
    summary: 'Customer login and single sign-on',
    client: true,
    milestone: 0,
    components: ['Web app', 'API'],
    stories: [
      'Customers can sign in with e-mail and password',
      'Customers can reset a forgotten password by e-mail link',
      'Enterprise customers can sign in with Azure AD SSO',
      'Lock the account after five failed sign-in attempts',
      'Show the last sign-in time on the account page',
      'Enforce MFA for Acme staff accounts',
      'Remember the device for 30 days after MFA',
      'Audit log of sign-ins for Acme security team',
      'Session expires after 30 minutes of inactivity',
    ],
    bugs: [
      'Password reset e-mail arrives after the link has expired',
      'SSO redirect loops when the Azure AD session has expired',
      'Sign-in page shows raw error code for locked accounts',
    ],
  },
  {
    summary: 'Shipment tracking dashboard',
    client: true,
    milestone: 1,
    components: ['Web app', 'API'],
    stories: [
      'Show all active shipments of the customer on one dashboard',
      'Filter shipments by status, origin and destination',
      'Show estimated delivery window on shipment details',
      'Display the live vehicle position on a map',
      'Search shipments by tracking number or customer reference',
      'Export the shipment list to CSV',
      'Show the full event timeline of a shipment',
      'Highlight shipments at risk of late delivery',
      'Save dashboard filters per user',
      'Paginate the shipment list for accounts with 10k+ shipments',
      'Show proof-of-delivery status on each shipment card',
    ],
    bugs: [
      'Tracking map does not load on Safari 17',
      'Estimated delivery time shown in UTC instead of the customer time zone',
      'Shipment search ignores references with a leading zero',
      'CSV export truncates consignee names at 32 characters',
      'Dashboard counts include cancelled shipments',
      'Map markers overlap for shipments at the same depot',
    ],
  },
  {
    summary: 'Delivery notifications (e-mail and SMS)',
    client: true,
    milestone: 1,
    components: ['API', 'Notifications'],
    stories: [
      'Send an e-mail when a shipment is out for delivery',
      'Send an SMS when the delivery window changes',
      'Customers can choose which notifications they receive',
      'Notify the consignee of a failed delivery attempt',
      'Translate notification templates into Spanish',
      'Throttle notifications to at most one per shipment per hour',
      'Track notification delivery status from the SMS provider',
      'Unsubscribe link in every notification e-mail',
    ],
    bugs: [
      'Duplicate SMS sent when a shipment is rescheduled twice',
      'Notification e-mail renders without styles in Outlook 2019',
      'Unsubscribe link returns 500 for SSO users',
    ],
  },
  {
    summary: 'Invoices and billing history',
    client: true,
    milestone: 1,
    components: ['Web app', 'Billing'],
    stories: [
      'List invoices for the last 24 months',
      'Download an invoice as PDF',
      'Show open balance and due date on the billing page',
      'Filter invoices by status and period',
      'Link each invoice line to its shipment',
      'Customers can dispute an invoice line',
      'Sync invoices nightly from the Acme ERP',
    ],
    bugs: [
      'Invoice PDF shows the wrong VAT number for EU customers',
      'Billing page times out for accounts with over 5,000 invoices',
      'Disputed invoice lines disappear after the nightly sync',
    ],
  },
  {
    summary: 'Account and user management',
    client: true,
    milestone: 1,
    components: ['Web app', 'API'],
    stories: [
      'Account admins can invite colleagues by e-mail',
      'Account admins can assign viewer or editor roles',
      'Users can update their contact details',
      'Deactivate users who left the customer company',
      'Manage multiple delivery addresses per account',
      'Show a company profile page with account manager contact',
    ],
    bugs: ['Invited users receive the invitation twice', 'Role change takes effect only after sign-out'],
  },
  {
    summary: 'Proof-of-delivery documents',
    client: true,
    milestone: 2,
    components: ['Web app', 'API'],
    stories: [
      'View the signed proof of delivery for a shipment',
      'Download delivery photos taken by the driver',
      'Bulk download proofs of delivery for a date range',
      'Request a corrected proof of delivery',
      'Retain delivery documents for seven years',
      'Watermark downloaded documents with the customer name',
    ],
    bugs: ['Signature image is rotated on iOS uploads'],
  },
  {
    summary: 'Carrier integration API',
    client: false,
    milestone: 2,
    components: ['API', 'Integrations'],
    stories: [
      'Receive tracking events from partner carriers via webhook',
      'Map carrier status codes to portal shipment statuses',
      'Retry failed carrier webhooks with backoff',
      'Expose a public shipment status API for customers',
      'Issue API keys per customer account',
      'Document the public API with OpenAPI',
      'Rate limit the public API per API key',
    ],
    bugs: ['Carrier events with a missing timezone are dropped', 'Webhook signature check fails for DPD payloads'],
  },
  {
    summary: 'Accessibility and performance',
    client: false,
    milestone: 2,
    components: ['Web app'],
    stories: [
      'Meet WCAG 2.2 AA on all customer pages',
      'Keyboard navigation for the shipment dashboard',
      'Screen reader labels for map controls',
      'Load the dashboard in under two seconds on 4G',
      'Lazy-load the map bundle',
    ],
    bugs: ['Focus is lost after closing the filter dialog', 'Colour contrast of status badges fails AA'],
  },
  {
    summary: 'Launch readiness and hypercare',
    client: true,
    milestone: 3,
    components: ['Infrastructure'],
    stories: [
      'Load test the portal at 3x peak season traffic',
      'Set up production monitoring and alerting',
      'Train Acme customer-service staff on the portal',
      'Migrate existing customer accounts from the legacy portal',
      'Prepare the go-live runbook and rollback plan',
      'Run a security penetration test',
    ],
    bugs: [],
  },
];

export const ACME_TASKS: readonly string[] = [
  'Set up CI pipeline for the web app',
  'Provision staging environment on Azure',
  'Configure Sentry error tracking',
  'Upgrade Node.js runtime to version 22',
  'Refactor shipment API client into a shared package',
  'Add contract tests for the ERP invoice feed',
  'Rotate SMS provider API keys',
  'Write data processing agreement annex for SMS provider',
  'Prepare sprint demo for Acme stakeholders',
  'Review GDPR impact assessment with Acme legal',
  'Clean up feature flags from the MVP',
  'Tune database indexes for shipment search',
  'Set up nightly database backups',
  'Automate accessibility checks in CI',
  'Create test accounts for Acme UAT',
  'Document local development setup',
  'Update dependency licences report',
  'Archive the legacy portal analytics data',
  'Configure CDN caching rules',
  'Estimate change request: multi-currency invoices',
  'Collect UAT feedback from Acme dispatch team',
  'Plan hypercare rota for launch week',
  'Migrate secrets to Azure Key Vault',
  'Investigate flaky end-to-end tests',
  'Add structured logging to the notification service',
];

/** Tasks the client takes part in or waits for: the PM marks them for the client's report. */
export const ACME_CLIENT_TASKS: ReadonlySet<string> = new Set([
  'Prepare sprint demo for Acme stakeholders',
  'Review GDPR impact assessment with Acme legal',
  'Create test accounts for Acme UAT',
  'Collect UAT feedback from Acme dispatch team',
  'Estimate change request: multi-currency invoices',
]);

/** Engineering chores no client reads about: the PM labels them internal. */
export const ACME_CHORE_TASKS: ReadonlySet<string> = new Set([
  'Set up CI pipeline for the web app',
  'Configure Sentry error tracking',
  'Upgrade Node.js runtime to version 22',
  'Refactor shipment API client into a shared package',
  'Rotate SMS provider API keys',
  'Clean up feature flags from the MVP',
  'Document local development setup',
  'Update dependency licences report',
  'Migrate secrets to Azure Key Vault',
  'Investigate flaky end-to-end tests',
  'Add structured logging to the notification service',
]);

export const ACME_INTERNAL_TASKS: readonly string[] = [
  'Internal: reconcile agency timesheets for March',
  'Internal: rebalance team capacity for next sprint',
  'Internal: retro actions follow-up',
  'Internal: update margin forecast for the Acme account',
  'Internal: onboard new QA contractor',
  'Internal: tech-debt triage session',
];

export const SUBTASK_PREFIXES: readonly string[] = ['Backend', 'Frontend', 'QA', 'Design review', 'API contract'];

export const CLIENT_COMMENTS: readonly string[] = [
  'We need this before the peak season starts, please confirm the date.',
  'Our dispatch team reported this again this morning.',
  'Can you share a screenshot of the new layout before it goes live?',
  'Approved from our side, thanks.',
  'We are still waiting for the carrier credentials from our IT team.',
];

export const TEAM_COMMENTS: readonly string[] = [
  'Pushed a fix to staging, ready for QA.',
  'Blocked until the carrier sandbox is available again.',
  'Estimate revised after the spike, see the design doc.',
  'Waiting on Acme to confirm the expected behaviour.',
  'Paired with Tom on the API part, should be done tomorrow.',
];

export const HZ_TEAM: readonly UserSpec[] = [
  {
    accountId: '712020:f3b0a2de-919f-4a0b-8c78-bfaed6d2cc11',
    displayName: '王芳',
    emailAddress: 'wang.fang@huazhi-tech.cn',
    timeZone: 'Asia/Shanghai',
  },
  {
    accountId: '712020:04c1b3ef-a2a0-4b1c-9d89-c0bfe7e3dd12',
    displayName: '李强',
    emailAddress: 'li.qiang@huazhi-tech.cn',
    timeZone: 'Asia/Shanghai',
  },
  {
    accountId: '712020:15d2c4f0-b3b1-4c2d-ae9a-d1c0f8f4ee13',
    displayName: '张伟',
    emailAddress: 'zhang.wei@huazhi-tech.cn',
    timeZone: 'Asia/Shanghai',
  },
  {
    accountId: '712020:26e3d501-c4c2-4d3e-bfab-e2d109050f14',
    displayName: '刘洋',
    emailAddress: 'liu.yang@huazhi-tech.cn',
    timeZone: 'Asia/Shanghai',
  },
];

export const HZ_CLIENT: UserSpec = {
  accountId: '712020:37f4e612-d5d3-4e4f-80bc-f3e21a161015',
  displayName: '陈静（华东仓储）',
  emailAddress: 'chen.jing@huadong-wh.cn',
  timeZone: 'Asia/Shanghai',
};

export const HZ_EPICS: readonly { summary: string; items: string[] }[] = [
  {
    summary: '仓库入库管理',
    items: [
      '支持扫码入库',
      '入库单批量导入',
      '入库差异自动提醒',
      '入库单打印模板',
      '按供应商统计入库量',
      '入库质检记录',
      '入库单审批流程',
      '收货预约排队',
    ],
  },
  {
    summary: '库存盘点与预警',
    items: [
      '按库位生成盘点任务',
      '移动端盘点录入',
      '盘点差异报表',
      '低库存自动预警',
      '库存周转率看板',
      '批次效期提醒',
      '盘点结果导出 Excel',
    ],
  },
  {
    summary: '出库与配送对接',
    items: [
      '出库单自动分配拣货员',
      '拣货路径优化',
      '对接顺丰快递接口',
      '对接京东物流接口',
      '出库单状态实时同步',
      '配送异常登记',
      '电子面单打印',
    ],
  },
  {
    summary: '报表与权限',
    items: ['管理层日报自动发送', '角色权限配置', '操作日志审计', '多仓库数据隔离', '报表导出 PDF', '数据大屏展示'],
  },
];

export const HZ_BUGS: readonly string[] = [
  '扫码枪连续扫描时偶发重复入库',
  '盘点报表导出中文文件名乱码',
  '低库存预警邮件未按时发送',
  '出库单状态在移动端不同步',
  '电子面单打印偏移两毫米',
  '权限修改后需重新登录才生效',
  '日报中的日期使用了 UTC 时间',
  '大屏在 1080p 分辨率下布局错位',
];
