import { useEffect, useState } from 'react';
import type { PayloadOf } from '../../../contract';
import { ErrorState } from '../../shared/ErrorState';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import type { ProjectRef } from './settings-host';
import { SettingsEditor } from './SettingsEditor';
import { useSettingsHost } from './SettingsHostProvider';
import { SettingsStyles } from './SettingsStyles';
import { useSettingsMessages } from './use-settings-messages';

/** The resolver takes the project from the Forge context, so no key is sent. */
const SETTINGS_PAYLOAD: PayloadOf<'settings/get'> = {};

/** The project page's Settings section: loads the settings and the context's project, then the editor. */
export function SettingsSection() {
  const { t } = useSettingsMessages();
  const host = useSettingsHost();
  const settings = useResolver('settings/get', SETTINGS_PAYLOAD);
  const [project, setProject] = useState<ProjectRef | null | undefined>(undefined);

  useEffect(() => {
    let current = true;
    host.project().then(
      (found) => {
        if (current) setProject(found);
      },
      () => {
        if (current) setProject(null);
      },
    );
    return () => {
      current = false;
    };
  }, [host]);

  return (
    <section className="cf-settings" aria-labelledby="cf-settings-heading" data-testid="settings">
      <SettingsStyles />
      <h2 id="cf-settings-heading">{t('settings.heading')}</h2>
      <p className="cf-settings-intro">{t('settings.intro')}</p>
      {settings.state.status === 'failed' ? (
        <ErrorState error={settings.state.error} onRetry={settings.retry} />
      ) : settings.state.status === 'loading' || project === undefined ? (
        <LoadingState label={t('settings.loading')} lines={6} />
      ) : (
        <SettingsEditor view={settings.state.data} project={project} />
      )}
    </section>
  );
}
