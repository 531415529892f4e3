import type { RiskInputJson } from '../../contract/risks';

/** Test-data builder for what the PM enters about a register risk. */
export function aRisk(overrides: Partial<RiskInputJson> = {}): RiskInputJson {
  return {
    id: 'vendor-api',
    title: 'Vendor API may be late',
    description: 'Their sandbox has slipped twice.',
    probability: 3,
    impact: 4,
    ownerName: 'Pat Manager',
    ownerAccountId: null,
    mitigation: 'Build against a mock of the API',
    trigger: 'No sandbox by 2026-03-15',
    due: '2026-03-20',
    status: 'open',
    linkedIssueKeys: ['ACME-1'],
    clientVisible: false,
    clientWording: '',
    ...overrides,
  };
}
