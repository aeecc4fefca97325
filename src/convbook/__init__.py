"""convbook: the helpers behind the book "Convolutions for Images".

>>> import convbook
>>> convbook.corr2d(convbook.edge_image(), torch.tensor([[1., -1.]]))[0]
tensor([ 0.,  1.,  0.,  0.,  0., -1.,  0.])
"""

import torch  # noqa: F401  (used by the doctest above)

from convbook.data import checkerboard, diagonal_image, edge_image, photo
from convbook.kernels import describe_kernel, kernel, kernel_names
from convbook.layers import Conv2D
from convbook.ops import conv2d_true, corr2d, output_shape
from convbook.plot import loss_curve, show_images, show_matrices
from convbook.train import History, critical_lr, hessian, learn_kernel

__all__ = [
    "Conv2D",
    "History",
    "checkerboard",
    "conv2d_true",
    "corr2d",
    "critical_lr",
    "describe_kernel",
    "diagonal_image",
    "edge_image",
    "hessian",
    "kernel",
    "kernel_names",
    "learn_kernel",
    "loss_curve",
    "output_shape",
    "photo",
    "show_images",
    "show_matrices",
]
