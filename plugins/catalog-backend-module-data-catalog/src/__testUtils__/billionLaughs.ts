/**
 * A YAML document of a few hundred bytes whose aliases nest nine deep,
 * nine each, so that read naively it expands to 9^9 (387 million) items:
 * the "billion laughs". `header` is written above it, such as an entity's
 * apiVersion, kind and metadata, so that it looks like one.
 */
export function billionLaughs(header: string): string {
  const lines = [
    header.trimEnd(),
    'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  ];
  for (let i = 1; i < 9; i++) {
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
