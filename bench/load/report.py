"""The table the run prints, and the targets it is held to."""

from __future__ import annotations

from bench.load.wrk import Result

MATCH_P99_MS = 300.0
SEARCH_P99_MS = 250.0  # the roster page with free text and filters
SEARCH_MIN_RPS = 100.0


def table(rows: dict[str, Result]) -> str:
    """scenario | requests/s | p50 ms | p99 ms | errors | server CPU, as Markdown."""
    head = ["scenario", "requests", "requests/s", "p50 ms", "p99 ms", "errors", "CPU ms/req"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for name, r in rows.items():
        cells = [
            name,
            str(r.requests),
            f"{r.rps:.1f}",
            f"{r.p50_us / 1000:.1f}",
            f"{r.p99_us / 1000:.1f}",
            str(r.errors),
            f"{r.cpu_ms:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(rows: dict[str, Result], updates: dict | None, connections: int) -> list[str]:
    """The targets missed, in words; empty when every one is met."""
    out = []
    for name, r in rows.items():
        if r.errors:
            out.append(
                f"{name}: {r.errors} errors ({r.failed} answers other than 2xx/3xx, "
                f"{r.connect} connect, {r.read} read, {r.write} write, {r.timeout} timeouts)"
            )
        if r.requests == 0:
            out.append(f"{name}: no request completed")
    search = rows.get("search")
    if search is not None and search.p99_us / 1000 >= SEARCH_P99_MS:
        out.append(
            f"search: p99 {search.p99_us / 1000:.0f} ms at {connections} connections "
            f"(target < {SEARCH_P99_MS:.0f} ms)"
        )
    if search is not None and search.requests and search.rps < SEARCH_MIN_RPS:
        out.append(f"search: {search.rps:.0f} requests/s (target at least {SEARCH_MIN_RPS:.0f})")
    match = rows.get("match")
    if match is not None and match.p99_us / 1000 >= MATCH_P99_MS:
        out.append(
            f"match: p99 {match.p99_us / 1000:.0f} ms at {connections} connections "
            f"(target < {MATCH_P99_MS:.0f} ms)"
        )
    if updates is not None:
        if updates["missing"]:
            shown = ", ".join(map(str, updates["missing"][:10]))
            out.append(
                f"updates: {len(updates['missing'])} answered as saved but not stored "
                f"(experts {shown})"
            )
        if updates["confirmed"] == 0:
            out.append("updates: none was confirmed")
    return out


def update_line(updates: dict, result: Result) -> str:
    """One sentence on the stored updates."""
    text = (
        f"updates: {updates['confirmed']} answered as saved, "
        f"{updates['confirmed'] - len(updates['missing'])} of them stored with their value; "
        f"{updates['stored']} distinct values written in all"
    )
    if updates["unconfirmed"]:
        text += f" ({updates['unconfirmed']} still in flight when wrk stopped, stored too)"
    if result.ok != updates["confirmed"]:
        text += f"; {result.ok} 2xx/3xx answers"
    return text
