"""Which outputs use which, the order to compute them in, and the cycles that forbid one."""

from __future__ import annotations

from collections.abc import Mapping

from ..model.costs import Expr, Ref
from .expr import walk


def uses(tree: Expr, outputs: Mapping[str, object]) -> list[Ref]:
    """References in `tree` to other outputs, in formula order."""
    return sorted((n for n in walk(tree) if isinstance(n, Ref) and n.name in outputs),
                  key=lambda r: r.col)


def order(trees: Mapping[str, Expr]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Outputs in an order where each comes after those it uses, and every cycle found.

    An output on a cycle, or using one, has no place in the order.
    """
    done: dict[str, bool] = {}  # name -> computable
    placed: list[str] = []
    cycles: list[tuple[str, ...]] = []
    for start in trees:
        if start in done:
            continue
        # iterative depth-first search: (name, its uses still to visit)
        path: list[str] = [start]
        pending = [[r.name for r in uses(trees[start], trees)]]
        while path:
            if pending[-1]:
                nxt = pending[-1].pop(0)
                if nxt in path:
                    cycle = (*path[path.index(nxt):], nxt)
                    if not any(set(cycle) == set(c) for c in cycles):
                        cycles.append(cycle)
                    done[nxt] = False
                elif nxt not in done:
                    path.append(nxt)
                    pending.append([r.name for r in uses(trees[nxt], trees)])
                continue
            name = path.pop()
            pending.pop()
            ok = done.get(name, True) and all(done.get(r.name, False)
                                              for r in uses(trees[name], trees))
            done[name] = ok
            if ok:
                placed.append(name)
    return tuple(placed), tuple(cycles)
