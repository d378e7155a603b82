import { useCallback } from 'react';

/**
 * A callback ref that moves keyboard focus to its element when the element appears (if
 * `enabled`): after a step replaces the button that was pressed, focus goes to the new step
 * (give the element `tabIndex={-1}` if it is a heading) instead of dropping to the page.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  return useCallback(
    (element: T | null) => {
      if (element && enabled) element.focus();
    },
    [enabled],
  );
}
