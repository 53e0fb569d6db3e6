import { memo, useId, useState } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { Button, makeStyles, Typography } from '@material-ui/core';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  ElementAssessment,
  IndicatorAvailability,
  ProvisionAssessment,
} from '@internal/plugin-data-catalog-common';
import { dataCatalogApiRef } from '../../api';
import { entityPath, nameOf } from '../../lib/names';
import { STATUS_LABELS, StatusChip } from '../StatusChip';
import { isGap } from './gapView';

const useStyles = makeStyles(theme => ({
  row: {
    borderTop: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(1.5, 0),
  },
  summary: {
    display: 'grid',
    // Fixed outer columns keep the statuses aligned from row to row, whether
    // or not a row offers to plan an action.
    gridTemplateColumns: 'minmax(12rem, 2fr) 9rem minmax(14rem, 4fr) 15rem',
    alignItems: 'start',
    gap: theme.spacing(2),
    [theme.breakpoints.down('sm')]: {
      gridTemplateColumns: '1fr',
      gap: theme.spacing(1),
    },
  },
  title: {
    overflowWrap: 'anywhere',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  reason: {
    overflowWrap: 'anywhere',
  },
  more: {
    color: theme.palette.text.secondary,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    justifyContent: 'flex-end',
  },
  details: {
    margin: theme.spacing(1, 0, 0),
    padding: theme.spacing(1.5, 2),
    backgroundColor: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
  list: {
    margin: 0,
    paddingLeft: theme.spacing(2.5),
    '& > li + li': {
      marginTop: theme.spacing(1.5),
    },
  },
  elementHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  role: {
    color: theme.palette.text.secondary,
  },
  text: {
    overflowWrap: 'anywhere',
  },
  provisions: {
    margin: theme.spacing(0.5, 0, 0),
    paddingLeft: theme.spacing(2.5),
  },
}));

/** Props of {@link IndicatorRow}. */
export interface IndicatorRowProps {
  result: IndicatorAvailability;
  /** Offered on gaps; absent when the reader may not plan actions. */
  onPlan?: (result: IndicatorAvailability) => void;
}

function IndicatorRowView(props: IndicatorRowProps) {
  const { result, onPlan } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const more = result.reasons.length - 1;
  const whole = useWholeResult(result, open);
  const elements = (whole.value ?? result).elements;

  return (
    <li className={classes.row}>
      <div className={classes.summary}>
        <Typography className={classes.title}>
          <Link to={entityPath(result.indicator)}>{result.indicatorTitle}</Link>
        </Typography>
        <div>
          <StatusChip status={result.status} />
        </div>
        <Typography variant="body2" className={classes.reason}>
          {result.reasons[0]}
          {more > 0 && (
            <span className={classes.more}>
              {' '}
              (and {more} more {more === 1 ? 'reason' : 'reasons'})
            </span>
          )}
        </Typography>
        <div className={classes.actions}>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={detailsId}
            endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            onClick={() => setOpen(o => !o)}
            aria-label={`Details of ${result.indicatorTitle}`}
          >
            Details
          </Button>
          {onPlan && isGap(result) && (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              onClick={() => onPlan(result)}
              aria-label={`Plan an action for ${result.indicatorTitle}`}
            >
              Plan an action
            </Button>
          )}
        </div>
      </div>
      {open && (
        <div id={detailsId} className={classes.details}>
          {more > 0 && (
            <>
              <Typography variant="subtitle2" component="h5">
                Reasons
              </Typography>
              <ul className={classes.list}>
                {result.reasons.map((reason, i) => (
                  <li key={i} className={classes.text}>
                    {reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          <Typography variant="subtitle2" component="h5">
            Elements
          </Typography>
          {result.elements.length === 0 ? (
            <Typography variant="body2">
              The indicator names no elements.
            </Typography>
          ) : (
            <ul
              className={classes.list}
              aria-label={`Elements of ${result.indicatorTitle}`}
            >
              {elements.map(element => (
                <ElementDetails
                  key={`${element.role} ${element.element}`}
                  element={element}
                  loading={whole.loading}
                />
              ))}
            </ul>
          )}
          {whole.error && (
            <Typography variant="body2" color="error" role="alert">
              The other sources of each element could not be loaded:{' '}
              {whole.error.message}
            </Typography>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * One indicator: its title linking to its page, its status, the first
 * reason, and on request every element with where it comes from and why.
 */
export const IndicatorRow = memo(IndicatorRowView);

const ROLES: Record<ElementAssessment['role'], string> = {
  required: 'Required',
  subgroup: 'Subgroup',
};

/**
 * The district's whole result for the indicator, asked for once the row
 * is opened: the gap view's summary holds each element's chosen
 * provision only.
 */
function useWholeResult(result: IndicatorAvailability, open: boolean) {
  const api = useApi(dataCatalogApiRef);
  const needed =
    open && result.elements.some(e => (e.otherProvisions ?? 0) > 0);
  return useAsync(
    async () =>
      needed
        ? api.getDistrictIndicatorGaps(result.district, result.indicator)
        : undefined,
    [api, needed, result.district, result.indicator],
  );
}

function ElementDetails(props: {
  element: ElementAssessment;
  loading: boolean;
}) {
  const { element, loading } = props;
  const classes = useStyles();
  const chosen = element.provisions.find(p => p.source === element.chosen);
  const others = element.provisions.filter(p => p !== chosen);

  return (
    <li>
      <div className={classes.elementHead}>
        <Typography variant="body2" component="span" className={classes.text}>
          <strong>{element.elementTitle}</strong>
        </Typography>
        <Typography variant="caption" className={classes.role}>
          {ROLES[element.role]}
        </Typography>
        <StatusChip status={element.status} />
      </div>
      <Typography variant="body2" className={classes.text}>
        {element.reason}
      </Typography>
      {chosen && (
        <Typography variant="body2" className={classes.text}>
          Taken from{' '}
          <Link to={entityPath(chosen.source)}>{chosen.sourceTitle}</Link>,
          field <code>{chosen.field}</code>
          {chosen.correction && (
            <>
              {'; '}
              <Correction provision={chosen} />
            </>
          )}
        </Typography>
      )}
      {others.length === 0 && loading && (element.otherProvisions ?? 0) > 0 && (
        <Typography variant="body2" color="textSecondary">
          Loading {element.otherProvisions} other{' '}
          {element.otherProvisions === 1 ? 'source' : 'sources'}…
        </Typography>
      )}
      {others.length > 0 && (
        <>
          <Typography variant="body2">Other sources:</Typography>
          <ul className={classes.provisions}>
            {others.map(provision => (
              <OtherProvision
                key={`${provision.source} ${provision.field}`}
                provision={provision}
              />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

// The rules word a correction as one of the provision's problems; it is
// shown on its own, with the person's name, so it is left out of the rest.
const isCorrectionProblem = (problem: string) =>
  problem.startsWith('corrected by ');

function Correction(props: { provision: ProvisionAssessment }) {
  const { correction } = props.provision;
  if (!correction) {
    return null;
  }
  return (
    <span>
      corrected by {nameOf(correction.by)} on {correction.at.split('T')[0]}:{' '}
      {correction.reason}
    </span>
  );
}

function OtherProvision(props: { provision: ProvisionAssessment }) {
  const { provision } = props;
  const classes = useStyles();
  const problems = provision.problems.filter(p => !isCorrectionProblem(p));

  return (
    <li className={classes.text}>
      <Typography variant="body2" component="span">
        <Link to={entityPath(provision.source)}>{provision.sourceTitle}</Link> (
        <code>{provision.field}</code>):{' '}
        {STATUS_LABELS[provision.status].toLocaleLowerCase('en-US')}
        {problems.length > 0 && ` — ${problems.join('; ')}`}
        {provision.correction && (
          <>
            {'; '}
            <Correction provision={provision} />
          </>
        )}
      </Typography>
    </li>
  );
}
