import type { FC } from 'react';
import { Badge, Box, Card, Dropdown, FormField, Input, Loader, SegmentedToggle, Text } from '@wix/design-system';
import type { DryRunResult } from '../api/dashboard-api.js';
import { PARTICIPANT_LABEL } from '../format/participant-labels.js';
import { ruleLabel } from '../format/reply-rules.js';
import type { DrySample } from './dry-run-sample.js';

const REASON: Record<string, string> = {
  disabled: 'Auto-replies are turned off.',
  'channel-off': 'Auto-replies are off for this channel.',
  'not-first-message': 'Only the first message of a conversation is answered.',
  cooldown: 'This person got an auto-reply recently.',
  'no-text': 'There is no reply text for this kind of person.',
  'business-active': 'Someone from the team wrote recently.',
};

interface Props {
  sample: DrySample;
  onSample(next: DrySample): void;
  result?: DryRunResult;
  loading: boolean;
  error?: string;
  /** Whether the rules in use are unsaved changes (the preview says so). */
  draft: boolean;
}

/** Beside the form: what the rules as edited (saved or not) would do with a sample message right now. Nothing is sent. */
export const DryRunPreview: FC<Props> = ({ sample, onSample, result, loading, error, draft }) => (
  <Card dataHook="dry-run">
    <Card.Header title="Dry-run preview"
      subtitle={draft ? 'What your unsaved changes would do with this message now. Nothing is sent.' : 'What your rules do with this message now. Nothing is sent.'}
      suffix={loading ? <Loader size="tiny" dataHook="dry-run-loading" /> : draft ? <Badge size="small" skin="warningLight" uppercase={false} dataHook="dry-run-draft">Unsaved changes</Badge> : undefined} />
    <Card.Divider />
    <Card.Content>
      <Box direction="vertical" gap="SP3">
        <FormField label="Who writes">
          <SegmentedToggle size="small" selected={sample.type} ariaLabel="Who writes" dataHook="dry-run-type"
            onClick={(_event, type) => onSample({ ...sample, type: type as DrySample['type'] })}>
            {(['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const).map((type) => <SegmentedToggle.Button key={type} value={type}>{PARTICIPANT_LABEL[type]}</SegmentedToggle.Button>)}
          </SegmentedToggle>
        </FormField>
        <Box gap="SP2">
          <FormField label="First name" id="dry-run-name"><Input id="dry-run-name" dataHook="dry-run-name" value={sample.firstName} onChange={(event) => onSample({ ...sample, firstName: event.target.value })} /></FormField>
          <FormField label="Channel" id="dry-run-channel">
            <Dropdown id="dry-run-channel" dataHook="dry-run-channel" selectedId={sample.channel} popoverProps={{ appendTo: 'window' }}
              options={['CHAT', 'EMAIL', 'SMS', 'WHATSAPP', 'FACEBOOK', 'INSTAGRAM'].map((id) => ({ id, value: id.charAt(0) + id.slice(1).toLowerCase() }))}
              onSelect={(option) => onSample({ ...sample, channel: String(option.id) })} />
          </FormField>
        </Box>
        <FormField label="Message" id="dry-run-text"><Input id="dry-run-text" dataHook="dry-run-text" value={sample.text} onChange={(event) => onSample({ ...sample, text: event.target.value })} /></FormField>
        <Box direction="vertical" gap="SP2" padding="SP3" backgroundColor="D80" borderRadius="8px" dataHook="dry-run-result">
          {error ? <Text size="small" skin="error" dataHook="dry-run-error">{error}</Text> : !result ? <Text size="small" secondary>Working out the answer…</Text> : result.outcome === 'reply' ? (
            <>
              <Box gap="SP2" verticalAlign="middle"><Badge size="small" skin="success" uppercase={false} dataHook="dry-run-outcome">Would reply</Badge><Text size="tiny" secondary dataHook="dry-run-rule">{`rule: ${result.rule}`}</Text></Box>
              <Text size="small" dataHook="dry-run-reply">{`“${result.text}”`}</Text>
              <Text size="tiny" secondary dataHook="dry-run-why">{ruleLabel(result.rule)}</Text>
            </>
          ) : (
            <>
              <Box><Badge size="small" skin="neutralStandard" uppercase={false} dataHook="dry-run-outcome">Would not reply</Badge></Box>
              <Text size="small" dataHook="dry-run-reason">{REASON[result.reason] ?? result.reason}{result.detail ? ` (${result.detail})` : ''}</Text>
            </>
          )}
        </Box>
      </Box>
    </Card.Content>
  </Card>
);
