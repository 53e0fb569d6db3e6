import { useEffect, useState } from 'react';
import { Size } from './graphBox';

/**
 * The size Backstage's DependencyGraph laid its graph out at, kept current
 * as nodes are added. The component does not report it; it is read from
 * the drawing, the inner svg that the graph's workspace group holds. When
 * no such drawing is found, the answer stays undefined.
 */
export function useDrawnSize(box: HTMLElement | null): Size | undefined {
  const [size, setSize] = useState<Size>();

  useEffect(() => {
    // A new box holds a new graph: the last one's size no longer applies.
    setSize(undefined);
    if (!box) {
      return undefined;
    }
    const read = () => {
      const drawing = box.querySelector('g > svg');
      const width = Number(drawing?.getAttribute('width'));
      const height = Number(drawing?.getAttribute('height'));
      if (width > 0 && height > 0) {
        setSize(previous =>
          previous?.width === width && previous.height === height
            ? previous
            : { width, height },
        );
      }
    };

    read();
    const observer = new MutationObserver(read);
    observer.observe(box, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['width', 'height'],
    });
    return () => observer.disconnect();
  }, [box]);

  return size;
}
