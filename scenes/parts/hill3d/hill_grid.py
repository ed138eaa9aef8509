"""The faces of a hillside: a grid over (a, b) that leaves out where f is undefined or off-scale.

:func:`sample_hill` samples a :class:`~mathcore.ScalarField` (through mathcore, at every
face's corners, edge midpoints and centre) and returns plain arrays, no manim objects:

* a face whose four corners are inside (finite and within the value window) is kept as a
  quadrilateral, unless a midpoint or its centre is not: a pole or a hole inside the face;
* a face with one to three corners inside is cut along the rim (marching squares): the rim
  point on each edge that leaves the inside is found by bisection on f (mathcore's one
  bracketing primitive), so the dome of ``sqrt(1 - n**2 - e**2)`` meets its edge cleanly and a pole is cut off flat at the top of
  the window instead of ending in a crown of spikes. Cut faces are split into triangles,
  padded to four corners by repeating the last;
* a face with no corner inside is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from mathcore import DomainError, ScalarField
from mathcore.roots import refine_brackets
from mathcore.sampling import robust_range

__all__ = ["HillGrid", "sample_hill"]

#: Corner k of a face and its two edges: edge k runs from corner k to corner k + 1.
_CORNER_EDGES = ({3, 0}, {0, 1}, {1, 2}, {2, 3})


@dataclass(frozen=True)
class HillGrid:
    """The sampled hillside.

    Attributes
    ----------
    ab : (V, 2) array
        The variables at each vertex.
    values : (V,) array
        f at each vertex (all finite, inside ``value_range``).
    faces : (F, 4) int array
        Vertex indices, counter-clockwise in (a, b); a triangle repeats its last corner.
    neighbors : (F, 4) int array
        The face across each edge (edge k joins corners k and k + 1), -1 if none is known.
    rows, cols : (F,) int arrays
        The grid cell of each face (row along b, column along a).
    edge_labels : (F, 4) int array
        Which side of its cell (0 below, 1 right, 2 above, 3 left) each edge lies on, -1 for
        a rim cut or a triangle's inner diagonal.
    cut_faces : (C,) int array
        The faces that are pieces of a cell cut along the rim.
    cut_polygons : (C, 8) int array
        For each of them, the whole cut polygon of its cell (padded by repeating the last
        corner): pieces of one cell are shaded and coloured as that one polygon.
    a_edges, b_edges : 1-D arrays
        The grid's a values (columns) and b values (rows).
    value_range : (float, float)
        The window of values that was kept.
    """

    ab: np.ndarray
    values: np.ndarray
    faces: np.ndarray
    neighbors: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    edge_labels: np.ndarray
    cut_faces: np.ndarray
    cut_polygons: np.ndarray
    a_edges: np.ndarray
    b_edges: np.ndarray
    value_range: tuple[float, float]


def value_window(values: np.ndarray, value_range: Sequence[float] | None) -> tuple[float, float]:
    """``value_range`` checked; without one, no limit unless a pole's tails run off (then the
    span of the values without those tails, as :func:`mathcore.sampling.robust_range` finds it)."""
    if value_range is not None:
        low, high = map(float, value_range)
        if not low <= high:
            raise ValueError(f"value_range must be (low, high) with low <= high, got {tuple(value_range)!r}")
    else:
        low, high = robust_range(values)  # raises DomainError when no value is finite
        finite = values[np.isfinite(values)]
        if low <= finite.min() and high >= finite.max():
            return -np.inf, np.inf
    pad = 1e-9 * max(1.0, abs(low), abs(high))
    return low - pad, high + pad


def sample_hill(
    field: ScalarField,
    a_range: Sequence[float],
    b_range: Sequence[float],
    resolution: tuple[int, int],
    value_range: Sequence[float] | None = None,
    bisections: int = 30,
) -> HillGrid:
    """Sample ``field`` on ``resolution`` = (faces along a, faces along b) faces."""
    na, nb = resolution
    A, B, Z = field.grid(a_range, b_range, (2 * na + 1, 2 * nb + 1))
    if not np.isfinite(Z).any():
        raise DomainError(f"{field.text!r} is undefined everywhere over {tuple(a_range)} x {tuple(b_range)}: nothing to draw")
    low, high = value_window(Z, value_range)
    inside = np.isfinite(Z) & (Z >= low) & (Z <= high)

    corner_in = inside[::2, ::2]  # (nb + 1, na + 1)
    ca, cb, cz = A[::2, ::2], B[::2, ::2], Z[::2, ::2]
    index = np.arange((nb + 1) * (na + 1)).reshape(nb + 1, na + 1)
    quads = np.stack([index[:-1, :-1], index[:-1, 1:], index[1:, 1:], index[1:, :-1]], axis=-1)
    corners = np.stack([corner_in[:-1, :-1], corner_in[:-1, 1:], corner_in[1:, 1:], corner_in[1:, :-1]], axis=-1)
    h_mid, v_mid = inside[::2, 1::2], inside[1::2, ::2]  # edge midpoints along a, along b
    mids = np.stack([h_mid[:-1], v_mid[:, 1:], h_mid[1:], v_mid[:, :-1]], axis=-1)
    centre = inside[1::2, 1::2]
    both = corners & np.roll(corners, -1, axis=-1)  # edge k has both corners inside
    edges_ok = np.all(~both | mids, axis=-1)  # no pole on an edge between inside corners
    count = corners.sum(axis=-1)
    whole = (count == 4) & edges_ok & centre
    cut = (count >= 1) & (count <= 3) & edges_ok

    # Whole faces and their neighbours across each edge.
    face_of = -np.ones((nb + 2, na + 2), dtype=int)
    face_of[1:-1, 1:-1][whole] = np.arange(int(whole.sum()))
    rows, cols = np.nonzero(whole)
    neighbors = np.stack(
        [face_of[rows, cols + 1], face_of[rows + 1, cols + 2], face_of[rows + 2, cols + 1], face_of[rows + 1, cols]], axis=1
    )
    faces = [quads[whole]]
    labels = [np.tile(np.arange(4), (len(rows), 1))]
    face_rows, face_cols = [rows], [cols]

    ab = np.column_stack([ca.ravel(), cb.ravel()])
    values = cz.ravel()
    extra_ab: list[np.ndarray] = []
    extra_values: list[np.ndarray] = []
    cut_rows, cut_cols = np.nonzero(cut)
    if len(cut_rows):
        # The rim point on every grid edge that leaves the inside, once per edge.
        rim_edges: dict[tuple[int, int], int] = {}
        starts, ends = [], []
        for r, c in zip(cut_rows.tolist(), cut_cols.tolist()):
            q = quads[r, c]
            for k in range(4):
                p, s = int(q[k]), int(q[(k + 1) % 4])
                pin, sin = corners[r, c, k], corners[r, c, (k + 1) % 4]
                if pin != sin:
                    key = (p, s) if pin else (s, p)  # from the inside corner outwards
                    if key not in rim_edges:
                        rim_edges[key] = len(starts)
                        starts.append(key[0])
                        ends.append(key[1])
        rim_ab, rim_values = _bisect_rim(field, ab[starts], ab[ends], low, high, bisections)
        base = len(values)
        extra_ab.append(rim_ab)
        extra_values.append(rim_values)
        pieces, piece_labels, piece_rows, piece_cols, piece_polygons = [], [], [], [], []
        for r, c in zip(cut_rows.tolist(), cut_cols.tolist()):
            q = quads[r, c]
            polygon: list[int] = []
            on_edges: list[set[int]] = []
            for k in range(4):
                p, s = int(q[k]), int(q[(k + 1) % 4])
                pin, sin = corners[r, c, k], corners[r, c, (k + 1) % 4]
                if pin:
                    polygon.append(p)
                    on_edges.append(_CORNER_EDGES[k])
                if pin != sin:
                    polygon.append(base + rim_edges[(p, s) if pin else (s, p)])
                    on_edges.append({k})
            n = len(polygon)
            if n < 3:
                continue
            side = []  # the cell side each polygon edge lies on, -1 for a rim cut
            for i in range(n):
                common = on_edges[i] & on_edges[(i + 1) % n]
                side.append(common.pop() if common else -1)
            for i in range(1, n - 1):  # a fan of triangles from the first corner
                pieces.append([polygon[0], polygon[i], polygon[i + 1], polygon[i + 1]])
                piece_labels.append([side[0] if i == 1 else -1, side[i], side[n - 1] if i + 1 == n - 1 else -1, -1])
                piece_rows.append(r)
                piece_cols.append(c)
                piece_polygons.append(polygon + [polygon[-1]] * (8 - n))
        if pieces:
            faces.append(np.array(pieces, dtype=int))
            labels.append(np.array(piece_labels, dtype=int))
            neighbors = np.vstack([neighbors, -np.ones((len(pieces), 4), dtype=int)])
            face_rows.append(np.array(piece_rows, dtype=int))
            face_cols.append(np.array(piece_cols, dtype=int))
    whole_count = len(faces[0])
    cut_polygons = np.array(piece_polygons, dtype=int).reshape(-1, 8) if len(cut_rows) else np.zeros((0, 8), dtype=int)
    all_faces = np.concatenate(faces)
    if len(all_faces) == 0:
        raise DomainError(
            f"{field.text!r} has no finite values inside {low:g}..{high:g} over "
            f"{tuple(a_range)} x {tuple(b_range)}: nothing to draw"
        )
    ab = np.vstack([ab, *extra_ab])
    values = np.concatenate([values, *extra_values])
    used, compact = np.unique(np.concatenate([all_faces.ravel(), cut_polygons.ravel()]), return_inverse=True)
    compact_faces = compact[: all_faces.size].reshape(-1, 4)
    compact_polygons = compact[all_faces.size :].reshape(-1, 8)
    return HillGrid(
        ab=ab[used],
        values=values[used],
        faces=compact_faces,
        neighbors=neighbors,
        rows=np.concatenate(face_rows),
        cols=np.concatenate(face_cols),
        edge_labels=np.concatenate(labels),
        cut_faces=np.arange(whole_count, whole_count + len(compact_polygons)),
        cut_polygons=compact_polygons,
        a_edges=ca[0].copy(),
        b_edges=cb[:, 0].copy(),
        value_range=(low, high),
    )


def _bisect_rim(
    field: ScalarField, inner: np.ndarray, outer: np.ndarray, low: float, high: float, rounds: int
) -> tuple[np.ndarray, np.ndarray]:
    """The last inside point from each ``inner`` point towards its ``outer`` point, and f there.

    Found by mathcore's one bracketing primitive (:func:`mathcore.roots.refine_brackets`), on
    the change from inside the value window (-1) to outside it or undefined (+1).
    """
    def outside(t: np.ndarray) -> np.ndarray:
        point = inner + t[:, None] * (outer - inner)
        value = np.asarray(field.evaluate(point[:, 0], point[:, 1]), dtype=float)
        return np.where(np.isfinite(value) & (value >= low) & (value <= high), -1.0, 1.0)

    count = len(inner)
    bracket = refine_brackets(outside, np.zeros(count), np.ones(count), -np.ones(count), np.ones(count), rounds=rounds)
    point = inner + bracket.low[:, None] * (outer - inner)
    value = np.asarray(field.evaluate(point[:, 0], point[:, 1]), dtype=float)
    return point, np.clip(value, low, high)
