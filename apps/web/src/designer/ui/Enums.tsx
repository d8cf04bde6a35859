import { Plus, Trash2 } from 'lucide-react';
import { Button } from '../../components/Button.tsx';
import type { Design, Edit } from '../state/edits.ts';
import { freeName, newId } from '../state/ids.ts';
import { SmallInput } from './fields.tsx';

/** The design's enum types: name and values (comma-separated while typing). */
export function Enums({ design, apply }: { design: Design; apply: (edit: Edit, mergeKey?: string) => void }) {
  const enums = design.enums ?? [];
  return (
    <section aria-label="Enum types" className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">Enum types</h3>
      <ul className="flex flex-col gap-2">
        {enums.map((enumType) => (
          <li key={enumType.id} className="flex flex-wrap items-end gap-2">
            <SmallInput
              label="Enum name"
              value={enumType.name}
              onChange={(event) =>
                apply(
                  { kind: 'updateEnum', enumId: enumType.id, patch: { name: event.target.value } },
                  `${enumType.id}:name`,
                )
              }
            />
            <SmallInput
              label={`Values of ${enumType.name}`}
              value={enumType.values.join(', ')}
              className="flex-1"
              onChange={(event) =>
                apply(
                  {
                    kind: 'updateEnum',
                    enumId: enumType.id,
                    patch: { values: event.target.value.split(',').map((value) => value.trim()) },
                  },
                  `${enumType.id}:values`,
                )
              }
            />
            <Button
              variant="ghost"
              aria-label={`Delete enum ${enumType.name}`}
              onClick={() => apply({ kind: 'deleteEnum', enumId: enumType.id })}
            >
              <Trash2 aria-hidden className="size-4" />
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          onClick={() =>
            apply({
              kind: 'addEnum',
              enumType: {
                id: newId('e'),
                name: freeName(
                  'status',
                  enums.map((each) => each.name),
                ),
                values: ['active', 'inactive'],
              },
            })
          }
        >
          <Plus aria-hidden className="size-4" />
          Add enum type
        </Button>
      </div>
    </section>
  );
}
