"""Interactive widgets that compute in the browser: in JupyterLab and in the static book."""

from convbook.widgets.kernel_explorer import KernelExplorer
from convbook.widgets.lr_explorer import LearningRateExplorer

__all__ = ["KernelExplorer", "LearningRateExplorer"]
