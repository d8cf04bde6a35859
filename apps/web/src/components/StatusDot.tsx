import { clsx } from 'clsx';

const TONES = {
  good: 'bg-emerald-500',
  busy: 'bg-amber-500',
  bad: 'bg-red-600',
  idle: 'bg-slate-400',
} as const;

export type Tone = keyof typeof TONES;

/** A coloured dot that never carries meaning alone: its label is always written beside it. */
export function StatusDot({ tone, label }: { tone: Tone; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-sm">
      <span aria-hidden className={clsx('inline-block size-2.5 rounded-full', TONES[tone])} />
      {label}
    </span>
  );
}
