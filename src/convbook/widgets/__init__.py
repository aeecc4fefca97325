"""Interactive widgets that compute in the browser: in JupyterLab and in the static book.

Each widget is a Python class (anywidget) whose front end is ES modules beside it
(``<widget>.js`` and the modules it imports), bundled by esbuild into ``static/<widget>.js``
(``make`` rebuilds a bundle when a source changes), with its look in ``<widget>.css``.
"""

from convbook.widgets.channel_explorer import ChannelExplorer
from convbook.widgets.filters_explorer import FiltersExplorer
from convbook.widgets.frequency_explorer import FrequencyExplorer
from convbook.widgets.kernel_explorer import KernelExplorer
from convbook.widgets.lr_explorer import LearningRateExplorer
from convbook.widgets.network_explorer import NetworkExplorer
from convbook.widgets.pooling_explorer import PoolingExplorer
from convbook.widgets.receptive_explorer import ReceptiveFieldExplorer
from convbook.widgets.window_explorer import WindowExplorer

__all__ = [
    "ChannelExplorer",
    "FiltersExplorer",
    "FrequencyExplorer",
    "KernelExplorer",
    "LearningRateExplorer",
    "NetworkExplorer",
    "PoolingExplorer",
    "ReceptiveFieldExplorer",
    "WindowExplorer",
]
