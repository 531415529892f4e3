import { createFieldKit } from '../../shared/form-fields';
import type { CommsErrorKey } from './comms-drafts';
import { useCommsT } from './use-comms-messages';

export type { Option } from '../../shared/form-fields';

/** The Communication section's fields: ids `cf-comms-<id>`, test ids `comms-<id>`. */
export const { TextInput, TextArea, SelectInput, Checkbox } = createFieldKit<CommsErrorKey>({
  inputPrefix: 'cf-comms',
  testPrefix: 'comms',
  useErrorText: useCommsT,
});
