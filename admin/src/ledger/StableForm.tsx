import { useState } from 'react';
import { Form, type FormProps } from 'react-admin';

/**
 * react-admin's Form starts over whenever its `defaultValues` is a new object,
 * and a literal (`{ date: todayIso() }`) is a new object on every render: what
 * was typed would be lost the next time the page re-renders. This keeps the
 * values of the first render.
 */
export const StableForm = ({ defaultValues, ...props }: FormProps) => {
  const [initial] = useState(defaultValues);
  return <Form defaultValues={initial} {...props} />;
};
