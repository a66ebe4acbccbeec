import { Component, type ReactNode } from 'react';

interface Props {
  fallback: (retry: () => void) => ReactNode;
  children: ReactNode;
}

/**
 * Catches a page that failed to render or whose chunk failed to load (offline, or a new
 * version replaced the files), so the shell and navigation stay usable.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (this.state.failed)
      return this.props.fallback(() => {
        this.setState({ failed: false });
      });
    return this.props.children;
  }
}
