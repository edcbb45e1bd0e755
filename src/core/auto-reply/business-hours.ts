import { WEEKDAYS, type BusinessHours, type Weekday } from './settings.js';

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };

/** The weekday and minute of the day at `at`, on the wall clock of an IANA time zone. */
export function localTime(at: Date, timeZone: string): { weekday: Weekday; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAY_OF[part('weekday')];
  if (!weekday) throw new Error(`Cannot read the weekday in time zone ${timeZone}`);
  return { weekday, minutes: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** "HH:MM" → minutes after midnight ("24:00" is 1440). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Whether the business is open at `at`; with business hours off it is always open. */
export function isOpen(hours: BusinessHours, at: Date): boolean {
  if (!hours.enabled) return true;
  const { weekday, minutes } = localTime(at, hours.timeZone);
  return (hours.weekly[weekday] ?? []).some((interval) => minutes >= minutesOf(interval.from) && minutes < minutesOf(interval.to));
}

/** Whether a string names a time zone this runtime knows (IANA, e.g. "Europe/Lisbon"). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export { WEEKDAYS };
