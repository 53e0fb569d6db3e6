/**
 * Offers a file to the browser as a download, through a link clicked on the
 * page's behalf.
 */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start the download after click() returns; revoking at once
  // would cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
