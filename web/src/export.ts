import { fileStem, PNG_SCALE } from '../../src/core/charts/file-names.js';

/** Save `blob` as a file named `name` through the browser's download. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The text of a standalone SVG file of `svg`. */
export function svgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Tooltips belong to the page, not to the file.
  for (const tip of copy.querySelectorAll('[aria-label="tip"], .tooltip, .ally-highlight')) tip.remove();
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** A PNG of `svg` at `scale` times its size (by default the command line's), drawn through a canvas. */
export function pngBlob(svg: SVGSVGElement, scale = PNG_SCALE): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
  return new Promise<Blob>((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (context === null) {
        reject(new Error('this browser cannot draw on a canvas'));
        return;
      }
      context.scale(scale, scale);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob(
        (blob) => (blob === null ? reject(new Error('the PNG could not be encoded')) : resolve(blob)),
        'image/png',
      );
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    image.src = url;
  });
}

/** The stem of a scenario's downloads, as docs/cli.md names them: its name in lower case with dashes, or `armsrace`. */
export { fileStem };

/**
 * Plot names the group of each mark by its type (`<g aria-label="line">`, "rule", "tip"), and ARIA
 * allows a name on a `<g>` only with a role: each such group becomes a named group. A panel drawn
 * by Plot alone (no `role`) becomes an image named by `label`, its numbers being in a table.
 */
export function accessibleSvg(root: ParentNode, label?: string): void {
  for (const g of root.querySelectorAll('g[aria-label]:not([role])')) g.setAttribute('role', 'group');
  if (label === undefined) return;
  for (const svg of root.querySelectorAll(':scope > svg:not([role]), :scope > figure > svg:not([role])')) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
}

/** Hosts whose later changes (Plot redraws a tooltip's group as the pointer moves) are watched. */
const watched = new WeakSet<Element>();

/**
 * Put the chart `draw` makes into `host`, or, when it throws, a note saying why it cannot be drawn;
 * the chart's groups are made accessible (`accessibleSvg`), now and whenever Plot redraws a part.
 */
export function drawChart(host: Element, draw: () => Node, label?: string): void {
  if (!watched.has(host)) {
    watched.add(host);
    new MutationObserver(() => accessibleSvg(host)).observe(host, { childList: true, subtree: true });
  }
  try {
    host.replaceChildren(draw());
    accessibleSvg(host, label);
  } catch (error) {
    const p = document.createElement('p');
    p.className = 'chart-error';
    p.textContent = `This chart cannot be drawn: ${error instanceof Error ? error.message : String(error)}`;
    host.replaceChildren(p);
  }
}
