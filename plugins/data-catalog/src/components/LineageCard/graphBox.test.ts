import {
  graphBox,
  MAX_GRAPH_HEIGHT,
  MIN_GRAPH_HEIGHT,
  MIN_SCALE,
} from './graphBox';

describe('graphBox', () => {
  it('keeps the usual height until the graph is laid out', () => {
    expect(graphBox(undefined, 640)).toEqual({ height: MIN_GRAPH_HEIGHT });
  });

  it('keeps the usual height for a small graph', () => {
    expect(graphBox({ width: 400, height: 120 }, 640)).toEqual({
      height: MIN_GRAPH_HEIGHT,
    });
  });

  it('grows with a tall graph that fits the width, at full size', () => {
    expect(graphBox({ width: 600, height: 900 }, 640)).toEqual({
      height: 900 + 16,
    });
  });

  it('shrinks a wide graph to the card, down to the smallest scale', () => {
    expect(graphBox({ width: 720, height: 900 }, 640)).toEqual({
      height: 800 + 16,
    });
  });

  it('draws a very wide graph wider than the card, to scroll sideways', () => {
    expect(graphBox({ width: 2000, height: 1000 }, 640)).toEqual({
      width: 2000 * MIN_SCALE,
      height: 1000 * MIN_SCALE + 16,
    });
  });

  it('stops at the tallest height, scaling the graph down to fit', () => {
    const box = graphBox({ width: 500, height: 2848 }, 640);

    expect(box).toEqual({ height: MAX_GRAPH_HEIGHT });
  });

  it('draws at full size while the card is not measured', () => {
    expect(graphBox({ width: 900, height: 700 }, 0)).toEqual({
      height: 700 + 16,
    });
  });
});
