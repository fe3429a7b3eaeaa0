import type { KeyboardEvent } from 'react';

/**
 * Puts the cursor in a form field by its path: react-hook-form's setFocus when the
 * input registered its element, else the element named so (a select's visible box).
 */
export function focusField(root: HTMLElement | null, setFocus: (path: string) => void, path: string) {
  try {
    setFocus(path);
  } catch {
    // Not every input hands its element to react-hook-form.
  }
  const named = root?.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`);
  if (!named || document.activeElement === named) return;
  const target =
    named.getAttribute('aria-hidden') === 'true' || (named as HTMLInputElement).type === 'hidden'
      ? named.parentElement?.querySelector<HTMLElement>('[role=combobox], input:not([type=hidden])')
      : named;
  target?.focus();
}

/** Enter moves to the next field, as in the desktop systems clerks come from; Tab works as always. */
export function enterToNext(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.shiftKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT' || target.getAttribute('aria-expanded') === 'true') return;
  const fields = Array.from(
    event.currentTarget.querySelectorAll<HTMLElement>(
      'input:not([type=hidden]):not([tabindex="-1"]):not([disabled]):not([aria-hidden=true]), textarea:not([disabled]), [role=combobox][tabindex="0"]',
    ),
  ).filter((el) => el.offsetParent !== null);
  const next = fields[fields.indexOf(target) + 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}
