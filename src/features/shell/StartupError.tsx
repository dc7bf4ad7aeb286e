/** Shown when the app cannot start: a bad config.json, or a demo backend that did not come up. */
export function StartupError({ error }: { error: unknown }) {
  return (
    <main className="startup-error">
      <div role="alert" className="notice notice-error">
        <p className="notice-title">The catalogue could not start</p>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </div>
    </main>
  );
}
