import {
  createContext,
  CSSProperties,
  forwardRef,
  HTMLAttributes,
  KeyboardEvent,
  memo,
  ReactNode,
  SyntheticEvent,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useNavigate } from 'react-router-dom';
import { areEqual, FixedSizeList, ListChildComponentProps } from 'react-window';
import { Link } from '@backstage/core-components';
import { ButtonBase, makeStyles } from '@material-ui/core';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import { RegionMatrix } from '../../api';
import { STATUS_LABELS } from '../StatusChip';
import {
  constructLabel,
  MatrixView,
  RowSort,
  stageLabel,
  STATUS_MARKS,
  TOTAL_STATUSES,
} from './matrixModel';

const ROW_HEIGHT = 28;
const COLUMN_WIDTH = 30;
const NAME_WIDTH = 240;
const TOTAL_WIDTH = 48;
const TOTALS_WIDTH = TOTAL_WIDTH * TOTAL_STATUSES.length;
const BAND_HEIGHT = 22;
const TITLE_HEIGHT = 168;
const COUNT_HEIGHT = 22;
const ROW_OVERSCAN = 6;
// Columns are rendered in steps of this many, with a couple to spare on each
// side: a horizontal scroll re-renders the rows once per step rather than
// once per column.
const COLUMN_STEP = 8;
const COLUMN_OVERSCAN = 2;
// The title row and one row of counts per total status.
const HEADER_ROWS = 1 + TOTAL_STATUSES.length;

const useStyles = makeStyles(theme => ({
  grid: {
    border: `1px solid ${theme.palette.divider}`,
    backgroundColor: theme.palette.background.paper,
    fontFamily: theme.typography.fontFamily,
    fontSize: theme.typography.body2.fontSize,
    color: theme.palette.text.primary,
  },
  inner: {
    position: 'relative',
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: theme.palette.background.paper,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  headerRow: {
    display: 'flex',
  },
  row: {
    display: 'flex',
    '&:hover $name': {
      backgroundColor: theme.palette.action.selected,
    },
  },
  corner: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    flexShrink: 0,
    width: NAME_WIDTH,
    boxSizing: 'border-box',
    padding: theme.spacing(0, 1),
    display: 'flex',
    alignItems: 'flex-end',
    justifyContent: 'flex-end',
    backgroundColor: theme.palette.background.paper,
    borderRight: `1px solid ${theme.palette.divider}`,
    fontSize: theme.typography.caption.fontSize,
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
  },
  name: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    flexShrink: 0,
    width: NAME_WIDTH,
    boxSizing: 'border-box',
    padding: theme.spacing(0, 1),
    lineHeight: `${ROW_HEIGHT}px`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    backgroundColor: theme.palette.background.paper,
    borderRight: `1px solid ${theme.palette.divider}`,
  },
  area: {
    position: 'relative',
    flexShrink: 0,
  },
  totals: {
    position: 'sticky',
    right: 0,
    zIndex: 1,
    flexShrink: 0,
    display: 'flex',
    width: TOTALS_WIDTH,
    backgroundColor: theme.palette.background.paper,
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  total: {
    width: TOTAL_WIDTH,
    boxSizing: 'border-box',
    paddingRight: theme.spacing(1),
    textAlign: 'right',
    lineHeight: `${ROW_HEIGHT}px`,
    fontVariantNumeric: 'tabular-nums',
  },
  band: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    boxSizing: 'border-box',
    borderLeft: `1px solid ${theme.palette.divider}`,
    borderBottom: `1px solid ${theme.palette.divider}`,
    fontSize: theme.typography.caption.fontSize,
    lineHeight: `${BAND_HEIGHT}px`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
  },
  bandLabel: {
    // Keeps the label in sight while the band is scrolled part way past.
    position: 'sticky',
    left: NAME_WIDTH,
    padding: theme.spacing(0, 0.5),
  },
  columnTitle: {
    position: 'absolute',
    bottom: 0,
    width: COLUMN_WIDTH,
    height: TITLE_HEIGHT,
    display: 'flex',
    justifyContent: 'center',
    alignItems: 'flex-end',
    boxSizing: 'border-box',
    paddingBottom: theme.spacing(0.5),
    borderLeft: `1px solid ${theme.palette.divider}`,
  },
  vertical: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    maxHeight: TITLE_HEIGHT - 8,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    fontSize: theme.typography.caption.fontSize,
  },
  count: {
    position: 'absolute',
    top: 0,
    width: COLUMN_WIDTH,
    height: COUNT_HEIGHT,
    lineHeight: `${COUNT_HEIGHT}px`,
    textAlign: 'center',
    fontSize: 11,
    fontVariantNumeric: 'tabular-nums',
  },
  sort: {
    fontSize: theme.typography.caption.fontSize,
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.primary,
    padding: theme.spacing(0.5),
    borderRadius: theme.shape.borderRadius,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
    },
  },
  sortVertical: {
    flexDirection: 'column',
    width: TOTAL_WIDTH,
    height: '100%',
    justifyContent: 'flex-end',
  },
  cell: {
    position: 'absolute',
    top: 1,
    width: COLUMN_WIDTH - 2,
    height: ROW_HEIGHT - 2,
    marginLeft: 1,
    borderRadius: 2,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: 12,
    fontWeight: theme.typography.fontWeightBold as number,
    cursor: 'pointer',
    userSelect: 'none',
    // Fixed size and nothing outside: each cell's layout stays its own.
    contain: 'strict',
    '&:focus': {
      outline: `2px solid ${theme.palette.text.primary}`,
      outlineOffset: 1,
      zIndex: 1,
    },
  },
  available: {
    backgroundColor: theme.palette.success.light,
    color: theme.palette.getContrastText(theme.palette.success.light),
  },
  partial: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  missing: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  notApplicable: {
    backgroundColor: theme.palette.grey[300],
    color: theme.palette.getContrastText(theme.palette.grey[300]),
  },
}));

type Classes = ReturnType<typeof useStyles>;

/** What the rows, header and scroll container of the grid share. */
interface GridData {
  matrix: RegionMatrix;
  view: MatrixView;
  classes: Classes;
  /** First and last column position rendered. */
  first: number;
  last: number;
  headerHeight: number;
  areaWidth: number;
  totalWidth: number;
  focus: Position;
  rowSort: RowSort;
  onSort(key: RowSort['key']): void;
  districtHref(ref: string): string;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>): void;
  onCellFocus(event: SyntheticEvent<HTMLDivElement>): void;
  onCellClick(event: SyntheticEvent<HTMLDivElement>): void;
}

interface Position {
  row: number;
  column: number;
}

const GridContext = createContext<GridData | undefined>(undefined);

function useGridData(): GridData {
  const data = useContext(GridContext);
  if (!data) throw new Error('The matrix grid has no data');
  return data;
}

const statusClass = (classes: Classes, status: string) =>
  ({
    available: classes.available,
    partial: classes.partial,
    missing: classes.missing,
    'not-applicable': classes.notApplicable,
  }[status] ?? '');

function range(first: number, last: number): number[] {
  const result: number[] = [];
  for (let i = first; i <= last; i++) result.push(i);
  return result;
}

function positionOf(target: EventTarget): Position | undefined {
  const cell = (target as HTMLElement).dataset?.cell;
  if (!cell) return undefined;
  const [row, column] = cell.split(':').map(Number);
  return { row, column };
}

/** A header that sorts the rows, with an arrow when it is the sort key. */
function SortHeader(props: {
  label: string;
  sortKey: RowSort['key'];
  vertical?: boolean;
}) {
  const { classes, rowSort, onSort } = useGridData();
  const active = rowSort.key === props.sortKey;
  const Arrow =
    rowSort.direction === 'asc' ? ArrowUpwardIcon : ArrowDownwardIcon;

  return (
    <ButtonBase
      className={`${classes.sort} ${
        props.vertical ? classes.sortVertical : ''
      }`}
      onClick={() => onSort(props.sortKey)}
      title={`Sort districts by ${props.label.toLocaleLowerCase('en-US')}`}
    >
      <span className={props.vertical ? classes.vertical : undefined}>
        {props.label}
      </span>
      {active && <Arrow fontSize="inherit" aria-hidden />}
    </ButtonBase>
  );
}

function ariaSort(rowSort: RowSort, key: RowSort['key']) {
  if (rowSort.key !== key) return undefined;
  return rowSort.direction === 'asc' ? 'ascending' : 'descending';
}

/**
 * The sticky header: stage and construct bands, titles, counts. Memoised, so
 * that it renders again only when the columns do, not on vertical scrolling.
 */
const MatrixHeader = memo(function MatrixHeaderRows() {
  const data = useGridData();
  const { classes, matrix, view, first, last, areaWidth, rowSort } = data;
  const shown = range(first, last);
  const columnCount = view.columns.length;

  return (
    <div
      className={classes.header}
      style={{ width: data.totalWidth, height: data.headerHeight }}
    >
      {view.bands.map(level => (
        // The bands repeat what each column title's hover text says.
        <div
          key={level.name}
          aria-hidden
          className={classes.headerRow}
          style={{ height: BAND_HEIGHT }}
        >
          <div className={classes.corner} style={{ alignItems: 'center' }}>
            {level.name}
          </div>
          <div className={classes.area} style={{ width: areaWidth }}>
            {level.bands
              .filter(b => b.start <= last && b.start + b.count > first)
              .map(band => (
                <div
                  key={band.start}
                  className={classes.band}
                  style={{
                    left: band.start * COLUMN_WIDTH,
                    width: band.count * COLUMN_WIDTH,
                  }}
                  title={band.label}
                >
                  <span className={classes.bandLabel}>{band.label}</span>
                </div>
              ))}
          </div>
          <div className={classes.totals} />
        </div>
      ))}
      <div
        role="row"
        aria-rowindex={1}
        className={classes.headerRow}
        style={{ height: TITLE_HEIGHT }}
      >
        <div
          role="columnheader"
          aria-colindex={1}
          aria-sort={ariaSort(rowSort, 'name')}
          className={classes.corner}
        >
          <SortHeader label="District" sortKey="name" />
        </div>
        <div className={classes.area} style={{ width: areaWidth }}>
          {shown.map(c => {
            const indicator = matrix.indicators[view.columns[c]];
            return (
              <div
                key={indicator.ref}
                role="columnheader"
                aria-colindex={c + 2}
                className={classes.columnTitle}
                style={{ left: c * COLUMN_WIDTH }}
                title={`${indicator.title} (${stageLabel(
                  indicator.stage,
                )}, ${constructLabel(indicator.construct)})`}
              >
                <span className={classes.vertical}>{indicator.title}</span>
              </div>
            );
          })}
        </div>
        <div className={classes.totals}>
          {TOTAL_STATUSES.map((status, k) => (
            <div
              key={status}
              role="columnheader"
              aria-colindex={columnCount + 2 + k}
              aria-sort={ariaSort(rowSort, status)}
            >
              <SortHeader
                label={STATUS_LABELS[status]}
                sortKey={status}
                vertical
              />
            </div>
          ))}
        </div>
      </div>
      {TOTAL_STATUSES.map((status, k) => (
        <div
          key={status}
          role="row"
          aria-rowindex={2 + k}
          className={classes.headerRow}
          style={{ height: COUNT_HEIGHT }}
        >
          <div
            role="rowheader"
            aria-colindex={1}
            className={classes.corner}
            style={{ alignItems: 'center' }}
          >
            Districts where {STATUS_LABELS[status].toLocaleLowerCase('en-US')}
          </div>
          <div className={classes.area} style={{ width: areaWidth }}>
            {shown.map(c => {
              const indicator = matrix.indicators[view.columns[c]];
              const count = view.columnCounts[c][status];
              return (
                <div
                  key={indicator.ref}
                  role="gridcell"
                  aria-colindex={c + 2}
                  className={classes.count}
                  style={{ left: c * COLUMN_WIDTH }}
                  title={`${indicator.title}: ${status} in ${count} districts`}
                >
                  {count}
                </div>
              );
            })}
          </div>
          <div className={classes.totals} />
        </div>
      ))}
    </div>
  );
});

/** The scroll container, carrying the grid's role and keyboard handling. */
const MatrixOuter = forwardRef<HTMLDivElement, HTMLAttributes<HTMLDivElement>>(
  function MatrixOuterElement(props, ref) {
    const data = useGridData();
    return (
      <div
        ref={ref}
        {...props}
        role="grid"
        tabIndex={-1}
        aria-label="Districts by indicators"
        aria-rowcount={HEADER_ROWS + data.view.rows.length}
        aria-colcount={1 + data.view.columns.length + TOTAL_STATUSES.length}
        className={`${props.className ?? ''} ${data.classes.grid}`}
        onKeyDown={data.onKeyDown}
        onFocus={data.onCellFocus}
        onClick={data.onCellClick}
      />
    );
  },
);

/** The scrolled content: the sticky header above the rows. */
const MatrixInner = forwardRef<
  HTMLDivElement,
  { style: CSSProperties; children?: ReactNode }
>(function MatrixInnerElement({ style, children, ...rest }, ref) {
  const data = useGridData();
  return (
    <div
      ref={ref}
      {...rest}
      className={data.classes.inner}
      style={{
        ...style,
        width: data.totalWidth,
        height: Number(style.height) + data.headerHeight,
      }}
    >
      <MatrixHeader />
      {children}
    </div>
  );
});

/** One district: its name, the statuses shown, its totals. */
const MatrixRow = memo(function MatrixRowElement({
  index,
  style,
  data,
}: ListChildComponentProps<GridData>) {
  const { classes, matrix, view, first, last, focus } = data;
  const d = view.rows[index];
  const district = matrix.districts[d];
  const statuses = matrix.statuses[d] ?? [];
  const totals = view.rowTotals[index];

  return (
    <div
      role="row"
      aria-rowindex={HEADER_ROWS + index + 1}
      className={classes.row}
      style={{ ...style, top: Number(style.top) + data.headerHeight }}
    >
      <div role="rowheader" aria-colindex={1} className={classes.name}>
        <Link to={data.districtHref(district.ref)} title={district.title}>
          {district.title}
        </Link>
      </div>
      <div className={classes.area} style={{ width: data.areaWidth }}>
        {range(first, last).map(c => {
          const indicator = matrix.indicators[view.columns[c]];
          const status = statuses[view.columns[c]];
          const label = `${district.title}, ${indicator.title}: ${
            status ? STATUS_LABELS[status] : 'Unknown'
          }`;
          const focused = focus.row === index && focus.column === c;
          return (
            <div
              key={indicator.ref}
              role="gridcell"
              aria-colindex={c + 2}
              aria-label={label}
              title={label}
              tabIndex={focused ? 0 : -1}
              data-cell={`${index}:${c}`}
              className={`${classes.cell} ${statusClass(classes, status)}`}
              style={{ left: c * COLUMN_WIDTH }}
            >
              {status ? STATUS_MARKS[status] : '?'}
            </div>
          );
        })}
      </div>
      <div className={classes.totals}>
        {TOTAL_STATUSES.map((status, k) => (
          <div
            key={status}
            role="gridcell"
            aria-colindex={view.columns.length + 2 + k}
            className={classes.total}
            title={`${district.title}: ${totals[status]} ${STATUS_LABELS[
              status
            ].toLocaleLowerCase('en-US')}`}
          >
            {totals[status]}
          </div>
        ))}
      </div>
    </div>
  );
},
areEqual);

/**
 * Districts by indicators, virtualised both ways: react-window renders only
 * the rows in sight, and the rows render only the columns in sight. One
 * scroll container holds everything so that the header, the district names
 * and the totals stay put with `position: sticky` rather than being
 * synchronised by script, which lags a frame behind fast scrolling.
 */
export function MatrixGrid(props: {
  matrix: RegionMatrix;
  view: MatrixView;
  width: number;
  height: number;
  rowSort: RowSort;
  onRowSortChange(sort: RowSort): void;
  districtHref(ref: string): string;
}) {
  const { matrix, view, width, height, rowSort, onRowSortChange } = props;
  const { districtHref } = props;
  const classes = useStyles();
  const navigate = useNavigate();
  const outerRef = useRef<HTMLDivElement>(null);
  const [step, setStep] = useState(0);
  const [focus, setFocus] = useState<Position>({ row: 0, column: 0 });
  const pendingFocus = useRef(false);

  const rowCount = view.rows.length;
  const columnCount = view.columns.length;
  const headerHeight =
    view.bands.length * BAND_HEIGHT +
    TITLE_HEIGHT +
    TOTAL_STATUSES.length * COUNT_HEIGHT;
  const areaWidth = columnCount * COLUMN_WIDTH;
  const totalWidth = NAME_WIDTH + areaWidth + TOTALS_WIDTH;
  const columnsInSight = Math.ceil(
    Math.max(0, width - NAME_WIDTH - TOTALS_WIDTH) / COLUMN_WIDTH,
  );
  const first = Math.max(0, step * COLUMN_STEP - COLUMN_OVERSCAN);
  const last = Math.min(
    columnCount - 1,
    (step + 1) * COLUMN_STEP + columnsInSight + COLUMN_OVERSCAN,
  );

  useEffect(() => {
    const outer = outerRef.current;
    if (!outer) return undefined;
    const onScroll = () =>
      setStep(Math.floor(outer.scrollLeft / (COLUMN_WIDTH * COLUMN_STEP)));
    outer.addEventListener('scroll', onScroll, { passive: true });
    return () => outer.removeEventListener('scroll', onScroll);
  }, []);

  // Keeps the roving focus inside the matrix when filters shrink it.
  const row = Math.min(focus.row, Math.max(0, rowCount - 1));
  const column = Math.min(focus.column, Math.max(0, columnCount - 1));
  const current = useMemo(() => ({ row, column }), [row, column]);

  const scrollIntoSight = useCallback(
    (target: Position) => {
      const outer = outerRef.current;
      if (!outer) return;
      const top = headerHeight + target.row * ROW_HEIGHT;
      if (top < outer.scrollTop + headerHeight) {
        outer.scrollTop = top - headerHeight;
      } else if (top + ROW_HEIGHT > outer.scrollTop + outer.clientHeight) {
        outer.scrollTop = top + ROW_HEIGHT - outer.clientHeight;
      }
      const left = NAME_WIDTH + target.column * COLUMN_WIDTH;
      if (left < outer.scrollLeft + NAME_WIDTH) {
        outer.scrollLeft = left - NAME_WIDTH;
      } else if (
        left + COLUMN_WIDTH >
        outer.scrollLeft + outer.clientWidth - TOTALS_WIDTH
      ) {
        outer.scrollLeft =
          left + COLUMN_WIDTH - outer.clientWidth + TOTALS_WIDTH;
      }
    },
    [headerHeight],
  );

  // After a keyboard move, focuses the new cell once it has been rendered:
  // a far move has to wait for the scroll it caused to render the cell.
  useEffect(() => {
    if (!pendingFocus.current) return undefined;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const cell = outerRef.current?.querySelector<HTMLElement>(
        `[data-cell="${current.row}:${current.column}"]`,
      );
      if (cell) {
        pendingFocus.current = false;
        cell.focus({ preventScroll: true });
      } else if (tries++ < 10) {
        frame = requestAnimationFrame(attempt);
      }
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [current]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const at = positionOf(event.target);
      if (!at) return;
      const page = Math.max(
        1,
        Math.floor((height - headerHeight) / ROW_HEIGHT) - 1,
      );
      const moves: Record<string, Position> = {
        ArrowUp: { row: at.row - 1, column: at.column },
        ArrowDown: { row: at.row + 1, column: at.column },
        ArrowLeft: { row: at.row, column: at.column - 1 },
        ArrowRight: { row: at.row, column: at.column + 1 },
        PageUp: { row: at.row - page, column: at.column },
        PageDown: { row: at.row + page, column: at.column },
        Home: event.ctrlKey ? { row: 0, column: 0 } : { ...at, column: 0 },
        End: event.ctrlKey
          ? { row: rowCount - 1, column: columnCount - 1 }
          : { ...at, column: columnCount - 1 },
      };
      if (event.key === 'Enter') {
        event.preventDefault();
        navigate(districtHref(matrix.districts[view.rows[at.row]].ref));
        return;
      }
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      const next = {
        row: Math.min(Math.max(move.row, 0), rowCount - 1),
        column: Math.min(Math.max(move.column, 0), columnCount - 1),
      };
      pendingFocus.current = true;
      scrollIntoSight(next);
      setFocus(next);
    },
    [
      height,
      headerHeight,
      rowCount,
      columnCount,
      navigate,
      districtHref,
      matrix,
      view,
      scrollIntoSight,
    ],
  );

  const onCellFocus = useCallback((event: SyntheticEvent<HTMLDivElement>) => {
    const at = positionOf(event.target);
    if (at) setFocus(at);
  }, []);

  const onCellClick = useCallback(
    (event: SyntheticEvent<HTMLDivElement>) => {
      const at = positionOf(event.target);
      if (at) navigate(districtHref(matrix.districts[view.rows[at.row]].ref));
    },
    [navigate, districtHref, matrix, view],
  );

  const onSort = useCallback(
    (key: RowSort['key']) => {
      if (rowSort.key === key) {
        onRowSortChange({
          key,
          direction: rowSort.direction === 'asc' ? 'desc' : 'asc',
        });
      } else {
        onRowSortChange({ key, direction: key === 'name' ? 'asc' : 'desc' });
      }
    },
    [rowSort, onRowSortChange],
  );

  const data: GridData = useMemo(
    () => ({
      matrix,
      view,
      classes,
      first,
      last,
      headerHeight,
      areaWidth,
      totalWidth,
      focus: current,
      rowSort,
      onSort,
      districtHref,
      onKeyDown,
      onCellFocus,
      onCellClick,
    }),
    [
      matrix,
      view,
      classes,
      first,
      last,
      headerHeight,
      areaWidth,
      totalWidth,
      current,
      rowSort,
      onSort,
      districtHref,
      onKeyDown,
      onCellFocus,
      onCellClick,
    ],
  );

  return (
    <GridContext.Provider value={data}>
      <FixedSizeList
        width={width}
        height={height}
        itemCount={rowCount}
        itemSize={ROW_HEIGHT}
        itemData={data}
        itemKey={(index, itemData) =>
          itemData.matrix.districts[itemData.view.rows[index]].ref
        }
        overscanCount={ROW_OVERSCAN}
        outerRef={outerRef}
        outerElementType={MatrixOuter}
        innerElementType={MatrixInner}
      >
        {MatrixRow}
      </FixedSizeList>
    </GridContext.Provider>
  );
}
