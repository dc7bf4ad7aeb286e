import { isApiError } from '../../api/apiError';

interface ErrorNoticeProps {
  error: unknown;
  title: string;
  onRetry?: () => void;
  retryLabel?: string;
}

/** A failure as a person can act on it: what happened, the request id for support, and a retry. */
export function ErrorNotice({ error, title, onRetry, retryLabel = 'Retry' }: ErrorNoticeProps) {
  const message = error instanceof Error ? error.message : String(error);
  const apiError = isApiError(error) ? error : undefined;
  return (
    <div role="alert" className="notice notice-error">
      <p className="notice-title">{title}</p>
      <p>{message}</p>
      {apiError?.code || apiError?.requestId ? (
        <dl className="notice-facts">
          {apiError.status ? (
            <>
              <dt>HTTP status</dt>
              <dd>{apiError.status}</dd>
            </>
          ) : null}
          {apiError.code ? (
            <>
              <dt>Error code</dt>
              <dd>{apiError.code}</dd>
            </>
          ) : null}
          {apiError.requestId ? (
            <>
              <dt>Request id</dt>
              <dd>
                <code>{apiError.requestId}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
