import { useReactFlow } from '@xyflow/react';
import { ImageDown } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { toast } from '../../components/Toasts.tsx';
import { download, type PictureArea, type PictureFormat, pictureOf } from '../canvas/picture.ts';
import { SmallSelect } from './fields.tsx';

interface ExportPictureProps {
  /** The design's name, for the file's. */
  name: string;
  /** Has the canvas draw every node, not only those on screen (on), or go back (off); resolves once drawn. */
  drawEverything: (on: boolean) => Promise<void>;
}

/** Buttons that download the diagram as PNG or SVG, of the whole design or of the visible part. */
export function ExportPicture({ name, drawEverything }: ExportPictureProps) {
  const flow = useReactFlow();
  const [area, setArea] = useState<PictureArea>('whole');
  const [pending, setPending] = useState<PictureFormat>();

  const exportAs = async (format: PictureFormat) => {
    const flowElement = document.querySelector<HTMLElement>('[aria-label="Diagram of the design"]');
    if (!flowElement) return;
    setPending(format);
    try {
      // The canvas draws only what is on screen; a picture of the whole needs every node drawn.
      if (area === 'whole') await drawEverything(true);
      const dataUrl = await pictureOf({
        flowElement,
        nodes: flow.getNodes(),
        viewport: flow.getViewport(),
        format,
        area,
        background: getComputedStyle(document.body).backgroundColor || '#ffffff',
      });
      download(dataUrl, `${name || 'design'}.${format}`);
    } catch (error) {
      toast(`The picture could not be made: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setPending(undefined);
      if (area === 'whole') await drawEverything(false);
    }
  };

  return (
    <fieldset className="flex flex-wrap items-end gap-2">
      <legend className="sr-only">Export the diagram as a picture</legend>
      <SmallSelect
        label="Picture of"
        value={area}
        onChange={(event) => setArea(event.target.value === 'visible' ? 'visible' : 'whole')}
      >
        <option value="whole">the whole design</option>
        <option value="visible">the visible part</option>
      </SmallSelect>
      <Button pending={pending === 'png'} disabled={pending !== undefined} onClick={() => exportAs('png')}>
        <ImageDown aria-hidden className="size-4" />
        Export PNG
      </Button>
      <Button pending={pending === 'svg'} disabled={pending !== undefined} onClick={() => exportAs('svg')}>
        <ImageDown aria-hidden className="size-4" />
        Export SVG
      </Button>
    </fieldset>
  );
}
