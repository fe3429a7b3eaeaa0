import { useEffect, type RefObject } from 'react';

/** The element that scrolls `el` (the page itself when no ancestor does). */
function scrollerOf(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return null;
}

/** Room kept between the focused field and the bar. */
const GAP = 12;

/**
 * A bar stuck to the bottom of the screen (the receipt's totals) covers whatever
 * scrolls under it, and the browser does not count it when it scrolls a focused
 * field into view: at 768 px the field being typed in ended up under the bar.
 * Whenever focus enters a field of `root`, the page scrolls just enough to show
 * the whole field (its label and message too) above the bar.
 */
export function useFocusAboveBar(root: RefObject<HTMLElement | null>, barSelector: string): void {
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    const onFocusIn = (event: FocusEvent) => {
      const target = event.target as HTMLElement;
      const bar = container.querySelector<HTMLElement>(barSelector);
      if (!bar || bar.contains(target)) return;
      const field = target.closest<HTMLElement>('.MuiFormControl-root, tr') ?? target;
      const hidden = field.getBoundingClientRect().bottom + GAP - bar.getBoundingClientRect().top;
      if (hidden <= 0) return;
      const scroller = scrollerOf(field);
      if (scroller) scroller.scrollBy({ top: hidden });
      else window.scrollBy({ top: hidden });
    };
    container.addEventListener('focusin', onFocusIn);
    return () => container.removeEventListener('focusin', onFocusIn);
  }, [root, barSelector]);
}
