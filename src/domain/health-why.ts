import type { WhyCode, WhyJson, WhyParams } from '../../contract/report';

/**
 * Every reason code health can give, with its parameters: the contract's `whySchema` is the one
 * definition, and the message catalogue (`contract/i18n/health-sentences.ts`) must have a
 * sentence for each code in each language (checked by the compiler).
 */
export type HealthWhyParams = { [C in WhyCode]: WhyParams<C> };
export type HealthWhyCode = WhyCode;

/** A typed `Why`: the code fixes the parameters it needs. */
export function healthWhy<C extends WhyCode>(code: C, params: WhyParams<C>): WhyJson {
  // `code` and `params` are tied by the signature; TS cannot narrow the union from a generic.
  return { code, params } as WhyJson;
}
