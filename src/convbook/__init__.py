"""convbook: the helpers behind the book "Convolutions for Images".

>>> import convbook
>>> convbook.corr2d(convbook.edge_image(), torch.tensor([[1., -1.]]))[0]
tensor([ 0.,  1.,  0.,  0.,  0., -1.,  0.])
"""

import torch  # noqa: F401  (used by the doctest above)

from convbook.channels import corr2d_multi_in, corr2d_multi_in_out, corr2d_multi_in_out_1x1
from convbook.data import (
    checkerboard,
    colour_photo,
    diagonal_image,
    edge_image,
    numbers_example,
    original_start,
    photo,
)
from convbook.fast import (
    corr2d_fast,
    corr2d_fft,
    corr2d_shift,
    corr2d_unfold,
    fast_method,
    torch_corr2d,
)
from convbook.fused import corr2d_fused
from convbook.kernels import describe_kernel, kernel, kernel_names
from convbook.layers import Conv2D
from convbook.matrix import corr2d_matmul, im2col, toeplitz
from convbook.ops import conv2d_true, corr2d, cross_correlate, output_shape, transposed_conv
from convbook.plot import (
    descent_paths,
    loss_curve,
    roofline_plot,
    show_images,
    show_matrices,
    sliding_window,
    timing_plot,
)
from convbook.pooling import pool2d
from convbook.separable import corr2d_separable
from convbook.train import History, critical_lr, hessian, learn_kernel

__all__ = [
    "Conv2D",
    "History",
    "checkerboard",
    "colour_photo",
    "conv2d_true",
    "corr2d",
    "corr2d_multi_in",
    "corr2d_multi_in_out",
    "corr2d_multi_in_out_1x1",
    "critical_lr",
    "cross_correlate",
    "diagonal_image",
    "edge_image",
    "hessian",
    "learn_kernel",
    "loss_curve",
    "output_shape",
    "roofline_plot",
    "photo",
    "pool2d",
    "show_images",
    "show_matrices",
    "corr2d_matmul",
    "corr2d_fast",
    "corr2d_fft",
    "corr2d_fused",
    "corr2d_separable",
    "corr2d_shift",
    "corr2d_unfold",
    "fast_method",
    "timing_plot",
    "descent_paths",
    "describe_kernel",
    "im2col",
    "kernel",
    "kernel_names",
    "numbers_example",
    "original_start",
    "sliding_window",
    "toeplitz",
    "torch_corr2d",
    "transposed_conv",
]
