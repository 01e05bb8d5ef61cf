"""The one entry point: `kiosk` runs the app; its subcommands serve editors and staff (one module per family
of subcommands beside this one: packs, stats, fleet, app_words, programme)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.booth import paths

DEFAULT_SIZE = (1920, 1080)


def _version() -> str:
    from kiosk.booth.buildinfo import version_text

    return version_text()


class _VersionAction(argparse.Action):
    """Like argparse's own, but looks the version up only when asked: it costs start-up time."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1920x1080") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 200 to 8000 pixels")
    return width, height


# The commands whose modules (and their imports) are loaded only when a command line may use them.
EXTRA_COMMANDS = ("stats", "pack", "app-words", "programme", "fleet")


def _extra_commands_wanted(argv: list[str] | None) -> bool:
    """False for a plain start of the kiosk (options only): no command's parser is built then (a few
    ms of every start), and the pack, stats, fleet... modules stay unloaded. Help, any extra command's
    name, or a word no option takes (a command, perhaps mistyped, which argparse answers with the
    list of commands) need them all."""
    if argv is None:
        return True
    previous = ""
    for word in argv:
        if word in EXTRA_COMMANDS or word in ("-h", "--help"):
            return True
        if not word.startswith("-") and not (previous.startswith("-") and "=" not in previous):
            return True
        previous = word
    return False


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """`argv`: the command line to be parsed, if known, so that a plain start skips the extra commands."""
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Fair Migration Kiosk: an organisation's agenda, from a content folder, on a touch "
        "screen, offline.",
        epilog="Run without a command to open the kiosk in a window.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="content folder (default: the installed content pack, else the bundled content)",
    )
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1280x800")
    parser.add_argument("--route", default="home", help="page to open first, e.g. section/videos")
    parser.add_argument("--no-cache", action="store_true", help="validate the content afresh")
    parser.add_argument(
        "--touch-keyboard",
        choices=("auto", "on", "off"),
        default="auto",
        help="on-screen keyboard for search (default: auto, only when a touch screen is found)",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="kiosk mode: fullscreen and locked, visitor sessions, restarted if it fails "
        "(needs an admin PIN: kiosk set-pin)",
    )
    # The supervisor's fallback after a crash loop: the bundled content, noted on the admin panel.
    parser.add_argument("--safe-mode", action="store_true", help=argparse.SUPPRESS)
    # For debugging kiosk mode: no supervisor process around the window.
    parser.add_argument("--no-supervisor", action="store_true", help=argparse.SUPPRESS)
    # For tests/bench/startup.py: leave as soon as the first frame is on screen.
    parser.add_argument("--quit-after-first-frame", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    if not _extra_commands_wanted(argv):
        return parser

    validate = commands.add_parser(
        "validate", help="check a content folder and list every problem with file and line"
    )
    validate.add_argument("folder", nargs="?", type=Path, metavar="DIR", help="default: bundled content")
    validate.add_argument(
        "--content", type=Path, metavar="DIR", dest="validate_content", help=argparse.SUPPRESS
    )
    validate.add_argument(
        "--deep",
        action="store_true",
        help="also open every video and PDF as the app does (slower)",
    )

    commands.add_parser("schema", help="print the JSON Schema of the content manifests")

    search = commands.add_parser(
        "search", help="search the content as the kiosk's search page does, and print the results"
    )
    search.add_argument("query", nargs="+", help="the words to look for")
    search.add_argument(
        "--lang",
        dest="search_lang",
        metavar="LANG",
        help="the visitor's language (default: the content's first)",
    )
    search.add_argument(
        "--content", type=Path, metavar="DIR", dest="search_content", help="default: the content on show"
    )

    handout = commands.add_parser("handout", help="write the whole content as a printable PDF")
    handout.add_argument("out", type=Path, metavar="OUT.pdf")
    handout.add_argument("--content", type=Path, metavar="DIR", dest="handout_content")
    handout.add_argument("--lang", default="en", help="language of the handout (default: en)")

    snapshot = commands.add_parser("snapshot", help="render pages to PNG without a screen")
    snapshot.add_argument("route", nargs="?", help="a route such as home, section/ID or item/ID")
    snapshot.add_argument("out", nargs="?", type=Path, help="the PNG file to write (with a route)")
    snapshot.add_argument("--all", type=Path, metavar="OUTDIR", help="render every route into OUTDIR")
    snapshot.add_argument("--size", type=_size, metavar="WxH", dest="snapshot_size", help="default 1920x1080")
    snapshot.add_argument(
        "--content", type=Path, metavar="DIR", dest="snapshot_content", help="default: the content on show"
    )
    snapshot.add_argument(
        "--lang",
        dest="snapshot_lang",
        metavar="LANG",
        help="language (default: the content's first; with --all, every language unless this is given)",
    )
    snapshot.add_argument("--query", default="", help="what is typed on the search page")
    snapshot.add_argument(
        "--text-size", type=int, choices=(0, 1, 2), default=0, help="reading text size step"
    )
    snapshot.add_argument("--high-contrast", action="store_true", help="the high-contrast theme")
    snapshot.add_argument(
        "--at",
        metavar="YYYY-MM-DDTHH:MM",
        dest="snapshot_at",
        help="render as if the kiosk's clock said this time at the venue (the programme's now and next)",
    )
    snapshot.add_argument("--list", action="store_true", help="print every route and exit")
    snapshot.add_argument("--no-cache", action="store_true", dest="snapshot_no_cache")

    set_pin = commands.add_parser(
        "set-pin",
        help="set the admin PIN (4 to 8 digits) that opens the admin panel; asks twice on a terminal, "
        "otherwise reads one line from standard input",
    )
    set_pin.add_argument(
        "--remove", action="store_true", help="remove the PIN (kiosk mode then refuses to start)"
    )

    autostart = commands.add_parser(
        "install-autostart", help="start kiosk mode when this user logs in (--remove to stop)"
    )
    autostart.add_argument("--remove", action="store_true", help="remove the start at login")

    self_test = commands.add_parser(
        "self-test",
        help="check everything a visitor would meet: the content, every page in every language, every "
        "video and PDF; a PASS/FAIL line per check, exit status 1 if anything failed",
    )
    self_test.add_argument(
        "--content", type=Path, metavar="DIR", dest="self_test_content", help="default: the content on show"
    )
    self_test.add_argument(
        "--size",
        type=_size,
        metavar="WxH",
        dest="self_test_size",
        help="page size to draw (default 1920x1080)",
    )
    # Not for people (no help: not listed): the supervisor's "back in a moment" screen.
    waiting = commands.add_parser("waiting-screen")
    waiting.add_argument("screen_file", type=Path, nargs="?")
    from kiosk.cli.stats import add_stats_commands

    add_stats_commands(commands)
    from kiosk.cli.packs import add_pack_commands

    add_pack_commands(commands)
    from kiosk.cli.app_words import add_app_words_command

    add_app_words_command(commands)
    from kiosk.cli.programme import add_programme_commands

    add_programme_commands(commands)
    from kiosk.cli.fleet import add_fleet_commands

    add_fleet_commands(commands)
    return parser


# A plain start's options, read without argparse when the command line holds nothing else (see
# _plain_start): the same names, values and defaults as build_parser's (tests/core/test_cli.py compares
# the two on many command lines, and fails on an option added to one and not the other).
_PLAIN_SWITCHES = {
    "--kiosk": "kiosk",
    "--no-cache": "no_cache",
    "--safe-mode": "safe_mode",
    "--no-supervisor": "no_supervisor",
    "--quit-after-first-frame": "quit_after_first_frame",
}
_PLAIN_VALUES: dict[str, tuple[str, Any]] = {
    "--content": ("content", Path),
    "--size": ("size", _size),
    "--route": ("route", str),
    "--touch-keyboard": ("touch_keyboard", str),
}
_TOUCH_KEYBOARD_CHOICES = ("auto", "on", "off")


def _plain_defaults() -> dict[str, Any]:
    return {
        "version": None,
        "content": None,
        "size": None,
        "route": "home",
        "no_cache": False,
        "touch_keyboard": "auto",
        "kiosk": False,
        "safe_mode": False,
        "no_supervisor": False,
        "quit_after_first_frame": False,
        "command": None,
    }


def _plain_start(argv: list[str]) -> argparse.Namespace | None:
    """The options of a plain start (`kiosk`, `kiosk --kiosk`, `kiosk --content DIR --size 1280x800`...),
    read as argparse would read them, or None for anything else: a command, help, an abbreviated or
    unknown option, a value argparse would refuse. argparse's first parser costs a start 2 ms (its
    own messages looked up in translation catalogues that do not exist, the locale module imported
    for that), and a kiosk is started the plain way."""
    values = _plain_defaults()
    words = iter(argv)
    for word in words:
        name, equals, inline = word.partition("=")
        if name in _PLAIN_SWITCHES and not equals:
            values[_PLAIN_SWITCHES[name]] = True
        elif name in _PLAIN_VALUES:
            value = inline if equals else next(words, None)
            if value is None or (not equals and value.startswith("-")):
                return None
            dest, convert = _PLAIN_VALUES[name]
            try:
                values[dest] = convert(value)
            except argparse.ArgumentTypeError:
                return None
            if name == "--touch-keyboard" and value not in _TOUCH_KEYBOARD_CHOICES:
                return None
        else:
            return None
    return argparse.Namespace(**values)


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else argv
    plain = _plain_start(words)
    if plain is not None:
        args = plain
    else:
        parser = build_parser(words)
        args = parser.parse_args(argv)
    if args.command is None:
        from kiosk.booth.streams import protect_stderr

        # A running kiosk outlives whatever read its stderr: a full or closed pipe must not stop it.
        protect_stderr()
    import logging

    # validate reports problems itself; the app logs what went wrong for staff to read.
    logging.basicConfig(
        level=logging.ERROR if args.command == "validate" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command == "validate":
            folder = args.folder or args.validate_content or args.content or paths.bundled_content()
            return command_validate(folder, args.deep)
        if args.command == "schema":
            return command_schema()
        if args.command == "search":
            return command_search(args)
        if args.command == "snapshot":
            return command_snapshot(parser, args)
        if args.command == "handout":
            return command_handout(args)
        if args.command == "set-pin":
            return command_set_pin(args)
        if args.command == "self-test":
            return command_self_test(args)
        if args.command == "install-autostart":
            return command_autostart(args)
        if args.command == "waiting-screen":
            if refused := _no_display():
                return refused
            from kiosk.ui.waiting import run_waiting_screen

            return run_waiting_screen(args.screen_file)
        if args.command == "stats":
            from kiosk.cli.stats import run_stats_command

            return run_stats_command(args)
        if args.command == "pack":
            from kiosk.cli.packs import run_pack_command

            return run_pack_command(args)
        if args.command == "fleet":
            from kiosk.cli.fleet import run_fleet_command

            return run_fleet_command(args)
        if args.command == "app-words":
            from kiosk.cli.app_words import run_app_words_command

            return run_app_words_command(args, paths.resources() / "i18n")
        if args.command == "programme":
            from kiosk.cli.programme import run_programme_command

            return run_programme_command(args)
        return command_run(args, argv if argv is not None else sys.argv[1:])
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Whatever read the output (`| head`) has gone: nothing more to say, and nowhere to say it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (RuntimeError, OSError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1


def _load(folder: Path, use_cache: bool, *, log_problems: bool = False) -> Any:
    """Validated, compiled content, or None after printing every problem (and logging them, at a
    booth, where nobody reads a terminal: the log and the admin panel show them)."""
    from kiosk.booth.buildinfo import code_fingerprint
    from kiosk.core.cache import load_cached, read_cached

    cache_dir = paths.user_cache() if use_cache else None
    if cache_dir is not None:
        # A warm start: the compiled content as it was cached, without the problems' module.
        compiled = read_cached(folder, cache_dir, salt=code_fingerprint())
        if compiled is not None:
            return compiled
    from kiosk.core.problems import errors

    result, _from_cache = load_cached(folder, cache_dir, salt=code_fingerprint())
    if result.compiled is None:
        problems = result.problems
        print(f"The content in {folder} has problems; nothing was opened.\n", file=sys.stderr)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"\n{len(errors(problems))} error(s). Fix them and start again.", file=sys.stderr)
        if log_problems:
            import logging

            content_log = logging.getLogger("kiosk.content")
            for problem in errors(problems)[:20]:
                content_log.error("%s/%s", folder, problem)
        return None
    return result.compiled


def command_validate(folder: Path, deep: bool = False) -> int:
    from kiosk.core.loader import load_content
    from kiosk.core.problems import errors
    from kiosk.core.summary import summary_lines

    result = load_content(folder)
    from kiosk.core.glyphs import check_content as check_glyphs

    result.problems.extend(check_glyphs(folder, paths.fonts(), result.manifests))
    if errors(result.problems):
        result.compiled = None
    if deep and result.compiled is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.ui.deepcheck import deep_check

        result.problems.extend(deep_check(folder, result.media))
        if errors(result.problems):
            result.compiled = None
    app_words = None
    if result.compiled is not None:
        from kiosk.core.appwords import content_coverage, missing_problems

        languages = result.compiled["agenda"]["languages"]
        app_words = content_coverage(folder, languages, paths.resources() / "i18n")
        result.problems.extend(missing_problems(app_words))
    for problem in result.problems:
        print(problem)
    if result.compiled is None:
        count = len(errors(result.problems))
        print(f"\n{folder}: {count} error(s) found.", file=sys.stderr)
        return 1
    for line in summary_lines(folder, result, app_words):
        print(line)
    _validate_machine_settings(result.compiled)
    if deep:
        videos = len({m.relative for m in result.media if m.kind == "video"})
        documents = len({m.relative for m in result.media if m.kind == "pdf"})
        logo = ", the logo drawn" if any(m.kind == "logo" for m in result.media) else ""
        print(f"  deep check {videos} video(s) decoded, {documents} PDF(s) rendered{logo}")
    return 0


def _validate_machine_settings(compiled: dict[str, Any]) -> None:
    """This machine's own kiosk.yaml (name, place, office card), checked against the content too."""
    settings_file = paths.user_config() / "kiosk.yaml"
    if not settings_file.is_file():
        return
    from kiosk.core.loader import machine_kiosk_settings

    _merged, problems = machine_kiosk_settings(settings_file, compiled)
    print(f"\nThis machine's settings, {settings_file}:")
    for problem in problems:
        print(f"  {problem}")
    if not problems:
        print("  no problems found")


def command_schema() -> int:
    import json

    from kiosk.core.schema import manifest_schema

    print(json.dumps(manifest_schema(), indent=2, ensure_ascii=False))
    return 0


def command_search(args: argparse.Namespace) -> int:
    folder = args.search_content or args.content or _content_on_show()
    compiled = _load(folder, use_cache=not args.no_cache)
    if compiled is None:
        return 1
    from kiosk.core.pages import Pages
    from kiosk.core.search import SearchIndex, fts_query, titled

    pages = Pages(compiled, folder)
    language = args.search_lang or pages.default_language
    if language not in pages.languages:
        print(
            f"The content has no language '{language}'. Languages: {', '.join(pages.languages)}",
            file=sys.stderr,
        )
        return 1
    query = " ".join(args.query)
    if fts_query(query) is None:
        print(f"'{query}' is too short to search: type at least two letters.", file=sys.stderr)
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.search import prepare_index

    # The same index the kiosk uses (built now if the kiosk has not built it yet), so what an
    # editor sees here is what a visitor finds.
    index_file, _built = prepare_index(compiled, folder, paths.user_cache())
    index = SearchIndex(index_file)
    try:
        results = titled(index.search(query, language), compiled, language)
        suggestion = None if results else index.suggest(query, language)
    finally:
        index.close()
    if not results:
        print(f"Nothing found for '{query}'." + (f" Did you mean '{suggestion}'?" if suggestion else ""))
        return 0
    bold, plain = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    where = {"captions": "said in the video", "document": "in the PDF"}
    for result in results:
        notes = [
            note
            for note in (where.get(result.origin), result.language if result.language != language else "")
            if note
        ]
        print(f"{result.route}  {result.title}" + (f"  ({', '.join(notes)})" if notes else ""))
        snippet = "".join(
            f"{bold}{text}{plain}" if matched else text for text, matched in result.snippet_parts()
        )
        print("    " + " ".join(snippet.split()))
    print(f"\n{len(results)} result(s) for '{query}' in {language}.")
    return 0


def command_snapshot(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    folder = args.snapshot_content or args.content or _content_on_show()
    compiled = _load(folder, use_cache=not (args.no_cache or args.snapshot_no_cache))
    if compiled is None:
        return 1
    # As this kiosk shows it: with this machine's office card, if it has one.
    _machine_settings(compiled)
    from kiosk.core.pages import Pages

    pages = Pages(compiled, folder)
    if args.list:
        print("\n".join(pages.routes()))
        return 0
    if args.all is None and (args.route is None or args.out is None):
        parser.error("snapshot needs ROUTE OUT.png, or --all OUTDIR")
    if args.route is not None and args.all is None and not pages.exists(args.route):
        print(f"No page has the route '{args.route}'. Routes: kiosk snapshot --list", file=sys.stderr)
        return 1
    if args.snapshot_lang is not None and args.snapshot_lang not in pages.languages:
        print(
            f"The content has no language '{args.snapshot_lang}'. Languages: {', '.join(pages.languages)}",
            file=sys.stderr,
        )
        return 1
    at = None
    if args.snapshot_at is not None:
        from kiosk.core.programme import moment_at

        try:
            at = moment_at(args.snapshot_at, pages.agenda.get("programme"))
        except ValueError:
            print(
                f"'{args.snapshot_at}' is not a date and time: write e.g. 2027-03-10T10:30", file=sys.stderr
            )
            return 1
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.core.preferences import Preferences
    from kiosk.ui.snapshot import Shot, render_routes

    size = args.snapshot_size or args.size or DEFAULT_SIZE
    if args.all is not None:
        languages = [args.snapshot_lang] if args.snapshot_lang else pages.languages
        shots = [
            Shot(route, language, args.all / language / f"{route.replace('/', '--')}.png")
            for language in languages
            for route in pages.routes()
        ]
    else:
        shots = [Shot(args.route, args.snapshot_lang or pages.default_language, args.out)]
    preferences = Preferences(text_size=args.text_size, high_contrast=args.high_contrast)
    for shot in render_routes(pages, shots, size, query=args.query, preferences=preferences, at=at):
        print(f"{shot.language} {shot.route} -> {shot.target}")
    return 0


def command_handout(args: argparse.Namespace) -> int:
    folder = args.handout_content or args.content or paths.bundled_content()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.ui.handout import items_to_leave_out, write_blank_pdf, write_handout

    if not args.out.exists():
        # The content may list the handout itself: a missing file must not stop its own making.
        write_blank_pdf(args.out)
    compiled = _load(folder, use_cache=not args.no_cache)
    if compiled is None:
        return 1

    exclude = items_to_leave_out(compiled, folder, args.out)
    pages = write_handout(compiled, args.out, args.lang, exclude=exclude, content_root=folder)
    print(f"{args.out}: {pages} page(s)")
    return 0


def _read_new_pin() -> str | None:
    """The new PIN, typed twice unseen on a terminal or one line from a script; None after saying why not."""
    import getpass

    from kiosk.core.pin import pin_problem

    if sys.stdin.isatty():
        pin = getpass.getpass("New admin PIN (4 to 8 digits): ")
        problem = pin_problem(pin)
        if problem:
            print(f"{problem} Nothing was changed.", file=sys.stderr)
            return None
        if getpass.getpass("The same PIN again: ") != pin:
            print("The two PINs differ. Nothing was changed.", file=sys.stderr)
            return None
        return pin
    # One line only: `echo 2468 | kiosk set-pin` in a set-up script.
    pin = sys.stdin.readline().strip()
    problem = pin_problem(pin)
    if problem:
        print(f"{problem} Nothing was changed (the PIN is read from standard input).", file=sys.stderr)
        return None
    return pin


def command_set_pin(args: argparse.Namespace) -> int:
    from kiosk.core.pin import PinStore, default_pin_file

    store = PinStore(default_pin_file(paths.user_config()))
    if args.remove:
        if store.remove():
            print(f"Admin PIN removed from {store.path}. Kiosk mode will not start until a PIN is set.")
        else:
            print(f"No admin PIN was set (no {store.path}).")
        return 0
    try:
        pin = _read_new_pin()
    except EOFError:
        print("No PIN was typed. Nothing was changed.", file=sys.stderr)
        return 1
    if pin is None:
        return 1
    replacing = store.is_set()
    store.set(pin)
    print(f"Admin PIN {'changed' if replacing else 'set'}: stored as a salted hash in {store.path}")
    return 0


def command_self_test(args: argparse.Namespace) -> int:
    folder = args.self_test_content or args.content or _content_on_show()
    if not folder.is_dir():
        print(f"FAIL  content: {folder} is not a folder", flush=True)
        return 1
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from kiosk.ui.selftest import DEFAULT_SIZE, run_self_test

    # Flushed line by line: the admin panel reads them through a pipe and shows each as it comes.
    passed = run_self_test(
        folder, lambda line: print(line, flush=True), size=args.self_test_size or DEFAULT_SIZE
    )
    return 0 if passed else 1


def command_autostart(args: argparse.Namespace) -> int:
    from kiosk.booth.autostart import install_autostart, kiosk_command, remove_autostart

    if args.remove:
        removed = remove_autostart()
        print(f"Removed {removed}." if removed else "Kiosk mode was not set to start at login.")
        return 0
    command = kiosk_command()
    if args.content is not None:
        # The organisation's own content, not the bundled one, at every login.
        command += ["--content", str(args.content.resolve())]
    written = install_autostart(command)
    print(f"Kiosk mode will start at the next login of this user ({written}).")
    if not _pin_is_set():
        print("Set an admin PIN first (kiosk set-pin): kiosk mode does not start without one.")
    return 0


def _pin_is_set() -> bool:
    from kiosk.core.pin import PinStore, default_pin_file

    return PinStore(default_pin_file(paths.user_config())).is_set()


def _machine_settings(compiled: dict[str, Any]) -> None:
    """This machine's kiosk.yaml, over the content's (only read when there is one: it needs pydantic)."""
    settings_file = paths.user_config() / "kiosk.yaml"
    if not settings_file.is_file():
        return
    import logging

    from kiosk.core.loader import machine_kiosk_settings

    compiled["kiosk"], problems = machine_kiosk_settings(settings_file, compiled)
    settings_log = logging.getLogger("kiosk.settings")
    for problem in problems:
        print(problem, file=sys.stderr)
        settings_log.warning("%s", problem)
    if any(problem.severity.name == "ERROR" for problem in problems):
        print(f"{settings_file} has errors and was ignored.", file=sys.stderr)
        settings_log.error("%s has errors and was ignored", settings_file)


def _start_kiosk_mode(args: argparse.Namespace, argv: list[str]) -> int | None:
    """Kiosk mode's start: refuse without a PIN; in the first process, become the supervisor and
    return its exit status; in the supervised UI, set up its logs and return None to carry on."""
    if not _pin_is_set():
        print(
            "Kiosk mode needs an admin PIN, so that staff (and only staff) can leave it.\n"
            "Set one with:  kiosk set-pin",
            file=sys.stderr,
        )
        return 2
    from kiosk.booth.logs import setup_logging
    from kiosk.booth.supervised import is_supervised
    from kiosk.booth.supervisor import note_previous_end, run_supervised

    if not is_supervised() and not args.no_supervisor:
        from kiosk.booth.display import display_problem

        setup_logging("supervisor")
        child = paths.kiosk_command(*[a for a in argv if a not in ("--kiosk", "--safe-mode")], "--kiosk")
        return run_supervised(
            child,
            safe_mode_command=[*child, "--safe-mode"],
            # Safe mode is remembered here until staff choose Restart.
            state_dir=paths.user_state(),
            waiting_screen_command=paths.kiosk_command("waiting-screen"),
            display_check=display_problem,
        )
    setup_logging("ui")
    note_previous_end()
    return None


def command_run(args: argparse.Namespace, argv: list[str]) -> int:
    kiosk_requested = args.kiosk or args.safe_mode
    if kiosk_requested:
        status = _start_kiosk_mode(args, argv)
        if status is not None:
            return status
    pack_content = None if args.safe_mode or args.content else _active_pack_content()
    folder = (
        paths.bundled_content()
        if args.safe_mode
        else (args.content or pack_content or paths.bundled_content())
    )
    compiled = _load(folder, use_cache=not args.no_cache, log_problems=kiosk_requested or bool(pack_content))
    if compiled is None and (kiosk_requested or pack_content) and not args.safe_mode:
        # A booth must show something: the bundled content, with the reason in the log and on the
        # admin panel, rather than the desktop.
        import logging

        logging.getLogger("kiosk.content").error(
            "SAFE MODE: the content in %s has errors (above); showing the bundled content", folder
        )
        args.safe_mode = True
        folder = paths.bundled_content()
        compiled = _load(folder, use_cache=not args.no_cache, log_problems=True)
    if compiled is None:
        return 1
    _machine_settings(compiled)
    if not kiosk_requested and (compiled.get("kiosk") or {}).get("kiosk_mode"):
        # The content or this machine asks for kiosk mode.
        kiosk_requested = True
        status = _start_kiosk_mode(args, argv)
        if status is not None:
            return status
    if args.content is None and _packs_folder().is_dir():
        from kiosk.core.packs import mark_showing

        # Installs made while this kiosk runs keep the pack it shows, whatever else they clear.
        mark_showing(paths.user_data(), folder)
    if refused := _no_display():
        return refused
    import gc

    # Python's collector would run some forty times on the way to the first frame (2-4 ms), over objects
    # that all live on; the window resumes it, with those objects frozen, once its first frame is drawn.
    gc.disable()
    from kiosk.ui.run import run_window

    return run_window(
        compiled,
        folder,
        size=args.size,
        start_route=args.route,
        quit_after_first_frame=args.quit_after_first_frame,
        touch_keyboard=args.touch_keyboard,
        kiosk_mode=kiosk_requested,
        safe_mode=args.safe_mode,
        intended_content=args.content or pack_content or paths.bundled_content(),
        supervised=_is_supervised(),
        packs_in_use=args.content is None and not args.safe_mode,
    )


def _no_display() -> int | None:
    """1, after saying so in one sentence (and in the log, at a booth), if no window can be opened:
    Qt would abort the process with a core dump and a message about a missing library."""
    from kiosk.booth.display import display_problem

    problem = display_problem()
    if problem is None:
        return None
    if _is_supervised():
        import logging

        # The UI's log (and stderr): the supervisor, which checks before each start, backs off.
        logging.getLogger("kiosk.display").error("%s", problem)
    else:
        print(problem, file=sys.stderr)
    return 1


def _content_on_show() -> Path:
    """What `kiosk` shows when started without --content: the installed content pack, if any. What
    staff check (self-test), search and snapshot is then what visitors see; editors' tools (validate,
    handout) keep to the bundled content, the folder they edit."""
    return _active_pack_content() or paths.bundled_content()


def _packs_folder() -> Path:
    # Where installed packs live: looked at before importing the packs module, which a kiosk that
    # never had a pack need not pay for at start-up.
    return paths.user_data() / "packs"


def _active_pack_content() -> Path | None:
    """The installed content pack's folder, if there is one to show (reads one small file, no crypto)."""
    if not _packs_folder().is_dir():
        return None
    from kiosk.core.packs import active_content, state_file

    folder = active_content(paths.user_data())
    if folder is None and state_file(paths.user_data()).exists():
        import logging

        logging.getLogger("kiosk.content").error(
            "the record of installed content packs (%s) or the pack's folder is damaged; showing the "
            "bundled content (kiosk pack status says more)",
            state_file(paths.user_data()),
        )
    return folder


def _is_supervised() -> bool:
    from kiosk.booth.supervised import is_supervised

    return is_supervised()
