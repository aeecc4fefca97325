"""The channel explorer as a layer, in Chromium with the network cut: the output count, each
output's kernels and bias, every output map as F.conv2d (with bias) computes it; refused typing
in words with the last value kept; the keyboard; axe-core in light and dark; a 390 px phone;
and seeded random sequences of actions, each state checked against torch.

The page is the widget exported by ipywidgets, as in test_channel_explorer_browser.py.
"""

from __future__ import annotations

import random
import re

import pytest
import torch
import torch.nn.functional as F
from browser import (
    WCAG21_AA,
    axe_violations,
    widget_pages,
)

from convbook import kernel
from convbook.widgets import ChannelExplorer
from convbook.widgets.channel_explorer import LARGEST_OUTPUTS, SIZES

BOX = ".cb-cx"
CLOSE = {"atol": 6e-5, "rtol": 1e-6}  # the page lists 4 decimals of float32 sums


@pytest.fixture(scope="module")
def site(widget_site, chromium):
    base, _ = widget_site.add("channel-layer", ChannelExplorer(), "Channel explorer, a layer")
    return base, chromium


@pytest.fixture
def open_page(site):
    base, browser = site
    with widget_pages(browser, base, f"{BOX} canvas") as open_:
        yield lambda width=1280: open_(width)[0]


@pytest.fixture(scope="module")
def photo():
    return ChannelExplorer().photo  # as the page has it: 3 decimals


ADDED = [torch.tensor(V) for V in ChannelExplorer().added_outputs]  # what a new output starts as


# ---- Reading and driving the page ----


def output(o: int) -> str:
    return f"{BOX} .cb-output[data-output='{o}']"


def entry(o: int, c: int, row: int, col: int) -> str:
    return f"{output(o)} .cb-grid[data-channel='{c}'] input[data-row='{row}'][data-col='{col}']"


def count_button(n: int) -> str:
    return f"{BOX} .cb-count >> nth={n - 1}"


def listed(page, o: int) -> torch.Tensor:
    lines = page.locator(f"{output(o)} .cb-values").text_content().strip().splitlines()
    return torch.tensor([[float(v) for v in line.split()] for line in lines])


def centred(K: torch.Tensor, k: int) -> torch.Tensor:
    """The last two axes of K made k x k around their middle: zeros added or the middle kept."""
    n = K.shape[-1]
    pad = (k - n) // 2
    return F.pad(K, (pad,) * 4) if k >= n else K[..., -pad : n + pad, -pad : n + pad]


def torch_layer(photo: torch.Tensor, K: torch.Tensor, biases: list[float]) -> torch.Tensor:
    return F.conv2d(photo[None], K, bias=torch.tensor(biases, dtype=photo.dtype))[0]


def check_layer(page, photo: torch.Tensor, K: torch.Tensor, biases: list[float]) -> None:
    """The page has K.shape[0] output blocks, each listing torch's output channel; the volume's
    words give its shape and parameter count; the count button pressed is the count."""
    c_o, c_i, k, _ = K.shape
    assert page.locator(f"{BOX} .cb-output").count() == c_o
    expected = torch_layer(photo, K, biases)
    for o in range(c_o):
        torch.testing.assert_close(listed(page, o), expected[o], **CLOSE)
    words = page.locator(f"{BOX} .cb-volume-words").text_content()
    total = c_o * c_i * k * k + c_o
    assert words.startswith(f"Shape (c_o, c_i, k_h, k_w) = ({c_o}, {c_i}, {k}, {k}): "), words
    assert f", {total} parameters." in words and f"Output ({c_o}, {32 - k + 1}, " in words
    pressed = page.locator(f"{BOX} .cb-count[aria-pressed='true']")
    assert pressed.count() == 1 and pressed.text_content() == str(c_o)


def sum_colours(page, o: int, n: int) -> torch.Tensor:
    """The [r, g, b] at the centre of every cell of output o's drawn n x n sum."""
    colours = page.evaluate(
        """([selector, n]) => {
          const c = document.querySelector(selector);
          const ctx = c.getContext('2d');
          const step = c.width / n;
          return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) =>
            [...ctx.getImageData(Math.floor((j + 0.5) * step), Math.floor((i + 0.5) * step), 1, 1)
              .data].slice(0, 3)));
        }""",
        [f"{output(o)} .cb-sum canvas", n],
    )
    return torch.tensor(colours, dtype=torch.float64)


def check_drawn(page, o: int, expected: torch.Tensor) -> None:
    """Output o's canvas is red where torch's map is clearly above zero, blue where below."""
    bound = float(page.locator(f"{output(o)} .cb-sum canvas").get_attribute("data-high"))
    colours = sum_colours(page, o, expected.shape[0])
    clear = expected.abs() > 0.2 * bound
    assert clear.sum() > 0
    red_minus_blue = colours[..., 0] - colours[..., 2]
    assert torch.equal(red_minus_blue[clear] > 0, expected[clear] > 0)


SOBEL = torch.stack([kernel("sobel_x")] * 3)


# ---- The tests ----


def test_the_output_count_adds_and_removes_output_channels(open_page, photo):
    page = open_page()
    check_layer(page, photo, SOBEL[None], [0.0])
    page.click(count_button(2))
    K = torch.stack([SOBEL, ADDED[0]])
    check_layer(page, photo, K, [0.0, 0.0])
    assert torch.equal(ADDED[0], torch.stack([kernel("sobel_y")] * 3))
    page.click(count_button(LARGEST_OUTPUTS))
    K = torch.cat([K, centred(ADDED[1], 3)[None]])  # the grey weights, 1 x 1, padded to 3 x 3
    check_layer(page, photo, K, [0.0] * 3)
    check_drawn(page, 1, torch_layer(photo, K, [0.0] * 3)[1])
    # each output has its own labelled boxes and selects once there are several
    label = page.locator(entry(2, 1, 1, 1)).get_attribute("aria-label")
    assert label == "output 2, green kernel, row 1, column 1"
    grey = "grey: the photo's weights (1 × 1)"  # padded round the middle, still the choice
    assert page.locator(f"{output(2)} .cb-all").input_value() == grey
    page.click(count_button(1))  # back to the single-output explorer, as it was
    check_layer(page, photo, SOBEL[None], [0.0])
    assert page.locator(entry(0, 0, 0, 0)).get_attribute("aria-label") == (
        "red kernel, row 0, column 0"
    )


def test_an_edited_entry_or_bias_changes_its_own_output(open_page, photo):
    page = open_page()
    page.click(count_button(3))
    K = torch.stack([SOBEL, ADDED[0], centred(ADDED[1], 3)])
    biases = [0.0, 0.0, 0.0]
    before = torch_layer(photo, K, biases)
    page.fill(entry(1, 2, 0, 0), "2")  # output 1's blue kernel, top left
    K[1, 2, 0, 0] = 2
    page.fill(f"{output(2)} .cb-bias", "−0.5")  # output 2's bias, with the minus sign
    biases[2] = -0.5
    check_layer(page, photo, K, biases)
    after = torch_layer(photo, K, biases)
    assert torch.equal(after[0], before[0]) and not torch.allclose(after[1], before[1])
    torch.testing.assert_close(after[2], before[2] - 0.5)
    check_drawn(page, 1, after[1])
    # one output's preset and size: the size is the layer's, so every output follows
    page.select_option(f"{output(0)} .cb-preset[data-channel='0']", "gaussian_blur_5")
    blur = torch.tensor(ChannelExplorer().presets["gaussian_blur_5"])
    K = centred(K, 5)
    K[0, 0] = blur
    check_layer(page, photo, K, biases)
    page.select_option(f"{BOX} .cb-size", "1")
    check_layer(page, photo, K[..., 2:3, 2:3], biases)


def test_refused_typing_keeps_the_last_value_in_words(open_page, photo):
    page = open_page()
    page.click(count_button(2))
    K = torch.stack([SOBEL, ADDED[0]])
    bias = page.locator(f"{output(1)} .cb-bias")
    bias.fill("1.5")
    words = page.locator(f"{output(1)} .cb-sum-row .cb-refusal")
    for typed, said in [
        ("NaN", "Type a number made of digits."),
        ("1,5", "Write decimals with a point, not a comma."),
        ("2000", "Choose a value from −1000 to 1000."),
        ("<b>3</b>", "Not a number."),
    ]:
        bias.fill(typed)
        assert words.text_content() == f"output 1, bias: {said} Kept 1.5.", typed
        assert bias.get_attribute("aria-invalid") == "true"
        assert bias.get_attribute("aria-describedby") == words.get_attribute("id")
        check_layer(page, photo, K, [0.0, 1.5])
    bias.press("Tab")
    assert bias.input_value() == "1.5"
    box = page.locator(entry(1, 0, 2, 2))
    message = page.locator(f"{output(1)} .cb-channel[data-channel='0'] .cb-refusal")
    box.fill("Infinity")
    assert message.text_content() == (
        "output 1, red kernel, row 2, column 2: Type a number made of digits. Kept 1."
    )
    check_layer(page, photo, K, [0.0, 1.5])
    assert not re.search(r"NaN|Infinity|undefined", page.locator(f"{output(0)}").text_content())


def test_the_keyboard_sets_the_count_and_writes_out_one_output(open_page, photo):
    page = open_page()
    page.focus(f"{BOX} .cb-size")
    page.keyboard.press("Tab")  # to the first count button, then along
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "2"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    K = torch.stack([SOBEL, ADDED[0], centred(ADDED[1], 3)])
    check_layer(page, photo, K, [0.0] * 3)
    page.fill(f"{output(1)} .cb-bias", "0.25")
    expected = torch_layer(photo, K, [0.0, 0.25, 0.0])
    page.focus(f"{output(1)} .cb-sum canvas")
    for key, times in [("ArrowDown", 4), ("ArrowRight", 9)]:
        for _ in range(times):
            page.keyboard.press(key)
    maps = F.conv2d(photo[None], K[1][:, None], groups=3)[0]
    for o in range(3):  # every output writes out the same place
        written = page.locator(f"{output(o)} .cb-write-out").text_content()
        assert written.startswith(f"Y[{o}, 4, 9] = red "), written
        assert float(written.rsplit("= ", 1)[1]) == pytest.approx(
            expected[o, 4, 9].item(), abs=1e-3
        )
    written = page.locator(f"{output(1)} .cb-write-out").text_content()
    numbers = [float(v.strip("()")) for v in re.findall(r"(?:red|green|blue|bias) (\S+)", written)]
    assert numbers == pytest.approx([*maps[:, 4, 9].tolist(), 0.25], abs=1e-3)


def test_themes_axe_and_a_phone(open_page):
    page = open_page(width=390)
    page.click(count_button(3))
    page.select_option(f"{BOX} .cb-size", "5")
    page.fill(f"{output(2)} .cb-bias", "not a number, and long enough to wrap")
    for theme in ("light", "dark"):
        page.evaluate("(t) => { document.documentElement.dataset.theme = t; }", theme)
        page.wait_for_timeout(50)  # the theme observer runs after the attribute changes
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (theme, widths)
        box = page.locator(BOX).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert axe_violations(page, WCAG21_AA) == [], theme


def random_action(rng: random.Random, state: dict) -> tuple:
    """One action a reader might take, drawn by ``rng`` from what the page offers now."""
    c_o, k = state["K"].shape[0], state["K"].shape[-1]
    kind = rng.choice(["count", "size", "entry", "entry", "bias", "bias"])
    value = rng.choice([-2, -1, -0.5, 0, 0.25, 1, 1.5, 3])
    if kind == "count":
        return ("count", rng.randint(1, LARGEST_OUTPUTS))
    if kind == "size":
        return ("size", rng.choice(SIZES))
    if kind == "entry":
        return (
            "entry",
            rng.randrange(c_o),
            rng.randrange(3),
            rng.randrange(k),
            rng.randrange(k),
            value,
        )
    return ("bias", rng.randrange(c_o), value)


def act(page, state: dict, action: tuple) -> None:
    """Do ``action`` on the page and to ``state`` (the layer torch is to compute)."""
    K, biases = state["K"], state["biases"]
    if action[0] == "count":
        n = action[1]
        page.click(count_button(n))
        added = [centred(ADDED[o - 1], K.shape[-1]) for o in range(K.shape[0], n)]
        state["K"] = torch.cat([K, *[A[None] for A in added]])[:n]
        state["biases"] = (biases + [0.0] * n)[:n]
    elif action[0] == "size":
        page.select_option(f"{BOX} .cb-size", str(action[1]))
        state["K"] = centred(K, action[1])
    elif action[0] == "entry":
        _, o, c, a, b, value = action
        page.fill(entry(o, c, a, b), str(value))
        K[o, c, a, b] = value
    else:
        _, o, value = action
        page.fill(f"{output(o)} .cb-bias", str(value))
        biases[o] = float(value)


@pytest.mark.parametrize("seed", [0, 1])
def test_random_sequences_of_actions_agree_with_torch(open_page, photo, seed):
    page = open_page()
    rng = random.Random(seed)
    state = {"K": SOBEL[None].clone(), "biases": [0.0]}
    for _ in range(12):
        action = random_action(rng, state)
        act(page, state, action)
        check_layer(page, photo, state["K"], state["biases"])
