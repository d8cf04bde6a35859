import {
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ProblemIndex } from '../problems.ts';
import { type Design, type Edit, groupsOf, notesOf, type Position } from '../state/edits.ts';
import { newId } from '../state/ids.ts';
import { GroupNode, type GroupNodeType, NoteNode, type NoteNodeType } from './CanvasExtras.tsx';
import { fallbackPosition, TABLE_WIDTH, tableHeight } from './geometry.ts';
import { keepUnchanged, sameEdge, sameNode } from './keep-unchanged.ts';
import { TableNode, type TableNodeType } from './TableNode.tsx';

const NODE_TYPES = { table: TableNode, 'group-area': GroupNode, note: NoteNode };
const GROUP_PADDING = 32;

type CanvasNode = TableNodeType | GroupNodeType | NoteNodeType;

interface CanvasProps {
  design: Design;
  apply: (edit: Edit, mergeKey?: string) => void;
  problems: ProblemIndex;
  selectedTableIds: ReadonlySet<string>;
  onSelectionChange: (tableIds: string[]) => void;
  /** A foreign key was drawn: the designer asks for its actions. */
  onForeignKeyDrawn: (foreignKeyId: string) => void;
  /** Draw every node, even off screen (while a picture of the whole design is made). */
  drawEverything?: boolean;
}

/**
 * The diagram (React Flow): tables as nodes, foreign keys as edges from column to column.
 * Dragging moves tables on screen and saves their positions when dropped; only what is visible
 * is rendered, so a design of a thousand tables stays usable.
 */
export function Canvas({
  design,
  apply,
  problems,
  selectedTableIds,
  onSelectionChange,
  onForeignKeyDrawn,
  drawEverything = false,
}: CanvasProps) {
  // Where dragged nodes are while the drag lasts; committed to the design (one undo step) on drop.
  const [dragging, setDragging] = useState<Record<string, Position>>({});
  const draggingRef = useRef(dragging);
  draggingRef.current = dragging;
  const [hoveredEdge, setHoveredEdge] = useState<string>();
  // The sizes React Flow measured: nodes are rebuilt from the design on every edit, and a node
  // without its measured size is not drawn.
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});

  // The nodes and edges last handed to React Flow, for keeping the unchanged ones (keep-unchanged.ts).
  const lastNodes = useRef(new Map<string, CanvasNode>());
  const lastEdges = useRef(new Map<string, Edge>());

  const positions = useMemo(() => {
    const map = new Map<string, Position>();
    design.tables.forEach((table, index) => {
      map.set(table.id, dragging[table.id] ?? table.position ?? fallbackPosition(index));
    });
    return map;
  }, [design.tables, dragging]);

  const nodes = useMemo<CanvasNode[]>(() => {
    const referencing = new Map<string, Set<string>>();
    for (const key of design.foreignKeys ?? []) {
      const set = referencing.get(key.sourceTableId) ?? new Set<string>();
      if (key.sourceColumnId) set.add(key.sourceColumnId);
      for (const id of key.sourceColumnIds ?? []) set.add(id);
      referencing.set(key.sourceTableId, set);
    }
    const tables: TableNodeType[] = design.tables.map((table) => {
      const columnProblems = new Set(
        table.columns
          .filter((column) => problems.byColumn.has(`${table.id}/${column.id}`))
          .map((column) => column.id),
      );
      return {
        id: table.id,
        type: 'table',
        position: positions.get(table.id) ?? { x: 0, y: 0 },
        selected: selectedTableIds.has(table.id),
        ariaLabel: `Table ${table.name}`,
        data: {
          table,
          foreignKeyColumns: referencing.get(table.id) ?? EMPTY,
          problemCount: (problems.byTable.get(table.id)?.length ?? 0) + columnProblems.size,
          columnProblems,
        },
      };
    });
    const groups: GroupNodeType[] = groupsOf(design).flatMap((group) => {
      const members = design.tables.filter((table) => group.tableIds.includes(table.id));
      if (members.length === 0) return [];
      const boxes = members.map((table) => {
        const at = positions.get(table.id) ?? { x: 0, y: 0 };
        return { x: at.x, y: at.y, right: at.x + TABLE_WIDTH, bottom: at.y + tableHeight(table) };
      });
      const x = Math.min(...boxes.map((box) => box.x)) - GROUP_PADDING;
      const y = Math.min(...boxes.map((box) => box.y)) - GROUP_PADDING;
      return [
        {
          id: `group:${group.id}`,
          type: 'group-area',
          position: { x, y },
          zIndex: -1,
          selectable: false,
          ariaLabel: `Group ${group.name}`,
          data: {
            name: group.name,
            color: group.color,
            width: Math.max(...boxes.map((box) => box.right)) + GROUP_PADDING - x,
            height: Math.max(...boxes.map((box) => box.bottom)) + GROUP_PADDING - y,
          },
        },
      ];
    });
    const notes: NoteNodeType[] = notesOf(design).map((note) => ({
      id: `note:${note.id}`,
      type: 'note',
      position: dragging[`note:${note.id}`] ?? note.position,
      ariaLabel: `Note: ${note.text}`,
      data: { text: note.text },
    }));
    const built = [...groups, ...tables, ...notes].map((node) => {
      const size = measured[node.id];
      return size ? { ...node, measured: size } : node;
    });
    return keepUnchanged(lastNodes.current, built, sameNode);
  }, [design, positions, problems, selectedTableIds, dragging, measured]);
  lastNodes.current = new Map(nodes.map((node) => [node.id, node]));

  const edges = useMemo<Edge[]>(() => {
    const tables = new Map(design.tables.map((table) => [table.id, table]));
    const built = (design.foreignKeys ?? []).flatMap((key): Edge[] => {
      const source = tables.get(key.sourceTableId);
      const target = tables.get(key.targetTableId);
      const sourceColumnId = key.sourceColumnId ?? key.sourceColumnIds?.[0];
      const targetColumnId = key.targetColumnId ?? key.targetColumnIds?.[0];
      if (!source || !target || !sourceColumnId || !targetColumnId) return [];
      const sourceColumn = source.columns.find((column) => column.id === sourceColumnId);
      // One-to-one when the referencing column is itself unique (alone), one-to-many otherwise.
      const oneToOne =
        sourceColumn?.unique === true ||
        (sourceColumn?.primaryKey === true &&
          source.columns.filter((column) => column.primaryKey).length === 1);
      const cardinality = oneToOne ? '1:1' : 'n:1';
      const actions = `ON DELETE ${(key.onDelete ?? 'NO ACTION').toUpperCase()} · ON UPDATE ${(key.onUpdate ?? 'NO ACTION').toUpperCase()}`;
      return [
        {
          id: key.id,
          source: key.sourceTableId,
          sourceHandle: `${sourceColumnId}-out`,
          target: key.targetTableId,
          targetHandle: `${targetColumnId}-in`,
          label: hoveredEdge === key.id ? `${cardinality} · ${actions}` : cardinality,
          ariaLabel: `Foreign key ${source.name} to ${target.name}, ${cardinality}, ${actions}`,
          markerEnd: ARROW,
        },
      ];
    });
    return keepUnchanged(lastEdges.current, built, sameEdge);
  }, [design, hoveredEdge]);
  lastEdges.current = new Map(edges.map((edge) => [edge.id, edge]));

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const moved: Record<string, Position> = {};
      const sizes: Record<string, { width: number; height: number }> = {};
      let dropped = false;
      let selectionChanged = false;
      const selected = new Set(selectedTableIds);
      for (const change of changes) {
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        if (change.type === 'position' && change.position) moved[change.id] = change.position;
        if (change.type === 'position' && change.dragging === false) dropped = true;
        if (change.type === 'select' && !change.id.includes(':')) {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
      }
      if (selectionChanged) onSelectionChange([...selected]);
      if (Object.keys(sizes).length > 0) setMeasured((current) => ({ ...current, ...sizes }));
      if (Object.keys(moved).length === 0 && !dropped) return;
      const current = { ...draggingRef.current, ...moved };
      if (dropped) {
        commitDrag(design, current, apply);
        draggingRef.current = {};
        setDragging({});
      } else {
        draggingRef.current = current;
        setDragging(current);
      }
    },
    [apply, design, onSelectionChange, selectedTableIds],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const sourceColumnId = connection.sourceHandle?.replace(/-out$/, '');
      const targetColumnId = connection.targetHandle?.replace(/-in$/, '');
      if (!sourceColumnId || !targetColumnId) return;
      const id = newId('fk');
      apply({
        kind: 'addForeignKey',
        foreignKey: {
          id,
          sourceTableId: connection.source,
          sourceColumnId,
          targetTableId: connection.target,
          targetColumnId,
        },
      });
      onForeignKeyDrawn(id);
    },
    [apply, onForeignKeyDrawn],
  );

  return (
    <ReactFlow<CanvasNode, Edge>
      nodes={nodes}
      edges={edges}
      nodeTypes={NODE_TYPES}
      onNodesChange={onNodesChange}
      onConnect={onConnect}
      onEdgeMouseEnter={(_event, edge) => setHoveredEdge(edge.id)}
      onEdgeMouseLeave={() => setHoveredEdge(undefined)}
      onlyRenderVisibleElements={!drawEverything}
      fitView
      fitViewOptions={FIT_VIEW}
      minZoom={0.05}
      deleteKeyCode={null}
      aria-label="Diagram of the design"
      proOptions={{ hideAttribution: true }}
    >
      <Background />
      <Controls />
      <MiniMap pannable zoomable ariaLabel="Overview of the diagram" />
    </ReactFlow>
  );
}

const EMPTY: ReadonlySet<string> = new Set();
const ARROW = { type: MarkerType.ArrowClosed };
/** Room around the tables, so the handles at their edges stay reachable. */
const FIT_VIEW = { padding: 0.25 };

/** A finished drag: tables move to where they were dropped; a group moves all of its tables. */
function commitDrag(design: Design, dropped: Record<string, Position>, apply: (edit: Edit) => void) {
  const positions: Record<string, Position> = {};
  for (const [id, position] of Object.entries(dropped)) {
    if (id.startsWith('note:')) {
      const note = notesOf(design).find((each) => `note:${each.id}` === id);
      if (note) apply({ kind: 'setNote', note: { ...note, position } });
    } else if (id.startsWith('group:')) {
      const group = groupsOf(design).find((each) => `group:${each.id}` === id);
      const members = design.tables.filter((table) => group?.tableIds.includes(table.id));
      const origin = groupOrigin(members);
      if (!origin) continue;
      for (const table of members) {
        const at = table.position ?? { x: 0, y: 0 };
        positions[table.id] = { x: at.x + position.x - origin.x, y: at.y + position.y - origin.y };
      }
    } else {
      positions[id] = position;
    }
  }
  if (Object.keys(positions).length > 0) apply({ kind: 'moveTables', positions });
}

function groupOrigin(members: Design['tables']): Position | undefined {
  if (members.length === 0) return undefined;
  return {
    x: Math.min(...members.map((table) => table.position?.x ?? 0)) - GROUP_PADDING,
    y: Math.min(...members.map((table) => table.position?.y ?? 0)) - GROUP_PADDING,
  };
}

/** The view's helpers the toolbar needs (fit the view). */
export function useCanvasView() {
  const flow = useReactFlow<Node, Edge>();
  return { fit: () => flow.fitView(FIT_VIEW) };
}
