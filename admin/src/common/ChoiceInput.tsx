import {
  AutocompleteInput,
  SelectInput,
  useChoicesContext,
  useGetRecordRepresentation,
  useTranslate,
  type AutocompleteInputProps,
  type RaRecord,
  type SelectInputProps,
} from 'react-admin';
import { labelMatches } from './search';

/** Up to this many choices a plain list reads at a glance; more, and the clerk types to find one. */
export const MAX_PLAIN_CHOICES = 8;

type Choice = Record<string, unknown>;

/**
 * A closed list input. A short list is a select; a longer one (provinces, VAT
 * conditions, reference tables) is a type-ahead that finds the choice by any
 * part of its label, accents ignored: a select's own type-ahead jumps by first
 * letters, so "Santa Fe" landed on Formosa and "Cordoba" on Corrientes.
 */
export const ChoiceInput = (props: SelectInputProps) => {
  const translate = useTranslate();
  const {
    allChoices,
    isFromReference,
    resource,
    source: sourceFromReference,
  } = useChoicesContext({
    choices: props.choices as RaRecord[] | undefined,
    source: props.source,
  });
  // A reference table's rows read as the resource represents them ("V01 — Gustavo Peralta").
  const represent = useGetRecordRepresentation(resource);
  const choices = (allChoices ?? []) as Choice[];
  if (choices.length <= MAX_PLAIN_CHOICES) return <SelectInput {...props} />;
  const { optionText, translateChoice = !isFromReference } = props;
  const label = (choice: Choice): string => {
    const text =
      typeof optionText === 'function'
        ? (optionText as (c: Choice) => unknown)(choice)
        : isFromReference && !optionText
          ? represent(choice as never)
          : choice[typeof optionText === 'string' ? optionText : 'name'];
    const raw = typeof text === 'string' ? text : String(text ?? '');
    return translateChoice ? translate(raw, { _: raw }) : raw;
  };
  // The props typed here and the input's type arguments given: inferring them from the JSX made tsc
  // compare MUI's whole Autocomplete props structurally, over half of the admin's type check.
  const autocomplete: AutocompleteInputProps = {
    ...(props as AutocompleteInputProps),
    // Inside a ReferenceInput the source comes from it; given choices, the input no longer sees it there.
    source: props.source ?? sourceFromReference,
    choices,
    optionText: label,
    inputText: label,
    translateChoice: false,
    matchSuggestion: (filter: string, choice: Choice) => labelMatches(filter, label(choice)),
  };
  return <AutocompleteInput<RaRecord, false, false, false> {...autocomplete} />;
};
