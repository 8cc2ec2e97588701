import { useCallback, useRef, type RefCallback, type RefObject } from 'react';

/** What antd's Input, Input.Password and Input.TextArea refs offer. */
interface FocusableField {
  focus(): void;
  readonly nativeElement: HTMLElement | null;
}

/**
 * A ref for the field a dialog opens with: focused as soon as it can be seen, each time it is
 * shown anew. React's `autoFocus` focuses once, when the field is mounted – inside a dialog that is
 * still hidden unless the dialog animates its opening, which it does not for a clerk who turned
 * animations off (a remote desktop session, as a rule): the focus then stayed on the dialog's
 * close button, and a scanner gun's number went nowhere. `fieldRef` also holds the field, for a
 * dialog that focuses it again later. antd hands a field's ref on again at every render: a field
 * already focused once is left alone, or the focus would be taken back from wherever the clerk went.
 */
export function useFocusWhenShown<T extends FocusableField>(fieldRef?: RefObject<T | null>): RefCallback<T> {
  const focusedRef = useRef<HTMLElement | null>(null);
  return useCallback(
    (field: T | null) => {
      if (fieldRef) fieldRef.current = field;
      const element = field?.nativeElement;
      if (!field || !element || element === focusedRef.current) return;
      const observer = new IntersectionObserver((entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        focusedRef.current = element;
        field.focus();
      });
      observer.observe(element);
      return () => {
        observer.disconnect();
        if (fieldRef) fieldRef.current = null;
      };
    },
    [fieldRef],
  );
}
