import * as Plot from '@observablehq/plot';
import {
  type ChartDocument,
  type ChartElement,
  type ChartSpec,
  DEFAULT_CHART_HEIGHT,
  DEFAULT_CHART_WIDTH,
} from './chart-spec.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Generic family: every renderer resolves it (resvg through its `sansSerifFamily`). */
export const CHART_FONT_FAMILY = 'sans-serif';

const PAD_X = 16;
const TITLE = { size: 22, baseline: 32 };
const SUBTITLE = { size: 14, lineHeight: 18, gap: 24 };
const CAPTION = { size: 12, lineHeight: 16, bottom: 12 };
/** Average advance of a character in em, generous so that wide fonts (DejaVu Sans) fit too. */
const CHAR_EM = 0.58;
/** The same for bold text (DejaVu Sans Bold is about a tenth wider). */
const BOLD_CHAR_EM = 0.64;

/**
 * Estimate the width in px of a one-line text, generously (wide fonts such as DejaVu Sans fit):
 * what the charts use to keep labels apart and inside their margins.
 *
 * @param text The text.
 * @param fontSizePx Font size in px.
 * @param bold Whether the text is bold.
 * @example textWidth('Poland', 12) // 41.76
 */
export function textWidth(text: string, fontSizePx: number, bold = false): number {
  return [...text].length * fontSizePx * (bold ? BOLD_CHAR_EM : CHAR_EM);
}

/** Where the parts of a chart go, in px from the top left. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly subtitleLines: readonly string[];
  readonly captionLines: readonly string[];
  readonly panelTop: number;
  readonly panelHeight: number;
}

/**
 * Break a text into lines of at most `maxWidthPx` at an estimated character width.
 *
 * A word longer than a line gets a line of its own.
 *
 * @param text Text with words separated by spaces.
 * @param maxWidthPx Line width in px.
 * @param fontSizePx Font size in px.
 * @example wrapText('a b c', 20, 10) // ['a b', 'c']
 */
export function wrapText(text: string, maxWidthPx: number, fontSizePx: number): string[] {
  const maxChars = Math.max(1, Math.floor(maxWidthPx / (fontSizePx * CHAR_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lay out a chart: title and subtitle above, caption below, the Plot panel in between.
 *
 * @param texts The subtitle and caption paragraphs.
 * @param width Width of the whole chart in px.
 * @param height Height of the whole chart in px.
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example chartLayout({ subtitle: 'x', caption: ['y'] }, 960, 540).panelTop // 70
 */
export function chartLayout(
  texts: Pick<ChartSpec, 'subtitle' | 'caption'>,
  width = DEFAULT_CHART_WIDTH,
  height = DEFAULT_CHART_HEIGHT,
): ChartLayout {
  const textWidth = width - 2 * PAD_X;
  const subtitleLines = wrapText(texts.subtitle, textWidth, SUBTITLE.size);
  const captionLines = texts.caption.flatMap((p) => wrapText(p, textWidth, CAPTION.size));
  const panelTop = TITLE.baseline + SUBTITLE.gap + (subtitleLines.length - 1) * SUBTITLE.lineHeight + 14;
  const footer = captionLines.length * CAPTION.lineHeight + CAPTION.bottom + 4;
  const panelHeight = height - panelTop - footer;
  if (!(panelHeight >= 120) || !(width >= 240)) {
    throw new RangeError(`chart size ${width}×${height} px leaves no room for the panel; use at least 480×320`);
  }
  return { width, height, subtitleLines, captionLines, panelTop, panelHeight };
}

function element(owner: ChartDocument, name: string, attributes: Record<string, string | number>): ChartElement {
  const node = owner.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  return node;
}

function text(document: ChartDocument, content: string, attributes: Record<string, string | number>): ChartElement {
  const node = element(document, 'text', attributes);
  node.textContent = content;
  return node;
}

/**
 * Build a chart specification into one standalone `<svg>`: white background, title, subtitle, the
 * Plot panel as a nested `<svg>`, and the caption as SVG text (so a PNG shows them too).
 *
 * @param spec The chart specification.
 * @param options `document` to create elements with; `width` and `height` of the chart in px (960×540).
 * @throws {RangeError} when the size leaves no room for the panel.
 * @example composeChart(alliesBurden(result), { document }).getAttribute('width') // '960'
 */
export function composeChart(
  spec: ChartSpec,
  options: { readonly document: ChartDocument; readonly width?: number; readonly height?: number },
): ChartElement {
  const { document } = options;
  const layout = chartLayout(spec, options.width, options.height);
  const { width, height } = layout;
  const svg = element(document, 'svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    'font-family': CHART_FONT_FAMILY,
    role: 'img',
    'aria-label': spec.title,
    'data-chart': spec.id,
  });
  const title = element(document, 'title', {});
  title.textContent = spec.title;
  svg.appendChild(title);
  svg.appendChild(element(document, 'rect', { width, height, fill: 'white' }));
  svg.appendChild(
    text(document, spec.title, {
      x: PAD_X,
      y: TITLE.baseline,
      'font-size': TITLE.size,
      'font-weight': 'bold',
      fill: '#111111',
      class: 'chart-title',
    }),
  );
  layout.subtitleLines.forEach((line, i) => {
    svg.appendChild(
      text(document, line, {
        x: PAD_X,
        y: TITLE.baseline + SUBTITLE.gap + i * SUBTITLE.lineHeight,
        'font-size': SUBTITLE.size,
        fill: '#444444',
        class: 'chart-subtitle',
      }),
    );
  });
  const style = { fontFamily: CHART_FONT_FAMILY, fontSize: '12px', background: 'white', color: '#222222' };
  const panel = Plot.plot({
    ...spec.plot,
    style: { ...style, ...(typeof spec.plot.style === 'object' ? spec.plot.style : {}) },
    // The caller's document: the page's in a browser, linkedom's in Node.
    document: document as unknown as NonNullable<Plot.PlotOptions['document']>,
    width,
    height: layout.panelHeight,
  }) as unknown as ChartElement;
  panel.setAttribute('x', '0');
  panel.setAttribute('y', String(layout.panelTop));
  svg.appendChild(panel);
  const firstCaption = height - CAPTION.bottom - (layout.captionLines.length - 1) * CAPTION.lineHeight;
  layout.captionLines.forEach((line, i) => {
    svg.appendChild(
      text(document, line, {
        x: PAD_X,
        y: firstCaption + i * CAPTION.lineHeight,
        'font-size': CAPTION.size,
        fill: '#666666',
        class: 'chart-caption',
      }),
    );
  });
  return svg;
}

/**
 * One registry entry from a chart's spec function: `build` composes the spec into a standalone
 * `<svg>` made with the caller's `ChartDocument`; it serves single runs and ensembles alike.
 *
 * @example defineChart('balance', 'Balance of military capability', balance).build(result, { document })
 */
export function defineChart<R, O extends { readonly width?: number | undefined; readonly height?: number | undefined }>(
  id: string,
  title: string,
  spec: (result: R, options?: O) => ChartSpec,
): {
  readonly id: string;
  readonly title: string;
  readonly spec: (result: R, options?: O) => ChartSpec;
  readonly build: (result: R, options: O & { readonly document: ChartDocument }) => ChartElement;
} {
  return {
    id,
    title,
    spec,
    build: (result, options) =>
      composeChart(spec(result, options), { document: options.document, width: options.width, height: options.height }),
  };
}

/** Estimated advance of a character of a 12 px axis label, px. */
const LABEL_CHAR_PX = 7;

/**
 * The left margin of a horizontal bar chart whose 12 px axis labels are `labels` (at least 80 px,
 * at most 42 % of the width), and the line width in em at which those labels wrap.
 *
 * @param labels The axis labels.
 * @param width Width of the whole chart in px.
 * @example labelMargin(['Russia'], 960).marginLeft // 80
 */
export function labelMargin(labels: readonly string[], width: number): { marginLeft: number; lineWidthEm: number } {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  const marginLeft = Math.round(Math.min(width * 0.42, Math.max(80, 16 + longest * LABEL_CHAR_PX)));
  return { marginLeft, lineWidthEm: Math.max(8, (marginLeft - 16) / 12 / 0.6) };
}
