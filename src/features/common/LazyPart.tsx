import { Component, Suspense, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface LazyPartProps {
  /** What the part is, for the notice: "The image details". */
  name: string;
  children: ReactNode;
}

/**
 * A lazily loaded part of the page. Its chunk can fail to arrive (offline, or a redeployment removed the
 * old hashed file an open tab asks for): then the part says so and offers a reload, and the rest of the
 * catalogue stays.
 */
export class LazyPart extends Component<LazyPartProps, { error: unknown }> {
  override state = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === undefined) return <Suspense fallback={null}>{this.props.children}</Suspense>;
    return (
      <div className="lazy-part-failed">
        <ErrorNotice
          title={`${this.props.name} could not be loaded: the site may have been updated, or the network is down`}
          error={error}
          onRetry={() => window.location.reload()}
          retryLabel="Reload the page"
        />
      </div>
    );
  }
}
