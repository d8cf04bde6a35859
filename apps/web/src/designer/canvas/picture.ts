import { getNodesBounds, getViewportForBounds, type Node, type Viewport } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type PictureFormat = 'png' | 'svg';
/** The whole design, or the part of it the canvas shows. */
export type PictureArea = 'whole' | 'visible';

/** The longest side of a picture of the whole design: larger designs are drawn smaller. */
const MAX_SIDE = 8_000;
const PADDING = 40;

interface PictureRequest {
  /** The canvas's `.react-flow` element. */
  flowElement: HTMLElement;
  nodes: Node[];
  viewport: Viewport;
  format: PictureFormat;
  area: PictureArea;
  background: string;
}

/**
 * The diagram as a PNG or SVG data URL (html-to-image, as React Flow's docs do it): the viewport
 * layer drawn at the size of the canvas, or of all the nodes' bounds for the whole design.
 */
export async function pictureOf({
  flowElement,
  nodes,
  viewport,
  format,
  area,
  background,
}: PictureRequest): Promise<string> {
  const layer = flowElement.querySelector<HTMLElement>('.react-flow__viewport');
  if (!layer) throw new Error('the diagram is not on the page');
  let width = flowElement.clientWidth;
  let height = flowElement.clientHeight;
  let transform = viewport;
  if (area === 'whole') {
    const bounds = getNodesBounds(nodes);
    const scale = Math.min(1, MAX_SIDE / Math.max(bounds.width + 2 * PADDING, bounds.height + 2 * PADDING));
    width = Math.max(1, Math.round((bounds.width + 2 * PADDING) * scale));
    height = Math.max(1, Math.round((bounds.height + 2 * PADDING) * scale));
    transform = getViewportForBounds(bounds, width, height, 0.01, 1, `${PADDING}px`);
  }
  const options = {
    backgroundColor: background,
    width,
    height,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.zoom})`,
    },
  };
  return format === 'png' ? toPng(layer, options) : toSvg(layer, options);
}

/** Has the browser download a data URL under a file name. */
export function download(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = fileName;
  link.click();
}
