"""`kiosk fleet status FOLDER`: every kiosk that reports into a watched folder, for editors and IT.

Only argparse here at import (`kiosk` builds its parser at every start); the reading is in
kiosk.core.fleet. The HTML report is one file with its styles and charts (SVG) inside: it opens from
a mail attachment or a USB stick, with no network.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from html import escape
from pathlib import Path
from typing import Any

from kiosk.cli.common import days_argument, text_bar

STATE_ORDER = ("unreadable", "safe mode", "silent", "warning", "OK")
# Distinct on white and for the common colour-blindnesses (Okabe and Ito's palette).
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
STATE_COLOURS = {"OK": "#1b7a3d", "warning": "#8a5a00", "safe mode": "#b3261e", "silent": "#b3261e"}


def add_fleet_commands(subparsers: Any) -> None:
    fleet = subparsers.add_parser(
        "fleet", help="the kiosks that report into a watched folder: where each stands, their visits"
    )
    actions = fleet.add_subparsers(dest="fleet_command", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status",
        help="one line per kiosk (name, place, content, last seen, state); exit status 1 when one "
        "needs attention",
    )
    status.add_argument("folder", type=Path, metavar="FOLDER", help="the watched folder (pack_folder:)")
    status.add_argument(
        "--html", type=Path, metavar="OUT.html", dest="fleet_html", help="also write a report with charts"
    )
    status.add_argument(
        "--days",
        type=days_argument,
        default=14,
        metavar="N",
        dest="fleet_days",
        help="days of visits charted",
    )


def run_fleet_command(args: argparse.Namespace, now: float | None = None) -> int:
    from kiosk.core import fleet

    moment = time.time() if now is None else now
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"kiosk fleet: {folder}: no such folder", file=sys.stderr)
        return 2
    report = fleet.read_fleet(folder, moment)
    for line in status_lines(report):
        print(line)
    if args.fleet_html is not None:
        visits = fleet.fleet_visits(folder, today=date.fromtimestamp(moment), days=args.fleet_days)
        try:
            write_html(args.fleet_html, report, visits)
        except OSError as exc:
            print(f"kiosk fleet: cannot write {args.fleet_html}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"\nReport written to {args.fleet_html}")
    return 1 if report.needs_attention else 0


def _seen(moment: float | None, now: float) -> str:
    if moment is None:
        return "never"
    local = datetime.fromtimestamp(moment).strftime("%Y-%m-%d %H:%M")
    ago = max(0, round(now - moment))
    if ago < 120:
        return f"{local} (just now)"
    if ago < 2 * 3600:
        return f"{local} ({ago // 60} min ago)"
    if ago < 2 * 86400:
        return f"{local} ({ago // 3600} h ago)"
    return f"{local} ({ago // 86400} days ago)"


def _rows(report: Any) -> list[tuple[str, str, str, str, str]]:
    return [
        (
            kiosk.name,
            kiosk.place or "-",
            kiosk.content or "-",
            _seen(kiosk.last_seen, report.now),
            kiosk.state,
        )
        for kiosk in report.kiosks
    ]


def status_lines(report: Any) -> list[str]:
    lines = [f"Kiosks reporting into {report.folder}", ""]
    lines += [f"  {note}" for note in report.notes]
    rows = _rows(report)
    if rows:
        heading = ("kiosk", "place", "content on show", "last seen", "state")
        widths = [max(len(str(row[n])) for row in [heading, *rows]) for n in range(5)]
        lines.append("  " + "  ".join(text.ljust(widths[n]) for n, text in enumerate(heading)).rstrip())
        for kiosk, row in zip(report.kiosks, rows, strict=True):
            lines.append("  " + "  ".join(text.ljust(widths[n]) for n, text in enumerate(row)).rstrip())
            lines += [f"      {note}" for note in kiosk.notes]
    attention = [k.name for k in report.kiosks if k.needs_attention]
    lines.append("")
    if attention:
        lines.append(
            f"{len(attention)} of {len(report.kiosks)} kiosk(s) need attention: {', '.join(attention)}"
        )
    else:
        lines.append(f"{len(report.kiosks)} kiosk(s), all OK")
    return lines


# --- kiosk stats summary --fleet ------------------------------------------------------------------


def fleet_summary(folder: Path, days: int, now: float | None = None) -> int:
    from kiosk.core import fleet

    if not folder.is_dir():
        print(f"kiosk stats: {folder}: no such folder", file=sys.stderr)
        return 1
    moment = time.time() if now is None else now
    visits = fleet.fleet_visits(folder, today=date.fromtimestamp(moment), days=days)
    print("\n".join(fleet_summary_lines(folder, visits)))
    return 0


def fleet_summary_lines(folder: Path, visits: Any) -> list[str]:
    lines = [
        f"Visits from {visits.days[0]} to {visits.days[-1]} ({len(visits.days)} day(s), local time), "
        f"every kiosk reporting into {folder}",
        "",
    ]
    lines += [f"  {note}" for note in visits.notes]
    if not visits.sessions_by_kiosk:
        return [*lines, "  No visits reported in this period (kiosks send a day's visits the day after)."]
    lines += [f"  sessions           {visits.sessions:,}", "", "  sessions by kiosk"]
    totals = {name: sum(counts) for name, counts in visits.sessions_by_kiosk.items()}
    most = max(totals.values())
    lines += [f"    {name:30} {count:6,}  {text_bar(count, most, '#')}" for name, count in totals.items()]
    lines += ["", "  sessions by day (all kiosks)"]
    by_day = [sum(counts[n] for counts in visits.sessions_by_kiosk.values()) for n in range(len(visits.days))]
    most = max(by_day)
    lines += [
        f"    {day}  {count:6,}  {text_bar(count, most, '#')}"
        for day, count in zip(visits.days, by_day, strict=True)
    ]
    lines += ["", "  sessions by hour of the day (start)"]
    most = max(visits.sessions_by_hour)
    lines += [
        f"    {hour:02d}:00  {count:6,}  {text_bar(count, most, '#')}"
        for hour, count in enumerate(visits.sessions_by_hour)
        if count
    ]
    lines += ["", f"  {'most viewed pages':42} {'views':>6}"]
    lines += [f"    {route:40} {views:6,}" for route, views in visits.top_pages] or ["    (none)"]
    lines += ["", "  languages (sessions that started in each)"]
    lines += [f"    {language:40} {count:6,}" for language, count in visits.languages] or ["    (none)"]
    return lines


# --- the HTML report ----------------------------------------------------------------------------------


def write_html(out: Path, report: Any, visits: Any) -> None:
    """Written beside `out` first and renamed, so a report open in a browser is never half a file."""
    partial = out.with_name(out.name + ".part")
    partial.write_text(html_report(report, visits), encoding="utf-8")
    partial.replace(out)


def html_report(report: Any, visits: Any) -> str:
    written = datetime.fromtimestamp(report.now).strftime("%Y-%m-%d %H:%M")
    attention = [k for k in report.kiosks if k.needs_attention]
    verdict = (
        f"{len(attention)} of {len(report.kiosks)} kiosk(s) need attention"
        if attention
        else f"{len(report.kiosks)} kiosk(s), all OK"
    )
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Kiosk fleet: {escape(verdict)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Kiosk fleet</h1>",
        f'<p class="meta">{escape(str(report.folder))}, read {escape(written)} (local time)</p>',
        f'<p class="verdict {"bad" if attention else "good"}">{escape(verdict)}</p>',
    ]
    if report.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in report.notes) + "</ul>")
    if report.kiosks:
        parts.append(
            '<table><thead><tr><th scope="col">Kiosk</th><th scope="col">Place</th>'
            '<th scope="col">Content on show</th><th scope="col">Last seen</th><th scope="col">State</th>'
            "</tr></thead><tbody>"
        )
        for kiosk, row in zip(report.kiosks, _rows(report), strict=True):
            colour = STATE_COLOURS.get(kiosk.state, "#b3261e")
            notes = "".join(f"<li>{escape(note)}</li>" for note in kiosk.notes)
            parts.append(
                "<tr>"
                + "".join(f"<td>{escape(text)}</td>" for text in row[:4])
                + f'<td><span class="state" style="border-color:{colour};color:{colour}">{escape(row[4])}</span>'
                + (f'<ul class="notes">{notes}</ul>' if notes else "")
                + "</td></tr>"
            )
        parts.append("</tbody></table>")
    parts.append(f"<h2>Visits, {escape(visits.days[0])} to {escape(visits.days[-1])}</h2>")
    if visits.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{escape(n)}</li>" for n in visits.notes) + "</ul>")
    if not visits.sessions_by_kiosk:
        parts.append("<p>No visits reported in this period (kiosks send a day's visits the day after).</p>")
    else:
        parts.append(f"<p>{visits.sessions:,} visitor session(s) across the fleet.</p>")
        parts.append("<h3>Sessions by day and kiosk</h3>")
        parts.append(_stacked_columns(visits.days, visits.sessions_by_kiosk))
        parts.append("<h3>Sessions by hour of the day</h3>")
        parts.append(
            _stacked_columns(
                [f"{h:02d}" for h in range(24)], {"all kiosks": visits.sessions_by_hour}, legend=False
            )
        )
        parts.append("<h3>Most viewed pages</h3>")
        parts.append(_bars(visits.top_pages))
        parts.append("<h3>Languages</h3>")
        parts.append(_bars(visits.languages))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _stacked_columns(labels: list[str], series: dict[str, list[int]], *, legend: bool = True) -> str:
    width, height, left, bottom, top = 760, 240, 40, 40, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    totals = [sum(values[n] for values in series.values()) for n in range(len(labels))]
    most = max([*totals, 1])
    step = plot_w / max(1, len(labels))
    bar = max(2.0, step * 0.7)
    names = list(series)
    described = "; ".join(f"{label}: {total}" for label, total in zip(labels, totals, strict=True))
    shapes = [
        f'<svg role="img" viewBox="0 0 {width} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(described)}</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#666"/>',
        f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" class="axis">{most}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" class="axis">0</text>',
    ]
    every = max(1, len(labels) // 12)
    for n, label in enumerate(labels):
        x = left + n * step + (step - bar) / 2
        y = float(top + plot_h)
        for index, name in enumerate(names):
            value = series[name][n]
            if value <= 0:
                continue
            h = plot_h * value / most
            y -= h
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            shapes.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(name)}, {escape(label)}: {value}</title></rect>"
            )
        if n % every == 0:
            short = label[5:] if len(label) == 10 else label  # 2026-12-04 -> 12-04
            shapes.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" class="axis">'
                f"{escape(short)}</text>"
            )
    shapes.append("</svg>")
    if legend and names:
        shapes.append(
            '<p class="legend">'
            + "".join(
                f'<span><i style="background:{SERIES_COLOURS[i % len(SERIES_COLOURS)]}"></i>{escape(name)}</span>'
                for i, name in enumerate(names)
            )
            + "</p>"
        )
    return "".join(shapes)


def _bars(rows: list[tuple[str, int]]) -> str:
    if not rows:
        return "<p>(none)</p>"
    most = max(count for _name, count in rows) or 1
    lines = ['<table class="bars"><tbody>']
    for name, count in rows:
        share = 100 * count / most
        lines.append(
            f'<tr><th scope="row">{escape(name)}</th><td class="n">{count:,}</td>'
            f'<td class="bar"><svg viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="12" '
            f'aria-hidden="true"><rect width="{share:.1f}" height="10" fill="{SERIES_COLOURS[0]}"/></svg></td></tr>'
        )
    lines.append("</tbody></table>")
    return "".join(lines)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}
h1{margin-bottom:.2rem}.meta{color:#555;margin-top:0}
.verdict{font-weight:bold;font-size:1.2rem}.verdict.bad{color:#b3261e}.verdict.good{color:#1b7a3d}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:start;padding:.4rem .6rem;
border-bottom:1px solid #ddd;vertical-align:top}
.state{border:2px solid;border-radius:1rem;padding:0 .5rem;font-weight:bold;white-space:nowrap}
.notes{margin:.3rem 0;padding-inline-start:1.2rem;color:#444;font-size:.9rem}
.axis{font-size:11px;fill:#444}.legend span{margin-inline-end:1rem;white-space:nowrap}
.legend i{display:inline-block;width:.8rem;height:.8rem;margin-inline-end:.3rem;vertical-align:middle}
.bars th{font-weight:normal;width:40%}.bars .n{width:4rem;text-align:end}.bars .bar{width:50%}
"""
