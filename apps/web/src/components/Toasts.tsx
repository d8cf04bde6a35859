import { clsx } from 'clsx';
import { Toast } from 'radix-ui';
import { useSyncExternalStore } from 'react';

interface Notice {
  id: number;
  title: string;
  description?: string | undefined;
  tone: 'success' | 'error';
}

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** Shows a short notice (announced politely; errors assertively). */
export function toast(title: string, options: { description?: string; tone?: Notice['tone'] } = {}) {
  notices = [
    ...notices,
    { id: nextId++, title, description: options.description, tone: options.tone ?? 'success' },
  ];
  emit();
}

function dismiss(id: number) {
  notices = notices.filter((notice) => notice.id !== id);
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Renders the notices; mounted once at the root. */
export function Toasts() {
  const current = useSyncExternalStore(subscribe, () => notices);
  return (
    <Toast.Provider swipeDirection="right" duration={5000}>
      {current.map((notice) => (
        <Toast.Root
          key={notice.id}
          type={notice.tone === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => {
            if (!open) dismiss(notice.id);
          }}
          className={clsx(
            'rounded-md border p-3 shadow-lg',
            notice.tone === 'error'
              ? 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100'
              : 'border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900',
          )}
        >
          <Toast.Title className="font-medium">{notice.title}</Toast.Title>
          {notice.description && (
            <Toast.Description className="text-sm">{notice.description}</Toast.Description>
          )}
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-4 bottom-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2" />
    </Toast.Provider>
  );
}
