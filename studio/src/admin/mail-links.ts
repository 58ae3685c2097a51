/** The links of a plain-text mail body (invitation and reset links), to show them clickable. */
export interface MailPart {
  text: string;
  href?: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;

export function splitLinks(body: string): MailPart[] {
  const parts: MailPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: body.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}
