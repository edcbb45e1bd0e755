import type { FC } from 'react';
import { Box, Card, FormField, InputArea, Text } from '@wix/design-system';
import { isOpen } from '../../core/auto-reply/business-hours.js';
import { DEFAULT_SETTINGS } from '../../core/auto-reply/settings.js';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import type { FieldProblems } from './field-problems.js';
import { SettingSwitch } from './setting-switch.js';
import { TimeZonePicker, browserTimeZone, nowIn } from './time-zone-picker.js';
import { WeeklyHours } from './weekly-hours.js';

type BusinessHours = AutoReplySettings['businessHours'];

interface Props {
  value: BusinessHours;
  onChange(next: BusinessHours): void;
  problems: FieldProblems;
}

/**
 * Hours switched on while the zone is still the default UTC: the browser's zone is the better first guess (the line
 * under the picker says what time it is there, and the owner can change it before saving).
 */
function firstGuessOfZone(enabled: boolean, timeZone: string): { timeZone?: string } {
  if (!enabled || timeZone !== DEFAULT_SETTINGS.businessHours.timeZone) return {};
  const guess = browserTimeZone();
  return guess && guess !== timeZone ? { timeZone: guess } : {};
}

/** When the business is open, in the site's time zone; outside those hours the away text goes out instead. */
export const BusinessHoursCard: FC<Props> = ({ value, onChange, problems }) => {
  const set = (next: Partial<BusinessHours>) => onChange({ ...value, ...next });
  const showDetails = value.enabled || problems.under('businessHours').length > 0;
  const localNow = nowIn(value.timeZone);
  const openNow = localNow && !problems.under('businessHours').length ? isOpen({ ...value, enabled: true }, new Date()) : undefined;
  return (
    <Card dataHook="business-hours">
      <Card.Header title="Business hours" subtitle="Outside your opening hours, people get the away text instead of the standard reply. A matching keyword rule still wins." />
      <Card.Divider />
      <Card.Content>
        <Box direction="vertical" gap="SP4">
          <SettingSwitch id="setting-hours" label="Send the away text outside business hours"
            help={value.enabled ? undefined : 'Off: every reply is the standard one, at any hour.'}
            checked={value.enabled} onChange={(enabled) => set({ enabled, ...firstGuessOfZone(enabled, value.timeZone) })} />
          {showDetails ? (
            <>
              <FormField id="setting-timezone" label="Time zone" status={problems.at('businessHours.timeZone') ? 'error' : undefined}
                statusMessage={problems.at('businessHours.timeZone')}>
                <Box direction="vertical" gap="SP1">
                  <TimeZonePicker id="setting-timezone" value={value.timeZone} invalid={Boolean(problems.at('businessHours.timeZone'))} onChange={(timeZone) => set({ timeZone })} />
                  {localNow ? <Text size="tiny" secondary dataHook="timezone-now">{`It is ${localNow} there now${openNow === undefined ? '' : openNow ? ': open by these hours' : ': closed by these hours, so the away text goes out'}.`}</Text> : null}
                </Box>
              </FormField>
              <Box direction="vertical" gap="SP2">
                <Text size="small" weight="bold">Opening hours</Text>
                <WeeklyHours value={value.weekly} problems={problems} onChange={(weekly) => set({ weekly })} />
              </Box>
              <FormField id="setting-away" label="Away text" status={problems.at('businessHours.awayText') ? 'error' : undefined}
                statusMessage={problems.at('businessHours.awayText')}
                infoContent="Placeholders: {firstName}, {nickname}, {name}, {businessName}; {name|there} gives a fallback.">
                <InputArea id="setting-away" dataHook="setting-away" autoGrow minRowsAutoGrow={2} value={value.awayText}
                  status={problems.at('businessHours.awayText') ? 'error' : undefined} onChange={(event) => set({ awayText: event.target.value })} />
              </FormField>
            </>
          ) : null}
        </Box>
      </Card.Content>
    </Card>
  );
};
