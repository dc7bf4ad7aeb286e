// One discarded API's view of the image: the request it corresponds to, the record the app computes from
// the v2 image, and, on demand only, the live record with every difference from the computed one.
import { useQuery, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Connection } from '../../api/http';
import type { Image } from '../../api/imageTypes';
import { computeImagesUrl, glanceV1ImagesUrl } from '../../api/legacyQuery';
import {
  toComputeImage,
  toComputeImageDetail,
  toGlanceV1Image,
  type LegacyLinkContext,
} from '../../api/legacyViews';
import { useImsClient } from '../../queries/imsClientContext';
import {
  computeImageDetailQueryOptions,
  computeImageQueryOptions,
  glanceV1ImageQueryOptions,
  legacyLookupQuery,
} from '../../queries/legacyQueries';
import { ErrorNotice } from '../common/ErrorNotice';
import { diffRecords, type RecordDifference } from './legacyDiff';

export type LegacyView = 'compute-list' | 'compute-detail' | 'glance-v1';

/** Where the legacy records point. An endpoint of '' means this site, which is what its links name. */
function legacyLinkContext(connection: Connection, origin: string): LegacyLinkContext {
  return {
    computeEndpoint: connection.computeEndpoint || origin,
    imageEndpoint: connection.endpoint || origin,
    projectId: connection.projectId,
  };
}

export function LegacyPanel({ view, image }: { view: LegacyView; image: Image }) {
  const client = useImsClient();
  const context = legacyLinkContext(client.connection, window.location.origin);
  const query = legacyLookupQuery(image);
  const computeUrl = (kind: 'list' | 'detail') =>
    computeImagesUrl(context.computeEndpoint, context.projectId, query, kind);
  // Keyed by view: each API's live record is asked for on its own.
  switch (view) {
    case 'compute-list':
      return (
        <LegacyRecord
          key={view}
          url={computeUrl('list')}
          computed={toComputeImage(image, context)}
          options={computeImageQueryOptions(client, image)}
        />
      );
    case 'compute-detail':
      return (
        <LegacyRecord
          key={view}
          url={computeUrl('detail')}
          computed={toComputeImageDetail(image, context)}
          options={computeImageDetailQueryOptions(client, image)}
        />
      );
    case 'glance-v1':
      return (
        <LegacyRecord
          key={view}
          url={glanceV1ImagesUrl(context.imageEndpoint, query)}
          computed={toGlanceV1Image(image)}
          options={glanceV1ImageQueryOptions(client, image)}
        />
      );
  }
}

interface LegacyRecordProps<T, K extends QueryKey> {
  url: string;
  computed: T;
  /** The live lookup; `null` data means the live list has no entry with the image's id. */
  options: UseQueryOptions<T | null, Error, T | null, K>;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

function LegacyRecord<T, K extends QueryKey>({ url, computed, options }: LegacyRecordProps<T, K>) {
  // Nothing is fetched until asked: these APIs are discarded and may not even be reachable.
  const [requested, setRequested] = useState(false);
  const live = useQuery({ ...options, enabled: requested });
  const differences = live.isSuccess && live.data !== null ? diffRecords(computed, live.data) : undefined;

  const fetchLive = () => {
    if (live.isFetching) return;
    // The first time, enabling the query fetches it; after that (or over a record fetched before this
    // tab was last open, still fresh in the cache) only an explicit refetch asks again.
    if (live.status === 'pending') setRequested(true);
    else void live.refetch();
  };

  return (
    <>
      <h3>Request</h3>
      <p>
        <code className="drawer-url">GET {url}</code>
      </p>
      <h3>Computed from the v2 image</h3>
      <pre className="drawer-json">{pretty(computed)}</pre>
      <h3>Live record</h3>
      <div className="drawer-live-actions">
        {/* aria-disabled rather than disabled: the button keeps focus while the request runs. */}
        <button type="button" aria-disabled={live.isFetching} onClick={fetchLive}>
          Fetch live record
        </button>
        <span role="status">{liveSummary(live, differences)}</span>
      </div>
      <LiveResult live={live} differences={differences} url={url} />
    </>
  );
}

function differenceCount(count: number): string {
  return count === 1 ? '1 difference' : `${count} differences`;
}

/** `differences` is undefined until a live record is found. */
type Differences = readonly RecordDifference[] | undefined;

function liveSummary(live: UseQueryResult<unknown>, differences: Differences): string {
  if (live.isFetching) return 'Fetching the live record…';
  if (!live.isSuccess) return '';
  if (!differences) return 'Not in the live list';
  return differences.length === 0 ? 'Matches the live record' : differenceCount(differences.length);
}

interface LiveResultProps {
  live: UseQueryResult<unknown>;
  differences: Differences;
  url: string;
}

function LiveResult({ live, differences, url }: LiveResultProps) {
  if (live.isError) return <ErrorNotice title="The live record could not be fetched" error={live.error} />;
  if (!live.isSuccess) return null;
  if (!differences) {
    return (
      <p className="drawer-muted">
        The answer to <code>GET {url}</code> lists no entry with this image&apos;s id.
      </p>
    );
  }
  return (
    <>
      <DifferenceTable differences={differences} />
      <pre className="drawer-json">{pretty(live.data)}</pre>
    </>
  );
}

/** A value as JSON text; a missing one says so instead of showing nothing. */
function shown(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function DifferenceTable({ differences }: { differences: readonly RecordDifference[] }) {
  if (differences.length === 0) return null;
  return (
    <table className="drawer-diff" aria-label={`${differenceCount(differences.length)} from the live record`}>
      <thead>
        <tr>
          <th scope="col">Path</th>
          <th scope="col">Computed</th>
          <th scope="col">Live</th>
        </tr>
      </thead>
      <tbody>
        {differences.map((difference) => (
          <tr key={difference.path}>
            <th scope="row">
              <code>{difference.path || '(whole record)'}</code>
            </th>
            <td>
              <code>{shown(difference.computed)}</code>
            </td>
            <td>
              <code>{shown(difference.live)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
