import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core';
import { KeyboardEvent, useLayoutEffect, useRef, useState } from 'react';
import { GraphNode } from './collapseSiblings';
import { KIND_LABELS } from './labels';

const PADDING = 10;
const LINE = 16;

const useStyles = makeStyles(theme => ({
  box: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.grey[500],
    strokeWidth: 1,
  },
  root: {
    fill: theme.palette.primary.light,
    stroke: theme.palette.primary.main,
  },
  more: {
    fill: theme.palette.grey[200],
    stroke: theme.palette.grey[500],
    strokeDasharray: '4 3',
  },
  title: {
    fill: theme.palette.text.primary,
    fontSize: 13,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  rootText: { fill: theme.palette.primary.contrastText },
  kind: { fill: theme.palette.text.secondary, fontSize: 11 },
  clickable: {
    cursor: 'pointer',
    '&:focus': { outline: `2px solid ${theme.palette.primary.main}` },
  },
}));

/**
 * One node of the lineage graph: its title and kind, linking to its entity
 * page; a "+N more" node instead expands its group when clicked.
 */
export function LineageGraphNode(props: {
  node: GraphNode;
  onExpand: (id: string) => void;
}) {
  const { node, onExpand } = props;
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const textRef = useRef<SVGGElement>(null);
  const kind = node.kind === 'more' ? 'click to show' : KIND_LABELS[node.kind];
  // A first guess from the text length; measured once drawn in a browser.
  const [width, setWidth] = useState(
    Math.max(node.title.length * 7.5, kind.length * 6.5) + PADDING * 2,
  );

  useLayoutEffect(() => {
    const text = textRef.current;
    if (text && typeof text.getBBox === 'function') {
      const measured = Math.round(text.getBBox().width) + PADDING * 2;
      if (measured > PADDING * 2 && measured !== width) {
        setWidth(measured);
      }
    }
  }, [width, node.title]);

  const height = PADDING * 2 + LINE * 2;
  const boxClass =
    node.kind === 'more'
      ? classes.more
      : `${classes.box} ${node.isRoot ? classes.root : ''}`;
  const drawn = (
    <>
      <rect className={boxClass} width={width} height={height} rx={6} />
      <g ref={textRef}>
        <text
          className={`${classes.title} ${node.isRoot ? classes.rootText : ''}`}
          x={PADDING}
          y={PADDING + LINE - 3}
        >
          {node.title}
        </text>
        <text
          className={`${classes.kind} ${node.isRoot ? classes.rootText : ''}`}
          x={PADDING}
          y={PADDING + LINE * 2 - 3}
        >
          {kind}
        </text>
      </g>
    </>
  );

  if (node.kind === 'more') {
    const expand = () => onExpand(node.id);
    return (
      <g
        role="button"
        tabIndex={0}
        aria-label={`Show ${node.hidden} more`}
        className={classes.clickable}
        onClick={expand}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            expand();
          }
        }}
      >
        {drawn}
      </g>
    );
  }
  if (node.isRoot) {
    return <g aria-label={`${node.title} (this page)`}>{drawn}</g>;
  }
  return (
    <Link
      to={entityLink(node.id)}
      aria-label={`${node.title}, ${KIND_LABELS[node.kind].toLocaleLowerCase(
        'en-US',
      )}`}
    >
      {drawn}
    </Link>
  );
}
