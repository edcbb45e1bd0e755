import type { FC } from 'react';
import { Box, Card, FunnelChart, Loader, SectionHelper, Text } from '@wix/design-system';
import type { ConversionFunnel } from '../api/dashboard-api.js';
import { channelLabel } from '../format/channels.js';
import { count } from '../format/plural.js';
import type { WidthClass } from '../layout/use-width.js';
import { percent, waitTime } from './funnel-figures.js';

interface Props {
  funnel?: ConversionFunnel;
  loading: boolean;
  periodLabel: string;
  width: WidthClass;
}

const cellStyle = (narrow: boolean) => ({ padding: narrow ? '8px 4px' : '8px 12px', textAlign: 'left' as const, borderBottom: '1px solid #DFE5EB', verticalAlign: 'top' as const });
const numberStyle = (narrow: boolean) => ({ ...cellStyle(narrow), textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' as const, whiteSpace: 'nowrap' as const });
const TABLE = { width: '100%', borderCollapse: 'collapse' as const, fontFamily: 'inherit', fontSize: 14, color: '#162D3D' };

/** The funnel in one sentence, for screen readers (the chart itself is drawn for the eye). */
export function funnelSummary(f: ConversionFunnel, periodLabel: string): string {
  return `${periodLabel}: ${count(f.wrote, 'person', 'people')} first wrote; ${f.contacts.toLocaleString()} became or were contacts (${percent(f.rates.contact)}), `
    + `${f.members.toLocaleString()} members (${percent(f.rates.member)}).`;
}

/**
 * "Conversion": of the people who first wrote in the period, how many are contacts and members by its end, how long
 * leaving details and registering took (medians), and the same by channel — a Wix Design System funnel chart with
 * every figure also in the tables beside it.
 */
export const ConversionCard: FC<Props> = ({ funnel, loading, periodLabel, width }) => {
  const narrow = width === 'narrow';
  return (
    <Card dataHook="conversion-card">
      <Card.Header title="Conversion"
        subtitle={`${periodLabel}: of the people who first wrote, how many left their details and registered`} />
      <Card.Divider />
      <Card.Content>
        {!funnel ? (
          <Box align="center" padding="SP4">{loading ? <Loader size="small" text="Counting…" /> : <Text secondary>No figures yet.</Text>}</Box>
        ) : funnel.wrote === 0 ? (
          <Box dataHook="conversion-empty" padding="SP2"><Text secondary>Nobody wrote for the first time in this period. Choose a longer period above.</Text></Box>
        ) : (
          <Box direction="vertical" gap="SP4">
            <Box direction={width === 'wide' ? 'horizontal' : 'vertical'} gap="SP6">
              <Box direction="vertical" flex={width === 'wide' ? '3 1 0' : undefined} minWidth={0}>
                <div role="img" aria-label={funnelSummary(funnel, periodLabel)} data-hook="conversion-chart">
                  <FunnelChart hideDifferenceBadge={narrow}
                    data={[
                      { value: funnel.wrote, label: 'First wrote', displayValue: funnel.wrote.toLocaleString() },
                      { value: funnel.contacts, label: 'Contacts', displayValue: funnel.contacts.toLocaleString() },
                      { value: funnel.members, label: 'Members', displayValue: funnel.members.toLocaleString() },
                    ]}
                    differenceBadgeTooltipContent={({ currentIndex, difference }) =>
                      currentIndex === 0 ? `${difference} of those who wrote are contacts` : `${difference} of the contacts are members`}
                  />
                </div>
              </Box>
              <Box direction="vertical" flex={width === 'wide' ? '2 1 0' : undefined} minWidth={0}>
                <FunnelFigures funnel={funnel} narrow={narrow} />
              </Box>
            </Box>
            <ChannelSplit funnel={funnel} narrow={narrow} />
            {funnel.sample ? (
              <SectionHelper skin="standard" size="small" fullWidth dataHook="conversion-sample">
                {`Counted over the ${funnel.sample.people.toLocaleString()} most recently active of the ${funnel.sample.of.toLocaleString()} people who first wrote in this period.`}
              </SectionHelper>
            ) : null}
          </Box>
        )}
      </Card.Content>
    </Card>
  );
};

/** The funnel's figures as a table: each step, its share of those who wrote, and how long the step took (on a phone, under the step). */
const FunnelFigures: FC<{ funnel: ConversionFunnel; narrow: boolean }> = ({ funnel: f, narrow }) => {
  const [CELL, NUMBER] = [cellStyle(narrow), numberStyle(narrow)];
  const median = (ms: number | null) => (narrow ? ` · median ${waitTime(ms)}` : '');
  const steps = [
    { step: 'First wrote', detail: startedAsText(f), people: f.wrote, share: '100%', wait: undefined },
    {
      step: 'Contacts', people: f.contacts, share: percent(f.rates.contact), wait: f.medianToContactMs,
      detail: `${f.becameContact.toLocaleString()} of ${count(f.startedAs.ANONYMOUS_VISITOR, 'visitor')} left their details (${percent(f.rates.visitorToContact)})${median(f.medianToContactMs)}`,
    },
    {
      step: 'Members', people: f.members, share: percent(f.rates.member), wait: f.medianToMemberMs,
      detail: `${f.becameMember.toLocaleString()} registered after writing (${percent(f.rates.toMember)} of those not yet members)${median(f.medianToMemberMs)}`,
    },
  ];
  return (
    <table style={TABLE} data-hook="conversion-figures">
      <caption style={captionStyle(narrow)}>The funnel in figures</caption>
      <thead>
        <tr>
          <th scope="col" style={CELL}>Step</th>
          <th scope="col" style={NUMBER}>People</th>
          <th scope="col" style={NUMBER}>Share</th>
          {narrow ? null : <th scope="col" style={CELL}>Median time</th>}
        </tr>
      </thead>
      <tbody>
        {steps.map((row) => (
          <tr key={row.step}>
            <th scope="row" style={CELL}>{row.step}<Detail>{row.detail}</Detail></th>
            <td style={NUMBER}>{row.people.toLocaleString()}</td>
            <td style={NUMBER}>{row.share}</td>
            {narrow ? null : <td style={CELL}>{row.wait === undefined ? '—' : waitTime(row.wait)}{row.wait === undefined ? null : <Detail>from first message</Detail>}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const captionStyle = (narrow: boolean) => ({ textAlign: 'left' as const, padding: narrow ? '0 4px 8px' : '0 12px 8px', fontWeight: 700 });

const Detail: FC<{ children: string }> = ({ children }) => (
  <span style={{ display: 'block', fontWeight: 400, fontSize: 12, color: '#7A92A5', marginTop: 2 }}>{children}</span>
);

function startedAsText({ startedAs }: ConversionFunnel): string {
  const parts = [
    startedAs.ANONYMOUS_VISITOR ? `${startedAs.ANONYMOUS_VISITOR.toLocaleString()} as visitors` : '',
    startedAs.CONTACT ? `${startedAs.CONTACT.toLocaleString()} as contacts` : '',
    startedAs.MEMBER ? `${startedAs.MEMBER.toLocaleString()} as members` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** Per channel: who wrote there, how many are contacts and members, with a bar of each share. */
const ChannelSplit: FC<{ funnel: ConversionFunnel; narrow: boolean }> = ({ funnel, narrow }) => {
  const [CELL, NUMBER] = [cellStyle(narrow), numberStyle(narrow)];
  return (
  <table style={TABLE} data-hook="conversion-channels">
    <caption style={captionStyle(narrow)}>By channel</caption>
    <thead>
      <tr>
        <th scope="col" style={CELL}>Channel</th>
        <th scope="col" style={NUMBER}>Wrote</th>
        <th scope="col" style={NUMBER}>Contacts</th>
        <th scope="col" style={NUMBER}>Members</th>
        {narrow ? null : <th scope="col" style={{ ...CELL, width: '35%' }}>Share who became contacts</th>}
      </tr>
    </thead>
    <tbody>
      {funnel.byChannel.map((row) => {
        const share = row.wrote > 0 ? row.contacts / row.wrote : 0;
        return (
          <tr key={row.channel}>
            <th scope="row" style={CELL}>{row.channel === 'unknown' ? 'Unknown' : channelLabel(row.channel)}</th>
            <td style={NUMBER}>{row.wrote.toLocaleString()}</td>
            <td style={NUMBER}>{`${row.contacts.toLocaleString()}${narrow ? '' : ` (${percent(share)})`}`}</td>
            <td style={NUMBER}>{row.members.toLocaleString()}</td>
            {narrow ? null : (
              <td style={CELL} aria-hidden="true">
                <div style={{ background: '#E7F0FF', borderRadius: 4, height: 12, marginTop: 4 }}>
                  <div style={{ background: '#3899EC', borderRadius: 4, height: 12, width: `${Math.round(share * 100)}%` }} />
                </div>
              </td>
            )}
          </tr>
        );
      })}
    </tbody>
  </table>
  );
};
