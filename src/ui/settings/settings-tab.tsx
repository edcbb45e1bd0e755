import { useEffect, useState, type FC } from 'react';
import { Box, Button, Card, Cell, EmptyState, Layout, Loader, Text } from '@wix/design-system';
import { isNotAvailable } from '../api/api-failure.js';
import type { AutoReplySettings, DashboardApi, DryRunResult } from '../api/dashboard-api.js';
import { useLoad } from '../hooks/use-load.js';
import { DryRunPreview } from './dry-run-preview.js';
import { INITIAL_SAMPLE, dryRunRequest, type DrySample } from './dry-run-sample.js';
import { SettingsFields } from './settings-fields.js';

/** The auto-reply rules, edited in a form with the dry-run preview beside it; saving is explicit and re-runs the preview. */
export const SettingsTab: FC<{ api: DashboardApi }> = ({ api }) => {
  const saved = useLoad(() => api.settings(), [api]);
  const [draft, setDraft] = useState<AutoReplySettings>();
  const [sample, setSample] = useState<DrySample>(INITIAL_SAMPLE);
  const [dryRun, setDryRun] = useState<{ result?: DryRunResult; loading: boolean; error?: string }>({ loading: false });
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved' | { error: string }>('idle');

  useEffect(() => { if (saved.data && !draft) setDraft(saved.data); }, [saved.data]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!saved.data) return undefined;
    let current = true;
    setDryRun((previous) => ({ ...previous, loading: true }));
    const timer = setTimeout(() => {
      api.dryRun(dryRunRequest(sample)).then(
        (result) => current && setDryRun({ result, loading: false }),
        (error: unknown) => current && setDryRun({ loading: false, error: (error as Error).message }),
      );
    }, 300);
    return () => { current = false; clearTimeout(timer); };
  }, [api, sample, saved.loadedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  if (saved.error && !saved.data) {
    return isNotAvailable(saved.error) ? (
      <EmptyState skin="section" dataHook="settings-unavailable" title="Auto-replies are not available on this server yet"
        subtitle="Update the app's server to the version with auto-replies; the rules and their dry run appear here." />
    ) : (
      <EmptyState skin="section" dataHook="settings-error" title="We couldn't load your auto-reply rules" subtitle={`${(saved.error as Error).message} Try again in a moment.`}>
        <Button size="small" onClick={saved.reload}>Try again</Button>
      </EmptyState>
    );
  }
  if (!draft) return <Box align="center" padding="SP6"><Loader text="Loading auto-reply rules…" /></Box>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.data);
  const save = () => {
    setSaving('saving');
    api.saveSettings(draft).then(
      (next) => { setDraft(next); saved.reload(); setSaving('saved'); },
      (error: unknown) => setSaving({ error: (error as Error).message }),
    );
  };
  return (
    <Layout gap="24px">
      <Cell span={7}>
        <Card dataHook="settings-form">
          <Card.Header title="Auto-reply rules" subtitle="Who gets an automatic answer, and what it says." />
          <Card.Divider />
          <Card.Content>
            <Box direction="vertical" gap="SP4">
              <SettingsFields value={draft} onChange={(next) => { setDraft(next); setSaving('idle'); }} />
              <Box gap="SP2" verticalAlign="middle">
                <Button size="small" onClick={save} disabled={!dirty || saving === 'saving'} dataHook="save-settings">{saving === 'saving' ? 'Saving…' : 'Save'}</Button>
                <Button size="small" priority="secondary" disabled={!dirty} onClick={() => setDraft(saved.data)}>Discard changes</Button>
                {dirty ? <Text size="small" secondary>Unsaved changes: the preview shows the saved rules until you save.</Text> : null}
                {saving === 'saved' && !dirty ? <Text size="small" skin="success" dataHook="settings-saved">Saved. New messages follow these rules.</Text> : null}
                {typeof saving === 'object' ? <Text size="small" skin="error" dataHook="settings-save-error">{saving.error}</Text> : null}
              </Box>
            </Box>
          </Card.Content>
        </Card>
      </Cell>
      <Cell span={5}>
        <DryRunPreview sample={sample} onSample={setSample} {...dryRun} />
      </Cell>
    </Layout>
  );
};
