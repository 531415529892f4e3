import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { ShareSettingsJson } from '../../../contract/share';
import { SettingsStyles } from '../settings/SettingsStyles';
import { AccessLog } from './AccessLog';
import { CreateLinkForm } from './CreateLinkForm';
import { LinkList, useLinks } from './LinkList';
import { SharingSettings } from './SharingSettings';
import { useShareT } from './use-share-t';

/**
 * The Share section (issue 12): links for the client status page. Project admins create, copy
 * (once), revoke, switch sharing and read the access log; everyone who may browse the project
 * sees the list and the switch, read-only (no token is ever shown after creation).
 */
export function ShareSection() {
  const t = useShareT();
  const links = useLinks();
  const [settings, setSettings] = useState<ShareSettingsJson | null>(null);
  const [refresh, setRefresh] = useState(0);
  const canManage = links.state.status === 'ready' && links.state.canManage;
  const labels = useMemo(
    () => new Map(links.state.status === 'ready' ? links.state.items.map((l) => [l.id, l.label] as const) : []),
    [links.state],
  );
  const changed = () => {
    links.reload();
    setRefresh((n) => n + 1);
  };
  return (
    <div className="cf-settings cf-share" data-testid="share-section">
      <SettingsStyles />
      <ShareStyles />
      <h2>{t('share.heading')}</h2>
      <p className="cf-settings-intro">{t('share.intro')}</p>
      {links.state.status === 'ready' && !canManage && (
        <p className="cf-hint" data-testid="share-read-only">
          {t('share.readOnly')}
        </p>
      )}
      <SharingSettings onSaved={setSettings} />
      {canManage && settings && <CreateLinkForm maxDays={settings.maxExpiryDays} enabled={settings.enabled} onCreated={changed} />}
      <LinkList links={links} onChanged={changed} />
      {canManage && <AccessLog labels={labels} refresh={refresh} />}
    </div>
  );
}

function ShareStyles() {
  return (
    <style>{`
.cf-share { display: grid; gap: ${token('space.200', '16px')}; max-width: 60rem; }
.cf-share > h2, .cf-share > p { margin: 0; }
.cf-share h3 { margin: 0 0 ${token('space.100', '8px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-share-card { display: grid; gap: ${token('space.150', '12px')}; padding: ${token('space.200', '16px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; min-width: 0; }
.cf-share-card > * { margin: 0; }
.cf-share-sections { grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
.cf-share-url { max-width: 100%; font-family: ${token('font.family.code', 'monospace')}; }
.cf-share section { display: grid; gap: ${token('space.100', '8px')}; min-width: 0; }
.cf-share section > h3 { margin: 0; }
.cf-share-confirm { display: grid; gap: ${token('space.100', '8px')}; }
.cf-share-confirm p { margin: 0; }
.cf-share .cf-table { width: 100%; border-collapse: collapse; }
.cf-share .cf-table th, .cf-share .cf-table td { padding: ${token('space.100', '8px')}; text-align: start; vertical-align: top; border-bottom: 1px solid ${token('color.border', '#0B120E24')}; overflow-wrap: anywhere; }
`}</style>
  );
}
