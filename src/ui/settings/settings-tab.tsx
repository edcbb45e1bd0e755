import { useEffect, useState, type FC } from 'react';
import { Box, Button, Card, Cell, EmptyState, Layout, Loader } from '@wix/design-system';
import { fieldProblemsOf, isNotAvailable, type FieldProblem } from '../api/api-failure.js';
import type { AutoReplySettings, DashboardApi } from '../api/dashboard-api.js';
import { failureText } from '../api/failure-text.js';
import { PARTICIPANT_PLURAL } from '../format/participant-labels.js';
import { useLoad } from '../hooks/use-load.js';
import type { WidthClass } from '../layout/use-width.js';
import { BusinessHoursCard } from './business-hours-card.js';
import { DryRunPreview } from './dry-run-preview.js';
import { INITIAL_SAMPLE, type DrySample } from './dry-run-sample.js';
import { fieldProblems } from './field-problems.js';
import { KeywordRulesCard } from './keyword-rules-card.js';
import { silentTypes } from './reply-template.js';
import { BottomDock } from '../layout/bottom-dock.js';
import { SaveBar, type SaveState } from './save-bar.js';
import { SettingsFields } from './settings-fields.js';
import { useDraftDryRun } from './use-draft-dry-run.js';

/**
 * The auto-reply rules, edited as a draft: the preview beside the form answers by the draft as the owner types,
 * the server names any field it would refuse, and saving is explicit. On a phone the form comes first and the save
 * bar stays pinned to the bottom of the window, so Save is always in reach.
 */
export const SettingsTab: FC<{ api: DashboardApi; width: WidthClass }> = ({ api, width }) => {
  const saved = useLoad(() => api.settings(), [api]);
  const [draft, setDraft] = useState<AutoReplySettings>();
  const [sample, setSample] = useState<DrySample>(INITIAL_SAMPLE);
  const [saving, setSaving] = useState<SaveState>('idle');
  const [saveProblems, setSaveProblems] = useState<FieldProblem[]>([]);
  const dryRun = useDraftDryRun(api, sample, draft);
  const [siteName, setSiteName] = useState<string>();
  useEffect(() => { if (dryRun.result?.businessName.from === 'site') setSiteName(dryRun.result.businessName.name); }, [dryRun.result]);

  useEffect(() => { if (saved.data && !draft) setDraft(saved.data); }, [saved.data]); // eslint-disable-line react-hooks/exhaustive-deps

  if (saved.error && !saved.data) {
    return isNotAvailable(saved.error) ? (
      <EmptyState skin="section" dataHook="settings-unavailable" title="Auto-replies are not available on this server yet"
        subtitle="Update the app's server to the version with auto-replies; the rules and their preview appear here." />
    ) : (
      <EmptyState skin="section" dataHook="settings-error" title="We couldn't load your auto-reply rules" subtitle={failureText(saved.error)}>
        <Button size="small" onClick={saved.reload}>Try again</Button>
      </EmptyState>
    );
  }
  if (!draft) return <Box align="center" padding="SP6"><Loader text="Loading auto-reply rules…" /></Box>;

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.data);
  const problems = fieldProblems(saveProblems.length ? saveProblems : dryRun.problems);
  const edit = (next: AutoReplySettings) => { setDraft(next); setSaving('idle'); setSaveProblems([]); };
  const save = () => {
    setSaving('saving');
    api.saveSettings(draft).then(
      (next) => { setDraft(next); saved.reload(); setSaving('saved'); },
      (error: unknown) => { setSaveProblems(fieldProblemsOf(error)); setSaving({ error: failureText(error) }); },
    );
  };
  const set = (next: Partial<AutoReplySettings>) => edit({ ...draft, ...next });
  const notes = draft.enabled ? silentTypes(draft).map((type) => `${PARTICIPANT_PLURAL[type]} get no auto-reply: their reply text is empty.`) : [];
  const narrow = width === 'narrow';
  const saveBar = (
    <SaveBar dirty={dirty} state={saving} problemCount={problems.count} elsewhere={problems.elsewhere} notes={notes}
      onSave={save} onDiscard={() => saved.data && edit(saved.data)} />
  );
  const preview = <DryRunPreview sample={sample} onSample={setSample} draft={dirty} result={dryRun.result} loading={dryRun.loading} error={dryRun.error} settings={draft} width={width} />;
  const form = (
    <Box direction="vertical" gap="SP4">
      <Card dataHook="settings-form">
        <Card.Header title="Auto-reply rules" subtitle="Who gets an automatic answer, and what it says." />
        <Card.Divider />
        <Card.Content>
          <SettingsFields value={draft} onChange={edit} problems={problems} siteName={siteName} narrow={narrow} />
        </Card.Content>
      </Card>
      <KeywordRulesCard value={draft.keywordRules} onChange={(keywordRules) => set({ keywordRules })} problems={problems} />
      <BusinessHoursCard value={draft.businessHours} onChange={(businessHours) => set({ businessHours })} problems={problems} />
    </Box>
  );
  if (width !== 'wide') {
    return (
      <Box direction="vertical" gap="SP4">
        {preview}
        {form}
        <BottomDock dataHook="settings-save-dock">{saveBar}</BottomDock>
      </Box>
    );
  }
  return (
    <Layout gap="24px">
      <Cell span={7}>{form}</Cell>
      <Cell span={5}>
        <div style={{ position: 'sticky', top: 24 }}>
          <Box direction="vertical" gap="SP4">
            {saveBar}
            {preview}
          </Box>
        </div>
      </Cell>
    </Layout>
  );
};
