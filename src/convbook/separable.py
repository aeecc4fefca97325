"""Separable kernels: a kernel that is an outer product, applied as a row pass and a column
pass (chapter "Frequencies and separable kernels").

A ``k_h x k_w`` kernel of rank 1 is ``u v^T``: a column ``u`` times a row ``v``. Correlating
with it is correlating every row of the image with ``v`` and then every column of that with
``u``: ``k_h + k_w`` multiplications per output instead of ``k_h * k_w``. The Gaussian, the
box and the Sobel kernels are all of rank 1. :func:`kernel_rank` counts the rank by the SVD,
:func:`rank_one_factors` finds ``u`` and ``v`` exactly where they exist, :func:`low_rank`
keeps the ``r`` largest terms of the SVD, and :func:`corr2d_separable` correlates with any
kernel as a sum of rank-1 terms (one term for a separable kernel).
"""

from __future__ import annotations

import numpy as np
import torch

from convbook.checks import check_count, check_image_and_kernel, check_matrix
from convbook.finish import HALF, finished, needs_grad
from convbook.ops import output_shape

# Rows of the row pass kept at once, so that the intermediate block stays in the cache
# while the column pass reads it k_h times.
_BLOCK_BYTES = 1 << 20


def _tolerance(K: torch.Tensor) -> float:
    """Singular values below this fraction of the largest count as rounding, not rank."""
    return 4 * max(K.shape) * torch.finfo(K.dtype).eps


def singular_values(K: torch.Tensor) -> torch.Tensor:
    """The singular values of ``K``, largest first, computed in float64.

    >>> [round(float(s), 12) for s in singular_values(torch.tensor([[1.0, 2.0], [2.0, 4.0]]))]
    [5.0, 0.0]
    """
    K = check_matrix(K, "K")
    return torch.linalg.svdvals(K.detach().double().cpu())


def kernel_rank(K: torch.Tensor) -> int:
    """The rank of ``K``: how many singular values are not rounding (above ``4 max(k_h, k_w)``
    times the dtype's epsilon times the largest). 0 for a kernel of zeros.

    >>> kernel_rank(torch.outer(torch.tensor([1.0, 2.0, 1.0]), torch.tensor([-1.0, 0.0, 1.0])))
    1
    """
    s = singular_values(K)
    if float(s[0]) == 0.0:
        return 0
    return int((s > _tolerance(K) * s[0]).sum())


def rank_one_factors(K: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor] | None:
    """``(u, v)`` with ``K == outer(u, v)`` within float rounding, or ``None`` if ``K`` is not
    of rank 1 (or is all zeros).

    Exact, and cheap (no SVD): ``u`` is the column of ``K``'s largest entry and ``v`` its row
    divided by that entry; ``K`` is of rank 1 exactly when every entry is then
    ``u[a] * v[b]`` within ``4 max(k_h, k_w)`` epsilons of the largest entry. The test runs
    in NumPy on a float64 copy (``corr2d_fast`` asks it of every kernel: a few small NumPy
    calls cost less than the same PyTorch calls); ``u`` and ``v`` come back in ``K``'s dtype
    and on its device.

    >>> rank_one_factors(torch.tensor([[1.0, 2.0], [3.0, 6.0]]))
    (tensor([2., 6.]), tensor([0.5000, 1.0000]))
    >>> rank_one_factors(torch.eye(2)) is None
    True
    """
    return factors(check_matrix(K, "K"))


def factors(K: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor] | None:
    """:func:`rank_one_factors` of a kernel already checked (``corr2d_fast``'s)."""
    K = K.detach()
    A = K.to("cpu", torch.float64).numpy()
    i, j = np.unravel_index(int(np.abs(A).argmax()), A.shape)
    pivot = float(A[i, j])
    if pivot == 0.0:
        return None
    u, v = A[:, j], A[i, :] / pivot
    error = float(np.abs(np.outer(u, v) - A).max())
    if not error <= _tolerance(K) * abs(pivot):
        return None
    return torch.from_numpy(u.copy()).to(K), torch.from_numpy(v).to(K)


# The last kernel remembered_factors tested, a copy, and its factors (or None).
_LAST_RANK_TEST: list[tuple[torch.Tensor, tuple | None]] = []


def remembered_factors(K: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor] | None:
    """:func:`factors` of a checked ``K``, remembered for the last kernel, so that a blur
    applied to many images is tested once: a copy of the kernel is compared with ``K``
    entry by entry (a few microseconds; the test takes tens). ``corr2d_fast`` and the
    benchmark's ``cv2.sepFilter2D`` call use it; the factors it returns are shared, not to
    be changed."""
    if _LAST_RANK_TEST:
        kept, found = _LAST_RANK_TEST[0]
        same = kept.dtype == K.dtype and kept.shape == K.shape and kept.device == K.device
        if same and torch.equal(kept, K):
            return found
    found = factors(K)
    _LAST_RANK_TEST[:] = [(K.detach().clone(), found)]
    return found


def low_rank(K: torch.Tensor, rank: int) -> torch.Tensor:
    """The best approximation of ``K`` of rank ``rank`` (least squares): the sum of the
    ``rank`` largest terms ``s_i u_i v_i^T`` of its SVD, in ``K``'s dtype.

    >>> low_rank(torch.tensor([[2.0, 0.0], [0.0, 1.0]]), 1)
    tensor([[2., 0.],
            [0., 0.]])
    """
    K = check_matrix(K, "K")
    rank = check_count(rank, "rank")
    U, s, Vh = torch.linalg.svd(K.detach().double().cpu())
    approx = (U[:, :rank] * s[:rank]) @ Vh[:rank]
    return approx.to(dtype=K.dtype, device=K.device)


def rank_one_terms(K: torch.Tensor) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """``K`` as a sum of rank-1 terms ``outer(u, v)``: one term where :func:`rank_one_factors`
    finds one, else one per singular value of :func:`kernel_rank`.

    >>> len(rank_one_terms(torch.eye(3)))
    3
    """
    factors = rank_one_factors(K)
    if factors is not None:
        return [factors]
    U, s, Vh = torch.linalg.svd(K.detach().double().cpu())
    terms = [
        ((U[:, i] * s[i]).to(K.dtype), Vh[i].to(K.dtype)) for i in range(max(1, kernel_rank(K)))
    ]
    return [(u.to(K.device), v.to(K.device)) for u, v in terms]


def block_rows(out_w: int, element_size: int, out_h: int) -> int:
    """Output rows per block of :func:`two_passes` on a CPU: the block's row pass fits in
    ``_BLOCK_BYTES``."""
    return min(out_h, max(1, _BLOCK_BYTES // (out_w * element_size)))


def two_passes(X: torch.Tensor, u: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """``X`` correlated with ``outer(u, v)``: each row with ``v``, then each column with ``u``.

    The row pass is ``k_w`` shifted, scaled copies of ``X`` summed, the column pass ``k_h``
    of the row pass's; both run over blocks of rows that fit in the cache. Works under
    autograd (then without blocks).

    >>> two_passes(torch.arange(9.).reshape(3, 3), torch.tensor([1., 1.]), torch.tensor([1., 0.]))
    tensor([[ 3.,  5.],
            [ 9., 11.]])
    """
    k_h, k_w = u.numel(), v.numel()
    out_h, out_w = output_shape(X.shape, (k_h, k_w))
    if needs_grad(X, u, v):
        rows = X[:, :out_w] * v[0]
        for b in range(1, k_w):
            rows = rows + X[:, b : b + out_w] * v[b]
        Y = rows[:out_h] * u[0]
        for a in range(1, k_h):
            Y = Y + rows[a : a + out_h] * u[a]
        return Y
    across, down = v.tolist(), u.tolist()
    Y = torch.empty((out_h, out_w), dtype=X.dtype, device=X.device)
    block = out_h if X.is_cuda else block_rows(out_w, X.element_size(), out_h)
    buffer = torch.empty((block + k_h - 1, out_w), dtype=X.dtype, device=X.device)
    for top in range(0, out_h, block):
        bottom = min(top + block, out_h)
        source, rows = X[top : bottom + k_h - 1], buffer[: bottom - top + k_h - 1]
        torch.mul(source[:, :out_w], across[0], out=rows)
        for b in range(1, k_w):
            rows.add_(source[:, b : b + out_w], alpha=across[b])
        out = Y[top:bottom]
        torch.mul(rows[: bottom - top], down[0], out=out)
        for a in range(1, k_h):
            out.add_(rows[a : a + bottom - top], alpha=down[a])
    return Y


def corr2d_separable(X: torch.Tensor, K: torch.Tensor) -> torch.Tensor:
    """Cross-correlation as row passes and column passes: one pair for a kernel of rank 1
    (:func:`rank_one_factors`), one pair per rank-1 term of the SVD otherwise.

    ``(k_h + k_w) * rank`` multiplications per output instead of ``k_h * k_w``. Same answer
    as :func:`corr2d` up to float rounding, same checks; works under autograd and on any
    device. Half-precision inputs are summed in float32.

    Refused: exactly what :func:`corr2d` refuses, with the same messages.

    >>> corr2d_separable(torch.arange(9.).reshape(3, 3), torch.tensor([[1., 2.], [3., 6.]]))
    tensor([[35., 47.],
            [71., 83.]])
    """
    X, K = check_image_and_kernel(X, K, scan_image=False)
    if X.dtype in HALF:
        return corr2d_separable(X.float(), K.float()).to(X.dtype)
    if needs_grad(K):  # the factors of K must stay in the graph: one term per column of K
        terms = [(K[:, b], torch.eye(K.shape[1], dtype=K.dtype)[b]) for b in range(K.shape[1])]
    else:
        terms = rank_one_terms(K)
    Y = two_passes(X, *terms[0])
    for u, v in terms[1:]:
        Y = Y + two_passes(X, u, v)
    return finished(Y, X, K, corr2d_separable)
