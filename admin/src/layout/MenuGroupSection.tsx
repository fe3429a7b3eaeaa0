import { createElement, memo } from 'react';
import { Box, Collapse, List, ListItemIcon, MenuItem, Tooltip, Typography } from '@mui/material';
import { useNavigate } from 'react-router-dom';
import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Menu, useSidebarState, useStore, useTranslate } from 'react-admin';
import { isGroup, itemLabel, itemPath, type MenuGroup } from './menu';

/**
 * One business area of the menu: a header that folds, and its items; a sub-group
 * (Administración › Tablas) folds the same way, one step further in. The fold is
 * remembered.
 */
export const MenuGroupSection = memo(function MenuGroupSection({
  group,
  dense,
  depth = 0,
}: {
  group: MenuGroup;
  dense?: boolean;
  depth?: number;
}) {
  const translate = useTranslate();
  const [sidebarOpen] = useSidebarState();
  const [open, setOpen] = useStore(`menu.${group.id}.open`, depth === 0);
  const title = translate(group.label);
  const navigate = useNavigate();
  const indent = (theme: { spacing: (n: number) => string }) => theme.spacing(sidebarOpen ? 2 + 2 * depth : 2);
  // A title that is also one of its pages (Clientes › Clientes) opens that page, unfolding the group; the arrow folds.
  const samePage = group.items.find((item) => !isGroup(item) && translate(...itemLabel(item)) === title);
  const header = (
    <MenuItem
      dense={dense}
      onClick={() => {
        if (samePage && !isGroup(samePage)) {
          setOpen(true);
          navigate(itemPath(samePage));
        } else setOpen(!open);
      }}
      aria-expanded={open}
      data-menu-group={group.id}
      sx={depth > 0 ? { pl: indent } : undefined}
    >
      <ListItemIcon sx={{ minWidth: depth > 0 ? 40 : 5 }}>{createElement(group.icon)}</ListItemIcon>
      <Typography variant="inherit" color="text.secondary" sx={{ flex: 1, ml: sidebarOpen && depth === 0 ? 2 : 0 }} noWrap>
        {title}
      </Typography>
      {sidebarOpen && (
        // The arrow folds the group even when the title opens a page.
        <Box
          component="span"
          aria-hidden
          data-menu-fold
          sx={{ display: 'flex' }}
          onClick={(event) => {
            event.stopPropagation();
            setOpen(!open);
          }}
        >
          {open ? <ExpandLessIcon fontSize="small" color="action" /> : <ExpandMoreIcon fontSize="small" color="action" />}
        </Box>
      )}
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
            '& > .MuiMenuItem-root': {
              transition: 'padding-left 195ms',
              pl: (theme) => theme.spacing(sidebarOpen ? 4 + 2 * depth : 2),
            },
          }}
        >
          {group.items.map((item) => {
            if (isGroup(item)) return <MenuGroupSection key={item.id} group={item} dense={dense} depth={depth + 1} />;
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
});
