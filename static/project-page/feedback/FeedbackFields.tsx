import { createFieldKit } from '../../shared/form-fields';
import type { FeedbackKey } from './use-feedback-messages';
import { useFeedbackT } from './use-feedback-messages';

export type { Option } from '../../shared/form-fields';

/** The Feedback section's fields: ids `cf-fb-<id>`, test ids `feedback-<id>`. */
export const { TextInput, TextArea, SelectInput } = createFieldKit<FeedbackKey>({
  inputPrefix: 'cf-fb',
  testPrefix: 'feedback',
  useErrorText: useFeedbackT,
});
