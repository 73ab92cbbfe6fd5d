"""The verifier's model: a logistic regression over named features with a calibration map, read from plain JSON.

The model file (``wirescope/data/verifier/verifier.json``, written by ``scripts/train_verifier.py``) holds the
bias, one weight per feature name, the calibration (isotonic: increasing breakpoints of the raw probability and
the calibrated probability at each, interpolated linearly between them and held flat outside, as scikit-learn's
``IsotonicRegression`` predicts; or Platt: ``1 / (1 + exp(-(a * logit + b)))``), the default threshold, and what it
was trained on. Scoring needs no scikit-learn: a dot product, a sigmoid and an interpolation.

Events of a modality the real-news scorer sets aside (``hypothetical``, ``negated``: an act demanded, planned,
conditional or denied) have no label the model could learn from, so its probability for them would be an
extrapolation (session 27: mean 0.44 on readable news, where nearly nine in ten such events shown were wrong). The
file's ``set_aside`` gives each such modality one probability instead: the rate at which the tuning part's candidates
of that modality match a gold event of a set-aside modality on the key, shifted like the model for news the rules
were not written on (``Verifier.probability_for``).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ConfigError
from .extra import EXTRA_VERSION
from .features import FEATURES_VERSION, Features

MODEL_FORMAT = "wirescope-verifier/1"
SET_ASIDE_MODALITIES = ("hypothetical", "negated")  # what the real-news scorer sets aside (docs/events-gold.md, 5)
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "data" / "verifier" / "verifier.json"


@dataclass(frozen=True, slots=True)
class Calibration:
    """A monotone map from the raw model probability to a calibrated one."""

    method: str  # "isotonic" | "platt" | "none"
    x: tuple[float, ...] = ()  # isotonic breakpoints (increasing)
    y: tuple[float, ...] = ()  # calibrated value at each breakpoint (non-decreasing)
    a: float = 1.0  # platt slope and intercept on the raw logit
    b: float = 0.0

    def __call__(self, raw: float) -> float:
        if self.method == "isotonic":
            return _interpolate(self.x, self.y, raw)
        if self.method == "platt":
            return _sigmoid(self.a * _logit(raw) + self.b)
        return raw

    def shifted(self, shift: float) -> Calibration:
        """The same map followed by ``shift`` added to the calibrated log-odds (a prior shift: the same ranking,
        another base rate), still a calibration of this form: Platt's intercept moves by ``shift``; isotonic values
        are shifted one by one (still non-decreasing); "none" becomes Platt of slope 1."""
        if not shift:
            return self
        if self.method == "isotonic":
            return Calibration("isotonic", self.x, tuple(round(_sigmoid(_logit(v) + shift), 6) for v in self.y))
        if self.method == "platt":
            return Calibration("platt", a=self.a, b=round(self.b + shift, 6))
        return Calibration("platt", a=1.0, b=round(shift, 6))

    def to_json(self) -> dict[str, Any]:
        if self.method == "isotonic":
            return {"method": "isotonic", "x": list(self.x), "y": list(self.y)}
        if self.method == "platt":
            return {"method": "platt", "a": self.a, "b": self.b}
        return {"method": "none"}


@dataclass(frozen=True, slots=True)
class Verifier:
    bias: float
    weights: Mapping[str, float]
    calibration: Calibration
    threshold: float
    meta: Mapping[str, Any] = field(default_factory=dict)
    version: str = ""  # a content hash of the model file: the verify stage's version
    # modality -> the probability of every event of that modality (one the scorer sets aside: module docstring)
    set_aside: Mapping[str, float] = field(default_factory=dict)

    def score(self, features: Features) -> float:
        """The linear score (log-odds before calibration)."""
        w = self.weights
        return self.bias + sum(w[name] * value for name, value in features.items() if name in w)

    def raw_probability(self, features: Features) -> float:
        return _sigmoid(self.score(features))

    def probability(self, features: Features) -> float:
        """The calibrated probability that the event matches the gold on the scorer's key, in [0, 1]."""
        return min(1.0, max(0.0, self.calibration(self.raw_probability(features))))

    def probability_for(self, modality: str, features: Features) -> float:
        """The event's probability: the model's, or for a modality the scorer sets aside, that modality's rate."""
        rate = self.set_aside.get(modality)
        return rate if rate is not None else self.probability(features)

    def to_json(self) -> dict[str, Any]:
        out = {"format": MODEL_FORMAT, "features_version": FEATURES_VERSION, "extra_version": EXTRA_VERSION,
               "bias": self.bias,
               "weights": dict(sorted(self.weights.items())), "calibration": self.calibration.to_json(),
               "threshold": self.threshold, "meta": dict(self.meta)}
        if self.set_aside:
            out["set_aside"] = dict(sorted(self.set_aside.items()))
        return out


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _interpolate(x: Sequence[float], y: Sequence[float], v: float) -> float:
    if not x:
        return v
    if v <= x[0]:
        return y[0]
    if v >= x[-1]:
        return y[-1]
    i = bisect.bisect_right(x, v)
    x0, x1, y0, y1 = x[i - 1], x[i], y[i - 1], y[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (v - x0) / (x1 - x0)


def parse_verifier(raw: Mapping[str, Any], where: str = "verifier model", version: str = "") -> Verifier:
    """A ``Verifier`` from the model file's JSON; a file of another format or feature version is an error."""
    if raw.get("format") != MODEL_FORMAT:
        raise ConfigError(f"{where}: format {raw.get('format')!r} is not {MODEL_FORMAT!r}")
    if str(raw.get("features_version")) != FEATURES_VERSION:
        raise ConfigError(f"{where}: trained on features version {raw.get('features_version')!r}, this wirescope "
                          f"computes version {FEATURES_VERSION}; run scripts/train_verifier.py again")
    # a model from before the article-level features (nlp/verify/extra.py) has no weights for them: still valid
    if "extra_version" in raw and str(raw["extra_version"]) != EXTRA_VERSION:
        raise ConfigError(f"{where}: trained on article-level features version {raw['extra_version']!r}, this "
                          f"wirescope computes version {EXTRA_VERSION}; run scripts/train_verifier.py again")
    cal = raw.get("calibration") or {"method": "none"}
    x, y = tuple(float(v) for v in cal.get("x", ())), tuple(float(v) for v in cal.get("y", ()))
    method = cal.get("method")
    if method not in ("isotonic", "platt", "none"):
        raise ConfigError(f"{where}: unknown calibration method {method!r}")
    if method == "isotonic" and (len(x) != len(y) or not x or any(b < a for a, b in itertools.pairwise(x))
                                 or any(b < a for a, b in itertools.pairwise(y))):
        raise ConfigError(f"{where}: isotonic calibration needs equally long, non-decreasing 'x' and 'y'")
    calibration = Calibration(method, x, y, float(cal.get("a", 1.0)), float(cal.get("b", 0.0)))
    weights = {str(k): float(v) for k, v in (raw.get("weights") or {}).items()}
    return Verifier(float(raw.get("bias", 0.0)), weights, calibration, float(raw.get("threshold", 0.5)),
                    dict(raw.get("meta") or {}), version, _set_aside(raw.get("set_aside") or {}, where))


def _set_aside(raw: Mapping[str, Any], where: str) -> dict[str, float]:
    """The model file's ``set_aside`` rates: only modalities the scorer sets aside, each a probability."""
    out = {}
    for modality, value in raw.items():
        if modality not in SET_ASIDE_MODALITIES:
            raise ConfigError(f"{where}: set_aside names {modality!r}, not one of {', '.join(SET_ASIDE_MODALITIES)}")
        if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
            raise ConfigError(f"{where}: set_aside {modality!r} is {value!r}, not a probability")
        out[str(modality)] = float(value)
    return out


@functools.cache
def load_verifier(path: Path | None = None) -> Verifier:
    """The verifier of a model file (default: the bundled one), read once per process."""
    path = Path(path) if path is not None else DEFAULT_MODEL
    try:
        content = path.read_bytes()
        raw = json.loads(content)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the verifier model {path}: {exc}") from exc
    return parse_verifier(raw, str(path), hashlib.sha1(content).hexdigest()[:12])
