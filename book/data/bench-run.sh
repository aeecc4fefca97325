#!/usr/bin/env bash
# The commands behind the stored CPU benchmark runs that the chapter "How fast is a
# convolution?" (book/speed.ipynb) and its appendix (book/speed-benchmark.ipynb) read. Run
# from the repository root on a quiet machine (nothing else running), then re-execute both
# notebooks. About 15 minutes on 2 cores.
# Each round times a method's calls in a row, as many as fill convbook.bench.ROUND_SECONDS.
# The stored runs of steps 3 and 4 were made so (their CSVs' calls column); those of steps 1
# and 2 predate it, and each of their rounds is one call (the calls column empty).
set -euo pipefail
python=${PYTHON:-.venv/bin/python}

# 1. Every method and peer over the whole sweep, PyTorch's and OpenCV's default threads,
#    with the roofline's two measurements and the cost constants fitted to the run.
"$python" -m convbook.bench --repeats 7 --roofline --fit --csv book/data/bench-cpu.csv

# 2. The same methods under load: a second process keeps one core busy throughout.
"$python" -m convbook.bench --load --sizes 256 512 1024 2048 --kernels 3 5 7 15 31 \
    --methods conv2d shift fft fused fast filter2d --repeats 7 --csv book/data/bench-cpu-load.csv

# 3. The real kernels of the chapter "Frequencies and separable kernels" (Gaussians of 5 to
#    31 taps, box blurs, Sobel) against the best of OpenCV's filter2D, sepFilter2D and
#    GaussianBlur, PyTorch's and OpenCV's default threads, with the cost constants of the
#    two separable forms (separable, fused_separable) fitted to the run for convbook.fast.COSTS
#    (steps 3 and 4 together: a few minutes on 2 quiet cores, compiling included).
"$python" -m convbook.bench --real --sizes 512 1024 2048 --repeats 5 --fit --csv book/data/bench-real.csv

# 4. k^2 against 2k: the shifted sums and the two passes on the same real kernels, 512 x 512.
"$python" -m convbook.bench --real --sizes 512 --methods shift separable --repeats 5 \
    --csv book/data/bench-real-cost.csv
