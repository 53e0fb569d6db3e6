import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  DependencyGraph,
  DependencyGraphTypes,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  Box,
  Button,
  makeStyles,
  MenuItem,
  TextField,
  Typography,
} from '@material-ui/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { dataCatalogApiRef, Lineage } from '../../api';
import { useElementSize } from '../../lib/useElementSize';
import { collapseSiblings, GraphEdge, GraphNode } from './collapseSiblings';
import { graphBox } from './graphBox';
import { LineageGraphNode } from './LineageGraphNode';
import { LineageTextList } from './LineageTextList';
import { useDrawnSize } from './useDrawnSize';

/** Nodes asked for at first; enough for a district, quick to lay out. */
export const FIRST_LIMIT = 200;
/** Nodes asked for when the user wants the rest. */
export const EXPANDED_LIMIT = 1000;

const DEPTHS = [1, 2, 3, 4, 5];

const DIRECTIONS: Array<{ value: Lineage['direction']; label: string }> = [
  { value: 'upstream', label: 'Upstream: what feeds this' },
  { value: 'downstream', label: 'Downstream: what this feeds' },
  { value: 'both', label: 'Both ways' },
];

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  // A graph wider than the card scrolls sideways rather than shrinking;
  // the graph's full-screen button stays in the box's corner.
  graphBox: { overflowX: 'auto', position: 'relative' },
  graph: {
    display: 'block',
    width: '100%',
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
  },
  cycleLabel: {
    fill: theme.palette.error.main,
    fontSize: 12,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  truncated: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
  },
  text: { marginTop: theme.spacing(3) },
}));

/**
 * Where an entity's data come from and where they go: sources feeding
 * sources, sources providing elements, elements needed by indicators.
 */
export function LineageCard() {
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(dataCatalogApiRef);
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const rootTitle = entity.metadata.title ?? entity.metadata.name;

  const [direction, setDirection] = useState<Lineage['direction']>('both');
  const [depth, setDepth] = useState(2);
  const [limit, setLimit] = useState(FIRST_LIMIT);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const available = useElementSize(box).width;
  const drawn = useDrawnSize(box);

  const lineage = useAsync(
    () => api.getLineage(ref, { direction, depth, limit }),
    [api, ref, direction, depth, limit],
  );

  // Groups opened for one answer mean nothing for the next.
  useEffect(() => setExpanded(new Set()), [ref, direction, depth, limit]);

  const graph = useMemo(
    () =>
      lineage.value
        ? collapseSiblings(lineage.value, { expanded })
        : { nodes: [], edges: [] },
    [lineage.value, expanded],
  );

  const expand = useCallback(
    (id: string) => setExpanded(current => new Set([...current, id])),
    [],
  );
  const renderNode = useCallback(
    ({ node }: DependencyGraphTypes.RenderNodeProps<GraphNode>) => (
      <LineageGraphNode node={node} onExpand={expand} />
    ),
    [expand],
  );
  const renderLabel = useCallback(
    ({ edge }: DependencyGraphTypes.RenderLabelProps<GraphEdge>) => (
      <text className={edge.closesCycle ? classes.cycleLabel : undefined}>
        {edge.closesCycle ? `\u21BA ${edge.label}` : edge.label}
      </text>
    ),
    [classes.cycleLabel],
  );

  const value = lineage.value;
  const empty = value && value.edges.length === 0;

  return (
    <InfoCard title="Lineage">
      <div className={classes.controls}>
        <TextField
          id="lineage-direction"
          select
          label="Direction"
          value={direction}
          onChange={e => setDirection(e.target.value as Lineage['direction'])}
          variant="outlined"
          size="small"
          style={{ minWidth: '16rem' }}
        >
          {DIRECTIONS.map(option => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="lineage-depth"
          select
          label="Depth in hops"
          value={depth}
          onChange={e => setDepth(Number(e.target.value))}
          variant="outlined"
          size="small"
          style={{ minWidth: '9rem' }}
        >
          {DEPTHS.map(option => (
            <MenuItem key={option} value={option}>
              {option}
            </MenuItem>
          ))}
        </TextField>
      </div>

      {lineage.loading && <Progress />}
      {lineage.error && <ResponseErrorPanel error={lineage.error} />}
      {!lineage.loading && empty && (
        <Typography color="textSecondary">
          No lineage recorded {directionWords(direction)} {rootTitle} within{' '}
          {depth === 1 ? '1 hop' : `${depth} hops`}. Sources list what feeds
          them under <code>spec.fedBy</code> and what they hold under{' '}
          <code>spec.provides</code>.
        </Typography>
      )}
      {!lineage.loading && value && !empty && (
        <>
          {value.truncated > 0 && (
            <div className={classes.truncated} role="status">
              <Typography variant="body2">
                +{value.truncated} more not shown
              </Typography>
              {limit < EXPANDED_LIMIT && (
                <Button
                  size="small"
                  variant="outlined"
                  onClick={() => setLimit(EXPANDED_LIMIT)}
                >
                  Show up to {EXPANDED_LIMIT.toLocaleString('en-US')}
                </Button>
              )}
            </div>
          )}
          <div ref={setBox} className={classes.graphBox}>
            <DependencyGraph<GraphNode, GraphEdge>
              className={classes.graph}
              style={graphBox(drawn, available)}
              nodes={graph.nodes}
              edges={graph.edges}
              renderNode={renderNode}
              renderLabel={renderLabel}
              direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
              labelPosition={DependencyGraphTypes.LabelPosition.RIGHT}
              rankMargin={80}
              nodeMargin={20}
              acyclicer="greedy"
              showArrowHeads
              zoom="enable-on-click"
              fit="contain"
              role="group"
              aria-label={`Lineage graph of ${rootTitle}`}
            />
          </div>
          <Box className={classes.text}>
            <LineageTextList
              lineage={value}
              nodes={graph.nodes}
              rootTitle={rootTitle}
              onExpand={expand}
            />
          </Box>
        </>
      )}
    </InfoCard>
  );
}

function directionWords(direction: Lineage['direction']): string {
  switch (direction) {
    case 'upstream':
      return 'upstream of';
    case 'downstream':
      return 'downstream of';
    default:
      return 'around';
  }
}
