import { makeStyles, Typography } from '@material-ui/core';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  // Each term sits above its value, and the pairs flow into as many
  // columns as the card's width allows, so that a card in the main column
  // stays short enough to read without scrolling.
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 16rem), 1fr))',
    columnGap: theme.spacing(3),
    rowGap: theme.spacing(2),
    margin: 0,
  },
  pair: { minWidth: 0 },
  wide: { gridColumn: '1 / -1' },
  term: {
    fontWeight: theme.typography.fontWeightBold as number,
    color: theme.palette.text.secondary,
  },
  value: {
    margin: 0,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
}));

/** A definition list of an entity's facts, laid out for the card's width. */
export function FactList(props: { children: ReactNode }) {
  const classes = useStyles();
  return <dl className={classes.list}>{props.children}</dl>;
}

/**
 * One fact: a term and its value. `wide` gives it the whole width, for
 * values such as lists of links that would wrap badly in half of it.
 */
export function Fact(props: {
  label: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const classes = useStyles();
  const pairClass = props.wide
    ? `${classes.pair} ${classes.wide}`
    : classes.pair;

  return (
    <div className={pairClass}>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.label}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </div>
  );
}
