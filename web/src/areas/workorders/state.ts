/** The tag colour of a work-order state. */
export function stateType(state: string): 'primary' | 'success' | 'warning' | 'danger' | 'info' {
  switch (state) {
    case 'dispatched': return 'warning';
    case 'arrived': return 'primary';
    case 'finished': return 'primary';
    case 'accepted': return 'success';
    case 'refused': return 'danger';
    default: return 'info';
  }
}
