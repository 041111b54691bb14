'use client';
// Keeps a scene that fails to start (no WebGL2, a lost context, a shader error) from
// taking the player down: the controls stay and the visitor gets a plain message.
import { Component, type ReactNode } from 'react';

interface CanvasErrorBoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
  onError?: (error: unknown) => void;
}

export class CanvasErrorBoundary extends Component<CanvasErrorBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown): void {
    console.error('[FlightPlayer] the scene failed to render', error);
    this.props.onError?.(error);
  }

  render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
