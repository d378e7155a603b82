import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PlaygroundLogo } from '@/playground/playground-logo';

describe('playground header', () => {
  it('links back to the app', () => {
    render(<PlaygroundLogo />);

    expect(screen.getByRole('link', { name: '← Product Importer' })).toHaveAttribute('href', '/');
  });
});
