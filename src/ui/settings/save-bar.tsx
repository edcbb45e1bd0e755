import type { FC } from 'react';
import { Box, Button, Card, Text } from '@wix/design-system';

/** Where the save stands: nothing to save, saving, saved, or the server's refusal. */
export type SaveState = 'idle' | 'saving' | 'saved' | { error: string };

interface Props {
  dirty: boolean;
  state: SaveState;
  /** How many fields the server refused in the draft (from the live dry run or the last save). */
  problemCount: number;
  /** Problems the form cannot show beside a field. */
  elsewhere: string[];
  /** What saving means beyond the form, e.g. that contacts will get no auto-reply (an empty text). */
  notes: string[];
  onSave(): void;
  onDiscard(): void;
}

/** Save and discard, with what the owner should know: unsaved changes, problems to fix, what an empty text means, or that it worked. */
export const SaveBar: FC<Props> = ({ dirty, state, problemCount, elsewhere, notes, onSave, onDiscard }) => {
  const message = typeof state === 'object' ? { skin: 'error' as const, text: problemCount ? 'Not saved: fix the marked fields first.' : state.error, hook: 'settings-save-error' }
    : problemCount ? { skin: 'error' as const, text: `${problemCount === 1 ? 'One field needs' : `${problemCount} fields need`} fixing before you can save.`, hook: 'settings-problems' }
      : state === 'saved' && !dirty ? { skin: 'success' as const, text: 'Saved. New messages follow these rules.', hook: 'settings-saved' }
        : dirty ? { skin: 'standard' as const, text: 'Unsaved changes. The preview already uses them.', hook: 'settings-unsaved' }
          : { skin: 'standard' as const, text: 'All changes saved.', hook: 'settings-clean' };
  return (
    <Card dataHook="settings-save-bar">
      <Card.Content>
        <Box direction="vertical" gap="SP2">
          <Box align="space-between" verticalAlign="middle" gap="SP2">
            <Text size="small" skin={message.skin} secondary={message.skin === 'standard'} dataHook={message.hook}>{message.text}</Text>
            <Box gap="SP2" style={{ flexShrink: 0 }}>
              <Button size="small" priority="secondary" disabled={!dirty || state === 'saving'} onClick={onDiscard} dataHook="discard-settings">Discard</Button>
              <Button size="small" onClick={onSave} disabled={!dirty || state === 'saving' || problemCount > 0} dataHook="save-settings">{state === 'saving' ? 'Saving…' : 'Save'}</Button>
            </Box>
          </Box>
          {notes.map((line) => <Text key={line} size="tiny" dataHook="settings-note">{line}</Text>)}
          {elsewhere.map((line) => <Text key={line} size="tiny" skin="error">{line}</Text>)}
        </Box>
      </Card.Content>
    </Card>
  );
};
