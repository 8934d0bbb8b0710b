import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setBearerToken } from '../lib/bearer';

afterEach(() => {
  cleanup();
  setBearerToken(undefined);
  sessionStorage.clear();
});

// jsdom has no layout; CodeMirror measures text ranges, so give ranges empty geometry
const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
const emptyRect = () => new DOMRect(0, 0, 0, 0);
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = emptyRect;
