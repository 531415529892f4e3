/**
 * The status page's "What we committed to" section (DESIGN.md §5.7, §6; issue 13): the targets
 * agreed with the client — the enabled dimensions' green thresholds, the engagement's quality
 * standards and support targets — one sentence each (`describeCommitments`), read from the
 * settings and the engagement document (no Jira call). Nothing internal reaches it.
 */
import { COMMITMENT_MESSAGES } from '../../../contract/i18n/commitment-messages';
import { COMMITMENT_GROUPS, describeCommitments, type CommitmentGroup } from '../../../contract/i18n/commitment-sentences';
import { translator } from '../../../contract/i18n/strings';
import type { EngagementJson } from '../../../contract/engagement';
import type { Language } from '../../../contract/language';
import type { ProjectSettingsJson } from '../../../contract/settings';
import { html, type SafeHtml } from '../render/safe-html';

/** What the page shows (and its JSON variant carries): the sentences by group, nothing else. */
export interface SharedCommitmentsSection {
  groups: { group: CommitmentGroup; items: string[] }[];
}

/** The section's content (pure): groups in their order, empty ones left out. */
export function toSharedCommitmentsSection(
  settings: ProjectSettingsJson,
  engagement: EngagementJson,
  lang: Language,
): SharedCommitmentsSection {
  const all = describeCommitments(settings, engagement, lang);
  return {
    groups: COMMITMENT_GROUPS.map((group) => ({ group, items: all.filter((c) => c.group === group).map((c) => c.text) })).filter(
      (g) => g.items.length > 0,
    ),
  };
}

/** The section's HTML, inside the page (`render-shared-page.ts` places it); every text escaped by `html`. */
export function renderCommitmentsSection(content: SharedCommitmentsSection, lang: Language): SafeHtml {
  const c = translator(lang, COMMITMENT_MESSAGES);
  return html`<section aria-labelledby="commitments">
    <h2 id="commitments">${c('commitments.pageHeading')}</h2>
    <p class="muted">${c('commitments.pageIntro')}</p>
    ${content.groups.map(
      (g) =>
        html`<h3>${c(`commitments.group.${g.group}`)}</h3>
          <ul>
            ${g.items.map((item) => html`<li>${item}</li>`)}
          </ul>`,
    )}
  </section>`;
}
