/** The product's mark: a gold star on red, in the colours of the state's documents. */
export function Emblem({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#b71c1c" />
      <path d="M16 6l2.6 6.2 6.7.5-5.1 4.3 1.6 6.5L16 20l-5.8 3.5 1.6-6.5-5.1-4.3 6.7-.5z" fill="#ffd54f" />
    </svg>
  );
}
