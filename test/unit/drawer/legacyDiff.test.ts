import { describe, expect, it } from 'vitest';
import { toComputeImageDetail } from '../../../src/api/legacyViews';
import { diffRecords, type RecordDifference } from '../../../src/features/drawer/legacyDiff';
import { createImage } from '../../support/createImage';

describe('diffRecords', () => {
  it.each<[string, unknown, unknown, RecordDifference[]]>([
    ['equal records', { a: 1, b: [1, 2] }, { a: 1, b: [1, 2] }, []],
    ['the same keys in another order', { a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 }, []],
    ['a different leaf', { a: 1 }, { a: 2 }, [{ path: 'a', computed: 1, live: 2 }]],
    [
      'a different nested leaf',
      { metadata: { __platform: 'CentOS', __os_bit: '64' } },
      { metadata: { __platform: 'Ubuntu', __os_bit: '64' } },
      [{ path: 'metadata.__platform', computed: 'CentOS', live: 'Ubuntu' }],
    ],
    [
      'a leaf inside an array',
      { links: [{ href: 'http://a/1', rel: 'self' }] },
      { links: [{ href: 'http://b/1', rel: 'self' }] },
      [{ path: 'links[0].href', computed: 'http://a/1', live: 'http://b/1' }],
    ],
    [
      'a key missing from the live record',
      { a: 1, b: 2 },
      { a: 1 },
      [{ path: 'b', computed: 2, live: undefined }],
    ],
    [
      'a key only the live record has',
      { a: 1 },
      { a: 1, c: 3 },
      [{ path: 'c', computed: undefined, live: 3 }],
    ],
    [
      'a whole subtree on one side only, as one difference',
      { server: { id: 's', links: [] } },
      {},
      [{ path: 'server', computed: { id: 's', links: [] }, live: undefined }],
    ],
    ['an extra array element', [1], [1, 2], [{ path: '[1]', computed: undefined, live: 2 }]],
    [
      'array order',
      { tags: ['a', 'b'] },
      { tags: ['b', 'a'] },
      [
        { path: 'tags[0]', computed: 'a', live: 'b' },
        { path: 'tags[1]', computed: 'b', live: 'a' },
      ],
    ],
    ['an object against an array', { a: {} }, { a: [] }, [{ path: 'a', computed: {}, live: [] }]],
    ['null against a value', { size: null }, { size: 5 }, [{ path: 'size', computed: null, live: 5 }]],
    [
      'null against an absent key',
      { deleted_at: null },
      {},
      [{ path: 'deleted_at', computed: null, live: undefined }],
    ],
    [
      'a number against its string',
      { minRam: 0 },
      { minRam: '0' },
      [{ path: 'minRam', computed: 0, live: '0' }],
    ],
    ['an undefined value as an absent key', { a: 1, b: undefined }, { a: 1 }, []],
    [
      'keys that are not identifiers, in brackets',
      { 'OS-EXT-IMG-SIZE:size': 1, server: { 'x-y': 1 } },
      { 'OS-EXT-IMG-SIZE:size': 2, server: { 'x-y': 2 } },
      [
        { path: '["OS-EXT-IMG-SIZE:size"]', computed: 1, live: 2 },
        { path: 'server["x-y"]', computed: 1, live: 2 },
      ],
    ],
    ['two different roots', 'a', 'b', [{ path: '', computed: 'a', live: 'b' }]],
  ])('%s', (_, computed, live, differences) => {
    expect(diffRecords(computed, live)).toEqual(differences);
  });

  it('lists the computed record’s keys in its order, then those only the live record has', () => {
    expect(diffRecords({ z: 1, a: 1 }, { y: 2, a: 2, z: 2 }).map((difference) => difference.path)).toEqual([
      'z',
      'a',
      'y',
    ]);
  });

  it('finds the changed fields of a real compute detail record', () => {
    const context = {
      computeEndpoint: 'https://ecs.test',
      imageEndpoint: 'https://ims.test',
      projectId: 'p1',
    };
    const computed = toComputeImageDetail(createImage({ __support_kvm: 'true' }), context);
    const live = structuredClone(computed);
    live.metadata.__support_kvm = 'false';
    live.links[0] = { href: 'https://ecs.test/v2.1/p1/images/x', rel: 'self' };
    expect(diffRecords(computed, live)).toEqual([
      { path: 'links[0].href', computed: computed.links[0]?.href, live: 'https://ecs.test/v2.1/p1/images/x' },
      { path: 'metadata.__support_kvm', computed: 'true', live: 'false' },
    ]);
  });
});
