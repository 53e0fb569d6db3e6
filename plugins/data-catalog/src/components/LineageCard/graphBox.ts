/** A width and a height, in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** The graph's height when it has little to draw. */
export const MIN_GRAPH_HEIGHT = 480;

/**
 * The tallest the graph grows; past it, labels shrink, and the graph's zoom
 * and full-screen view are the way to read them.
 */
export const MAX_GRAPH_HEIGHT = 1440;

/**
 * The smallest scale the graph is drawn at to fit the card's width: below
 * it the 13-pixel titles get too small to read, and the graph is drawn
 * wider than the card, to be scrolled sideways, instead.
 */
export const MIN_SCALE = 0.8;

const PADDING = 16;

/**
 * The box to draw a laid-out graph in, given the width the card offers.
 * The graph is fitted into its box, so a fixed box would shrink a graph of
 * many nodes until no label could be read; instead the box takes the
 * graph's own proportions, at full size where the card is wide enough and
 * never below {@link MIN_SCALE} unless the graph would pass the tallest
 * height. `width` is set only when the box is wider than the card.
 */
export function graphBox(
  drawn: Size | undefined,
  available: number,
): { width?: number; height: number } {
  if (!drawn) {
    return { height: MIN_GRAPH_HEIGHT };
  }

  // Until the card has been measured, draw at full size.
  const fit = available > 0 ? Math.min(1, available / drawn.width) : 1;
  const tallest = (MAX_GRAPH_HEIGHT - PADDING) / drawn.height;
  const scale = Math.min(Math.max(fit, MIN_SCALE), tallest);
  const width = Math.round(drawn.width * scale);
  const height = Math.round(drawn.height * scale) + PADDING;

  return {
    ...(available > 0 && width > available && { width }),
    height: Math.min(MAX_GRAPH_HEIGHT, Math.max(MIN_GRAPH_HEIGHT, height)),
  };
}
