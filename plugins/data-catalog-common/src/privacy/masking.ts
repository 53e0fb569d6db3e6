/**
 * Replaces every digit with `*` but the last `keep`, so that the writer can
 * tell which number a message means without the message repeating it.
 */
export function maskDigits(text: string, keep = 0): string {
  const total = text.replace(/\D/g, '').length;
  let seen = 0;
  return text.replace(/\d/g, digit => {
    seen += 1;
    return seen > total - keep ? digit : '*';
  });
}

/** Keeps the first letter of each word of a name and masks the rest. */
export function maskName(name: string): string {
  return name.replace(
    /(\p{L})([\p{L}'’-]*)/gu,
    (_, first: string, rest: string) => first + '*'.repeat(rest.length),
  );
}
