import { useRef, type FC } from 'react';
import { Box, Card, Text, TextButton } from '@wix/design-system';
import { AddSmall } from '@wix/wix-ui-icons-common';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import { sentence, type FieldProblems } from './field-problems.js';
import { KeywordRuleRow } from './keyword-rule-row.js';

type KeywordRules = AutoReplySettings['keywordRules'];

/** The server's limit (MAX_KEYWORD_RULES in src/core/auto-reply/validate-settings.ts). */
const MAX_RULES = 50;

interface Props {
  value: KeywordRules;
  onChange(next: KeywordRules): void;
  problems: FieldProblems;
}

/** The keyword rules in the owner's order: the first rule with a keyword in the message wins. */
export const KeywordRulesCard: FC<Props> = ({ value, onChange, problems }) => {
  const keys = useStableKeys(value.length);
  const move = (index: number, by: -1 | 1) => {
    const next = [...value];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    keys.swap(index, index + by);
    onChange(next);
  };
  const listProblem = problems.at('keywordRules');
  return (
    <Card dataHook="keyword-rules">
      <Card.Header title="Keyword rules"
        subtitle="A specific answer when a message mentions a word. Rules are checked from the top and the first match wins: its text is sent instead of the standard reply or the away text." />
      <Card.Divider />
      <Card.Content>
        <Box direction="vertical" gap="SP3">
          {value.length === 0 ? (
            <Text size="small" secondary dataHook="keyword-rules-empty">No keyword rules yet. Add one to answer common questions (delivery, opening hours, prices) with a specific text.</Text>
          ) : (
            <Box direction="vertical" gap="SP3" role="list" ariaLabel="Keyword rules, first match wins">
              {value.map((rule, index) => (
                <KeywordRuleRow key={keys.at(index)} rule={rule} index={index} count={value.length} problems={problems}
                  onChange={(next) => onChange(value.map((r, i) => (i === index ? next : r)))}
                  onMove={(by) => move(index, by)}
                  onRemove={() => { keys.remove(index); onChange(value.filter((_r, i) => i !== index)); }} />
              ))}
            </Box>
          )}
          {listProblem ? <Text size="small" skin="error">{sentence(listProblem)}</Text> : null}
          <Box>
            <TextButton size="small" prefixIcon={<AddSmall />} dataHook="add-keyword-rule" disabled={value.length >= MAX_RULES}
              onClick={() => { keys.add(); onChange([...value, { keywords: [], text: '' }]); }}>
              {value.length >= MAX_RULES ? `At most ${MAX_RULES} rules` : 'Add keyword rule'}
            </TextButton>
          </Box>
        </Box>
      </Card.Content>
    </Card>
  );
};

/** React keys that follow each rule as it moves, so a row keeps its half-typed keyword; rebuilt if the list is replaced. */
function useStableKeys(length: number) {
  const state = useRef({ next: 0, keys: [] as number[] });
  const s = state.current;
  if (s.keys.length !== length) s.keys = Array.from({ length }, () => s.next++);
  return {
    at: (index: number) => s.keys[index],
    add: () => { s.keys.push(s.next++); },
    remove: (index: number) => { s.keys.splice(index, 1); },
    swap: (a: number, b: number) => { [s.keys[a], s.keys[b]] = [s.keys[b]!, s.keys[a]!]; },
  };
}
