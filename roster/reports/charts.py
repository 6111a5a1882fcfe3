"""A chart as data: the numbers the page shows in a table and the script draws from it."""

from dataclasses import dataclass, field

from flask_babel import _


@dataclass
class Row:
    label: str
    values: list[float]
    url: str | None = None


@dataclass
class Chart:
    """One chart: its rows (a label and one value per series) and how to draw them."""

    id: str
    title: str
    series: list[str]
    rows: list[Row] = field(default_factory=list)
    kind: str = "bar"

    def add(self, label: str, *values: float, url: str | None = None) -> "Chart":
        """Append a row: its label, one value per series, and where it links to."""
        self.rows.append(Row(str(label), list(values), url))
        return self

    @property
    def empty(self) -> bool:
        """Whether every value is zero (nothing to draw)."""
        return not any(any(r.values) for r in self.rows)

    @property
    def totals(self) -> list[float]:
        """The sum of each series over the rows."""
        return [sum(r.values[i] for r in self.rows) for i in range(len(self.series))]

    @property
    def height(self) -> int:
        """Pixels for the canvas: horizontal bars grow with their rows."""
        if self.kind in ("hbar", "stacked"):
            return 80 + 28 * max(len(self.rows), 2)
        return 260

    def describe(self, limit: int = 12) -> str:
        """A text alternative: the chart's title and its biggest numbers, for screen readers."""
        if self.empty:
            return _("%(title)s: no data.", title=self.title)
        rows = self.rows
        if self.kind in ("hbar", "doughnut"):
            rows = sorted(rows, key=lambda r: -sum(r.values))
        parts = []
        for r in rows[:limit]:
            if len(self.series) == 1:
                parts.append(f"{r.label}: {_number(r.values[0])}")
            else:
                pairs = zip(self.series, r.values, strict=True)
                parts.append(f"{r.label}: " + ", ".join(f"{n} {_number(v)}" for n, v in pairs))
        text = _("%(title)s. %(items)s.", title=self.title, items="; ".join(parts))
        if len(rows) > limit:
            text += " " + _("The table lists every row.")
        return text


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"
