import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDateTime } from '../../../src/lib/format';
import { imageArchitecture, imageSizeBytes, imageTypeLabel } from '../../../src/api/imageFacts';
import { createImage } from '../../support/createImage';

describe('formatBytes', () => {
  it.each([
    [undefined, '—'],
    [-1, '—'],
    [0, '0 B'],
    [1023, '1023 B'],
    [1536, '1.5 KB'],
    [40 * 1024 ** 3, '40.0 GB'],
    [150 * 1024 ** 2, '150 MB'],
    [3 * 1024 ** 6, '3072 PB'],
  ])('%s → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatDateTime', () => {
  it.each([
    ['2018-09-06T14:03:27Z', '6 Sept 2018, 14:03 UTC'],
    ['2018-09-06 14:03:27', '6 Sept 2018, 14:03 UTC'],
    ['2016-05-22T06:04:20.425843', '22 May 2016, 06:04 UTC'],
    ['not a date', 'not a date'],
    [undefined, '—'],
  ])('%s → %s', (time, text) => expect(formatDateTime(time)).toBe(text));
});

it('formats counts with separators', () => expect(formatCount(100000)).toBe('100,000'));

describe('imageSizeBytes', () => {
  it.each([
    [{ __image_size: '1073741824', size: 0 }, 1073741824],
    [{ __image_size: undefined, size: 2048 }, 2048],
    [{ __image_size: '0', size: 5 }, 5],
    [{ __image_size: 'garbage', size: null }, undefined],
    [{ __image_size: undefined, size: 0 }, undefined],
  ])('%j → %s', (fields, bytes) => expect(imageSizeBytes(createImage(fields))).toBe(bytes));
});

describe('imageTypeLabel', () => {
  it.each([
    ['gold', 'Public'],
    ['private', 'Private'],
    ['shared', 'Shared'],
    ['market', 'Marketplace'],
    ['future', 'future'],
    [undefined, undefined],
  ])('%s → %s', (type, label) => expect(imageTypeLabel(createImage({ __imagetype: type }))).toBe(label));
});

describe('imageArchitecture', () => {
  it.each([
    [{ __support_arm: 'true' }, 'Arm'],
    [{ __support_arm: 'True' }, 'Arm'],
    [{ __support_amd: 'true' }, 'x86 (AMD)'],
    [{ __support_arm: 'false' }, 'x86'],
    [{}, undefined],
  ])('%j → %s', (fields, label) => expect(imageArchitecture(createImage(fields))).toBe(label));
});
