import type { FC } from 'react';
import { Box, FormField, IconButton, InputArea, MultiSelect, Text, Tooltip } from '@wix/design-system';
import { ChevronDownSmall, ChevronUpSmall, DeleteSmall } from '@wix/wix-ui-icons-common';
import type { AutoReplySettings } from '../api/dashboard-api.js';
import type { FieldProblems } from './field-problems.js';

type KeywordRule = AutoReplySettings['keywordRules'][number];

interface Props {
  rule: KeywordRule;
  index: number;
  count: number;
  problems: FieldProblems;
  onChange(next: KeywordRule): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One keyword rule: the words that trigger it (Enter or comma after each), the text sent, and its place in the order. */
export const KeywordRuleRow: FC<Props> = ({ rule, index, count, problems, onChange, onMove, onRemove }) => {
  const name = `rule ${index + 1}`;
  const field = `keywordRules[${index}]`;
  const keywordsProblem = problems.at(`${field}.keywords`) ?? problems.at(field);
  const textProblem = problems.at(`${field}.text`);
  const add = (words: string[]) => {
    const known = new Set(rule.keywords.map((word) => word.toLowerCase()));
    const fresh = words.map((word) => word.trim()).filter((word) => word && !known.has(word.toLowerCase()) && known.add(word.toLowerCase()));
    if (fresh.length) onChange({ ...rule, keywords: [...rule.keywords, ...fresh] });
  };
  return (
    <Box direction="vertical" gap="SP2" padding="SP3" border="1px solid" borderColor="D60" borderRadius="8px" dataHook="keyword-rule" role="listitem" ariaLabel={`Keyword rule ${index + 1}`}>
      <Box align="space-between" verticalAlign="middle">
        <Box gap="SP1" verticalAlign="middle">
          <Text size="small" weight="bold">{`Rule ${index + 1}`}</Text>
          {index === 0 ? <Text size="tiny" secondary>checked first</Text> : null}
        </Box>
        <Box gap="SP1">
          <Tooltip content="Move up" disabled={index === 0}>
            <IconButton size="tiny" priority="secondary" ariaLabel={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(-1)} dataHook="rule-up"><ChevronUpSmall /></IconButton>
          </Tooltip>
          <Tooltip content="Move down" disabled={index === count - 1}>
            <IconButton size="tiny" priority="secondary" ariaLabel={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(1)} dataHook="rule-down"><ChevronDownSmall /></IconButton>
          </Tooltip>
          <Tooltip content="Remove rule">
            <IconButton size="tiny" priority="secondary" skin="destructive" ariaLabel={`Remove ${name}`} onClick={onRemove} dataHook="rule-remove"><DeleteSmall /></IconButton>
          </Tooltip>
        </Box>
      </Box>
      <FormField label="Keywords" labelId={`rule-${index}-keywords-label`} status={keywordsProblem ? 'error' : undefined} statusMessage={keywordsProblem}
        infoContent="Press Enter or type a comma after each word or phrase. Whole words, any case: “price” matches “Price?” but not “priceless”.">
        <MultiSelect dataHook="rule-keywords" ariaLabel={`Keywords of ${name}`} placeholder="e.g. delivery, opening hours"
          tags={rule.keywords.map((word, i) => ({ id: `${i}`, label: word }))} acceptOnBlur
          status={keywordsProblem ? 'error' : undefined} hideStatusSuffix
          onManuallyInput={add} onRemoveTag={(id) => onChange({ ...rule, keywords: rule.keywords.filter((_w, i) => String(i) !== String(id)) })} />
      </FormField>
      <FormField id={`rule-${index}-text`} label="Reply text" status={textProblem ? 'error' : undefined} statusMessage={textProblem}>
        <InputArea id={`rule-${index}-text`} dataHook="rule-text" autoGrow minRowsAutoGrow={2} value={rule.text} placeholder="What to answer when a keyword is in the message"
          status={textProblem ? 'error' : undefined} onChange={(event) => onChange({ ...rule, text: event.target.value })} />
      </FormField>
    </Box>
  );
};
