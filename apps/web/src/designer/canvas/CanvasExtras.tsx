import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';

export interface GroupNodeData extends Record<string, unknown> {
  name: string;
  color: string;
  width: number;
  height: number;
}
export type GroupNodeType = Node<GroupNodeData, 'group-area'>;

/** A named, coloured area behind its tables; dragging it moves them. */
export const GroupNode = memo(function GroupNode({ data }: NodeProps<GroupNodeType>) {
  return (
    <div
      style={{
        width: data.width,
        height: data.height,
        borderColor: data.color,
        backgroundColor: `${data.color}1a`,
      }}
      className="rounded-lg border-2 border-dashed"
    >
      <span style={{ color: data.color }} className="px-2 text-sm font-semibold">
        {data.name}
      </span>
    </div>
  );
});

export interface NoteNodeData extends Record<string, unknown> {
  text: string;
}
export type NoteNodeType = Node<NoteNodeData, 'note'>;

export const NoteNode = memo(function NoteNode({ data }: NodeProps<NoteNodeType>) {
  return (
    <div className="max-w-60 rounded bg-amber-100 p-2 text-xs whitespace-pre-wrap text-amber-950 shadow">
      {data.text}
    </div>
  );
});
