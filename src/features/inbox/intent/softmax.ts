// A small multinomial logistic regression (softmax) over sparse binary features, trained by stochastic
// gradient descent in a fixed order: pure, deterministic, and fast enough to train at start-up (a few
// hundred examples a language, some thousand features).

export interface SoftmaxModel {
  labels: readonly string[];
  index: Map<string, number>;
  /** weights[label][feature] */
  weights: Float64Array[];
  bias: Float64Array;
}

export interface SoftmaxSettings {
  epochs: number;
  rate: number;
  l2: number;
}

export const DEFAULT_SOFTMAX: SoftmaxSettings = { epochs: 30, rate: 1, l2: 1e-3 };

interface Vector {
  ids: number[];
  value: number;
}

/** Unique known features, each weighted 1/sqrt(n) so a long text is not surer than a short one. */
function vectorize(index: Map<string, number>, features: readonly string[]): Vector {
  const ids = new Set<number>();
  for (const f of features) {
    const id = index.get(f);
    if (id !== undefined) ids.add(id);
  }
  return { ids: [...ids], value: ids.size ? 1 / Math.sqrt(ids.size) : 0 };
}

function probabilities(model: SoftmaxModel, v: Vector): Float64Array {
  const out = new Float64Array(model.labels.length);
  let max = -Infinity;
  for (let k = 0; k < out.length; k += 1) {
    const w = model.weights[k] as Float64Array;
    let z = model.bias[k] as number;
    for (const id of v.ids) z += (w[id] as number) * v.value;
    out[k] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let k = 0; k < out.length; k += 1) {
    out[k] = Math.exp((out[k] as number) - max);
    sum += out[k] as number;
  }
  for (let k = 0; k < out.length; k += 1) out[k] = (out[k] as number) / sum;
  return out;
}

export function trainSoftmax(
  docs: readonly { features: readonly string[]; label: string }[],
  labels: readonly string[],
  settings: SoftmaxSettings = DEFAULT_SOFTMAX,
): SoftmaxModel {
  const index = new Map<string, number>();
  for (const d of docs) for (const f of d.features) if (!index.has(f)) index.set(f, index.size);
  const model: SoftmaxModel = {
    labels,
    index,
    weights: labels.map(() => new Float64Array(index.size)),
    bias: new Float64Array(labels.length),
  };
  const data = docs.map((d) => ({ v: vectorize(index, d.features), y: labels.indexOf(d.label) }));
  const order = data.map((_, i) => i);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let epoch = 0; epoch < settings.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    const rate = settings.rate / (1 + epoch * 0.1);
    for (const i of order) {
      const { v, y } = data[i] as { v: Vector; y: number };
      if (y < 0) continue;
      const p = probabilities(model, v);
      for (let k = 0; k < labels.length; k += 1) {
        const g = (p[k] as number) - (k === y ? 1 : 0);
        const w = model.weights[k] as Float64Array;
        for (const id of v.ids) w[id] = (w[id] as number) * (1 - rate * settings.l2) - rate * g * v.value;
        model.bias[k] = (model.bias[k] as number) - rate * g * 0.1;
      }
    }
  }
  return model;
}

/** Labels with their probabilities, most likely first. */
export function predictSoftmax(
  model: SoftmaxModel,
  features: readonly string[],
): { label: string; p: number }[] {
  const v = vectorize(model.index, features);
  const p = probabilities(model, v);
  return model.labels.map((label, k) => ({ label, p: p[k] as number })).sort((a, b) => b.p - a.p);
}
