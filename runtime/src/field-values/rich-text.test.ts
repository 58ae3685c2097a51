import { normalizeRichText, richTextToPlainText, sanitizeRichText } from './rich-text.js';

describe('sanitizeRichText', () => {
  it('keeps basic formatting, lists, headings, quotes and code', () => {
    const html =
      '<h2>Title</h2><h3>Sub</h3><p>A <strong>b</strong> <em>i</em> <u>u</u> <s>s</s><br />line</p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><pre><code>x &lt; y</code></pre>';
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('writes b and i as strong and em', () => {
    expect(sanitizeRichText('<p><b>bold</b> <i>it</i></p>')).toBe('<p><strong>bold</strong> <em>it</em></p>');
  });

  it('keeps http, https and mailto links, opening them without access to this window', () => {
    expect(sanitizeRichText('<a href="https://example.com/a?b=1&amp;c=2">x</a>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer" target="_blank">x</a>',
    );
    expect(sanitizeRichText('<a href="mailto:ann@example.com" rel="opener" onclick="x()">mail</a>')).toBe(
      '<a href="mailto:ann@example.com" rel="noopener noreferrer" target="_blank">mail</a>',
    );
  });

  it.each([
    ['a script, content and all', '<p>hi</p><script>alert(1)</script>', '<p>hi</p>'],
    ['an image with onerror', '<p>x<img src="x" onerror="alert(1)"></p>', '<p>x</p>'],
    ['a javascript: link', '<a href="javascript:alert(1)">click</a>', '<a>click</a>'],
    ['a javascript: link hidden by case, spaces and entities', '<a href=" JaVa&#x09;ScRiPt:alert(1)">c</a>', '<a>c</a>'],
    ['a data: link', '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', '<a>d</a>'],
    ['a protocol-relative link', '<a href="//evil.example">e</a>', '<a>e</a>'],
    ['an svg with onload', '<svg onload="alert(1)"><circle/></svg><p>ok</p>', '<p>ok</p>'],
    ['a style element and style attributes', '<style>body{display:none}</style><p style="color:red">t</p>', '<p>t</p>'],
    ['event handlers on allowed tags', '<p onclick="alert(1)" onmouseover="x">t</p>', '<p>t</p>'],
    ['a relative link', '<a href="/admin">r</a>', '<a>r</a>'],
    ['a vbscript: link with an entity-encoded colon', '<a href="vbscript&#58;msgbox(1)">v</a>', '<a>v</a>'],
    ['iframes, objects and forms', '<iframe src="https://x"></iframe><object data="x"></object><form><input value="v"></form>', ''],
    ['unknown tags, keeping their text', '<div><span class="c" id="d">text</span></div>', 'text'],
  ])('neutralises %s', (_what, html, safe) => {
    expect(sanitizeRichText(html)).toBe(safe);
  });

  it('is idempotent', () => {
    const once = sanitizeRichText('<p>a<script>x</script><a href="https://e.x" onclick="y">l</a><img src=x onerror=alert(1)></p>');
    expect(sanitizeRichText(once)).toBe(once);
  });
});

describe('normalizeRichText', () => {
  it('stores sanitized HTML, and null when no text is left', () => {
    expect(normalizeRichText('<p>Hi<script>x</script></p>')).toBe('<p>Hi</p>');
    expect(normalizeRichText('<p><br></p>')).toBeNull();
    expect(normalizeRichText('  ')).toBeNull();
    expect(normalizeRichText(42)).toBe(42);
  });

  it('reads the text of rich text', () => {
    expect(richTextToPlainText('<p>Tom &amp; <b>Jerry</b></p><script>x</script>')).toBe('Tom & Jerry');
  });
});
