import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppLayout } from '@/components/layouts/app-layout';
import { createMockClient, withProviders } from '@/test/mock-client';

describe('app navigation', () => {
  it('links to the GraphQL playground', () => {
    const { client } = createMockClient(() => ({}));
    render(withProviders(<AppLayout />, client, '/products'));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'API playground' })).toHaveAttribute('href', '/graphql/');
  });
});
