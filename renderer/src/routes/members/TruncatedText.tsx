import { useLayoutEffect, useRef, useState } from 'react';
import { Tooltip } from 'radix-ui';

/** The text no longer fits its box and the ellipsis hides part of it. */
const isCut = (el: HTMLElement | null) => el !== null && el.scrollWidth > el.clientWidth;

/**
 * A roster cell's text, cut with an ellipsis when the column is too narrow. When it is cut, a tooltip
 * gives it whole, on hover and while its row has keyboard focus (a title attribute would show for the
 * mouse only). Screen readers read the full text either way.
 */
export function TruncatedText({ text, rowFocused }: { text: string; rowFocused: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [hovered, setHovered] = useState(false);
  const [cut, setCut] = useState(false);
  const wanted = hovered || rowFocused;
  // Measured only when wanted: a screenful of rows would otherwise measure every cell on each scroll.
  useLayoutEffect(() => {
    if (wanted) setCut(isCut(ref.current));
  }, [wanted, text]);

  return (
    <Tooltip.Root open={wanted && cut}>
      <Tooltip.Trigger asChild>
        <span ref={ref} className="truncate" onPointerEnter={() => setHovered(true)} onPointerLeave={() => setHovered(false)}>
          {text}
        </span>
      </Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="tooltip" side="bottom" align="start" sideOffset={4} collisionPadding={8}>
          {text}
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}
