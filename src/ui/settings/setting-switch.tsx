import type { FC } from 'react';
import { Box, Text, ToggleSwitch } from '@wix/design-system';

interface Props {
  id: string;
  label: string;
  help?: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

/** An on/off setting with its label beside it (a real `<label for>`, so clicking the words toggles it too). */
export const SettingSwitch: FC<Props> = ({ id, label, help, checked, onChange }) => (
  <Box gap="SP2" verticalAlign="top">
    <ToggleSwitch id={id} dataHook={id} checked={checked} onChange={(event) => onChange(event.target.checked)} />
    <Box direction="vertical">
      <label htmlFor={id}><Text size="small">{label}</Text></label>
      {help ? <Text size="tiny" secondary>{help}</Text> : null}
    </Box>
  </Box>
);
