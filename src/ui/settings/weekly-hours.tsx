import type { FC } from 'react';
import { Box, IconButton, Input, Text, TextButton } from '@wix/design-system';
import { AddSmall, DeleteSmall } from '@wix/wix-ui-icons-common';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import { sentence, type FieldProblems } from './field-problems.js';

type Weekly = AutoReplySettings['businessHours']['weekly'];
type Day = keyof Weekly;

export const DAY_NAME: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};

interface Props {
  value: Weekly;
  onChange(next: Weekly): void;
  problems: FieldProblems;
}

/** Opening hours per weekday: none (closed), or one or more "from–to" ranges in the site's local time. */
export const WeeklyHours: FC<Props> = ({ value, onChange, problems }) => (
  <Box direction="vertical" gap="SP2" dataHook="weekly-hours">
    {(Object.keys(DAY_NAME) as Day[]).map((day) => {
      const ranges = value[day] ?? [];
      const setRanges = (next: Weekly[Day]) => onChange({ ...value, [day]: next });
      return (
        <Box key={day} gap="SP2" verticalAlign="top" dataHook={`hours-${day}`} style={{ flexWrap: 'wrap' }}>
          <Box width="96px" minHeight="30px" verticalAlign="middle"><Text size="small" weight="bold">{DAY_NAME[day]}</Text></Box>
          <Box direction="vertical" gap="SP1" width="236px">
            {ranges.length === 0 ? <Box minHeight="30px" verticalAlign="middle"><Text size="small" secondary>Closed</Text></Box> : null}
            {ranges.map((range, index) => {
              const field = `businessHours.weekly.${day}[${index}]`;
              const label = `${DAY_NAME[day]}${ranges.length > 1 ? `, hours ${index + 1},` : ''}`;
              const error = problems.under(field).map((p) => hoursProblem(p.field, p.problem));
              const set = (part: 'from' | 'to', time: string) => setRanges(ranges.map((r, i) => (i === index ? { ...r, [part]: time } : r)));
              return (
                <Box key={index} direction="vertical" gap="SP1" dataHook="hours-range">
                  <Box gap="SP1" verticalAlign="middle">
                    <Box width="84px"><Input size="small" value={range.from} placeholder="09:00" ariaLabel={`${label} opens at`} dataHook="hours-from"
                      status={problems.at(`${field}.from`) ? 'error' : undefined} hideStatusSuffix onChange={(event) => set('from', event.target.value)} /></Box>
                    <Text size="small" secondary>to</Text>
                    <Box width="84px"><Input size="small" value={range.to} placeholder="17:00" ariaLabel={`${label} closes at`} dataHook="hours-to"
                      status={problems.at(`${field}.to`) ? 'error' : undefined} hideStatusSuffix onChange={(event) => set('to', event.target.value)} /></Box>
                    <IconButton size="tiny" priority="tertiary" ariaLabel={`Remove ${label} ${range.from}–${range.to}`} dataHook="hours-remove"
                      onClick={() => setRanges(ranges.filter((_r, i) => i !== index))}><DeleteSmall /></IconButton>
                  </Box>
                  {error.length ? <Text size="tiny" skin="error" dataHook="hours-error">{sentence(error.join('; '))}</Text> : null}
                </Box>
              );
            })}
          </Box>
          <Box minHeight="30px" verticalAlign="middle">
            <TextButton size="small" prefixIcon={<AddSmall />} ariaLabel={`Add opening hours on ${DAY_NAME[day]}`} dataHook="hours-add"
              onClick={() => setRanges([...ranges, nextRange(ranges)])}>{ranges.length ? 'Add hours' : 'Open this day'}</TextButton>
          </Box>
        </Box>
      );
    })}
    <Text size="tiny" secondary>Times are 24-hour “HH:MM” in the site’s time zone; “24:00” closes at midnight. For a night shift, end at 24:00 and continue the next day from 00:00.</Text>
  </Box>
);

/** "Closing time must be after the opening time": a problem with a range, in the owner's words. */
export function hoursProblem(field: string, problem: string): string {
  const what = field.endsWith('.from') ? 'opening time' : field.endsWith('.to') ? 'closing time' : 'hours';
  const said = problem
    .replace(/^must be after from \(split a night across two days\)$/, 'must be after the opening time (for a night shift, end at 24:00 and go on the next day)')
    .replace(/^must be a time "HH:MM"/, 'must be a time such as "09:30",');
  return `The ${what} ${said}`;
}

/** A new range: 09:00–17:00 on a closed day, else the two hours after the day's last range (when they fit). */
function nextRange(ranges: Weekly[Day]): Weekly[Day][number] {
  const last = ranges[ranges.length - 1];
  if (!last || !/^\d\d:\d\d$/.test(last.to) || last.to >= '22:00') return { from: '09:00', to: '17:00' };
  return { from: last.to, to: `${String(Number(last.to.slice(0, 2)) + 2).padStart(2, '0')}${last.to.slice(2)}` };
}
