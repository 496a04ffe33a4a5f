/** Why the IOC table has no row, and what to do about it. */
export function EmptyTable({ accountEmpty }: { accountEmpty: boolean }) {
  return (
    <div class="empty-state">
      <p role="status" aria-label="Empty table">
        {accountEmpty ? 'The account holds no IOCs.' : 'No IOC matches these filters.'}
      </p>
      <p class="hint">
        {accountEmpty
          ? 'Add some under New IOCs, or press “Grab the IOC ✊” after adding them in the console.'
          : 'Loosen a filter above, or press Clear filters to see every IOC.'}
      </p>
    </div>
  );
}
