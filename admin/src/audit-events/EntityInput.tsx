import { useTranslate, type SelectInputProps } from 'react-admin';
import { ChoiceInput } from '../common/ChoiceInput';
import { AUDITED_ENTITIES, resourceOfEntity } from './actions';

/** Filter by audited table, each named after its resource in the singular. */
export const EntityInput = (props: Omit<SelectInputProps, 'choices'>) => {
  const translate = useTranslate();
  const choices = AUDITED_ENTITIES.map((id) => ({
    id,
    name: translate(`resources.${resourceOfEntity(id)}.name`, { smart_count: 1, _: id }),
  }));
  return <ChoiceInput {...props} choices={choices} translateChoice={false} />;
};
