import { token } from '@atlaskit/tokens';

/**
 * A polite status region while a resolver answers: the label is announced, the skeleton
 * bars are decoration only.
 */
export function LoadingState({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div role="status" aria-label={label} aria-busy="true" style={{ padding: token('space.100', '8px') }}>
      <span className="cf-visually-hidden">{label}</span>
      <div aria-hidden="true" style={{ display: 'grid', gap: token('space.100', '8px') }}>
        {Array.from({ length: lines }, (_, index) => (
          <div key={index} className="cf-skeleton" style={{ height: '1rem', width: `${String(100 - index * 20)}%` }} />
        ))}
      </div>
    </div>
  );
}
