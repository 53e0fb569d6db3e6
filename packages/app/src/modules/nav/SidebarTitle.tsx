import {
  Link,
  sidebarConfig,
  useSidebarOpenState,
} from '@backstage/core-components';
import { makeStyles, Typography } from '@material-ui/core';
import StorageIcon from '@material-ui/icons/Storage';

const useStyles = makeStyles(theme => ({
  root: {
    height: 3 * sidebarConfig.logoHeight,
    display: 'flex',
    alignItems: 'center',
    paddingLeft: theme.spacing(3),
    color: theme.palette.navigation.color,
  },
  title: {
    marginLeft: theme.spacing(1.5),
    fontWeight: 700,
    lineHeight: 1.2,
    color: theme.palette.navigation.selectedColor,
  },
}));

/** The portal's name, reduced to its icon when the sidebar is closed. */
export const SidebarTitle = () => {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();

  return (
    <Link to="/" underline="none" aria-label="Home" className={classes.root}>
      <StorageIcon fontSize="large" />
      {isOpen && (
        <Typography variant="subtitle1" className={classes.title}>
          District
          <br />
          Data Catalog
        </Typography>
      )}
    </Link>
  );
};
