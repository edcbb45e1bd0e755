import type { FC } from 'react';
import { Box, Checkbox, FormField, Input, InputArea, NumberInput, Text, ToggleSwitch } from '@wix/design-system';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import { PARTICIPANT_PLURAL } from '../format/participant-labels.js';

interface Props {
  value: AutoReplySettings;
  onChange(next: AutoReplySettings): void;
}

const CHANNEL_LABEL = { CHAT: 'Site chat', EMAIL: 'Email', SMS: 'SMS', FACEBOOK: 'Facebook', INSTAGRAM: 'Instagram', WHATSAPP: 'WhatsApp' } as const;
const TYPES = ['ANONYMOUS_VISITOR', 'CONTACT', 'MEMBER'] as const;

const Switch: FC<{ id: string; label: string; help?: string; checked: boolean; onChange(checked: boolean): void }> = ({ id, label, help, checked, onChange }) => (
  <Box gap="SP2" verticalAlign="top">
    <ToggleSwitch id={id} dataHook={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
    <Box direction="vertical">
      <label htmlFor={id}><Text size="small">{label}</Text></label>
      {help ? <Text size="tiny" secondary>{help}</Text> : null}
    </Box>
  </Box>
);

/** The auto-reply rules as a form: on/off, the text per participant type, when not to reply, channels, away hours. */
export const SettingsFields: FC<Props> = ({ value, onChange }) => {
  const set = (next: Partial<AutoReplySettings>) => onChange({ ...value, ...next });
  return (
    <Box direction="vertical" gap="SP4">
      <Switch id="setting-enabled" label="Send auto-replies" help="When off, every message is still recorded with the reason nothing was sent."
        checked={value.enabled} onChange={(enabled) => set({ enabled })} />
      {TYPES.map((type) => (
        <FormField key={type} id={`setting-text-${type}`} label={`Reply to ${PARTICIPANT_PLURAL[type].toLowerCase()}`}
          infoContent="Placeholders: {firstName}, {nickname}, {name}, {businessName}; {firstName|there} gives a fallback.">
          <InputArea id={`setting-text-${type}`} dataHook={`setting-text-${type}`} rows={2} resizable
            value={value.texts[type]} onChange={(event) => set({ texts: { ...value.texts, [type]: event.target.value } })} />
        </FormField>
      ))}
      <Box gap="SP4">
        <FormField id="setting-cooldown" label="Reply to a person at most every (hours)">
          <NumberInput id="setting-cooldown" dataHook="setting-cooldown" min={0} value={value.cooldownHours} onChange={(hours) => set({ cooldownHours: hours ?? 0 })} />
        </FormField>
        <FormField id="setting-quiet" label="Stay quiet after the team wrote (minutes)">
          <NumberInput id="setting-quiet" dataHook="setting-quiet" min={0} value={value.quietWhileBusinessMinutes} onChange={(minutes) => set({ quietWhileBusinessMinutes: minutes ?? 0 })} />
        </FormField>
      </Box>
      <Switch id="setting-first-only" label="Only answer the first message of a conversation"
        checked={value.firstMessageOnly} onChange={(firstMessageOnly) => set({ firstMessageOnly })} />
      <FormField label="Channels">
        <Box gap="SP3" dataHook="setting-channels">
          {(Object.keys(CHANNEL_LABEL) as (keyof typeof CHANNEL_LABEL)[]).map((channel) => (
            <Checkbox key={channel} dataHook={`setting-channel-${channel}`} checked={value.channels[channel]}
              onChange={(event) => set({ channels: { ...value.channels, [channel]: event.target.checked } })}>{CHANNEL_LABEL[channel]}</Checkbox>
          ))}
        </Box>
      </FormField>
      <Switch id="setting-hours" label="Send the away text outside business hours" help={`Hours: Mon–Fri 09:00–17:00 unless changed through the API; time zone ${value.businessHours.timeZone}.`}
        checked={value.businessHours.enabled} onChange={(enabled) => set({ businessHours: { ...value.businessHours, enabled } })} />
      {value.businessHours.enabled ? (
        <Box direction="vertical" gap="SP3">
          <FormField id="setting-timezone" label="Time zone (IANA, e.g. Europe/Lisbon)">
            <Input id="setting-timezone" dataHook="setting-timezone" value={value.businessHours.timeZone}
              onChange={(event) => set({ businessHours: { ...value.businessHours, timeZone: event.target.value } })} />
          </FormField>
          <FormField id="setting-away" label="Away text">
            <InputArea id="setting-away" dataHook="setting-away" rows={2} value={value.businessHours.awayText}
              onChange={(event) => set({ businessHours: { ...value.businessHours, awayText: event.target.value } })} />
          </FormField>
        </Box>
      ) : null}
    </Box>
  );
};
