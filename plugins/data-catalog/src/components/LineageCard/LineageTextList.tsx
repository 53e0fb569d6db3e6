import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { Button, makeStyles, Typography } from '@material-ui/core';
import { useEffect, useMemo, useRef } from 'react';
import { Lineage } from '../../api';
import { GraphNode, lineageTree, Side } from './collapseSiblings';
import { EDGE_VERBS, KIND_LABELS } from './labels';
import { lineageOutline, OutlineEntry, siblingOrder } from './lineageOutline';

const useStyles = makeStyles(theme => ({
  // Side by side only where each line fits on one line: two narrow
  // columns would wrap every line and double the list's height.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 28rem), 1fr))',
    gap: theme.spacing(2),
  },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  item: { overflowWrap: 'anywhere' },
  more: { padding: theme.spacing(0, 0.5), textTransform: 'none' },
  cycles: { marginTop: theme.spacing(2) },
}));

/** A group the reader asked to open, and the nodes shown before it was. */
interface PendingFocus {
  parent: string;
  shown: Set<string>;
}

/**
 * The lineage as plain lists, for screen readers and for anyone who would
 * rather read than pan a graph: what feeds this entity, what it feeds, and
 * the edges that close a cycle. It lists what the graph draws, each node
 * under the one it was reached from, with the same "+N more" groups, so a
 * busy source does not make the page thousands of pixels long.
 */
export function LineageTextList(props: {
  lineage: Lineage;
  nodes: GraphNode[];
  rootTitle: string;
  onExpand: (id: string) => void;
}) {
  const classes = useStyles();
  const { lineage, nodes, rootTitle } = props;
  const links = useRef(new Map<string, HTMLElement>());
  const pending = useRef<PendingFocus>();

  const tree = useMemo(() => lineageTree(lineage), [lineage]);
  const outline = useMemo(
    () => lineageOutline(nodes, lineage.root),
    [nodes, lineage.root],
  );
  const titles = new Map(lineage.nodes.map(node => [node.ref, node.title]));
  const titleOf = (ref: string) => titles.get(ref) ?? ref;
  const total = (side: Side) =>
    lineage.nodes.filter(node => tree.branch.get(node.ref) === side).length;
  const cycles = lineage.edges.filter(edge => edge.closesCycle);

  // The button of an opened group is gone once it opens; focus moves to the
  // first node it revealed, so keyboard users carry on from there.
  useEffect(() => {
    const wanted = pending.current;
    if (!wanted) {
      return;
    }
    const [revealed] = nodes
      .filter(
        node =>
          node.parent === wanted.parent &&
          node.kind !== 'more' &&
          !wanted.shown.has(node.id),
      )
      .sort(siblingOrder);
    if (revealed) {
      pending.current = undefined;
      links.current.get(revealed.id)?.focus();
    }
  }, [nodes]);

  const expand = (more: GraphNode) => {
    pending.current = {
      parent: more.parent ?? lineage.root,
      shown: new Set(
        nodes.filter(node => node.parent === more.parent).map(node => node.id),
      ),
    };
    props.onExpand(more.id);
  };

  const list = (side: Side, heading: string, empty: string) => (
    <div>
      <Typography variant="subtitle2" component="h4">
        {heading}
      </Typography>
      {outline[side].length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {empty}
        </Typography>
      ) : (
        <ul className={classes.list} aria-label={heading}>
          {outline[side].map(entry => (
            <Entry
              key={entry.node.id}
              entry={entry}
              titleOf={titleOf}
              links={links.current}
              onExpand={expand}
            />
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <section aria-label="Lineage as text">
      <div className={classes.columns}>
        {lineage.direction !== 'downstream' &&
          list(
            'upstream',
            `Upstream: what feeds ${rootTitle} (${total('upstream')})`,
            'Nothing upstream at this depth.',
          )}
        {lineage.direction !== 'upstream' &&
          list(
            'downstream',
            `Downstream: what ${rootTitle} feeds (${total('downstream')})`,
            'Nothing downstream at this depth.',
          )}
      </div>
      {cycles.length > 0 && (
        <div className={classes.cycles}>
          <Typography variant="subtitle2" component="h4">
            Edges that close a cycle ({cycles.length})
          </Typography>
          <ul className={classes.list} aria-label="Edges that close a cycle">
            {cycles.map(edge => (
              <li
                key={`${edge.type}:${edge.from}:${edge.to}`}
                className={classes.item}
              >
                <Typography variant="body2" component="span">
                  {titleOf(edge.from)} {EDGE_VERBS[edge.type] ?? edge.type}{' '}
                  {titleOf(edge.to)}, which closes a cycle
                </Typography>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function Entry(props: {
  entry: OutlineEntry;
  titleOf: (ref: string) => string;
  links: Map<string, HTMLElement>;
  onExpand: (more: GraphNode) => void;
}) {
  const classes = useStyles();
  const entityLink = useEntityRefLink();
  const { entry, links } = props;
  const { node } = entry;

  if (node.kind === 'more') {
    const under = props.titleOf(node.parent ?? '');
    return (
      <li className={classes.item}>
        <Button
          size="small"
          color="primary"
          className={classes.more}
          aria-label={`Show ${node.hidden} more under ${under}`}
          onClick={() => props.onExpand(node)}
        >
          Show {node.hidden} more
        </Button>
      </li>
    );
  }

  return (
    <li className={classes.item}>
      <Typography variant="body2" component="span">
        <Link
          to={entityLink(node.id)}
          ref={(element: HTMLAnchorElement | null) => {
            if (element) {
              links.set(node.id, element);
            } else {
              links.delete(node.id);
            }
          }}
        >
          {node.title}
        </Link>
        , {KIND_LABELS[node.kind].toLocaleLowerCase('en-US')},{' '}
        {node.depth === 1 ? '1 hop' : `${node.depth} hops`} away
      </Typography>
      {entry.children.length > 0 && (
        <ul className={classes.list}>
          {entry.children.map(child => (
            <Entry
              key={child.node.id}
              entry={child}
              titleOf={props.titleOf}
              links={links}
              onExpand={props.onExpand}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
