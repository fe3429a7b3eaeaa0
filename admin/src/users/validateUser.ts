/** One validation for create and edit, in translation keys (the server checks the same and more). */
export function validateUser(values: Record<string, unknown>, mode: 'create' | 'edit') {
  const errors: Record<string, unknown> = {};
  const username = String(values.username ?? '').trim();
  if (!username) errors.username = 'ra.validation.required';
  else if (!/^[a-zA-Z0-9._-]{3,60}$/.test(username)) errors.username = 'ctacte.validation.username';
  if (!String(values.fullName ?? '').trim()) errors.fullName = 'ra.validation.required';
  const email = String(values.email ?? '').trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'ra.validation.email';
  if (!values.role) errors.role = 'ra.validation.required';
  const password = String(values.password ?? '');
  if (mode === 'create' && !password) errors.password = 'ra.validation.required';
  else if (password && password.length < 8) errors.password = 'ctacte.validation.passwordLength';
  return errors;
}

/** An edit sends the password only when one was typed. */
export function withoutEmptyPassword<T extends Record<string, unknown>>(data: T): T {
  if (data.password) return data;
  const { password: _omitted, ...rest } = data;
  void _omitted;
  return rest as T;
}
