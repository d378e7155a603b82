import { useId, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useCanEach } from '@/lib/permissions';

const links = [
  { to: '/import', label: 'Import' },
  { to: '/products', label: 'Products' },
  { to: '/feeds', label: 'Feeds', operation: 'feeds' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/api-tokens', label: 'API tokens' },
  { to: '/people', label: 'People', operation: 'people' },
  { to: '/activity', label: 'Activity', operation: 'activityEntries' },
] as const;

/**
 * The signed-in shell: a header with the main navigation, then the page. On narrow
 * screens the links and the user menu fold behind a "Menu" button, so the header
 * stays one line.
 */
export function AppLayout({ userMenu }: { userMenu?: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const menuId = useId();
  const can = useCanEach();
  const shown = links.filter((link) => !('operation' in link) || can(link.operation));
  const current = shown.find((link) => location.pathname.startsWith(link.to));

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className={`app-header${menuOpen ? ' menu-open' : ''}`}>
        <div className="app-header-inner">
          <span className="brand">Product Importer</span>
          <button
            type="button"
            className="btn btn-ghost btn-sm menu-toggle"
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
            onKeyDown={(event) => event.key === 'Escape' && setMenuOpen(false)}
          >
            <span aria-hidden="true">☰</span> Menu
            {current ? <span className="visually-hidden">, on {current.label}</span> : null}
          </button>
          <div className="app-menu" id={menuId}>
            <nav aria-label="Main" className="main-nav">
              {shown.map((link) => (
                <NavLink
                  key={link.to}
                  to={link.to}
                  className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
                  onClick={() => setMenuOpen(false)}
                >
                  {link.label}
                </NavLink>
              ))}
              {/* The playground is its own page served by the backend, not a route of the app. */}
              <a className="nav-link" href="/graphql/">
                API playground
              </a>
            </nav>
            {userMenu}
          </div>
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
