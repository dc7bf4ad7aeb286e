import { describe, expect, it } from 'vitest';
import { endpointProblem } from '../../../src/config/endpoint';

describe('endpointProblem', () => {
  it.each([
    'https://ims.ap-southeast-1.myhuaweicloud.com',
    'http://127.0.0.1:9292',
    'https://cloud.example.com/image',
  ])('accepts %s', (url) => {
    expect(endpointProblem(url)).toBeUndefined();
  });

  it.each([
    ['ims.example.com', 'full URL'],
    ['ftp://ims.example.com', 'https://'],
    ['javascript:alert(1)', 'https://'],
    ['https://ims.example.com/?a=1', 'no query'],
    ['https://ims.example.com/#x', 'no query, fragment'],
    ['https://user:secret@ims.example.com', 'credentials'],
  ])('refuses %s, saying why', (url, reason) => {
    expect(endpointProblem(url)).toContain(reason);
  });
});
