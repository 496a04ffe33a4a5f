import type { Copyable } from './use-copy';

interface Props {
  items: readonly Copyable[];
  onCopy(item: Copyable): void;
}

/** A detail dialog's copy buttons, placed among its other actions. */
export function CopyButtons({ items, onCopy }: Props) {
  return (
    <>
      {items.map((item) => (
        <button key={item.button} type="button" onClick={() => onCopy(item)}>
          {item.button}
        </button>
      ))}
    </>
  );
}
