import type { FC } from 'react';
import { Badge, Box, Card, Dropdown, FormField, Input, Loader, SegmentedToggle, Text } from '@wix/design-system';
import type { AutoReplySettings, DryRunResult } from '../api/dashboard-api.js';
import { CHANNEL_IDS, channelLabel } from '../format/channels.js';
import { PARTICIPANT_LABEL, PARTICIPANT_PLURAL } from '../format/participant-labels.js';
import type { WidthClass } from '../layout/use-width.js';
import type { DrySample } from './dry-run-sample.js';
import { ruleInWords, templateOf } from './reply-template.js';

const REASON: Record<string, string> = {
  disabled: 'Auto-replies are turned off.',
  'channel-off': 'Auto-replies are off for this channel.',
  'not-first-message': 'Only the first message of a conversation is answered.',
  cooldown: 'This person got an auto-reply recently.',
  'business-active': 'Someone from your team wrote recently.',
};

const WRITERS = ['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const;

interface Props {
  sample: DrySample;
  onSample(next: DrySample): void;
  result?: DryRunResult;
  loading: boolean;
  error?: string;
  /** Whether the rules in use are unsaved changes (the preview says so). */
  draft: boolean;
  /** The rules the preview answers by (saved or draft), to name a rule's words and find its text. */
  settings: AutoReplySettings;
  width: WidthClass;
}

/** Beside the form: exactly what the rules as edited (saved or not) would send to a sample message right now. Nothing is sent. */
export const DryRunPreview: FC<Props> = ({ sample, onSample, result, loading, error, draft, settings, width }) => (
  <Card dataHook="dry-run">
    <Card.Header title="Preview"
      subtitle={draft ? 'What your unsaved changes would send to this message now. Nothing is sent.' : 'What your rules send to this message now. Nothing is sent.'}
      suffix={loading ? <Loader size="tiny" dataHook="dry-run-loading" /> : draft ? <Badge size="small" skin="warningLight" uppercase={false} dataHook="dry-run-draft">Unsaved changes</Badge> : undefined} />
    <Card.Divider />
    <Card.Content>
      <Box direction="vertical" gap="SP3">
        <FormField label="Who writes" id="dry-run-type">
          {width === 'narrow' ? (
            <Dropdown id="dry-run-type" dataHook="dry-run-type-dropdown" selectedId={sample.type} popoverProps={{ appendTo: 'window' }}
              options={WRITERS.map((type) => ({ id: type, value: PARTICIPANT_LABEL[type] }))}
              onSelect={(option) => onSample({ ...sample, type: option.id as DrySample['type'] })} />
          ) : (
            <SegmentedToggle size="small" selected={sample.type} ariaLabel="Who writes" dataHook="dry-run-type"
              onClick={(_event, type) => onSample({ ...sample, type: type as DrySample['type'] })}>
              {WRITERS.map((type) => <SegmentedToggle.Button key={type} value={type}>{PARTICIPANT_LABEL[type]}</SegmentedToggle.Button>)}
            </SegmentedToggle>
          )}
        </FormField>
        <Box gap="SP2" direction={width === 'narrow' ? 'vertical' : 'horizontal'}>
          <FormField label="First name" id="dry-run-name"><Input id="dry-run-name" dataHook="dry-run-name" value={sample.firstName} onChange={(event) => onSample({ ...sample, firstName: event.target.value })} /></FormField>
          <FormField label="Channel" id="dry-run-channel">
            <Dropdown id="dry-run-channel" dataHook="dry-run-channel" selectedId={sample.channel} popoverProps={{ appendTo: 'window' }}
              options={CHANNEL_IDS.map((id) => ({ id, value: channelLabel(id) }))}
              onSelect={(option) => onSample({ ...sample, channel: String(option.id) })} />
          </FormField>
        </Box>
        <FormField label="Message" id="dry-run-text"><Input id="dry-run-text" dataHook="dry-run-text" value={sample.text} onChange={(event) => onSample({ ...sample, text: event.target.value })} /></FormField>
        <Box direction="vertical" gap="SP2" padding="SP3" backgroundColor="D80" borderRadius="8px" dataHook="dry-run-result">
          {error ? <Text size="small" skin="error" dataHook="dry-run-error">{error}</Text> : !result ? <Text size="small" secondary>Working out the answer…</Text>
            : <Outcome result={result} settings={settings} sample={sample} />}
        </Box>
      </Box>
    </Card.Content>
  </Card>
);

const Outcome: FC<{ result: DryRunResult; settings: AutoReplySettings; sample: DrySample }> = ({ result, settings, sample }) => {
  if (result.outcome === 'reply') {
    const usesName = /\{businessName/.test(templateOf(result.rule, settings) ?? '');
    return (
      <>
        <Box><Badge size="small" skin="success" uppercase={false} dataHook="dry-run-outcome">Would reply</Badge></Box>
        <Text size="small" dataHook="dry-run-reply">{`“${result.text}”`}</Text>
        <Text size="tiny" secondary dataHook="dry-run-rule">{ruleInWords(result.rule, settings)}</Text>
        {usesName ? <Text size="tiny" secondary dataHook="dry-run-business-name">{businessNameNote(result.businessName)}</Text> : null}
      </>
    );
  }
  const silent = result.reason === 'no-text';
  return (
    <>
      <Box><Badge size="small" skin={silent ? 'warningLight' : 'neutralStandard'} uppercase={false} dataHook="dry-run-outcome">Would not reply</Badge></Box>
      <Text size="small" dataHook="dry-run-reason">{silent ? silentReason(result.detail, settings, sample) : REASON[result.reason] ?? result.reason}</Text>
    </>
  );
};

function businessNameNote(name: DryRunResult['businessName']): string {
  if (name.from === 'settings') return `{businessName} is “${name.name}”, the business name in these settings.`;
  if (name.from === 'site') return `{businessName} is “${name.name}”, your site's name as Wix Inbox shows it.`;
  return "{businessName} becomes your site's name as Wix Inbox shows it once someone has written; until then the preview says “our team”.";
}

/** An empty text means "no auto-reply": say so plainly, and where to write one if that is not what the owner wants. */
function silentReason(rule: string | undefined, settings: AutoReplySettings, sample: DrySample): string {
  if (rule === 'away' || (!rule && !settings.businessHours.awayText.trim() && settings.businessHours.enabled)) {
    return 'The away text is empty, so nobody gets an auto-reply outside business hours. Write an away text to answer them.';
  }
  if (rule?.startsWith('keyword:')) return `Keyword rule ${rule.split(':')[1]} has no text, so this message gets no auto-reply.`;
  const people = PARTICIPANT_PLURAL[sample.type].toLowerCase();
  return `${PARTICIPANT_PLURAL[sample.type]} get no auto-reply: the reply to ${people} is empty. Write one under “Reply to ${people}” to answer them.`;
}
