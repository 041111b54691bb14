// The catalogue's srcset and sizes for its posters (issue 15: a phone fetched the 960 px posters).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { POSTER_SMALL_WIDTHS_PX, posterSizes, posterSrcSet, posterWidthPath } from '@/components/catalogue/poster-widths';

describe('catalogue poster widths', () => {
  test('a copy is named for its route and width, beside the full-size poster', () => {
    assert.equal(posterWidthPath('tianzi-sunrise', 480), '/posters/tianzi-sunrise-480w.jpg');
  });

  test('the srcset lists the copies and the full-size poster, narrowest first', () => {
    const copies = [...POSTER_SMALL_WIDTHS_PX].reverse().map((widthPx) => ({ url: posterWidthPath('a', widthPx), widthPx }));
    assert.equal(
      posterSrcSet('/posters/a.jpg', 960, copies),
      '/posters/a-480w.jpg 480w, /posters/a-640w.jpg 640w, /posters/a-800w.jpg 800w, /posters/a.jpg 960w',
    );
    assert.equal(posterSrcSet('/posters/a.jpg', 960, []), '/posters/a.jpg 960w');
  });

  test('every copy is narrower than the full-size poster, and the phone size is the one column inside the gutters', () => {
    assert.ok(POSTER_SMALL_WIDTHS_PX.every((widthPx) => widthPx < 960));
    for (const threeColumns of [true, false]) assert.match(posterSizes(threeColumns), /, 90vw$/);
    assert.notEqual(posterSizes(true), posterSizes(false));
  });
});
