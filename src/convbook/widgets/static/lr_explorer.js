// src/convbook/widgets/convmath.js
var FLOAT32_MAX = 34028234663852886e22;
function outputShape(X, K2) {
  return [X.length - K2.length + 1, X[0].length - K2[0].length + 1];
}
function corr2d(X, K2) {
  const [oh, ow] = outputShape(X, K2);
  const Y = [];
  for (let i = 0; i < oh; i++) {
    const row = [];
    for (let j = 0; j < ow; j++) {
      let sum = 0;
      for (let a = 0; a < K2.length; a++) {
        for (let b = 0; b < K2[0].length; b++) sum += X[i + a][j + b] * K2[a][b];
      }
      row.push(sum);
    }
    Y.push(row);
  }
  return Y;
}
function learnKernel(X, Y, init, lr, epochs) {
  let K2 = init.map((row) => row.map(Math.fround));
  const losses = [];
  const weights = [];
  let divergedAt = null;
  let overflowed = null;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const residual = corr2d(X, K2).map((row, i) => row.map((v, j) => v - Y[i][j]));
    const loss = residual.flat().reduce((sum, r) => sum + r * r, 0);
    if (!(loss <= FLOAT32_MAX)) {
      [divergedAt, overflowed] = [epoch, "loss"];
      break;
    }
    const gradient = corr2d(X, residual);
    const next = K2.map((row, a) => row.map((k, b) => Math.fround(k - lr * 2 * gradient[a][b])));
    if (!next.flat().every(Number.isFinite)) {
      [divergedAt, overflowed] = [epoch, "kernel"];
      break;
    }
    K2 = next;
    losses.push(loss);
    weights.push(K2);
  }
  return { losses, weights, divergedAt, overflowed, kernel: weights.length ? weights.at(-1) : init };
}
function firstRise(losses) {
  const index = losses.findIndex((loss) => loss > losses[0]);
  return index < 0 ? null : index + 1;
}
function lossAt(X, Y, K2) {
  const target = Y.flat();
  return corr2d(X, K2).flat().reduce((sum, v, n) => sum + (v - target[n]) ** 2, 0);
}

// src/convbook/widgets/critical.js
function im2col(X, kh, kw) {
  const rows = [];
  for (let i = 0; i + kh <= X.length; i++) {
    for (let j = 0; j + kw <= X[0].length; j++) {
      const window2 = [];
      for (let a = 0; a < kh; a++) for (let b = 0; b < kw; b++) window2.push(X[i + a][j + b]);
      rows.push(window2);
    }
  }
  return rows;
}
function hessian(X, kh, kw) {
  const A2 = im2col(X, kh, kw);
  const n = kh * kw;
  const H = Array.from({ length: n }, () => new Array(n).fill(0));
  for (const row of A2) {
    for (let p = 0; p < n; p++) for (let q = 0; q < n; q++) H[p][q] += 2 * row[p] * row[q];
  }
  return H;
}
function times(H, v) {
  return H.map((row) => row.reduce((sum, h, q) => sum + h * v[q], 0));
}
function norm(v) {
  return Math.hypot(...v);
}
function largestEigen(H, iterations = 1e4) {
  let v = H.map((_, k) => 1 + k / H.length);
  v = v.map((x) => x / norm(v));
  for (let step = 0; step < iterations; step++) {
    const w2 = times(H, v);
    const length = norm(w2);
    if (length === 0) return { value: 0, vector: v };
    const next = w2.map((x) => x / length);
    const moved = Math.max(...next.map((x, k) => Math.abs(x - v[k])));
    v = next;
    if (moved <= 1e-14) break;
  }
  const w = times(H, v);
  return { value: v.reduce((sum, x, k) => sum + x * w[k], 0), vector: v };
}
function powerOfTwoBelow(X) {
  const largest = Math.max(...X.flat().map(Math.abs));
  return largest > 0 ? 2 ** Math.floor(Math.log2(largest)) : 1;
}
function criticalRate(X, kh, kw) {
  const scale = powerOfTwoBelow(X);
  const { value: value2 } = largestEigen(hessian(X.map((row) => row.map((x) => x / scale)), kh, kw));
  return value2 > 0 ? 2 / value2 / scale / scale : null;
}
function eigenDirections(H) {
  const steep = largestEigen(H);
  const [x, y] = steep.vector;
  return [steep, { value: H[0][0] + H[1][1] - steep.value, vector: [-y, x] }];
}

// src/convbook/widgets/draw.js
var VIRIDIS = [
  "#440154",
  "#472d7b",
  "#3b528b",
  "#2c728e",
  "#21918c",
  "#28ae80",
  "#5ec962",
  "#addc30",
  "#fde725"
];
function interpolate(stops, t) {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(Math.floor(x), stops.length - 2);
  const [a, b] = [stops[i], stops[i + 1]].map((hex2) => [1, 3, 5].map((k) => parseInt(hex2.slice(k, k + 2), 16)));
  return a.map((v, k) => Math.round(v + (b[k] - v) * (x - i)));
}
function viridis(t) {
  return `rgb(${interpolate(VIRIDIS, t).join(",")})`;
}
var scratch = typeof document === "undefined" ? null : document.createElement("canvas");
function el(tag, className = "", text = "") {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
function save(model, values) {
  model.set(values);
  try {
    model.save_changes();
  } catch (error) {
  }
}

// node_modules/d3-array/dist/d3-array.mjs
function ascending(a, b) {
  return a == null || b == null ? NaN : a < b ? -1 : a > b ? 1 : a >= b ? 0 : NaN;
}
function descending(a, b) {
  return a == null || b == null ? NaN : b < a ? -1 : b > a ? 1 : b >= a ? 0 : NaN;
}
function bisector(f) {
  let compare1, compare2, delta;
  if (f.length !== 2) {
    compare1 = ascending;
    compare2 = (d, x) => ascending(f(d), x);
    delta = (d, x) => f(d) - x;
  } else {
    compare1 = f === ascending || f === descending ? f : zero;
    compare2 = f;
    delta = f;
  }
  function left(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = lo + hi >>> 1;
        if (compare2(a[mid], x) < 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }
  function right(a, x, lo = 0, hi = a.length) {
    if (lo < hi) {
      if (compare1(x, x) !== 0) return hi;
      do {
        const mid = lo + hi >>> 1;
        if (compare2(a[mid], x) <= 0) lo = mid + 1;
        else hi = mid;
      } while (lo < hi);
    }
    return lo;
  }
  function center(a, x, lo = 0, hi = a.length) {
    const i = left(a, x, lo, hi - 1);
    return i > lo && delta(a[i - 1], x) > -delta(a[i], x) ? i - 1 : i;
  }
  return { left, center, right };
}
function zero() {
  return 0;
}
function number(x) {
  return x === null ? NaN : +x;
}
var ascendingBisect = bisector(ascending);
var bisectRight = ascendingBisect.right;
var bisectLeft = ascendingBisect.left;
var bisectCenter = bisector(number).center;
var blur2 = Blur2(blurf);
var blurImage = Blur2(blurfImage);
function Blur2(blur) {
  return function(data, rx, ry = rx) {
    if (!((rx = +rx) >= 0)) throw new RangeError("invalid rx");
    if (!((ry = +ry) >= 0)) throw new RangeError("invalid ry");
    let { data: values, width, height } = data;
    if (!((width = Math.floor(width)) >= 0)) throw new RangeError("invalid width");
    if (!((height = Math.floor(height !== void 0 ? height : values.length / width)) >= 0)) throw new RangeError("invalid height");
    if (!width || !height || !rx && !ry) return data;
    const blurx = rx && blur(rx);
    const blury = ry && blur(ry);
    const temp = values.slice();
    if (blurx && blury) {
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    } else if (blurx) {
      blurh(blurx, values, temp, width, height);
      blurh(blurx, temp, values, width, height);
      blurh(blurx, values, temp, width, height);
    } else if (blury) {
      blurv(blury, values, temp, width, height);
      blurv(blury, temp, values, width, height);
      blurv(blury, values, temp, width, height);
    }
    return data;
  };
}
function blurh(blur, T, S, w, h) {
  for (let y = 0, n = w * h; y < n; ) {
    blur(T, S, y, y += w, 1);
  }
}
function blurv(blur, T, S, w, h) {
  for (let x = 0, n = w * h; x < w; ++x) {
    blur(T, S, x, x + n, w);
  }
}
function blurfImage(radius) {
  const blur = blurf(radius);
  return (T, S, start, stop, step) => {
    start <<= 2, stop <<= 2, step <<= 2;
    blur(T, S, start + 0, stop + 0, step);
    blur(T, S, start + 1, stop + 1, step);
    blur(T, S, start + 2, stop + 2, step);
    blur(T, S, start + 3, stop + 3, step);
  };
}
function blurf(radius) {
  const radius0 = Math.floor(radius);
  if (radius0 === radius) return bluri(radius);
  const t = radius - radius0;
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => {
    if (!((stop -= step) >= start)) return;
    let sum = radius0 * S[start];
    const s0 = step * radius0;
    const s1 = s0 + step;
    for (let i = start, j = start + s0; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s0)];
      T[i] = (sum + t * (S[Math.max(start, i - s1)] + S[Math.min(stop, i + s1)])) / w;
      sum -= S[Math.max(start, i - s0)];
    }
  };
}
function bluri(radius) {
  const w = 2 * radius + 1;
  return (T, S, start, stop, step) => {
    if (!((stop -= step) >= start)) return;
    let sum = radius * S[start];
    const s = step * radius;
    for (let i = start, j = start + s; i < j; i += step) {
      sum += S[Math.min(stop, i)];
    }
    for (let i = start, j = stop; i <= j; i += step) {
      sum += S[Math.min(stop, i + s)];
      T[i] = sum / w;
      sum -= S[Math.max(start, i - s)];
    }
  };
}
function count(values, valueof) {
  let count2 = 0;
  if (valueof === void 0) {
    for (let value2 of values) {
      if (value2 != null && (value2 = +value2) >= value2) {
        ++count2;
      }
    }
  } else {
    let index = -1;
    for (let value2 of values) {
      if ((value2 = valueof(value2, ++index, values)) != null && (value2 = +value2) >= value2) {
        ++count2;
      }
    }
  }
  return count2;
}
function extent(values, valueof) {
  let min;
  let max2;
  if (valueof === void 0) {
    for (const value2 of values) {
      if (value2 != null) {
        if (min === void 0) {
          if (value2 >= value2) min = max2 = value2;
        } else {
          if (min > value2) min = value2;
          if (max2 < value2) max2 = value2;
        }
      }
    }
  } else {
    let index = -1;
    for (let value2 of values) {
      if ((value2 = valueof(value2, ++index, values)) != null) {
        if (min === void 0) {
          if (value2 >= value2) min = max2 = value2;
        } else {
          if (min > value2) min = value2;
          if (max2 < value2) max2 = value2;
        }
      }
    }
  }
  return [min, max2];
}
var array = Array.prototype;
var slice = array.slice;
var e10 = Math.sqrt(50);
var e5 = Math.sqrt(10);
var e2 = Math.sqrt(2);
function tickSpec(start, stop, count2) {
  const step = (stop - start) / Math.max(0, count2), power = Math.floor(Math.log10(step)), error = step / Math.pow(10, power), factor = error >= e10 ? 10 : error >= e5 ? 5 : error >= e2 ? 2 : 1;
  let i1, i2, inc;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    i1 = Math.round(start * inc);
    i2 = Math.round(stop * inc);
    if (i1 / inc < start) ++i1;
    if (i2 / inc > stop) --i2;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    i1 = Math.round(start / inc);
    i2 = Math.round(stop / inc);
    if (i1 * inc < start) ++i1;
    if (i2 * inc > stop) --i2;
  }
  if (i2 < i1 && 0.5 <= count2 && count2 < 2) return tickSpec(start, stop, count2 * 2);
  return [i1, i2, inc];
}
function ticks(start, stop, count2) {
  stop = +stop, start = +start, count2 = +count2;
  if (!(count2 > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start, [i1, i2, inc] = reverse ? tickSpec(stop, start, count2) : tickSpec(start, stop, count2);
  if (!(i2 >= i1)) return [];
  const n = i2 - i1 + 1, ticks2 = new Array(n);
  if (reverse) {
    if (inc < 0) for (let i = 0; i < n; ++i) ticks2[i] = (i2 - i) / -inc;
    else for (let i = 0; i < n; ++i) ticks2[i] = (i2 - i) * inc;
  } else {
    if (inc < 0) for (let i = 0; i < n; ++i) ticks2[i] = (i1 + i) / -inc;
    else for (let i = 0; i < n; ++i) ticks2[i] = (i1 + i) * inc;
  }
  return ticks2;
}
function tickIncrement(start, stop, count2) {
  stop = +stop, start = +start, count2 = +count2;
  return tickSpec(start, stop, count2)[2];
}
function tickStep(start, stop, count2) {
  stop = +stop, start = +start, count2 = +count2;
  const reverse = stop < start, inc = reverse ? tickIncrement(stop, start, count2) : tickIncrement(start, stop, count2);
  return (reverse ? -1 : 1) * (inc < 0 ? 1 / -inc : inc);
}
function nice(start, stop, count2) {
  let prestep;
  while (true) {
    const step = tickIncrement(start, stop, count2);
    if (step === prestep || step === 0 || !isFinite(step)) {
      return [start, stop];
    } else if (step > 0) {
      const i = Math.ceil(start / step);
      const j = Math.floor(stop / step);
      start = (i - (i * step > start)) * step;
      stop = (j + (j * step < stop)) * step;
    } else if (step < 0) {
      const s = -step;
      const i = Math.ceil(start * s);
      const j = Math.floor(stop * s);
      start = (i - (i / s > start)) / s;
      stop = (j + (j / s < stop)) / s;
    }
    prestep = step;
  }
}
function thresholdSturges(values) {
  return Math.max(1, Math.ceil(Math.log(count(values)) / Math.LN2) + 1);
}
var shuffle = shuffler(Math.random);
function shuffler(random) {
  return function shuffle2(array3, i0 = 0, i1 = array3.length) {
    let m = i1 - (i0 = +i0);
    while (m) {
      const i = random() * m-- | 0, t = array3[m + i0];
      array3[m + i0] = array3[i + i0];
      array3[i + i0] = t;
    }
    return array3;
  };
}

// node_modules/d3-contour/dist/d3-contour.mjs
var array2 = Array.prototype;
var slice2 = array2.slice;
function ascending2(a, b) {
  return a - b;
}
function area(ring) {
  var i = 0, n = ring.length, area2 = ring[n - 1][1] * ring[0][0] - ring[n - 1][0] * ring[0][1];
  while (++i < n) area2 += ring[i - 1][1] * ring[i][0] - ring[i - 1][0] * ring[i][1];
  return area2;
}
var constant = (x) => () => x;
function contains(ring, hole) {
  var i = -1, n = hole.length, c;
  while (++i < n) if (c = ringContains(ring, hole[i])) return c;
  return 0;
}
function ringContains(ring, point) {
  var x = point[0], y = point[1], contains2 = -1;
  for (var i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    var pi = ring[i], xi = pi[0], yi = pi[1], pj = ring[j], xj = pj[0], yj = pj[1];
    if (segmentContains(pi, pj, point)) return 0;
    if (yi > y !== yj > y && x < (xj - xi) * (y - yi) / (yj - yi) + xi) contains2 = -contains2;
  }
  return contains2;
}
function segmentContains(a, b, c) {
  var i;
  return collinear(a, b, c) && within(a[i = +(a[0] === b[0])], c[i], b[i]);
}
function collinear(a, b, c) {
  return (b[0] - a[0]) * (c[1] - a[1]) === (c[0] - a[0]) * (b[1] - a[1]);
}
function within(p, q, r) {
  return p <= q && q <= r || r <= q && q <= p;
}
function noop() {
}
var cases = [
  [],
  [[[1, 1.5], [0.5, 1]]],
  [[[1.5, 1], [1, 1.5]]],
  [[[1.5, 1], [0.5, 1]]],
  [[[1, 0.5], [1.5, 1]]],
  [[[1, 1.5], [0.5, 1]], [[1, 0.5], [1.5, 1]]],
  [[[1, 0.5], [1, 1.5]]],
  [[[1, 0.5], [0.5, 1]]],
  [[[0.5, 1], [1, 0.5]]],
  [[[1, 1.5], [1, 0.5]]],
  [[[0.5, 1], [1, 0.5]], [[1.5, 1], [1, 1.5]]],
  [[[1.5, 1], [1, 0.5]]],
  [[[0.5, 1], [1.5, 1]]],
  [[[1, 1.5], [1.5, 1]]],
  [[[0.5, 1], [1, 1.5]]],
  []
];
function Contours() {
  var dx = 1, dy = 1, threshold = thresholdSturges, smooth = smoothLinear;
  function contours(values) {
    var tz = threshold(values);
    if (!Array.isArray(tz)) {
      const e = extent(values, finite);
      tz = ticks(...nice(e[0], e[1], tz), tz);
      while (tz[tz.length - 1] >= e[1]) tz.pop();
      while (tz[1] < e[0]) tz.shift();
    } else {
      tz = tz.slice().sort(ascending2);
    }
    return tz.map((value2) => contour(values, value2));
  }
  function contour(values, value2) {
    const v = value2 == null ? NaN : +value2;
    if (isNaN(v)) throw new Error(`invalid value: ${value2}`);
    var polygons = [], holes = [];
    isorings(values, v, function(ring) {
      smooth(ring, values, v);
      if (area(ring) > 0) polygons.push([ring]);
      else holes.push(ring);
    });
    holes.forEach(function(hole) {
      for (var i = 0, n = polygons.length, polygon; i < n; ++i) {
        if (contains((polygon = polygons[i])[0], hole) !== -1) {
          polygon.push(hole);
          return;
        }
      }
    });
    return {
      type: "MultiPolygon",
      value: value2,
      coordinates: polygons
    };
  }
  function isorings(values, value2, callback) {
    var fragmentByStart = new Array(), fragmentByEnd = new Array(), x, y, t02, t12, t22, t32;
    x = y = -1;
    t12 = above(values[0], value2);
    cases[t12 << 1].forEach(stitch);
    while (++x < dx - 1) {
      t02 = t12, t12 = above(values[x + 1], value2);
      cases[t02 | t12 << 1].forEach(stitch);
    }
    cases[t12 << 0].forEach(stitch);
    while (++y < dy - 1) {
      x = -1;
      t12 = above(values[y * dx + dx], value2);
      t22 = above(values[y * dx], value2);
      cases[t12 << 1 | t22 << 2].forEach(stitch);
      while (++x < dx - 1) {
        t02 = t12, t12 = above(values[y * dx + dx + x + 1], value2);
        t32 = t22, t22 = above(values[y * dx + x + 1], value2);
        cases[t02 | t12 << 1 | t22 << 2 | t32 << 3].forEach(stitch);
      }
      cases[t12 | t22 << 3].forEach(stitch);
    }
    x = -1;
    t22 = values[y * dx] >= value2;
    cases[t22 << 2].forEach(stitch);
    while (++x < dx - 1) {
      t32 = t22, t22 = above(values[y * dx + x + 1], value2);
      cases[t22 << 2 | t32 << 3].forEach(stitch);
    }
    cases[t22 << 3].forEach(stitch);
    function stitch(line) {
      var start = [line[0][0] + x, line[0][1] + y], end = [line[1][0] + x, line[1][1] + y], startIndex = index(start), endIndex = index(end), f, g;
      if (f = fragmentByEnd[startIndex]) {
        if (g = fragmentByStart[endIndex]) {
          delete fragmentByEnd[f.end];
          delete fragmentByStart[g.start];
          if (f === g) {
            f.ring.push(end);
            callback(f.ring);
          } else {
            fragmentByStart[f.start] = fragmentByEnd[g.end] = { start: f.start, end: g.end, ring: f.ring.concat(g.ring) };
          }
        } else {
          delete fragmentByEnd[f.end];
          f.ring.push(end);
          fragmentByEnd[f.end = endIndex] = f;
        }
      } else if (f = fragmentByStart[endIndex]) {
        if (g = fragmentByEnd[startIndex]) {
          delete fragmentByStart[f.start];
          delete fragmentByEnd[g.end];
          if (f === g) {
            f.ring.push(end);
            callback(f.ring);
          } else {
            fragmentByStart[g.start] = fragmentByEnd[f.end] = { start: g.start, end: f.end, ring: g.ring.concat(f.ring) };
          }
        } else {
          delete fragmentByStart[f.start];
          f.ring.unshift(start);
          fragmentByStart[f.start = startIndex] = f;
        }
      } else {
        fragmentByStart[startIndex] = fragmentByEnd[endIndex] = { start: startIndex, end: endIndex, ring: [start, end] };
      }
    }
  }
  function index(point) {
    return point[0] * 2 + point[1] * (dx + 1) * 4;
  }
  function smoothLinear(ring, values, value2) {
    ring.forEach(function(point) {
      var x = point[0], y = point[1], xt = x | 0, yt = y | 0, v1 = valid(values[yt * dx + xt]);
      if (x > 0 && x < dx && xt === x) {
        point[0] = smooth1(x, valid(values[yt * dx + xt - 1]), v1, value2);
      }
      if (y > 0 && y < dy && yt === y) {
        point[1] = smooth1(y, valid(values[(yt - 1) * dx + xt]), v1, value2);
      }
    });
  }
  contours.contour = contour;
  contours.size = function(_) {
    if (!arguments.length) return [dx, dy];
    var _0 = Math.floor(_[0]), _1 = Math.floor(_[1]);
    if (!(_0 >= 0 && _1 >= 0)) throw new Error("invalid size");
    return dx = _0, dy = _1, contours;
  };
  contours.thresholds = function(_) {
    return arguments.length ? (threshold = typeof _ === "function" ? _ : Array.isArray(_) ? constant(slice2.call(_)) : constant(_), contours) : threshold;
  };
  contours.smooth = function(_) {
    return arguments.length ? (smooth = _ ? smoothLinear : noop, contours) : smooth === smoothLinear;
  };
  return contours;
}
function finite(x) {
  return isFinite(x) ? x : NaN;
}
function above(x, value2) {
  return x == null ? false : +x >= value2;
}
function valid(v) {
  return v == null || isNaN(v = +v) ? -Infinity : v;
}
function smooth1(x, v0, v1, value2) {
  const a = value2 - v0;
  const b = v1 - v0;
  const d = isFinite(a) || isFinite(b) ? a / b : Math.sign(a) / Math.sign(b);
  return isNaN(d) ? x : x + d - 0.5;
}

// node_modules/d3-color/dist/d3-color.mjs
function define(constructor, factory, prototype) {
  constructor.prototype = factory.prototype = prototype;
  prototype.constructor = constructor;
}
function extend(parent, definition) {
  var prototype = Object.create(parent.prototype);
  for (var key in definition) prototype[key] = definition[key];
  return prototype;
}
function Color() {
}
var darker = 0.7;
var brighter = 1 / darker;
var reI = "\\s*([+-]?\\d+)\\s*";
var reN = "\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*";
var reP = "\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*";
var reHex = /^#([0-9a-f]{3,8})$/;
var reRgbInteger = new RegExp(`^rgb\\(${reI},${reI},${reI}\\)$`);
var reRgbPercent = new RegExp(`^rgb\\(${reP},${reP},${reP}\\)$`);
var reRgbaInteger = new RegExp(`^rgba\\(${reI},${reI},${reI},${reN}\\)$`);
var reRgbaPercent = new RegExp(`^rgba\\(${reP},${reP},${reP},${reN}\\)$`);
var reHslPercent = new RegExp(`^hsl\\(${reN},${reP},${reP}\\)$`);
var reHslaPercent = new RegExp(`^hsla\\(${reN},${reP},${reP},${reN}\\)$`);
var named = {
  aliceblue: 15792383,
  antiquewhite: 16444375,
  aqua: 65535,
  aquamarine: 8388564,
  azure: 15794175,
  beige: 16119260,
  bisque: 16770244,
  black: 0,
  blanchedalmond: 16772045,
  blue: 255,
  blueviolet: 9055202,
  brown: 10824234,
  burlywood: 14596231,
  cadetblue: 6266528,
  chartreuse: 8388352,
  chocolate: 13789470,
  coral: 16744272,
  cornflowerblue: 6591981,
  cornsilk: 16775388,
  crimson: 14423100,
  cyan: 65535,
  darkblue: 139,
  darkcyan: 35723,
  darkgoldenrod: 12092939,
  darkgray: 11119017,
  darkgreen: 25600,
  darkgrey: 11119017,
  darkkhaki: 12433259,
  darkmagenta: 9109643,
  darkolivegreen: 5597999,
  darkorange: 16747520,
  darkorchid: 10040012,
  darkred: 9109504,
  darksalmon: 15308410,
  darkseagreen: 9419919,
  darkslateblue: 4734347,
  darkslategray: 3100495,
  darkslategrey: 3100495,
  darkturquoise: 52945,
  darkviolet: 9699539,
  deeppink: 16716947,
  deepskyblue: 49151,
  dimgray: 6908265,
  dimgrey: 6908265,
  dodgerblue: 2003199,
  firebrick: 11674146,
  floralwhite: 16775920,
  forestgreen: 2263842,
  fuchsia: 16711935,
  gainsboro: 14474460,
  ghostwhite: 16316671,
  gold: 16766720,
  goldenrod: 14329120,
  gray: 8421504,
  green: 32768,
  greenyellow: 11403055,
  grey: 8421504,
  honeydew: 15794160,
  hotpink: 16738740,
  indianred: 13458524,
  indigo: 4915330,
  ivory: 16777200,
  khaki: 15787660,
  lavender: 15132410,
  lavenderblush: 16773365,
  lawngreen: 8190976,
  lemonchiffon: 16775885,
  lightblue: 11393254,
  lightcoral: 15761536,
  lightcyan: 14745599,
  lightgoldenrodyellow: 16448210,
  lightgray: 13882323,
  lightgreen: 9498256,
  lightgrey: 13882323,
  lightpink: 16758465,
  lightsalmon: 16752762,
  lightseagreen: 2142890,
  lightskyblue: 8900346,
  lightslategray: 7833753,
  lightslategrey: 7833753,
  lightsteelblue: 11584734,
  lightyellow: 16777184,
  lime: 65280,
  limegreen: 3329330,
  linen: 16445670,
  magenta: 16711935,
  maroon: 8388608,
  mediumaquamarine: 6737322,
  mediumblue: 205,
  mediumorchid: 12211667,
  mediumpurple: 9662683,
  mediumseagreen: 3978097,
  mediumslateblue: 8087790,
  mediumspringgreen: 64154,
  mediumturquoise: 4772300,
  mediumvioletred: 13047173,
  midnightblue: 1644912,
  mintcream: 16121850,
  mistyrose: 16770273,
  moccasin: 16770229,
  navajowhite: 16768685,
  navy: 128,
  oldlace: 16643558,
  olive: 8421376,
  olivedrab: 7048739,
  orange: 16753920,
  orangered: 16729344,
  orchid: 14315734,
  palegoldenrod: 15657130,
  palegreen: 10025880,
  paleturquoise: 11529966,
  palevioletred: 14381203,
  papayawhip: 16773077,
  peachpuff: 16767673,
  peru: 13468991,
  pink: 16761035,
  plum: 14524637,
  powderblue: 11591910,
  purple: 8388736,
  rebeccapurple: 6697881,
  red: 16711680,
  rosybrown: 12357519,
  royalblue: 4286945,
  saddlebrown: 9127187,
  salmon: 16416882,
  sandybrown: 16032864,
  seagreen: 3050327,
  seashell: 16774638,
  sienna: 10506797,
  silver: 12632256,
  skyblue: 8900331,
  slateblue: 6970061,
  slategray: 7372944,
  slategrey: 7372944,
  snow: 16775930,
  springgreen: 65407,
  steelblue: 4620980,
  tan: 13808780,
  teal: 32896,
  thistle: 14204888,
  tomato: 16737095,
  turquoise: 4251856,
  violet: 15631086,
  wheat: 16113331,
  white: 16777215,
  whitesmoke: 16119285,
  yellow: 16776960,
  yellowgreen: 10145074
};
define(Color, color, {
  copy(channels2) {
    return Object.assign(new this.constructor(), this, channels2);
  },
  displayable() {
    return this.rgb().displayable();
  },
  hex: color_formatHex,
  // Deprecated! Use color.formatHex.
  formatHex: color_formatHex,
  formatHex8: color_formatHex8,
  formatHsl: color_formatHsl,
  formatRgb: color_formatRgb,
  toString: color_formatRgb
});
function color_formatHex() {
  return this.rgb().formatHex();
}
function color_formatHex8() {
  return this.rgb().formatHex8();
}
function color_formatHsl() {
  return hslConvert(this).formatHsl();
}
function color_formatRgb() {
  return this.rgb().formatRgb();
}
function color(format2) {
  var m, l;
  format2 = (format2 + "").trim().toLowerCase();
  return (m = reHex.exec(format2)) ? (l = m[1].length, m = parseInt(m[1], 16), l === 6 ? rgbn(m) : l === 3 ? new Rgb(m >> 8 & 15 | m >> 4 & 240, m >> 4 & 15 | m & 240, (m & 15) << 4 | m & 15, 1) : l === 8 ? rgba(m >> 24 & 255, m >> 16 & 255, m >> 8 & 255, (m & 255) / 255) : l === 4 ? rgba(m >> 12 & 15 | m >> 8 & 240, m >> 8 & 15 | m >> 4 & 240, m >> 4 & 15 | m & 240, ((m & 15) << 4 | m & 15) / 255) : null) : (m = reRgbInteger.exec(format2)) ? new Rgb(m[1], m[2], m[3], 1) : (m = reRgbPercent.exec(format2)) ? new Rgb(m[1] * 255 / 100, m[2] * 255 / 100, m[3] * 255 / 100, 1) : (m = reRgbaInteger.exec(format2)) ? rgba(m[1], m[2], m[3], m[4]) : (m = reRgbaPercent.exec(format2)) ? rgba(m[1] * 255 / 100, m[2] * 255 / 100, m[3] * 255 / 100, m[4]) : (m = reHslPercent.exec(format2)) ? hsla(m[1], m[2] / 100, m[3] / 100, 1) : (m = reHslaPercent.exec(format2)) ? hsla(m[1], m[2] / 100, m[3] / 100, m[4]) : named.hasOwnProperty(format2) ? rgbn(named[format2]) : format2 === "transparent" ? new Rgb(NaN, NaN, NaN, 0) : null;
}
function rgbn(n) {
  return new Rgb(n >> 16 & 255, n >> 8 & 255, n & 255, 1);
}
function rgba(r, g, b, a) {
  if (a <= 0) r = g = b = NaN;
  return new Rgb(r, g, b, a);
}
function rgbConvert(o) {
  if (!(o instanceof Color)) o = color(o);
  if (!o) return new Rgb();
  o = o.rgb();
  return new Rgb(o.r, o.g, o.b, o.opacity);
}
function rgb(r, g, b, opacity) {
  return arguments.length === 1 ? rgbConvert(r) : new Rgb(r, g, b, opacity == null ? 1 : opacity);
}
function Rgb(r, g, b, opacity) {
  this.r = +r;
  this.g = +g;
  this.b = +b;
  this.opacity = +opacity;
}
define(Rgb, rgb, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Rgb(this.r * k, this.g * k, this.b * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Rgb(this.r * k, this.g * k, this.b * k, this.opacity);
  },
  rgb() {
    return this;
  },
  clamp() {
    return new Rgb(clampi(this.r), clampi(this.g), clampi(this.b), clampa(this.opacity));
  },
  displayable() {
    return -0.5 <= this.r && this.r < 255.5 && (-0.5 <= this.g && this.g < 255.5) && (-0.5 <= this.b && this.b < 255.5) && (0 <= this.opacity && this.opacity <= 1);
  },
  hex: rgb_formatHex,
  // Deprecated! Use color.formatHex.
  formatHex: rgb_formatHex,
  formatHex8: rgb_formatHex8,
  formatRgb: rgb_formatRgb,
  toString: rgb_formatRgb
}));
function rgb_formatHex() {
  return `#${hex(this.r)}${hex(this.g)}${hex(this.b)}`;
}
function rgb_formatHex8() {
  return `#${hex(this.r)}${hex(this.g)}${hex(this.b)}${hex((isNaN(this.opacity) ? 1 : this.opacity) * 255)}`;
}
function rgb_formatRgb() {
  const a = clampa(this.opacity);
  return `${a === 1 ? "rgb(" : "rgba("}${clampi(this.r)}, ${clampi(this.g)}, ${clampi(this.b)}${a === 1 ? ")" : `, ${a})`}`;
}
function clampa(opacity) {
  return isNaN(opacity) ? 1 : Math.max(0, Math.min(1, opacity));
}
function clampi(value2) {
  return Math.max(0, Math.min(255, Math.round(value2) || 0));
}
function hex(value2) {
  value2 = clampi(value2);
  return (value2 < 16 ? "0" : "") + value2.toString(16);
}
function hsla(h, s, l, a) {
  if (a <= 0) h = s = l = NaN;
  else if (l <= 0 || l >= 1) h = s = NaN;
  else if (s <= 0) h = NaN;
  return new Hsl(h, s, l, a);
}
function hslConvert(o) {
  if (o instanceof Hsl) return new Hsl(o.h, o.s, o.l, o.opacity);
  if (!(o instanceof Color)) o = color(o);
  if (!o) return new Hsl();
  if (o instanceof Hsl) return o;
  o = o.rgb();
  var r = o.r / 255, g = o.g / 255, b = o.b / 255, min = Math.min(r, g, b), max2 = Math.max(r, g, b), h = NaN, s = max2 - min, l = (max2 + min) / 2;
  if (s) {
    if (r === max2) h = (g - b) / s + (g < b) * 6;
    else if (g === max2) h = (b - r) / s + 2;
    else h = (r - g) / s + 4;
    s /= l < 0.5 ? max2 + min : 2 - max2 - min;
    h *= 60;
  } else {
    s = l > 0 && l < 1 ? 0 : h;
  }
  return new Hsl(h, s, l, o.opacity);
}
function hsl(h, s, l, opacity) {
  return arguments.length === 1 ? hslConvert(h) : new Hsl(h, s, l, opacity == null ? 1 : opacity);
}
function Hsl(h, s, l, opacity) {
  this.h = +h;
  this.s = +s;
  this.l = +l;
  this.opacity = +opacity;
}
define(Hsl, hsl, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Hsl(this.h, this.s, this.l * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Hsl(this.h, this.s, this.l * k, this.opacity);
  },
  rgb() {
    var h = this.h % 360 + (this.h < 0) * 360, s = isNaN(h) || isNaN(this.s) ? 0 : this.s, l = this.l, m2 = l + (l < 0.5 ? l : 1 - l) * s, m1 = 2 * l - m2;
    return new Rgb(
      hsl2rgb(h >= 240 ? h - 240 : h + 120, m1, m2),
      hsl2rgb(h, m1, m2),
      hsl2rgb(h < 120 ? h + 240 : h - 120, m1, m2),
      this.opacity
    );
  },
  clamp() {
    return new Hsl(clamph(this.h), clampt(this.s), clampt(this.l), clampa(this.opacity));
  },
  displayable() {
    return (0 <= this.s && this.s <= 1 || isNaN(this.s)) && (0 <= this.l && this.l <= 1) && (0 <= this.opacity && this.opacity <= 1);
  },
  formatHsl() {
    const a = clampa(this.opacity);
    return `${a === 1 ? "hsl(" : "hsla("}${clamph(this.h)}, ${clampt(this.s) * 100}%, ${clampt(this.l) * 100}%${a === 1 ? ")" : `, ${a})`}`;
  }
}));
function clamph(value2) {
  value2 = (value2 || 0) % 360;
  return value2 < 0 ? value2 + 360 : value2;
}
function clampt(value2) {
  return Math.max(0, Math.min(1, value2 || 0));
}
function hsl2rgb(h, m1, m2) {
  return (h < 60 ? m1 + (m2 - m1) * h / 60 : h < 180 ? m2 : h < 240 ? m1 + (m2 - m1) * (240 - h) / 60 : m1) * 255;
}
var radians = Math.PI / 180;
var degrees = 180 / Math.PI;
var K = 18;
var Xn = 0.96422;
var Yn = 1;
var Zn = 0.82521;
var t0 = 4 / 29;
var t1 = 6 / 29;
var t2 = 3 * t1 * t1;
var t3 = t1 * t1 * t1;
function labConvert(o) {
  if (o instanceof Lab) return new Lab(o.l, o.a, o.b, o.opacity);
  if (o instanceof Hcl) return hcl2lab(o);
  if (!(o instanceof Rgb)) o = rgbConvert(o);
  var r = rgb2lrgb(o.r), g = rgb2lrgb(o.g), b = rgb2lrgb(o.b), y = xyz2lab((0.2225045 * r + 0.7168786 * g + 0.0606169 * b) / Yn), x, z;
  if (r === g && g === b) x = z = y;
  else {
    x = xyz2lab((0.4360747 * r + 0.3850649 * g + 0.1430804 * b) / Xn);
    z = xyz2lab((0.0139322 * r + 0.0971045 * g + 0.7141733 * b) / Zn);
  }
  return new Lab(116 * y - 16, 500 * (x - y), 200 * (y - z), o.opacity);
}
function lab(l, a, b, opacity) {
  return arguments.length === 1 ? labConvert(l) : new Lab(l, a, b, opacity == null ? 1 : opacity);
}
function Lab(l, a, b, opacity) {
  this.l = +l;
  this.a = +a;
  this.b = +b;
  this.opacity = +opacity;
}
define(Lab, lab, extend(Color, {
  brighter(k) {
    return new Lab(this.l + K * (k == null ? 1 : k), this.a, this.b, this.opacity);
  },
  darker(k) {
    return new Lab(this.l - K * (k == null ? 1 : k), this.a, this.b, this.opacity);
  },
  rgb() {
    var y = (this.l + 16) / 116, x = isNaN(this.a) ? y : y + this.a / 500, z = isNaN(this.b) ? y : y - this.b / 200;
    x = Xn * lab2xyz(x);
    y = Yn * lab2xyz(y);
    z = Zn * lab2xyz(z);
    return new Rgb(
      lrgb2rgb(3.1338561 * x - 1.6168667 * y - 0.4906146 * z),
      lrgb2rgb(-0.9787684 * x + 1.9161415 * y + 0.033454 * z),
      lrgb2rgb(0.0719453 * x - 0.2289914 * y + 1.4052427 * z),
      this.opacity
    );
  }
}));
function xyz2lab(t) {
  return t > t3 ? Math.pow(t, 1 / 3) : t / t2 + t0;
}
function lab2xyz(t) {
  return t > t1 ? t * t * t : t2 * (t - t0);
}
function lrgb2rgb(x) {
  return 255 * (x <= 31308e-7 ? 12.92 * x : 1.055 * Math.pow(x, 1 / 2.4) - 0.055);
}
function rgb2lrgb(x) {
  return (x /= 255) <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
}
function hclConvert(o) {
  if (o instanceof Hcl) return new Hcl(o.h, o.c, o.l, o.opacity);
  if (!(o instanceof Lab)) o = labConvert(o);
  if (o.a === 0 && o.b === 0) return new Hcl(NaN, 0 < o.l && o.l < 100 ? 0 : NaN, o.l, o.opacity);
  var h = Math.atan2(o.b, o.a) * degrees;
  return new Hcl(h < 0 ? h + 360 : h, Math.sqrt(o.a * o.a + o.b * o.b), o.l, o.opacity);
}
function hcl(h, c, l, opacity) {
  return arguments.length === 1 ? hclConvert(h) : new Hcl(h, c, l, opacity == null ? 1 : opacity);
}
function Hcl(h, c, l, opacity) {
  this.h = +h;
  this.c = +c;
  this.l = +l;
  this.opacity = +opacity;
}
function hcl2lab(o) {
  if (isNaN(o.h)) return new Lab(o.l, 0, 0, o.opacity);
  var h = o.h * radians;
  return new Lab(o.l, Math.cos(h) * o.c, Math.sin(h) * o.c, o.opacity);
}
define(Hcl, hcl, extend(Color, {
  brighter(k) {
    return new Hcl(this.h, this.c, this.l + K * (k == null ? 1 : k), this.opacity);
  },
  darker(k) {
    return new Hcl(this.h, this.c, this.l - K * (k == null ? 1 : k), this.opacity);
  },
  rgb() {
    return hcl2lab(this).rgb();
  }
}));
var A = -0.14861;
var B = 1.78277;
var C = -0.29227;
var D = -0.90649;
var E = 1.97294;
var ED = E * D;
var EB = E * B;
var BC_DA = B * C - D * A;
function cubehelixConvert(o) {
  if (o instanceof Cubehelix) return new Cubehelix(o.h, o.s, o.l, o.opacity);
  if (!(o instanceof Rgb)) o = rgbConvert(o);
  var r = o.r / 255, g = o.g / 255, b = o.b / 255, l = (BC_DA * b + ED * r - EB * g) / (BC_DA + ED - EB), bl = b - l, k = (E * (g - l) - C * bl) / D, s = Math.sqrt(k * k + bl * bl) / (E * l * (1 - l)), h = s ? Math.atan2(k, bl) * degrees - 120 : NaN;
  return new Cubehelix(h < 0 ? h + 360 : h, s, l, o.opacity);
}
function cubehelix(h, s, l, opacity) {
  return arguments.length === 1 ? cubehelixConvert(h) : new Cubehelix(h, s, l, opacity == null ? 1 : opacity);
}
function Cubehelix(h, s, l, opacity) {
  this.h = +h;
  this.s = +s;
  this.l = +l;
  this.opacity = +opacity;
}
define(Cubehelix, cubehelix, extend(Color, {
  brighter(k) {
    k = k == null ? brighter : Math.pow(brighter, k);
    return new Cubehelix(this.h, this.s, this.l * k, this.opacity);
  },
  darker(k) {
    k = k == null ? darker : Math.pow(darker, k);
    return new Cubehelix(this.h, this.s, this.l * k, this.opacity);
  },
  rgb() {
    var h = isNaN(this.h) ? 0 : (this.h + 120) * radians, l = +this.l, a = isNaN(this.s) ? 0 : this.s * l * (1 - l), cosh2 = Math.cos(h), sinh2 = Math.sin(h);
    return new Rgb(
      255 * (l + a * (A * cosh2 + B * sinh2)),
      255 * (l + a * (C * cosh2 + D * sinh2)),
      255 * (l + a * (E * cosh2)),
      this.opacity
    );
  }
}));

// node_modules/d3-interpolate/dist/d3-interpolate.mjs
function basis(t12, v0, v1, v2, v3) {
  var t22 = t12 * t12, t32 = t22 * t12;
  return ((1 - 3 * t12 + 3 * t22 - t32) * v0 + (4 - 6 * t22 + 3 * t32) * v1 + (1 + 3 * t12 + 3 * t22 - 3 * t32) * v2 + t32 * v3) / 6;
}
function basis$1(values) {
  var n = values.length - 1;
  return function(t) {
    var i = t <= 0 ? t = 0 : t >= 1 ? (t = 1, n - 1) : Math.floor(t * n), v1 = values[i], v2 = values[i + 1], v0 = i > 0 ? values[i - 1] : 2 * v1 - v2, v3 = i < n - 1 ? values[i + 2] : 2 * v2 - v1;
    return basis((t - i / n) * n, v0, v1, v2, v3);
  };
}
function basisClosed(values) {
  var n = values.length;
  return function(t) {
    var i = Math.floor(((t %= 1) < 0 ? ++t : t) * n), v0 = values[(i + n - 1) % n], v1 = values[i % n], v2 = values[(i + 1) % n], v3 = values[(i + 2) % n];
    return basis((t - i / n) * n, v0, v1, v2, v3);
  };
}
var constant2 = (x) => () => x;
function linear(a, d) {
  return function(t) {
    return a + t * d;
  };
}
function exponential(a, b, y) {
  return a = Math.pow(a, y), b = Math.pow(b, y) - a, y = 1 / y, function(t) {
    return Math.pow(a + t * b, y);
  };
}
function hue$1(a, b) {
  var d = b - a;
  return d ? linear(a, d > 180 || d < -180 ? d - 360 * Math.round(d / 360) : d) : constant2(isNaN(a) ? b : a);
}
function gamma(y) {
  return (y = +y) === 1 ? nogamma : function(a, b) {
    return b - a ? exponential(a, b, y) : constant2(isNaN(a) ? b : a);
  };
}
function nogamma(a, b) {
  var d = b - a;
  return d ? linear(a, d) : constant2(isNaN(a) ? b : a);
}
var rgb2 = (function rgbGamma(y) {
  var color2 = gamma(y);
  function rgb3(start, end) {
    var r = color2((start = rgb(start)).r, (end = rgb(end)).r), g = color2(start.g, end.g), b = color2(start.b, end.b), opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.r = r(t);
      start.g = g(t);
      start.b = b(t);
      start.opacity = opacity(t);
      return start + "";
    };
  }
  rgb3.gamma = rgbGamma;
  return rgb3;
})(1);
function rgbSpline(spline) {
  return function(colors) {
    var n = colors.length, r = new Array(n), g = new Array(n), b = new Array(n), i, color2;
    for (i = 0; i < n; ++i) {
      color2 = rgb(colors[i]);
      r[i] = color2.r || 0;
      g[i] = color2.g || 0;
      b[i] = color2.b || 0;
    }
    r = spline(r);
    g = spline(g);
    b = spline(b);
    color2.opacity = 1;
    return function(t) {
      color2.r = r(t);
      color2.g = g(t);
      color2.b = b(t);
      return color2 + "";
    };
  };
}
var rgbBasis = rgbSpline(basis$1);
var rgbBasisClosed = rgbSpline(basisClosed);
function numberArray(a, b) {
  if (!b) b = [];
  var n = a ? Math.min(b.length, a.length) : 0, c = b.slice(), i;
  return function(t) {
    for (i = 0; i < n; ++i) c[i] = a[i] * (1 - t) + b[i] * t;
    return c;
  };
}
function isNumberArray(x) {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}
function genericArray(a, b) {
  var nb = b ? b.length : 0, na = a ? Math.min(nb, a.length) : 0, x = new Array(na), c = new Array(nb), i;
  for (i = 0; i < na; ++i) x[i] = value(a[i], b[i]);
  for (; i < nb; ++i) c[i] = b[i];
  return function(t) {
    for (i = 0; i < na; ++i) c[i] = x[i](t);
    return c;
  };
}
function date(a, b) {
  var d = /* @__PURE__ */ new Date();
  return a = +a, b = +b, function(t) {
    return d.setTime(a * (1 - t) + b * t), d;
  };
}
function number2(a, b) {
  return a = +a, b = +b, function(t) {
    return a * (1 - t) + b * t;
  };
}
function object(a, b) {
  var i = {}, c = {}, k;
  if (a === null || typeof a !== "object") a = {};
  if (b === null || typeof b !== "object") b = {};
  for (k in b) {
    if (k in a) {
      i[k] = value(a[k], b[k]);
    } else {
      c[k] = b[k];
    }
  }
  return function(t) {
    for (k in i) c[k] = i[k](t);
    return c;
  };
}
var reA = /[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g;
var reB = new RegExp(reA.source, "g");
function zero2(b) {
  return function() {
    return b;
  };
}
function one(b) {
  return function(t) {
    return b(t) + "";
  };
}
function string(a, b) {
  var bi = reA.lastIndex = reB.lastIndex = 0, am, bm, bs, i = -1, s = [], q = [];
  a = a + "", b = b + "";
  while ((am = reA.exec(a)) && (bm = reB.exec(b))) {
    if ((bs = bm.index) > bi) {
      bs = b.slice(bi, bs);
      if (s[i]) s[i] += bs;
      else s[++i] = bs;
    }
    if ((am = am[0]) === (bm = bm[0])) {
      if (s[i]) s[i] += bm;
      else s[++i] = bm;
    } else {
      s[++i] = null;
      q.push({ i, x: number2(am, bm) });
    }
    bi = reB.lastIndex;
  }
  if (bi < b.length) {
    bs = b.slice(bi);
    if (s[i]) s[i] += bs;
    else s[++i] = bs;
  }
  return s.length < 2 ? q[0] ? one(q[0].x) : zero2(b) : (b = q.length, function(t) {
    for (var i2 = 0, o; i2 < b; ++i2) s[(o = q[i2]).i] = o.x(t);
    return s.join("");
  });
}
function value(a, b) {
  var t = typeof b, c;
  return b == null || t === "boolean" ? constant2(b) : (t === "number" ? number2 : t === "string" ? (c = color(b)) ? (b = c, rgb2) : string : b instanceof color ? rgb2 : b instanceof Date ? date : isNumberArray(b) ? numberArray : Array.isArray(b) ? genericArray : typeof b.valueOf !== "function" && typeof b.toString !== "function" || isNaN(b) ? object : number2)(a, b);
}
function round(a, b) {
  return a = +a, b = +b, function(t) {
    return Math.round(a * (1 - t) + b * t);
  };
}
var degrees2 = 180 / Math.PI;
var identity = {
  translateX: 0,
  translateY: 0,
  rotate: 0,
  skewX: 0,
  scaleX: 1,
  scaleY: 1
};
function decompose(a, b, c, d, e, f) {
  var scaleX, scaleY, skewX;
  if (scaleX = Math.sqrt(a * a + b * b)) a /= scaleX, b /= scaleX;
  if (skewX = a * c + b * d) c -= a * skewX, d -= b * skewX;
  if (scaleY = Math.sqrt(c * c + d * d)) c /= scaleY, d /= scaleY, skewX /= scaleY;
  if (a * d < b * c) a = -a, b = -b, skewX = -skewX, scaleX = -scaleX;
  return {
    translateX: e,
    translateY: f,
    rotate: Math.atan2(b, a) * degrees2,
    skewX: Math.atan(skewX) * degrees2,
    scaleX,
    scaleY
  };
}
var svgNode;
function parseCss(value2) {
  const m = new (typeof DOMMatrix === "function" ? DOMMatrix : WebKitCSSMatrix)(value2 + "");
  return m.isIdentity ? identity : decompose(m.a, m.b, m.c, m.d, m.e, m.f);
}
function parseSvg(value2) {
  if (value2 == null) return identity;
  if (!svgNode) svgNode = document.createElementNS("http://www.w3.org/2000/svg", "g");
  svgNode.setAttribute("transform", value2);
  if (!(value2 = svgNode.transform.baseVal.consolidate())) return identity;
  value2 = value2.matrix;
  return decompose(value2.a, value2.b, value2.c, value2.d, value2.e, value2.f);
}
function interpolateTransform(parse, pxComma, pxParen, degParen) {
  function pop(s) {
    return s.length ? s.pop() + " " : "";
  }
  function translate(xa, ya, xb, yb, s, q) {
    if (xa !== xb || ya !== yb) {
      var i = s.push("translate(", null, pxComma, null, pxParen);
      q.push({ i: i - 4, x: number2(xa, xb) }, { i: i - 2, x: number2(ya, yb) });
    } else if (xb || yb) {
      s.push("translate(" + xb + pxComma + yb + pxParen);
    }
  }
  function rotate(a, b, s, q) {
    if (a !== b) {
      if (a - b > 180) b += 360;
      else if (b - a > 180) a += 360;
      q.push({ i: s.push(pop(s) + "rotate(", null, degParen) - 2, x: number2(a, b) });
    } else if (b) {
      s.push(pop(s) + "rotate(" + b + degParen);
    }
  }
  function skewX(a, b, s, q) {
    if (a !== b) {
      q.push({ i: s.push(pop(s) + "skewX(", null, degParen) - 2, x: number2(a, b) });
    } else if (b) {
      s.push(pop(s) + "skewX(" + b + degParen);
    }
  }
  function scale(xa, ya, xb, yb, s, q) {
    if (xa !== xb || ya !== yb) {
      var i = s.push(pop(s) + "scale(", null, ",", null, ")");
      q.push({ i: i - 4, x: number2(xa, xb) }, { i: i - 2, x: number2(ya, yb) });
    } else if (xb !== 1 || yb !== 1) {
      s.push(pop(s) + "scale(" + xb + "," + yb + ")");
    }
  }
  return function(a, b) {
    var s = [], q = [];
    a = parse(a), b = parse(b);
    translate(a.translateX, a.translateY, b.translateX, b.translateY, s, q);
    rotate(a.rotate, b.rotate, s, q);
    skewX(a.skewX, b.skewX, s, q);
    scale(a.scaleX, a.scaleY, b.scaleX, b.scaleY, s, q);
    a = b = null;
    return function(t) {
      var i = -1, n = q.length, o;
      while (++i < n) s[(o = q[i]).i] = o.x(t);
      return s.join("");
    };
  };
}
var interpolateTransformCss = interpolateTransform(parseCss, "px, ", "px)", "deg)");
var interpolateTransformSvg = interpolateTransform(parseSvg, ", ", ")", ")");
var epsilon2 = 1e-12;
function cosh(x) {
  return ((x = Math.exp(x)) + 1 / x) / 2;
}
function sinh(x) {
  return ((x = Math.exp(x)) - 1 / x) / 2;
}
function tanh(x) {
  return ((x = Math.exp(2 * x)) - 1) / (x + 1);
}
var zoom = (function zoomRho(rho, rho2, rho4) {
  function zoom2(p0, p1) {
    var ux0 = p0[0], uy0 = p0[1], w0 = p0[2], ux1 = p1[0], uy1 = p1[1], w1 = p1[2], dx = ux1 - ux0, dy = uy1 - uy0, d2 = dx * dx + dy * dy, i, S;
    if (d2 < epsilon2) {
      S = Math.log(w1 / w0) / rho;
      i = function(t) {
        return [
          ux0 + t * dx,
          uy0 + t * dy,
          w0 * Math.exp(rho * t * S)
        ];
      };
    } else {
      var d1 = Math.sqrt(d2), b0 = (w1 * w1 - w0 * w0 + rho4 * d2) / (2 * w0 * rho2 * d1), b1 = (w1 * w1 - w0 * w0 - rho4 * d2) / (2 * w1 * rho2 * d1), r0 = Math.log(Math.sqrt(b0 * b0 + 1) - b0), r1 = Math.log(Math.sqrt(b1 * b1 + 1) - b1);
      S = (r1 - r0) / rho;
      i = function(t) {
        var s = t * S, coshr0 = cosh(r0), u = w0 / (rho2 * d1) * (coshr0 * tanh(rho * s + r0) - sinh(r0));
        return [
          ux0 + u * dx,
          uy0 + u * dy,
          w0 * coshr0 / cosh(rho * s + r0)
        ];
      };
    }
    i.duration = Math.abs(S) * 1e3 * rho / Math.SQRT2;
    return i;
  }
  zoom2.rho = function(_) {
    var _1 = Math.max(1e-3, +_), _2 = _1 * _1, _4 = _2 * _2;
    return zoomRho(_1, _2, _4);
  };
  return zoom2;
})(Math.SQRT2, 2, 4);
function hsl2(hue) {
  return function(start, end) {
    var h = hue((start = hsl(start)).h, (end = hsl(end)).h), s = nogamma(start.s, end.s), l = nogamma(start.l, end.l), opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.h = h(t);
      start.s = s(t);
      start.l = l(t);
      start.opacity = opacity(t);
      return start + "";
    };
  };
}
var hsl_default = hsl2(hue$1);
var hslLong = hsl2(nogamma);
function hcl2(hue) {
  return function(start, end) {
    var h = hue((start = hcl(start)).h, (end = hcl(end)).h), c = nogamma(start.c, end.c), l = nogamma(start.l, end.l), opacity = nogamma(start.opacity, end.opacity);
    return function(t) {
      start.h = h(t);
      start.c = c(t);
      start.l = l(t);
      start.opacity = opacity(t);
      return start + "";
    };
  };
}
var hcl_default = hcl2(hue$1);
var hclLong = hcl2(nogamma);
function cubehelix2(hue) {
  return (function cubehelixGamma(y) {
    y = +y;
    function cubehelix3(start, end) {
      var h = hue((start = cubehelix(start)).h, (end = cubehelix(end)).h), s = nogamma(start.s, end.s), l = nogamma(start.l, end.l), opacity = nogamma(start.opacity, end.opacity);
      return function(t) {
        start.h = h(t);
        start.s = s(t);
        start.l = l(Math.pow(t, y));
        start.opacity = opacity(t);
        return start + "";
      };
    }
    cubehelix3.gamma = cubehelixGamma;
    return cubehelix3;
  })(1);
}
var cubehelix_default = cubehelix2(hue$1);
var cubehelixLong = cubehelix2(nogamma);

// node_modules/d3-format/dist/d3-format.mjs
function formatDecimal(x) {
  return Math.abs(x = Math.round(x)) >= 1e21 ? x.toLocaleString("en").replace(/,/g, "") : x.toString(10);
}
function formatDecimalParts(x, p) {
  if (!isFinite(x) || x === 0) return null;
  var i = (x = p ? x.toExponential(p - 1) : x.toExponential()).indexOf("e"), coefficient = x.slice(0, i);
  return [
    coefficient.length > 1 ? coefficient[0] + coefficient.slice(2) : coefficient,
    +x.slice(i + 1)
  ];
}
function exponent(x) {
  return x = formatDecimalParts(Math.abs(x)), x ? x[1] : NaN;
}
function formatGroup(grouping, thousands) {
  return function(value2, width) {
    var i = value2.length, t = [], j = 0, g = grouping[0], length = 0;
    while (i > 0 && g > 0) {
      if (length + g + 1 > width) g = Math.max(1, width - length);
      t.push(value2.substring(i -= g, i + g));
      if ((length += g + 1) > width) break;
      g = grouping[j = (j + 1) % grouping.length];
    }
    return t.reverse().join(thousands);
  };
}
function formatNumerals(numerals) {
  return function(value2) {
    return value2.replace(/[0-9]/g, function(i) {
      return numerals[+i];
    });
  };
}
var re = /^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;
function formatSpecifier(specifier) {
  if (!(match = re.exec(specifier))) throw new Error("invalid format: " + specifier);
  var match;
  return new FormatSpecifier({
    fill: match[1],
    align: match[2],
    sign: match[3],
    symbol: match[4],
    zero: match[5],
    width: match[6],
    comma: match[7],
    precision: match[8] && match[8].slice(1),
    trim: match[9],
    type: match[10]
  });
}
formatSpecifier.prototype = FormatSpecifier.prototype;
function FormatSpecifier(specifier) {
  this.fill = specifier.fill === void 0 ? " " : specifier.fill + "";
  this.align = specifier.align === void 0 ? ">" : specifier.align + "";
  this.sign = specifier.sign === void 0 ? "-" : specifier.sign + "";
  this.symbol = specifier.symbol === void 0 ? "" : specifier.symbol + "";
  this.zero = !!specifier.zero;
  this.width = specifier.width === void 0 ? void 0 : +specifier.width;
  this.comma = !!specifier.comma;
  this.precision = specifier.precision === void 0 ? void 0 : +specifier.precision;
  this.trim = !!specifier.trim;
  this.type = specifier.type === void 0 ? "" : specifier.type + "";
}
FormatSpecifier.prototype.toString = function() {
  return this.fill + this.align + this.sign + this.symbol + (this.zero ? "0" : "") + (this.width === void 0 ? "" : Math.max(1, this.width | 0)) + (this.comma ? "," : "") + (this.precision === void 0 ? "" : "." + Math.max(0, this.precision | 0)) + (this.trim ? "~" : "") + this.type;
};
function formatTrim(s) {
  out: for (var n = s.length, i = 1, i0 = -1, i1; i < n; ++i) {
    switch (s[i]) {
      case ".":
        i0 = i1 = i;
        break;
      case "0":
        if (i0 === 0) i0 = i;
        i1 = i;
        break;
      default:
        if (!+s[i]) break out;
        if (i0 > 0) i0 = 0;
        break;
    }
  }
  return i0 > 0 ? s.slice(0, i0) + s.slice(i1 + 1) : s;
}
var prefixExponent;
function formatPrefixAuto(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return prefixExponent = void 0, x.toPrecision(p);
  var coefficient = d[0], exponent2 = d[1], i = exponent2 - (prefixExponent = Math.max(-8, Math.min(8, Math.floor(exponent2 / 3))) * 3) + 1, n = coefficient.length;
  return i === n ? coefficient : i > n ? coefficient + new Array(i - n + 1).join("0") : i > 0 ? coefficient.slice(0, i) + "." + coefficient.slice(i) : "0." + new Array(1 - i).join("0") + formatDecimalParts(x, Math.max(0, p + i - 1))[0];
}
function formatRounded(x, p) {
  var d = formatDecimalParts(x, p);
  if (!d) return x + "";
  var coefficient = d[0], exponent2 = d[1];
  return exponent2 < 0 ? "0." + new Array(-exponent2).join("0") + coefficient : coefficient.length > exponent2 + 1 ? coefficient.slice(0, exponent2 + 1) + "." + coefficient.slice(exponent2 + 1) : coefficient + new Array(exponent2 - coefficient.length + 2).join("0");
}
var formatTypes = {
  "%": (x, p) => (x * 100).toFixed(p),
  "b": (x) => Math.round(x).toString(2),
  "c": (x) => x + "",
  "d": formatDecimal,
  "e": (x, p) => x.toExponential(p),
  "f": (x, p) => x.toFixed(p),
  "g": (x, p) => x.toPrecision(p),
  "o": (x) => Math.round(x).toString(8),
  "p": (x, p) => formatRounded(x * 100, p),
  "r": formatRounded,
  "s": formatPrefixAuto,
  "X": (x) => Math.round(x).toString(16).toUpperCase(),
  "x": (x) => Math.round(x).toString(16)
};
function identity2(x) {
  return x;
}
var map = Array.prototype.map;
var prefixes = ["y", "z", "a", "f", "p", "n", "\xB5", "m", "", "k", "M", "G", "T", "P", "E", "Z", "Y"];
function formatLocale(locale2) {
  var group = locale2.grouping === void 0 || locale2.thousands === void 0 ? identity2 : formatGroup(map.call(locale2.grouping, Number), locale2.thousands + ""), currencyPrefix = locale2.currency === void 0 ? "" : locale2.currency[0] + "", currencySuffix = locale2.currency === void 0 ? "" : locale2.currency[1] + "", decimal = locale2.decimal === void 0 ? "." : locale2.decimal + "", numerals = locale2.numerals === void 0 ? identity2 : formatNumerals(map.call(locale2.numerals, String)), percent = locale2.percent === void 0 ? "%" : locale2.percent + "", minus = locale2.minus === void 0 ? "\u2212" : locale2.minus + "", nan = locale2.nan === void 0 ? "NaN" : locale2.nan + "";
  function newFormat(specifier, options) {
    specifier = formatSpecifier(specifier);
    var fill = specifier.fill, align = specifier.align, sign = specifier.sign, symbol = specifier.symbol, zero3 = specifier.zero, width = specifier.width, comma = specifier.comma, precision = specifier.precision, trim = specifier.trim, type = specifier.type;
    if (type === "n") comma = true, type = "g";
    else if (!formatTypes[type]) precision === void 0 && (precision = 12), trim = true, type = "g";
    if (zero3 || fill === "0" && align === "=") zero3 = true, fill = "0", align = "=";
    var prefix = (options && options.prefix !== void 0 ? options.prefix : "") + (symbol === "$" ? currencyPrefix : symbol === "#" && /[boxX]/.test(type) ? "0" + type.toLowerCase() : ""), suffix = (symbol === "$" ? currencySuffix : /[%p]/.test(type) ? percent : "") + (options && options.suffix !== void 0 ? options.suffix : "");
    var formatType = formatTypes[type], maybeSuffix = /[defgprs%]/.test(type);
    precision = precision === void 0 ? 6 : /[gprs]/.test(type) ? Math.max(1, Math.min(21, precision)) : Math.max(0, Math.min(20, precision));
    function format2(value2) {
      var valuePrefix = prefix, valueSuffix = suffix, i, n, c;
      if (type === "c") {
        valueSuffix = formatType(value2) + valueSuffix;
        value2 = "";
      } else {
        value2 = +value2;
        var valueNegative = value2 < 0 || 1 / value2 < 0;
        value2 = isNaN(value2) ? nan : formatType(Math.abs(value2), precision);
        if (trim) value2 = formatTrim(value2);
        if (valueNegative && +value2 === 0 && sign !== "+") valueNegative = false;
        valuePrefix = (valueNegative ? sign === "(" ? sign : minus : sign === "-" || sign === "(" ? "" : sign) + valuePrefix;
        valueSuffix = (type === "s" && !isNaN(value2) && prefixExponent !== void 0 ? prefixes[8 + prefixExponent / 3] : "") + valueSuffix + (valueNegative && sign === "(" ? ")" : "");
        if (maybeSuffix) {
          i = -1, n = value2.length;
          while (++i < n) {
            if (c = value2.charCodeAt(i), 48 > c || c > 57) {
              valueSuffix = (c === 46 ? decimal + value2.slice(i + 1) : value2.slice(i)) + valueSuffix;
              value2 = value2.slice(0, i);
              break;
            }
          }
        }
      }
      if (comma && !zero3) value2 = group(value2, Infinity);
      var length = valuePrefix.length + value2.length + valueSuffix.length, padding = length < width ? new Array(width - length + 1).join(fill) : "";
      if (comma && zero3) value2 = group(padding + value2, padding.length ? width - valueSuffix.length : Infinity), padding = "";
      switch (align) {
        case "<":
          value2 = valuePrefix + value2 + valueSuffix + padding;
          break;
        case "=":
          value2 = valuePrefix + padding + value2 + valueSuffix;
          break;
        case "^":
          value2 = padding.slice(0, length = padding.length >> 1) + valuePrefix + value2 + valueSuffix + padding.slice(length);
          break;
        default:
          value2 = padding + valuePrefix + value2 + valueSuffix;
          break;
      }
      return numerals(value2);
    }
    format2.toString = function() {
      return specifier + "";
    };
    return format2;
  }
  function formatPrefix2(specifier, value2) {
    var e = Math.max(-8, Math.min(8, Math.floor(exponent(value2) / 3))) * 3, k = Math.pow(10, -e), f = newFormat((specifier = formatSpecifier(specifier), specifier.type = "f", specifier), { suffix: prefixes[8 + e / 3] });
    return function(value3) {
      return f(k * value3);
    };
  }
  return {
    format: newFormat,
    formatPrefix: formatPrefix2
  };
}
var locale;
var format;
var formatPrefix;
defaultLocale({
  thousands: ",",
  grouping: [3],
  currency: ["$", ""]
});
function defaultLocale(definition) {
  locale = formatLocale(definition);
  format = locale.format;
  formatPrefix = locale.formatPrefix;
  return locale;
}
function precisionFixed(step) {
  return Math.max(0, -exponent(Math.abs(step)));
}
function precisionPrefix(step, value2) {
  return Math.max(0, Math.max(-8, Math.min(8, Math.floor(exponent(value2) / 3))) * 3 - exponent(Math.abs(step)));
}
function precisionRound(step, max2) {
  step = Math.abs(step), max2 = Math.abs(max2) - step;
  return Math.max(0, exponent(max2) - exponent(step)) + 1;
}

// node_modules/d3-scale/dist/d3-scale.mjs
function initRange(domain, range2) {
  switch (arguments.length) {
    case 0:
      break;
    case 1:
      this.range(domain);
      break;
    default:
      this.range(range2).domain(domain);
      break;
  }
  return this;
}
function constants(x) {
  return function() {
    return x;
  };
}
function number$1(x) {
  return +x;
}
var unit = [0, 1];
function identity$1(x) {
  return x;
}
function normalize(a, b) {
  return (b -= a = +a) ? function(x) {
    return (x - a) / b;
  } : constants(isNaN(b) ? NaN : 0.5);
}
function clamper(a, b) {
  var t;
  if (a > b) t = a, a = b, b = t;
  return function(x) {
    return Math.max(a, Math.min(b, x));
  };
}
function bimap(domain, range2, interpolate2) {
  var d0 = domain[0], d1 = domain[1], r0 = range2[0], r1 = range2[1];
  if (d1 < d0) d0 = normalize(d1, d0), r0 = interpolate2(r1, r0);
  else d0 = normalize(d0, d1), r0 = interpolate2(r0, r1);
  return function(x) {
    return r0(d0(x));
  };
}
function polymap(domain, range2, interpolate2) {
  var j = Math.min(domain.length, range2.length) - 1, d = new Array(j), r = new Array(j), i = -1;
  if (domain[j] < domain[0]) {
    domain = domain.slice().reverse();
    range2 = range2.slice().reverse();
  }
  while (++i < j) {
    d[i] = normalize(domain[i], domain[i + 1]);
    r[i] = interpolate2(range2[i], range2[i + 1]);
  }
  return function(x) {
    var i2 = bisectRight(domain, x, 1, j) - 1;
    return r[i2](d[i2](x));
  };
}
function copy$1(source, target) {
  return target.domain(source.domain()).range(source.range()).interpolate(source.interpolate()).clamp(source.clamp()).unknown(source.unknown());
}
function transformer$2() {
  var domain = unit, range2 = unit, interpolate$1 = value, transform, untransform, unknown, clamp = identity$1, piecewise2, output, input;
  function rescale() {
    var n = Math.min(domain.length, range2.length);
    if (clamp !== identity$1) clamp = clamper(domain[0], domain[n - 1]);
    piecewise2 = n > 2 ? polymap : bimap;
    output = input = null;
    return scale;
  }
  function scale(x) {
    return x == null || isNaN(x = +x) ? unknown : (output || (output = piecewise2(domain.map(transform), range2, interpolate$1)))(transform(clamp(x)));
  }
  scale.invert = function(y) {
    return clamp(untransform((input || (input = piecewise2(range2, domain.map(transform), number2)))(y)));
  };
  scale.domain = function(_) {
    return arguments.length ? (domain = Array.from(_, number$1), rescale()) : domain.slice();
  };
  scale.range = function(_) {
    return arguments.length ? (range2 = Array.from(_), rescale()) : range2.slice();
  };
  scale.rangeRound = function(_) {
    return range2 = Array.from(_), interpolate$1 = round, rescale();
  };
  scale.clamp = function(_) {
    return arguments.length ? (clamp = _ ? true : identity$1, rescale()) : clamp !== identity$1;
  };
  scale.interpolate = function(_) {
    return arguments.length ? (interpolate$1 = _, rescale()) : interpolate$1;
  };
  scale.unknown = function(_) {
    return arguments.length ? (unknown = _, scale) : unknown;
  };
  return function(t, u) {
    transform = t, untransform = u;
    return rescale();
  };
}
function continuous() {
  return transformer$2()(identity$1, identity$1);
}
function tickFormat(start, stop, count2, specifier) {
  var step = tickStep(start, stop, count2), precision;
  specifier = formatSpecifier(specifier == null ? ",f" : specifier);
  switch (specifier.type) {
    case "s": {
      var value2 = Math.max(Math.abs(start), Math.abs(stop));
      if (specifier.precision == null && !isNaN(precision = precisionPrefix(step, value2))) specifier.precision = precision;
      return formatPrefix(specifier, value2);
    }
    case "":
    case "e":
    case "g":
    case "p":
    case "r": {
      if (specifier.precision == null && !isNaN(precision = precisionRound(step, Math.max(Math.abs(start), Math.abs(stop))))) specifier.precision = precision - (specifier.type === "e");
      break;
    }
    case "f":
    case "%": {
      if (specifier.precision == null && !isNaN(precision = precisionFixed(step))) specifier.precision = precision - (specifier.type === "%") * 2;
      break;
    }
  }
  return format(specifier);
}
function linearish(scale) {
  var domain = scale.domain;
  scale.ticks = function(count2) {
    var d = domain();
    return ticks(d[0], d[d.length - 1], count2 == null ? 10 : count2);
  };
  scale.tickFormat = function(count2, specifier) {
    var d = domain();
    return tickFormat(d[0], d[d.length - 1], count2 == null ? 10 : count2, specifier);
  };
  scale.nice = function(count2) {
    if (count2 == null) count2 = 10;
    var d = domain();
    var i0 = 0;
    var i1 = d.length - 1;
    var start = d[i0];
    var stop = d[i1];
    var prestep;
    var step;
    var maxIter = 10;
    if (stop < start) {
      step = start, start = stop, stop = step;
      step = i0, i0 = i1, i1 = step;
    }
    while (maxIter-- > 0) {
      step = tickIncrement(start, stop, count2);
      if (step === prestep) {
        d[i0] = start;
        d[i1] = stop;
        return domain(d);
      } else if (step > 0) {
        start = Math.floor(start / step) * step;
        stop = Math.ceil(stop / step) * step;
      } else if (step < 0) {
        start = Math.ceil(start * step) / step;
        stop = Math.floor(stop * step) / step;
      } else {
        break;
      }
      prestep = step;
    }
    return scale;
  };
  return scale;
}
function linear2() {
  var scale = continuous();
  scale.copy = function() {
    return copy$1(scale, linear2());
  };
  initRange.apply(scale, arguments);
  return linearish(scale);
}
function nice2(domain, interval) {
  domain = domain.slice();
  var i0 = 0, i1 = domain.length - 1, x0 = domain[i0], x1 = domain[i1], t;
  if (x1 < x0) {
    t = i0, i0 = i1, i1 = t;
    t = x0, x0 = x1, x1 = t;
  }
  domain[i0] = interval.floor(x0);
  domain[i1] = interval.ceil(x1);
  return domain;
}
function transformLog(x) {
  return Math.log(x);
}
function transformExp(x) {
  return Math.exp(x);
}
function transformLogn(x) {
  return -Math.log(-x);
}
function transformExpn(x) {
  return -Math.exp(-x);
}
function pow10(x) {
  return isFinite(x) ? +("1e" + x) : x < 0 ? 0 : x;
}
function powp(base) {
  return base === 10 ? pow10 : base === Math.E ? Math.exp : (x) => Math.pow(base, x);
}
function logp(base) {
  return base === Math.E ? Math.log : base === 10 && Math.log10 || base === 2 && Math.log2 || (base = Math.log(base), (x) => Math.log(x) / base);
}
function reflect(f) {
  return (x, k) => -f(-x, k);
}
function loggish(transform) {
  const scale = transform(transformLog, transformExp);
  const domain = scale.domain;
  let base = 10;
  let logs;
  let pows;
  function rescale() {
    logs = logp(base), pows = powp(base);
    if (domain()[0] < 0) {
      logs = reflect(logs), pows = reflect(pows);
      transform(transformLogn, transformExpn);
    } else {
      transform(transformLog, transformExp);
    }
    return scale;
  }
  scale.base = function(_) {
    return arguments.length ? (base = +_, rescale()) : base;
  };
  scale.domain = function(_) {
    return arguments.length ? (domain(_), rescale()) : domain();
  };
  scale.ticks = (count2) => {
    const d = domain();
    let u = d[0];
    let v = d[d.length - 1];
    const r = v < u;
    if (r) [u, v] = [v, u];
    let i = logs(u);
    let j = logs(v);
    let k;
    let t;
    const n = count2 == null ? 10 : +count2;
    let z = [];
    if (!(base % 1) && j - i < n) {
      i = Math.floor(i), j = Math.ceil(j);
      if (u > 0) for (; i <= j; ++i) {
        for (k = 1; k < base; ++k) {
          t = i < 0 ? k / pows(-i) : k * pows(i);
          if (t < u) continue;
          if (t > v) break;
          z.push(t);
        }
      }
      else for (; i <= j; ++i) {
        for (k = base - 1; k >= 1; --k) {
          t = i > 0 ? k / pows(-i) : k * pows(i);
          if (t < u) continue;
          if (t > v) break;
          z.push(t);
        }
      }
      if (z.length * 2 < n) z = ticks(u, v, n);
    } else {
      z = ticks(i, j, Math.min(j - i, n)).map(pows);
    }
    return r ? z.reverse() : z;
  };
  scale.tickFormat = (count2, specifier) => {
    if (count2 == null) count2 = 10;
    if (specifier == null) specifier = base === 10 ? "s" : ",";
    if (typeof specifier !== "function") {
      if (!(base % 1) && (specifier = formatSpecifier(specifier)).precision == null) specifier.trim = true;
      specifier = format(specifier);
    }
    if (count2 === Infinity) return specifier;
    const k = Math.max(1, base * count2 / scale.ticks().length);
    return (d) => {
      let i = d / pows(Math.round(logs(d)));
      if (i * base < base - 0.5) i *= base;
      return i <= k ? specifier(d) : "";
    };
  };
  scale.nice = () => {
    return domain(nice2(domain(), {
      floor: (x) => pows(Math.floor(logs(x))),
      ceil: (x) => pows(Math.ceil(logs(x)))
    }));
  };
  return scale;
}
function log() {
  const scale = loggish(transformer$2()).domain([1, 10]);
  scale.copy = () => copy$1(scale, log()).base(scale.base());
  initRange.apply(scale, arguments);
  return scale;
}

// src/convbook/widgets/chart.js
var FONT = "13px sans-serif";
var SMALL = "12px sans-serif";
var SUPERSCRIPT = { "-": "\u207B", 0: "\u2070", 1: "\xB9", 2: "\xB2", 3: "\xB3", 4: "\u2074", 5: "\u2075", 6: "\u2076", 7: "\u2077", 8: "\u2078", 9: "\u2079" };
function prepare(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
function powerOfTen(k) {
  return `10${String(k).replace(/./g, (c) => SUPERSCRIPT[c])}`;
}
function decades(low, high, count2) {
  const [first, last] = [Math.ceil(Math.log10(low) - 1e-9), Math.floor(Math.log10(high) + 1e-9)];
  const step = Math.max(1, Math.ceil((last - first + 1) / count2));
  const ticks2 = [];
  for (let k = first; k <= last; k += step) ticks2.push(k);
  return ticks2.map((k) => ({ value: 10 ** k, text: powerOfTen(k) }));
}
function linearTicks(scale, count2) {
  const ticks2 = scale.ticks(count2);
  const largest = Math.max(...ticks2.map(Math.abs));
  const step = ticks2.length > 1 ? Math.abs(ticks2[1] - ticks2[0]) : 1;
  const format2 = scale.tickFormat(count2);
  const text = largest >= 1e5 || step < 1e-3 ? (v) => v === 0 ? "0" : Number(v.toPrecision(3)).toExponential() : (v) => format2(v).replace("\u2212", "-");
  return ticks2.map((value2) => ({ value: value2, text: text(value2) }));
}
function plotArea(ctx, { width, height, xDomain, yDomain, logY = false, xLabel, yLabel, colours, square = false, ticks: ticks2 = 5 }) {
  ctx.font = SMALL;
  const y = (logY ? log() : linear2()).domain(yDomain);
  const x = linear2().domain(xDomain);
  const yTicks = logY ? decades(...yDomain, ticks2) : linearTicks(y, ticks2);
  const xTicks = linearTicks(x, Math.max(2, Math.min(ticks2, Math.floor(width / 70))));
  const labelWidth = Math.max(0, ...yTicks.map((t) => ctx.measureText(t.text).width));
  const left = (yLabel ? 20 : 4) + labelWidth + 6;
  const [right, top, bottom] = [10, 8, xLabel ? 38 : 22];
  const side = width - left - right;
  const full = square ? side + top + bottom : height;
  x.range([left, width - right]);
  y.range([full - bottom, top]);
  ctx.strokeStyle = colours.muted;
  ctx.lineWidth = 1;
  ctx.strokeRect(left, top, side, full - top - bottom);
  ctx.fillStyle = colours.text;
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const t of yTicks) {
    ctx.fillText(t.text, left - 6, y(t.value));
    ctx.beginPath();
    ctx.moveTo(left - 3, y(t.value));
    ctx.lineTo(left, y(t.value));
    ctx.stroke();
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const t of xTicks) {
    ctx.fillText(t.text, x(t.value), full - bottom + 5);
    ctx.beginPath();
    ctx.moveTo(x(t.value), full - bottom);
    ctx.lineTo(x(t.value), full - bottom + 3);
    ctx.stroke();
  }
  ctx.font = FONT;
  if (xLabel) ctx.fillText(xLabel, left + side / 2, full - 17);
  if (yLabel) {
    ctx.save();
    ctx.translate(2, top + (full - top - bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(yLabel, 0, 0);
    ctx.restore();
  }
  const clip = () => {
    ctx.beginPath();
    ctx.rect(left, top, side, full - top - bottom);
    ctx.clip();
  };
  return { x, y, left, top, right: width - right, bottom: full - bottom, width, height: full, clip };
}
function polyline(ctx, area2, points, colour, { dots = false, halo = null, width = 2, dash = [] } = {}) {
  ctx.save();
  area2.clip();
  const trace = () => {
    ctx.beginPath();
    points.forEach(([a, b], k) => k ? ctx.lineTo(area2.x(a), area2.y(b)) : ctx.moveTo(area2.x(a), area2.y(b)));
  };
  ctx.setLineDash(dash);
  ctx.lineJoin = "round";
  if (halo) {
    ctx.strokeStyle = halo;
    ctx.lineWidth = width + 2.5;
    trace();
    ctx.stroke();
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  trace();
  ctx.stroke();
  if (dots) {
    ctx.fillStyle = colour;
    for (const [a, b] of points) {
      if (halo) {
        ctx.fillStyle = halo;
        ctx.fillRect(area2.x(a) - 3, area2.y(b) - 3, 6, 6);
        ctx.fillStyle = colour;
      }
      ctx.fillRect(area2.x(a) - 2, area2.y(b) - 2, 4, 4);
    }
  }
  ctx.restore();
}
function haloText(ctx, text, px, py, colours, align = "left") {
  ctx.save();
  ctx.font = FONT;
  ctx.textAlign = align;
  ctx.textBaseline = "middle";
  ctx.lineJoin = "round";
  ctx.strokeStyle = colours.background;
  ctx.lineWidth = 4;
  ctx.strokeText(text, px, py);
  ctx.fillStyle = colours.text;
  ctx.fillText(text, px, py);
  ctx.restore();
}
function filledContours(ctx, area2, f, levels, shade, n = 64) {
  const [x0, x1] = area2.x.domain();
  const [y0, y1] = area2.y.domain();
  const values = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      values[r * n + c] = f(x0 + (c + 0.5) / n * (x1 - x0), y1 - (r + 0.5) / n * (y1 - y0));
    }
  }
  const [sx, sy] = [(area2.right - area2.left) / n, (area2.bottom - area2.top) / n];
  ctx.save();
  area2.clip();
  ctx.fillStyle = viridis(0);
  ctx.fillRect(area2.left, area2.top, area2.right - area2.left, area2.bottom - area2.top);
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = "rgba(0, 0, 0, 0.45)";
  for (const shape of Contours().size([n, n]).thresholds(levels)(values)) {
    ctx.beginPath();
    for (const polygon of shape.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([c, r], k) => {
          const [px, py] = [area2.left + c * sx, area2.top + r * sy];
          if (k) ctx.lineTo(px, py);
          else ctx.moveTo(px, py);
        });
        ctx.closePath();
      }
    }
    ctx.fillStyle = viridis(shade(shape.value));
    ctx.fill("evenodd");
    ctx.stroke();
  }
  ctx.restore();
}
function contourKey(ctx, { left, top, width }, levels, shade, label, colours) {
  const step = width / (levels.length + 1);
  [viridis(0), ...levels.map((level) => viridis(shade(level)))].forEach((fill, k) => {
    ctx.fillStyle = fill;
    ctx.fillRect(left + k * step, top, step + 0.5, 12);
  });
  ctx.fillStyle = colours.text;
  ctx.font = SMALL;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const labelled = levels.filter((level) => Number.isInteger(Math.round(Math.log10(level) * 1e9) / 1e9));
  const every = Math.max(1, Math.ceil(labelled.length * 40 / width));
  labelled.filter((_, k) => k % every === 0).forEach((level) => {
    const boundary = left + (levels.indexOf(level) + 1) * step;
    ctx.fillText(powerOfTen(Math.round(Math.log10(level))), boundary, top + 15);
  });
  ctx.font = FONT;
  ctx.fillText(label, left + width / 2, top + 33);
}

// src/convbook/widgets/lr_charts.js
var LOSS_HEIGHT = 240;
function span(values) {
  return [Math.min(...values), Math.max(...values)];
}
function drawLoss(canvas, width, run, epochs, colours) {
  const ctx = prepare(canvas, width, LOSS_HEIGHT);
  const positive = run.losses.filter((loss) => loss > 0);
  const [least, most] = positive.length ? span(positive) : [1, 10];
  const low = 10 ** Math.floor(Math.log10(Math.min(least, 1)));
  const high = 10 ** Math.ceil(Math.log10(Math.max(most, 10)));
  const area2 = plotArea(ctx, {
    width,
    height: LOSS_HEIGHT,
    xDomain: [1, Math.max(2, epochs)],
    yDomain: [low, high],
    logY: true,
    xLabel: "epoch",
    yLabel: "summed squared loss",
    colours
  });
  if (!run.losses.length) {
    const middle = (area2.left + area2.right) / 2;
    haloText(ctx, "no finite loss to draw:", middle, area2.top + 60, colours, "center");
    haloText(ctx, "see the words below", middle, area2.top + 80, colours, "center");
    return;
  }
  const points = run.losses.map((loss, e) => [e + 1, Math.max(loss, low)]);
  polyline(ctx, area2, points, colours.accent, { dots: points.length <= 60 });
}
function levelsBelow(top) {
  const levels = [];
  for (let k = Math.floor(Math.log10(top)); levels.length < 12; k--) {
    for (const level of [3 * 10 ** k, 10 ** k]) if (level < top && levels.length < 12) levels.unshift(level);
  }
  return levels;
}
function viewOf(start, optimum, path) {
  const reach = Math.hypot(start[0] - optimum[0], start[1] - optimum[1]) || 1;
  const near = path.filter((w) => Math.hypot(w[0] - optimum[0], w[1] - optimum[1]) <= 2 * reach);
  const [xs, ys] = [[start[0], optimum[0], ...near.map((w) => w[0])], [start[1], optimum[1], ...near.map((w) => w[1])]];
  const [[xa, xb], [ya, yb]] = [span(xs), span(ys)];
  const half = Math.max(xb - xa, yb - ya) / 2 * 1.3 || 1;
  const [cx, cy] = [(xa + xb) / 2, (ya + yb) / 2];
  return [[cx - half, cx + half], [cy - half, cy + half]];
}
function drawPath(canvas, width, { H, directions, optimum, lowest, names, run, init }, colours) {
  const start = init.flat();
  const path = [start, ...run.weights.map((K2) => K2.flat())];
  const [xDomain, yDomain] = viewOf(start, optimum, path);
  const excess = (a, b) => {
    const [e0, e1] = [a - optimum[0], b - optimum[1]];
    return 0.5 * (H[0][0] * e0 * e0 + 2 * H[0][1] * e0 * e1 + H[1][1] * e1 * e1);
  };
  const corners = [xDomain[0], xDomain[1]].flatMap((a) => [yDomain[0], yDomain[1]].map((b) => excess(a, b)));
  const levels = levelsBelow(Math.max(...corners, 1e-300));
  const shade = (level) => (levels.indexOf(level) + 1) / levels.length;
  const ctx = prepare(canvas, width, width + 60);
  const area2 = plotArea(ctx, { width, height: 0, xDomain, yDomain, xLabel: names[0], yLabel: names[1], colours, square: true });
  prepare(canvas, width, area2.height + 50);
  const drawn = plotArea(ctx, { width, height: 0, xDomain, yDomain, xLabel: names[0], yLabel: names[1], colours, square: true });
  filledContours(ctx, drawn, excess, levels, shade);
  const reach = 3 * (xDomain[1] - xDomain[0]);
  directions.forEach(({ value: value2, vector: [vx, vy] }, k) => {
    const ends = [-reach, reach].map((t) => [optimum[0] + t * vx, optimum[1] + t * vy]);
    polyline(ctx, drawn, ends, "#ffffff", { halo: "rgba(0, 0, 0, 0.55)", width: 1.5, dash: k ? [3, 4] : [10, 5] });
    const half = (xDomain[1] - xDomain[0]) / 2;
    const centre = [(xDomain[0] + xDomain[1]) / 2, (yDomain[0] + yDomain[1]) / 2];
    const [lx, ly] = [1, -1].map((sign) => [optimum[0] + sign * 0.55 * half * vx, optimum[1] + sign * 0.55 * half * vy]).sort((p, q) => Math.hypot(p[0] - centre[0], p[1] - centre[1]) - Math.hypot(q[0] - centre[0], q[1] - centre[1]))[0];
    const text = `${k ? "flat" : "steep"}: \u03BB = ${Number(value2.toPrecision(3))}`;
    const px = Math.min(drawn.right - 55, Math.max(drawn.left + 55, drawn.x(lx)));
    haloText(ctx, text, px, drawn.y(ly) + (k ? 14 : -14), colours, "center");
  });
  polyline(ctx, drawn, path, "#ffffff", { dots: path.length <= 80, halo: "rgba(0, 0, 0, 0.7)" });
  const [dx, dy] = [drawn.x(optimum[0]) - drawn.x(start[0]), drawn.y(optimum[1]) - drawn.y(start[1])];
  mark(ctx, drawn, start, "start", colours, false, [-dx, -dy]);
  mark(ctx, drawn, optimum, "optimum", colours, true, [dx, dy]);
  const label = lowest > levels[0] ? `loss above its lowest value, ${Number(lowest.toPrecision(3))}` : "loss";
  contourKey(ctx, { left: drawn.left, top: drawn.height + 2, width: drawn.right - drawn.left }, levels, shade, label, colours);
}
function mark(ctx, area2, [a, b], text, colours, filled, away) {
  const [px, py] = [area2.x(a), area2.y(b)];
  if (px < area2.left || px > area2.right || py < area2.top || py > area2.bottom) return;
  ctx.save();
  ctx.lineWidth = 2.5;
  ctx.strokeStyle = "#000000";
  ctx.fillStyle = filled ? colours.accent : "#ffffff";
  ctx.beginPath();
  ctx.arc(px, py, 5.5, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
  const [ux, uy] = away;
  const right = ux >= 0 ? px + 70 < area2.right : px - 70 < area2.left;
  const down = uy >= 0 ? py + 24 < area2.bottom : py - 24 < area2.top;
  haloText(ctx, text, px + (right ? 10 : -10), py + (down ? 14 : -14), colours, right ? "left" : "right");
}
function drawEntries(canvas, width, { optimum, run, init }, colours) {
  const [kh, kw] = [init.length, init[0].length];
  const cellWidth = Math.floor(width / kw);
  const cellHeight = 118;
  const ctx = prepare(canvas, cellWidth * kw, cellHeight * kh);
  const kernels = [init, ...run.weights];
  for (let a = 0; a < kh; a++) {
    for (let b = 0; b < kw; b++) {
      const values = kernels.map((K2) => K2[a][b]);
      const target = optimum[a][b];
      const [low, high] = span([...values, target]);
      const pad = (high - low) * 0.1 || Math.abs(target) * 0.1 || 1;
      ctx.save();
      ctx.translate(b * cellWidth, a * cellHeight + 16);
      const area2 = plotArea(ctx, {
        width: cellWidth - 6,
        height: cellHeight - 18,
        xDomain: [0, Math.max(1, kernels.length - 1)],
        yDomain: [low - pad, high + pad],
        colours,
        ticks: 2
      });
      polyline(ctx, area2, [[0, target], [Math.max(1, kernels.length - 1), target]], colours.muted, { width: 1.5, dash: [4, 3] });
      polyline(ctx, area2, values.map((v, e) => [e, v]), colours.accent, { width: 1.8 });
      ctx.restore();
      haloText(ctx, `K[${a},${b}] \u2192 ${Number(target.toFixed(3))}`, b * cellWidth + cellWidth / 2, a * cellHeight + 8, colours, "center");
    }
  }
}

// src/convbook/widgets/kit/theme.js
function channels(colour) {
  return (colour.match(/[\d.]+/g) || []).map(Number);
}
function luminance([r, g, b]) {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
function backgroundOf(node) {
  for (let n = node; n; n = n.parentElement) {
    const [r, g, b, alpha = 1] = channels(getComputedStyle(n).backgroundColor);
    if (r !== void 0 && alpha > 0) return `rgb(${r}, ${g}, ${b})`;
  }
  return "rgb(255, 255, 255)";
}
function mix(a, b, share) {
  const [x, y] = [channels(a), channels(b)];
  return `rgb(${[0, 1, 2].map((k) => Math.round(x[k] * share + y[k] * (1 - share))).join(", ")})`;
}
function isDark(box) {
  return luminance(channels(getComputedStyle(box).color)) > 0.5;
}
function themeColours(box) {
  const style = getComputedStyle(box);
  const [r, g, b] = channels(style.color);
  const text = r === void 0 ? "rgb(34, 34, 34)" : `rgb(${r}, ${g}, ${b})`;
  const background = backgroundOf(box);
  const accent = style.getPropertyValue("--cb-accent").trim() || (isDark(box) ? "#ff922b" : "#d9480f");
  return { text, background, muted: mix(text, background, 0.75), accent };
}
function matchSurroundings(box) {
  if (!box.isConnected) return "";
  box.classList.toggle("cb-dark", isDark(box));
  const halo = backgroundOf(box);
  box.style.setProperty("--cb-halo", halo);
  return `${getComputedStyle(box).color} ${halo}`;
}
function followTheme(box, onChange = () => {
}) {
  let seen = matchSurroundings(box);
  let frame = 0;
  let live = true;
  const recheck = () => {
    frame = 0;
    if (!live) return;
    const now = matchSurroundings(box);
    if (now !== seen) {
      seen = now;
      onChange();
    }
  };
  const switched = () => {
    seen = matchSurroundings(box);
    onChange();
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(recheck);
    setTimeout(recheck, 400);
  };
  const observer = new MutationObserver(switched);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  observer.observe(document.body, { attributes: true, attributeFilter: ["data-jp-theme-light"] });
  const system = window.matchMedia?.("(prefers-color-scheme: dark)");
  system?.addEventListener?.("change", switched);
  frame = requestAnimationFrame(recheck);
  return () => {
    live = false;
    observer.disconnect();
    system?.removeEventListener?.("change", switched);
    cancelAnimationFrame(frame);
  };
}

// src/convbook/widgets/typed.js
var DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
function readNumber(text, rule = {}) {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "Type a number." };
  if (!DECIMAL.test(trimmed)) return { error: "Not a number." };
  const value2 = Number(trimmed);
  if (!Number.isFinite(value2)) return { error: "Too large even for float64 (at most 1.8e+308 in size)." };
  if (rule.float32 && Math.abs(value2) > FLOAT32_MAX) {
    return { error: "Beyond float32, the type PyTorch trains in (at most 3.4e+38 in size)." };
  }
  if (rule.whole && !Number.isInteger(value2)) return { error: "Type a whole number." };
  const { low = -Infinity, high = Infinity } = rule;
  if (value2 < low || value2 > high) return { error: `Choose a value from ${low} to ${high}.` };
  return { value: value2 === 0 ? 0 : value2 };
}
function float32Text(v) {
  const target = Math.fround(v);
  for (let digits = 1; digits <= 9; digits++) {
    const rounded = Number(target.toPrecision(digits));
    if (Math.fround(rounded) === target) return short(rounded);
  }
  return short(target);
}
function short(v) {
  return Math.abs(v) >= 1e6 || v !== 0 && Math.abs(v) < 1e-4 ? v.toExponential() : String(v);
}

// src/convbook/widgets/lr_explorer.js
var STEPS = 1e3;
var MAX_EPOCHS = 200;
function sig(v, digits = 4) {
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 10 ** digits || a < 1e-4 ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}
function apart(a, b) {
  for (let digits = 4; digits <= 17; digits++) {
    if (sig(a, digits) !== sig(b, digits)) return [sig(a, digits), sig(b, digits)];
  }
  return [sig(a, 17), sig(b, 17)];
}
function weightText(v) {
  const text = Math.abs(v) >= 1e5 ? v.toExponential(3) : v.toFixed(4);
  return text === "-0.0000" ? "0.0000" : text;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function study(problem) {
  const [kh, kw] = [problem.init_rows.length, problem.init_rows[0].length];
  const X = problem.x_rows;
  const H = kh * kw === 2 ? hessian(X, kh, kw) : null;
  return {
    ...problem,
    X,
    Y: problem.y_rows,
    shape: [kh, kw],
    H,
    critical: criticalRate(X, kh, kw),
    directions: H ? eigenDirections(H) : null,
    lowest: lossAt(X, problem.y_rows, problem.optimum_rows)
  };
}
function numberBox(label, rule, accept) {
  const wrap = el("span", "cb-box");
  const input = el("input");
  Object.assign(input, { type: "text", inputMode: "decimal", spellcheck: false, autocomplete: "off" });
  input.setAttribute("aria-label", label);
  const message = el("span", "cb-refusal");
  message.id = `cb-lr-${Math.random().toString(36).slice(2)}`;
  message.setAttribute("aria-live", "polite");
  input.setAttribute("aria-describedby", message.id);
  const refuse = (words) => {
    message.textContent = words;
    input.setAttribute("aria-invalid", String(Boolean(words)));
  };
  input.addEventListener("input", () => {
    const read = readNumber(input.value, rule());
    if (read.error) refuse(`${read.error} Still ${box.shown()}.`);
    else {
      refuse("");
      accept(read.value);
    }
  });
  wrap.append(input, message);
  const box = {
    wrap,
    input,
    shown: () => "",
    show(text) {
      input.value = text;
      refuse("");
    }
  };
  return box;
}
function render({ model, el: root }) {
  const problems = Object.fromEntries(Object.entries(model.get("problems")).map(([name, p]) => [name, study(p)]));
  const state = { problem: model.get("problem"), lr: model.get("lr"), epochs: model.get("epochs"), init: model.get("init_rows") };
  const current = () => problems[state.problem];
  const box = el("div", "cb-lr");
  const choice = el("select", "cb-problem");
  choice.setAttribute("aria-label", "learning problem");
  for (const name of Object.keys(problems)) choice.append(new Option(name, name));
  const problemRow = el("div", "cb-row");
  problemRow.append(el("span", "cb-name", "Problem"), choice);
  const rate = el("input", "cb-lr-slider");
  Object.assign(rate, { type: "range", min: "0", max: String(STEPS), step: "1" });
  rate.setAttribute("aria-label", "learning rate (logarithmic slider)");
  const scale = el("span", "cb-scale");
  const tick = el("span", "cb-tick");
  const mark2 = el("span", "cb-mark");
  scale.append(tick, mark2);
  const slider = el("span", "cb-slider");
  slider.append(rate, scale);
  const rateBox = numberBox("learning rate", () => ({ low: current().lr_range[0], high: current().lr_range[1] }), (lr) => {
    state.lr = lr;
    update({ boxes: false });
    sync();
  });
  rateBox.input.classList.add("cb-lr-value");
  rateBox.shown = () => `lr ${sig(state.lr)}`;
  const rateRow = el("div", "cb-row");
  rateRow.append(el("span", "cb-name", "Learning rate"), slider, rateBox.wrap);
  const epochs = el("input", "cb-epochs");
  Object.assign(epochs, { type: "range", min: "1", max: String(MAX_EPOCHS), step: "1" });
  epochs.setAttribute("aria-label", "epochs (slider)");
  const epochsBox = numberBox("epochs", () => ({ low: 1, high: MAX_EPOCHS, whole: true }), (n) => {
    state.epochs = n;
    update({ boxes: false });
    sync();
  });
  epochsBox.input.classList.add("cb-epochs-value");
  epochsBox.shown = () => plural(state.epochs, "epoch");
  const epochsRow = el("div", "cb-row");
  epochsRow.append(el("span", "cb-name", "Epochs"), epochs, epochsBox.wrap);
  const startRow = el("div", "cb-row cb-start-row");
  const start = el("span", "cb-start");
  startRow.append(el("span", "cb-name", "Start"), start);
  let startBoxes = [];
  const lossCanvas = el("canvas");
  lossCanvas.setAttribute("role", "img");
  const lossFigure = el("figure");
  lossFigure.append(lossCanvas, el("figcaption", "", "Loss per epoch (log scale)"));
  const pathCanvas = el("canvas");
  pathCanvas.setAttribute("role", "img");
  const pathCaption = el("figcaption");
  const pathFigure = el("figure");
  pathFigure.append(pathCanvas, pathCaption);
  const panels = el("div", "cb-panels");
  panels.append(lossFigure, pathFigure);
  const status = el("p", "cb-status");
  status.setAttribute("aria-live", "polite");
  const final = el("p", "cb-final");
  box.append(problemRow, rateRow, epochsRow, startRow, panels, status, final);
  root.replaceChildren(box);
  const toSlider = (lr) => {
    const [low, high] = current().lr_range;
    return Math.min(STEPS, Math.max(0, Math.round(Math.log(lr / low) / Math.log(high / low) * STEPS)));
  };
  const fromSlider = (position) => {
    const [low, high] = current().lr_range;
    return Number((low * (high / low) ** (position / STEPS)).toPrecision(4));
  };
  function sync(names2 = ["lr", "epochs", "init_rows"]) {
    const values = { problem: state.problem, lr: state.lr, epochs: state.epochs, init_rows: state.init };
    save(model, Object.fromEntries(names2.map((name) => [name, values[name]])));
  }
  function buildStart() {
    const [kh, kw] = current().shape;
    start.style.gridTemplateColumns = `repeat(${kw}, auto)`;
    startBoxes = state.init.flat().map((_, n) => {
      const [a, b] = [Math.floor(n / kw), n % kw];
      const weight = numberBox(`starting weight K[${a},${b}]`, () => ({ float32: true }), (v) => {
        state.init = state.init.map((row, r) => row.map((old, c) => r === a && c === b ? Math.fround(v) : old));
        update({ boxes: false });
        sync(["init_rows"]);
      });
      weight.shown = () => `K[${a},${b}] starts at ${float32Text(state.init[a][b])}`;
      return weight;
    });
    start.replaceChildren(...startBoxes.map((b) => b.wrap));
    start.setAttribute("aria-label", `starting kernel, ${kh} \xD7 ${kw}`);
  }
  function showRate() {
    const P = current();
    rate.value = String(toSlider(state.lr));
    let words = `learning rate ${sig(state.lr)}`;
    if (P.critical !== null) {
      const [lrText, criticalText] = apart(state.lr, P.critical);
      const side = state.lr < P.critical ? "below" : state.lr > P.critical ? "above" : "at";
      words = `learning rate ${lrText}, ${side} the critical rate ${criticalText}`;
    }
    rate.setAttribute("aria-valuetext", words);
    epochs.value = String(Math.min(MAX_EPOCHS, state.epochs));
  }
  function showBoxes() {
    choice.value = state.problem;
    rateBox.show(String(Number(state.lr.toPrecision(6))));
    epochsBox.show(String(state.epochs));
    state.init.flat().forEach((v, n) => startBoxes[n].show(float32Text(v)));
  }
  function showMark() {
    const P = current();
    const [low, high] = P.lr_range;
    const inside = P.critical !== null && P.critical >= low && P.critical <= high;
    scale.hidden = !inside;
    if (!inside) return;
    const at = toSlider(P.critical) / STEPS * 100;
    tick.style.left = `${at}%`;
    mark2.textContent = at > 50 ? `critical rate ${sig(P.critical, 5)} \u25B2` : `\u25B2 critical rate ${sig(P.critical, 5)}`;
    Object.assign(mark2.style, at > 50 ? { left: "auto", right: `calc(${100 - at}% - 0.45em)` } : { right: "auto", left: `calc(${at}% - 0.45em)` });
  }
  function describe(run) {
    const P = current();
    const [lrText, criticalText] = P.critical === null ? [sig(state.lr), ""] : apart(state.lr, P.critical);
    const above2 = P.critical !== null && state.lr > P.critical;
    const versus = P.critical === null ? `(X is all zeros: every rate is stable)` : `lr ${lrText} is ${above2 ? "above" : state.lr < P.critical ? "below" : "exactly at"} the critical rate ${criticalText}`;
    const done = run.losses.length;
    status.classList.toggle("cb-bad", above2 || run.divergedAt !== null);
    if (run.divergedAt === 1 && run.overflowed === "loss") {
      const startLoss = lossAt(P.X, P.Y, state.init);
      status.textContent = `No step taken: the loss at the start, ${Number.isFinite(startLoss) ? `about ${sig(startLoss, 2)}` : "far beyond float64"}, is already more than float32 can hold (${sig(FLOAT32_MAX, 2)}), so training stops before its first step, whatever the rate. Choose a start with smaller weights.`;
    } else if (run.divergedAt !== null) {
      const what = run.overflowed === "loss" ? "the loss overflows" : "the kernel overflows after the step";
      status.textContent = `${above2 ? "Diverges" : "Stops"}: ${what} at epoch ${run.divergedAt} (beyond float32), so training stops there (${versus}).`;
    } else if (above2) {
      const rise = firstRise(run.losses);
      status.textContent = `Diverges: ${versus}; ` + (rise ? `the loss passes its starting value at epoch ${rise} and reaches ${sig(run.losses.at(-1))} at epoch ${done}.` : `the part of the error along the steepest direction grows at every step; by epoch ${done} the loss is ${sig(run.losses.at(-1))} and will grow.`);
    } else {
      status.textContent = `Converges: ${versus}; the loss at epoch ${done} is ${sig(run.losses.at(-1))}.`;
    }
    const rows = run.kernel.map((row) => row.map(weightText).join(", ")).join("; ");
    final.textContent = done ? `Kernel after ${plural(done, "epoch")}: [${rows}]. Loss at epoch ${done} (measured before its step): ${sig(run.losses.at(-1))}.` : `Kernel: [${rows}], the start, unchanged.`;
  }
  let lastRun = null;
  function draw() {
    if (!lastRun) return;
    const P = current();
    const colours = themeColours(box);
    const room = Math.max(240, panels.clientWidth || 400);
    const width2 = room >= 2 * 290 + 24 ? Math.min(420, Math.floor((room - 24) / 2)) : Math.min(room, 420);
    drawLoss(lossCanvas, width2, lastRun, state.epochs, colours);
    const last = lastRun.losses.length ? `; loss at epoch ${lastRun.losses.length} ${sig(lastRun.losses.at(-1))}` : "; no finite loss";
    lossCanvas.setAttribute("aria-label", `loss per epoch, logarithmic scale${last}`);
    if (P.H) {
      drawPath(pathCanvas, width2, {
        H: P.H,
        directions: P.directions,
        optimum: P.optimum_rows.flat(),
        lowest: P.lowest,
        names: names(P.shape),
        run: lastRun,
        init: state.init
      }, colours);
      pathCaption.textContent = "Path of the weights over the loss's contours";
      pathCanvas.setAttribute("aria-label", "path of the two kernel weights over the contours of the loss, with the optimum and the two eigen-directions of the Hessian");
    } else {
      drawEntries(pathCanvas, width2, { optimum: P.optimum_rows, run: lastRun, init: state.init }, colours);
      pathCaption.textContent = "Each kernel entry over the epochs; dashed: the optimum";
      pathCanvas.setAttribute("aria-label", "each kernel entry over the epochs, with the optimum's value dashed");
    }
  }
  function names([kh, kw]) {
    return [0, 1].map((n) => `K[${Math.floor(n / kw)},${n % kw}]`);
  }
  function update({ boxes = true } = {}) {
    showRate();
    if (boxes) showBoxes();
    const P = current();
    lastRun = learnKernel(P.X, P.Y, state.init, state.lr, state.epochs);
    describe(lastRun);
    draw();
  }
  function switchProblem(name) {
    Object.assign(state, { problem: name, lr: problems[name].lr, init: problems[name].init_rows });
    buildStart();
    showMark();
    update();
    sync(["problem", "lr", "init_rows"]);
  }
  choice.addEventListener("change", () => {
    if (choice.value !== state.problem) switchProblem(choice.value);
  });
  rate.addEventListener("input", () => {
    state.lr = fromSlider(Number(rate.value));
    update();
  });
  epochs.addEventListener("input", () => {
    state.epochs = Number(epochs.value);
    update();
  });
  rate.addEventListener("change", () => sync(["lr"]));
  epochs.addEventListener("change", () => sync(["epochs"]));
  let pending = false;
  const fromPython = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const name = model.get("problem");
      const init = model.get("init_rows");
      const fits = JSON.stringify(init.map((row) => row.length)) === JSON.stringify(problems[name].init_rows.map((row) => row.length));
      const next = { problem: name, lr: model.get("lr"), epochs: model.get("epochs"), init: fits ? init : problems[name].init_rows };
      if (JSON.stringify(next) === JSON.stringify(state)) return;
      const switched = next.problem !== state.problem;
      Object.assign(state, next);
      if (switched) {
        buildStart();
        showMark();
      }
      update();
    });
  };
  const traits = ["problem", "lr", "epochs", "init_rows"];
  for (const name of traits) model.on(`change:${name}`, fromPython);
  let width = 0;
  const resized = new ResizeObserver(() => {
    if (panels.clientWidth !== width) {
      width = panels.clientWidth;
      draw();
    }
  });
  resized.observe(panels);
  const stopFollowing = followTheme(box, draw);
  buildStart();
  showMark();
  update();
  return () => {
    for (const name of traits) model.off(`change:${name}`, fromPython);
    resized.disconnect();
    stopFollowing();
  };
}
var lr_explorer_default = { render };
export {
  apart,
  lr_explorer_default as default,
  sig,
  weightText
};
