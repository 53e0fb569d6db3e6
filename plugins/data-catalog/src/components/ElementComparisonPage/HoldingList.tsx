import { makeStyles, Typography } from '@material-ui/core';
import { Holding } from '../../api';
import { holdingNotes, vendorOf } from './comparisonModel';

const useStyles = makeStyles(theme => ({
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    '& > li + li': {
      marginTop: theme.spacing(1),
    },
  },
  source: {
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  note: {
    display: 'block',
    color: theme.palette.warning.dark,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  none: {
    color: theme.palette.text.secondary,
  },
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
}));

// What the source calls the element and what it covers, for hover text.
function details(holding: Holding): string {
  const parts = [`Field: ${holding.field}`];
  if (holding.grades.length > 0) {
    parts.push(`grades ${holding.grades.join(', ')}`);
  }
  if (holding.years.length > 0) {
    parts.push(`years ${holding.years.join(', ')}`);
  }
  return parts.join('; ');
}

/**
 * The sources holding one element in one district, each with its vendor and,
 * in words, anything that limits it; a dash when there is none.
 */
export function HoldingList(props: { holdings: Holding[] }) {
  const classes = useStyles();

  if (props.holdings.length === 0) {
    return (
      <Typography variant="body2" className={classes.none}>
        <span aria-hidden>—</span>
        <span className={classes.hidden}>Not held</span>
      </Typography>
    );
  }

  return (
    <ul className={classes.list}>
      {props.holdings.map(holding => (
        <li key={`${holding.source}/${holding.field}`} title={details(holding)}>
          <Typography variant="body2" className={classes.source}>
            {holding.sourceTitle}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {vendorOf(holding)}
          </Typography>
          {holdingNotes(holding).map(note => (
            <Typography key={note} variant="caption" className={classes.note}>
              {note}
            </Typography>
          ))}
        </li>
      ))}
    </ul>
  );
}
