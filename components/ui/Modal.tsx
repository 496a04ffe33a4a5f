import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface ModalControls {
  /** Closes the dialog the way Escape does, so `onClose` runs once whichever way it was closed. */
  close(): void;
}

interface Props {
  /** The heading, which also names the dialog for screen readers. */
  title: ComponentChildren;
  /** Extra class on the <dialog> (its width and layout). */
  class?: string;
  onClose(): void;
  /** The body; a function receives `close` for buttons that end the dialog. */
  children: ComponentChildren | ((controls: ModalControls) => ComponentChildren);
}

/**
 * A modal <dialog>: opened with showModal() when mounted (focus moves in, the page behind goes inert,
 * Escape closes it), named by its heading, and closed only through the element so that `onClose`
 * is the one place the owner learns of it, whether by a button, Escape or the owner unmounting.
 */
export function Modal({ title, class: className, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const controls: ModalControls = { close: () => dialog.current?.close() };
  return (
    <dialog ref={dialog} class={className} aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId} class="clamped">
        {title}
      </h2>
      {typeof children === 'function' ? children(controls) : children}
    </dialog>
  );
}
