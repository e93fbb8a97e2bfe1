// The HTML path of the loader: charset sniffing, metadata, furniture removal, and
// robustness (deep nesting, malformed and huge pages).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffDeclaredCharset } from '../../src/load/html/charset.js';
import { decodeHtmlBytes } from '../../src/load/html/decode-html.js';
import { extractHtml } from '../../src/load/html/extract-html.js';
import { isoDate } from '../../src/load/html/metadata.js';

const bytes = (s: string, encoding = 'utf-8'): Uint8Array => new Uint8Array(iconv.encode(s, encoding));
const decoded = (b: Uint8Array) => {
  const d = decodeHtmlBytes(b);
  if (!d.ok) throw new Error(d.error);
  return d;
};
const PARA = 'Inspectors found that children were seen quickly and that plans were reviewed on time.';

describe('charset sniffing', () => {
  it('reads <meta charset>', () => {
    const page = `<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 \u2013 ${PARA}</p></body></html>`;
    expect(sniffDeclaredCharset(bytes(page, 'windows-1252'))).toBe('windows-1252');
    const d = decoded(bytes(page, 'windows-1252'));
    expect(d.text).toContain('Caf\u00e9 \u2013');
    expect(d.lossy).toBe(false);
  });

  it('reads Content-Type in <meta http-equiv>, attributes in any order and case', () => {
    const page = `<HTML><HEAD><META CONTENT="text/html; charset=ISO-8859-15" HTTP-EQUIV="Content-Type"></HEAD><BODY>\u20ac10m</BODY></HTML>`;
    expect(sniffDeclaredCharset(bytes(page, 'iso-8859-15'))).toBe('iso-8859-15');
    expect(decoded(bytes(page, 'iso-8859-15')).text).toContain('\u20ac10m');
  });

  it('lets a BOM win over the declaration', () => {
    const page = `<meta charset="windows-1252"><p>\u00c4rger \u2019quoted\u2019</p>`;
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(page)]);
    const d = decoded(withBom);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('\u00c4rger \u2019quoted\u2019');
    const utf16 = new Uint8Array([0xff, 0xfe, ...bytes(page, 'utf-16le')]);
    expect(decoded(utf16).text).toContain('\u00c4rger');
  });

  it('does not believe a page that declares Latin-1 but is UTF-8', () => {
    const page = `<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe aus M\u00fcnchen \u2013 ${PARA}</p>`;
    const d = decoded(bytes(page, 'utf-8'));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('Gr\u00fc\u00dfe aus M\u00fcnchen \u2013');
  });

  it('does not believe a page that declares UTF-8 but is Windows-1252', () => {
    const page = `<meta charset="utf-8"><p>The council\u2019s \u201cgood\u201d rating \u2013 ${PARA}</p>`;
    const d = decoded(bytes(page, 'windows-1252'));
    expect(d.text).toContain('The council\u2019s \u201cgood\u201d rating \u2013');
  });

  it('reads a meta claim of UTF-16 on a byte-oriented page as UTF-8', () => {
    const page = `<meta charset="utf-16"><p>na\u00efve</p>`;
    expect(decoded(bytes(page)).text).toContain('na\u00efve');
  });

  it('finds nothing when nothing is declared', () => {
    expect(sniffDeclaredCharset(bytes('<p>plain</p>'))).toBeNull();
  });
});

describe('metadata', () => {
  it('prefers og:title, then h1, then <title>', () => {
    expect(extractHtml('<title>T</title><meta property="og:title" content="OG"><h1>H</h1>').title).toBe('OG');
    expect(extractHtml('<title>T</title><h1>H <b>one</b></h1>').title).toBe('H one');
    expect(extractHtml('<title> T &amp; U </title>').title).toBe('T & U');
  });

  it('reads published from article:published_time, JSON-LD and <time>', () => {
    expect(extractHtml('<meta property="article:published_time" content="2021-03-04T10:00:00Z">').published).toBe('2021-03-04');
    const ld = '<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2019-12-01T08:00:00+00:00"}]}</script>';
    expect(extractHtml(ld).published).toBe('2019-12-01');
    expect(extractHtml('<p><time datetime="2018-07-09">9 July</time></p>').published).toBe('2018-07-09');
    expect(extractHtml('<script type="application/ld+json">{not json</script>').published).toBeNull();
  });

  it('reads url from the canonical link, else og:url, and section from article:section', () => {
    const page = '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y"><meta property="article:section" content="News">';
    expect(extractHtml(page)).toMatchObject({ url: 'https://a.example/x', section: 'News' });
    expect(extractHtml('<meta property="og:url" content="https://b.example/y">').url).toBe('https://b.example/y');
  });

  it('normalises ISO-style dates and rejects others', () => {
    expect(isoDate('2020-02-29T23:59:59-05:00')).toBe('2020-02-29');
    expect(isoDate('20200229')).toBe('2020-02-29');
    expect(isoDate('2020/13/01')).toBeNull();
    expect(isoDate('29 February 2020')).toBeNull();
  });
});

describe('main text', () => {
  const article = (body: string) => `<html><body><nav><a href="/">Home</a> <a href="/n">News</a></nav><article><h1>Headline here</h1>${body}</article><footer>Footer text \u00a9 2020</footer></body></html>`;

  it('puts the headline first, once', () => {
    const got = extractHtml(`<meta property="og:title" content="Headline here">${article(`<p>${PARA}</p>`)}`);
    expect(got.paragraphs).toEqual(['Headline here', PARA]);
  });

  it('adds the title when the content does not start with it', () => {
    const got = extractHtml(`<title>Other title</title><div><p>${PARA}</p><p>${PARA} Again.</p></div>`);
    expect(got.paragraphs[0]).toBe('Other title');
  });

  it('drops scripts, styles, comments, nav, footer, share and cookie blocks, and reports captions and bylines', () => {
    const got = extractHtml(article(`
      <p class="byline">By A. Writer</p><!-- a comment -->
      <script>var x = "not text";</script><style>p{}</style><noscript>Enable JS</noscript>
      <figure><img src="a.jpg"><figcaption>The council offices</figcaption></figure>
      <p>${PARA}</p>
      <div class="share-buttons"><a href="#">Share</a></div>
      <div id="cookie-notice">We use cookies on this site to make it work better for everyone.</div>
      <p>Second paragraph, with enough words to count as running text for the scorer.</p>`));
    expect(got.paragraphs).toEqual(['Headline here', PARA, 'Second paragraph, with enough words to count as running text for the scorer.']);
    expect(got.removed).toEqual(expect.arrayContaining([
      { kind: 'byline', text: 'By A. Writer' },
      { kind: 'caption', text: 'The council offices' },
      { kind: 'share', text: 'Share' },
      { kind: 'navigation', text: 'Home News' },
    ]));
    expect(got.paragraphs.join(' ')).not.toMatch(/not text|Enable JS|a comment|cookies|Footer/);
  });

  it('separates blocks, decodes entities, keeps table text, flattens <br>', () => {
    const got = extractHtml(article(`<p>One&nbsp;&amp;&#160;two<br>three</p><p>${PARA}</p><table><tr><td>Overall</td><td>Good</td></tr></table>`));
    expect(got.paragraphs).toEqual(['Headline here', 'One & two three', PARA, 'Overall', 'Good']);
  });

  it('keeps the article when its wrapper carries a misleading class', () => {
    const got = extractHtml(`<div class="sidebar-layout has-comments"><div class="widget post"><p>${PARA}</p><p>${PARA} Twice.</p></div></div><div class="sidebar"><p>Other text that is long enough to count as text, maybe.</p></div>`);
    expect(got.paragraphs).toContain(PARA);
  });
});

describe('robustness', () => {
  it('survives 20,000-deep nesting, quickly', () => {
    const depth = 20_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${PARA}</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const got = extractHtml(html);
    expect(got.paragraphs).toContain(PARA);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('survives deep unclosed inline nesting', () => {
    const html = `<body>${'<span><b><i>'.repeat(10_000)}${PARA}</body>`;
    expect(extractHtml(html).paragraphs.join(' ')).toContain(PARA);
  });

  it('copes with malformed HTML', () => {
    const html = `<html><head><title>Broken</title><body><div><p>${PARA}<p>Second paragraph that is unclosed and long enough to be running text.<div></span></b><table><td>cell</table></i><p>Tail paragraph with a stray </div></div></div> close tag, still inside.`;
    const got = extractHtml(html);
    expect(got.paragraphs).toContain(PARA);
    expect(got.paragraphs.join(' ')).toContain('Second paragraph that is unclosed');
  });

  it('returns the title alone for an empty or text-less page', () => {
    expect(extractHtml('').paragraphs).toEqual([]);
    expect(extractHtml('<title>Only a title</title>').paragraphs).toEqual(['Only a title']);
    expect(extractHtml('<<<>>> &&& </p></div>').paragraphs.length).toBeLessThanOrEqual(1);
  });

  it('handles a huge page in linear time', () => {
    const blocks = Array.from({ length: 20_000 }, (_, i) => `<div class="c"><p>${i}. ${PARA}</p><a href="#">link</a></div>`);
    const html = `<html><body>${blocks.join('')}</body></html>`;
    const started = performance.now();
    const got = extractHtml(html);
    expect(got.paragraphs.length).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
