import type { ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';

const links = [
  { to: '/import', label: 'Import' },
  { to: '/products', label: 'Products' },
  { to: '/webhooks', label: 'Webhooks' },
  { to: '/api-tokens', label: 'API tokens' },
] as const;

/** The signed-in shell: a header with the main navigation, then the page. */
export function AppLayout({ userMenu }: { userMenu?: ReactNode }) {
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="brand">Product Importer</span>
          <nav aria-label="Main" className="main-nav">
            {links.map((link) => (
              <NavLink key={link.to} to={link.to} className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}>
                {link.label}
              </NavLink>
            ))}
          </nav>
          {userMenu}
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
