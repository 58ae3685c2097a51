/**
 * Order of a merged list. The skeleton is the customer's order — or the pack's, when the pack reordered the
 * items and the customer did not. Items missing from the skeleton (new pack items into the customer's order, new
 * customer items into the pack's) are placed next to their neighbours in the list they come from: after the
 * nearest item that precedes them there and is already placed, else before the nearest that follows, else at
 * the end. That is how a new pack field lands in a customized layout where the pack intends.
 */

export interface MergedOrder {
  order: string[];
  /**
   * When the pack changed the relative order of the items it kept: `applied` (its order is the skeleton),
   * `alreadyApplied` (the customer reordered them the same way), `keptYours` (differently: the customer's wins).
   */
  packReorder?: 'applied' | 'alreadyApplied' | 'keptYours';
}

const sameOrder = (a: string[], b: string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** `list` restricted to the items of `other`. */
const within = (list: string[], other: string[]): string[] => {
  const keep = new Set(other);
  return list.filter((x) => keep.has(x));
};

/**
 * Whether `side` changed the relative order of the items all three versions have. Items one side removed or added
 * say nothing about order: a customer who only moved a field the pack then removed did not reorder the rest (and
 * merging the same upgrade again must not find a reorder that is gone).
 */
const reordered = (base: string[], side: string[], kept: ReadonlySet<string>): boolean =>
  !sameOrder(
    base.filter((x) => kept.has(x)),
    side.filter((x) => kept.has(x)),
  );

/** Inserts each item of `guide` that `members` has and `order` lacks next to its `guide` neighbours (mutates `order`). */
export function insertByNeighbours(order: string[], guide: string[], members: ReadonlySet<string>): void {
  const placed = new Set(order);
  guide.forEach((item, index) => {
    if (!members.has(item) || placed.has(item)) return;
    let at = -1;
    for (let i = index - 1; i >= 0 && at < 0; i--) if (placed.has(guide[i]!)) at = order.indexOf(guide[i]!) + 1;
    for (let i = index + 1; i < guide.length && at < 0; i++) if (placed.has(guide[i]!)) at = order.indexOf(guide[i]!);
    order.splice(at < 0 ? order.length : at, 0, item);
    placed.add(item);
  });
}

/** The order of `members` (ids in the merged list) given the three versions' orders. */
export function mergeOrder(base: string[], theirs: string[], ours: string[], members: ReadonlySet<string>): MergedOrder {
  const inTheirs = new Set(theirs);
  const inOurs = new Set(ours);
  const kept = new Set(base.filter((x) => inTheirs.has(x) && inOurs.has(x)));
  const theirsReordered = reordered(base, theirs, kept);
  const takeTheirs = theirsReordered && !reordered(base, ours, kept);
  const [skeleton, guide] = takeTheirs ? [theirs, ours] : [ours, theirs];
  const order = skeleton.filter((x) => members.has(x));
  insertByNeighbours(order, guide, members);
  // Defensive: members neither list has (cannot happen for merged lists) go last, in a stable order.
  for (const x of members) if (!order.includes(x)) order.push(x);
  if (!theirsReordered) return { order };
  if (takeTheirs) return { order, packReorder: 'applied' };
  return { order, packReorder: sameOrder(within(theirs, ours), within(ours, theirs)) ? 'alreadyApplied' : 'keptYours' };
}
