import { Link } from '@backstage/core-components';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import { makeStyles, Typography } from '@material-ui/core';
import { Lineage, LineageNode } from '../../api';
import { lineageTree, Side } from './collapseSiblings';
import { EDGE_VERBS, KIND_LABELS } from './labels';

const useStyles = makeStyles(theme => ({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: theme.spacing(2),
  },
  list: { margin: 0, paddingLeft: theme.spacing(2.5) },
  item: { overflowWrap: 'anywhere' },
  cycles: { marginTop: theme.spacing(2) },
}));

/**
 * The lineage as plain lists, for screen readers and for anyone who would
 * rather read than pan a graph: what feeds this entity, what it feeds, and
 * the edges that close a cycle.
 */
export function LineageTextList(props: {
  lineage: Lineage;
  rootTitle: string;
}) {
  const classes = useStyles();
  const { lineage, rootTitle } = props;
  const tree = lineageTree(lineage);
  const titles = new Map(lineage.nodes.map(node => [node.ref, node.title]));
  const titleOf = (ref: string) => titles.get(ref) ?? ref;

  const bySide = (side: Side) =>
    lineage.nodes
      .filter(node => tree.branch.get(node.ref) === side)
      .sort((a, b) => a.depth - b.depth || a.title.localeCompare(b.title));
  const upstream = bySide('upstream');
  const downstream = bySide('downstream');
  const cycles = lineage.edges.filter(edge => edge.closesCycle);

  return (
    <section aria-label="Lineage as text">
      <div className={classes.columns}>
        {lineage.direction !== 'downstream' && (
          <NodeList
            heading={`Upstream: what feeds ${rootTitle} (${upstream.length})`}
            nodes={upstream}
            empty="Nothing upstream at this depth."
          />
        )}
        {lineage.direction !== 'upstream' && (
          <NodeList
            heading={`Downstream: what ${rootTitle} feeds (${downstream.length})`}
            nodes={downstream}
            empty="Nothing downstream at this depth."
          />
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

function NodeList(props: {
  heading: string;
  nodes: LineageNode[];
  empty: string;
}) {
  const classes = useStyles();
  const entityLink = useEntityRefLink();

  return (
    <div>
      <Typography variant="subtitle2" component="h4">
        {props.heading}
      </Typography>
      {props.nodes.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        <ul className={classes.list} aria-label={props.heading}>
          {props.nodes.map(node => (
            <li key={node.ref} className={classes.item}>
              <Typography variant="body2" component="span">
                <Link to={entityLink(node.ref)}>{node.title}</Link>,{' '}
                {(KIND_LABELS[node.kind] ?? node.kind).toLocaleLowerCase(
                  'en-US',
                )}
                , {node.depth === 1 ? '1 hop' : `${node.depth} hops`} away
              </Typography>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
