import { createElement } from 'react';
import { Collapse, List, ListItemIcon, MenuItem, Tooltip, Typography } from '@mui/material';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Menu, useSidebarState, useStore, useTranslate } from 'react-admin';
import { itemLabel, itemPath, type MenuGroup } from './menu';

/** One business area of the menu: a header that folds, and its items. The fold is remembered. */
export const MenuGroupSection = ({ group, dense }: { group: MenuGroup; dense?: boolean }) => {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [open, setOpen] = useStore(`menu.${group.id}.open`, true);
  const title = translate(group.label);
  const header = (
    <MenuItem dense={dense} onClick={() => setOpen(!open)} aria-expanded={open} data-menu-group={group.id}>
      <ListItemIcon sx={{ minWidth: 5 }}>{createElement(group.icon)}</ListItemIcon>
      <Typography variant="inherit" color="text.secondary" sx={{ flex: 1, ml: sidebarOpen ? 2 : 0 }} noWrap>
        {title}
      </Typography>
      {sidebarOpen &&
        (open ? <ExpandLessIcon fontSize="small" color="action" /> : <ExpandMoreIcon fontSize="small" color="action" />)}
    </MenuItem>
  );
  return (
    <div>
      {sidebarOpen ? (
        header
      ) : (
        <Tooltip title={title} placement="right">
          {header}
        </Tooltip>
      )}
      <Collapse in={open} timeout="auto" unmountOnExit>
        <List
          dense={dense}
          component="div"
          disablePadding
          sx={{
            '& .MuiMenuItem-root': {
              transition: 'padding-left 195ms',
              pl: (theme) => (sidebarOpen ? theme.spacing(4) : theme.spacing(2)),
            },
          }}
        >
          {group.items.map((item) => {
            const [key, options] = itemLabel(item);
            return (
              <Menu.Item
                key={itemPath(item)}
                to={itemPath(item)}
                state={{ _scrollToTop: true }}
                primaryText={translate(key, options)}
                leftIcon={createElement(item.icon)}
                dense={dense}
              />
            );
          })}
        </List>
      </Collapse>
    </div>
  );
};
