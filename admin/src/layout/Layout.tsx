import { useEffect, useRef, type ReactNode } from 'react';
import { useMediaQuery } from '@mui/material';
import { Layout, useSidebarState } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { AppAppBar } from './AppBar';
import { AppMenu } from './AppMenu';
import { STICKY_COLUMNS_SX } from './stickyColumns';

/** Below this width the menu takes room the lists need: it folds to its icons. */
const NARROW = '(max-width: 1279.95px)';

/**
 * Folds the sidebar when the window becomes narrower than 1280 px and opens it
 * again when it widens; in between, the user's own choice (the menu button) stands.
 */
const SidebarByWidth = () => {
  const narrow = useMediaQuery(NARROW, { noSsr: true });
  const [, setOpen] = useSidebarState();
  const last = useRef<boolean | undefined>(undefined);
  useEffect(() => {
    if (last.current !== narrow) setOpen(!narrow);
    last.current = narrow;
  }, [narrow, setOpen]);
  return null;
};

const FIRST_FIELD =
  'main input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([disabled]):not([tabindex="-1"]):not([aria-hidden=true]), main textarea:not([disabled])';

/**
 * On every create page the cursor starts in the first field to type in (a choice already made, such
 * as a radio group with its default, is passed over), so typing can begin
 * at once. A page that places it itself (the receipt, at the customer) is left alone.
 */
const FocusFirstField = () => {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!/\/create$/.test(pathname)) return;
    let frame = 0;
    let tries = 0;
    // Once the person (or a test) types, clicks or fills a field, the cursor is theirs: moving it
    // then would blur an autocomplete that clears what was typed.
    const events = ['keydown', 'pointerdown', 'input', 'focusin'] as const;
    const stop = () => {
      cancelAnimationFrame(frame);
      for (const e of events) document.removeEventListener(e, stop, true);
    };
    const place = () => {
      const active = document.activeElement;
      const settled = active && active !== document.body && active.closest('main');
      if (settled) return;
      const first = Array.from(document.querySelectorAll<HTMLElement>(FIRST_FIELD)).find((el) => el.offsetParent !== null);
      if (first) {
        stop();
        first.focus();
      } else if ((tries += 1) < 120) frame = requestAnimationFrame(place);
    };
    for (const e of events) document.addEventListener(e, stop, true);
    frame = requestAnimationFrame(place);
    return stop;
  }, [pathname]);
  return null;
};

/** A scrollbar that stays visible (overlay scrollbars hide that a table goes on to the right). */
const visibleScrollbar = {
  overflowX: 'auto',
  scrollbarWidth: 'auto',
  scrollbarColor: 'rgba(0,0,0,0.45) rgba(0,0,0,0.06)',
} as const;

export const AppLayout = ({ children }: { children: ReactNode }) => (
  <Layout
    appBar={AppAppBar}
    menu={AppMenu}
    // A list wider than the screen scrolls inside its card instead of widening the
    // whole page (react-admin's layout grows to fit its widest content).
    sx={{
      minWidth: 0,
      '& .RaLayout-content': { minWidth: 0 },
      '& .list-page .RaList-main': { minWidth: 0 },
      '& .list-page .RaList-content': visibleScrollbar,
      '& .MuiTableContainer-root': visibleScrollbar,
      // Any other box that holds a page's table (hand-built reports and sheets) scrolls it the same way.
      '& main :has(> .MuiTable-root):not(.MuiTable-root *)': visibleScrollbar,
      ...STICKY_COLUMNS_SX,
    }}
  >
    <SidebarByWidth />
    <FocusFirstField />
    {children}
  </Layout>
);
