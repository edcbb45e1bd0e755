import { useEffect, useMemo, useState, type FC } from 'react';
import { AutoComplete } from '@wix/design-system';

/** Every IANA time zone this browser knows, UTC first (only UTC and the saved zone in a browser that cannot list them). */
const ZONES: string[] = ['UTC', ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []).filter((zone) => zone !== 'UTC')];

interface Props {
  id: string;
  value: string;
  onChange(timeZone: string): void;
  invalid?: boolean;
}

/** Pick the site's time zone by typing part of its name ("lisbon", "new york"); only a known zone is taken. */
export const TimeZonePicker: FC<Props> = ({ id, value, onChange, invalid }) => {
  const [query, setQuery] = useState(value);
  useEffect(() => setQuery(value), [value]);
  const options = useMemo(() => {
    const zones = ZONES.includes(value) ? ZONES : [value, ...ZONES];
    return zones.map((zone) => ({ id: zone, value: zone }));
  }, [value]);
  const wanted = query.trim().toLowerCase().replace(/[\s_]+/g, '_');
  const take = (zone: string) => { setQuery(zone); if (zone !== value) onChange(zone); };
  return (
    <AutoComplete
      id={id}
      dataHook="setting-timezone"
      options={options}
      value={query}
      selectedId={value}
      placeholder="Type a city, e.g. Lisbon"
      predicate={(option) => String(option.value).toLowerCase().includes(wanted)}
      emptyStateMessage="No time zone by that name"
      status={invalid ? 'error' : undefined}
      popoverProps={{ appendTo: 'window' }}
      onChange={(event) => {
        setQuery(event.target.value);
        const exact = options.find((option) => option.id.toLowerCase() === event.target.value.trim().toLowerCase());
        if (exact) take(exact.id);
      }}
      onSelect={(option) => take(String(option.id))}
      onBlur={() => setQuery(value)}
    />
  );
};

/** The weekday and time it is now in a zone, e.g. "Tue 14:05"; empty for a zone the browser does not know. */
export function nowIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  } catch {
    return '';
  }
}

/** The zone this browser is set to (the owner's own, most often the business's); undefined when it cannot tell. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
