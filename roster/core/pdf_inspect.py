"""Judge an untrusted PDF from its parsed objects, and read its text: the child's side.

roster/core/pdfs.py runs this file as a script in a child process, bounded in CPU time and
memory, with the PDF on stdin. It prints one JSON line with the verdict as soon as it is
known, then (when asked) one with the text, so that a file whose text costs too much to read
is still known to be plain. It imports only pypdf and the standard library (never roster),
so the child starts in a fraction of a second.

The verdict walks every object of the document, as pypdf decodes them (a name written
`/J#61vaScript` is `/JavaScript`): the catalog, pages, annotations, form fields, bookmarks,
name trees, action chains (`/Next`) and objects no page reaches. Scripts, actions that
launch, import, submit or open other files, scripted forms and attached files are refused;
links to web pages and moves within the document are not.
"""

import io
import json
import os
import resource
import sys

VERDICTS = ("ok", "encrypted", "active", "attachments", "damaged", "unchecked")

# Actions that run code, open or embed other files, or send data somewhere.
ACTIVE_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToE",
        "/GoToR",
        "/GoTo3DView",
        "/ImportData",
        "/SubmitForm",
        "/Rendition",
        "/RichMediaExecute",
        "/Movie",
        "/Sound",
    }
)
# What a CV or a handout may do: move within itself, open a web page, name a viewer command.
SAFE_ACTIONS = frozenset(
    {"/GoTo", "/URI", "/Named", "/Thread", "/SetOCGState", "/Hide", "/ResetForm", "/Trans"}
)
# Keys that only scripts, scripted (XFA) forms, 3D scripts and rich media carry.
ACTIVE_KEYS = frozenset({"/JS", "/JavaScript", "/XFA", "/OnInstantiate", "/RichMediaContent"})
ACTIVE_SUBTYPES = frozenset({"/RichMedia", "/3D", "/Movie", "/Sound", "/Screen"})
# Files carried inside the PDF (a launch action may open one).
ATTACHMENT_KEYS = frozenset({"/EmbeddedFiles", "/EF"})
MAX_OBJECTS = 500_000


def _name(value) -> str | None:
    """The decoded name, resolving an indirect reference; None for anything else."""
    from pypdf.generic import IndirectObject, NameObject

    if isinstance(value, IndirectObject):
        value = value.get_object()
    return str(value) if isinstance(value, NameObject) else None


def _judge(d: dict) -> str | None:
    """What one dictionary (or a stream's dictionary) makes of the document, if anything."""
    keys = set(dict.keys(d))
    if keys & ACTIVE_KEYS:
        return "active"
    kind = _name(dict.get(d, "/S"))
    if kind in ACTIVE_ACTIONS:
        return "active"
    if _name(dict.get(d, "/Type")) == "/Action" and kind not in SAFE_ACTIONS:
        return "active"
    subtype = _name(dict.get(d, "/Subtype"))
    if subtype in ACTIVE_SUBTYPES:
        return "active"
    if keys & ATTACHMENT_KEYS or subtype == "/FileAttachment":
        return "attachments"
    if _name(dict.get(d, "/Type")) == "/EmbeddedFile":
        return "attachments"
    return None


def _roots(reader):
    """The trailer, and every object the cross-reference lists, reached or not."""
    from pypdf.generic import IndirectObject

    yield reader.trailer
    for generation, numbers in reader.xref.items():
        for number in numbers:
            yield IndirectObject(number, generation, reader)
    for number in reader.xref_objStm:
        yield IndirectObject(number, 0, reader)


def active_content(reader) -> str | None:
    """'active' or 'attachments' when any object of the document makes it so, else None."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = list(_roots(reader))
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            visited += 1
            if visited > MAX_OBJECTS:
                return "unchecked"
            verdict = _judge(obj)
            if verdict:
                return verdict
            stack.extend(dict.values(obj))
        elif isinstance(obj, ArrayObject):
            stack.extend(list.__iter__(obj))
    return None


def _steps(data: bytes, want_text: bool, max_pages: int, max_chars: int):
    """Yield the verdict, then (if wanted and the PDF is plain) its text, capped."""
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            yield {"verdict": "encrypted"}
            return
        verdict = active_content(reader) or "ok"
        pages = reader.pages[:max_pages] if verdict == "ok" else []
    except MemoryError:
        raise
    except LimitReachedError:  # pypdf's own bounds: as costly as a timeout, not damage
        yield {"verdict": "unchecked"}
        return
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        yield {"verdict": "damaged", "detail": f"{type(exc).__name__}: {exc}"[:200]}
        return
    yield {"verdict": verdict}
    if verdict != "ok" or not want_text:
        return
    parts: list[str] = []
    size = 0
    try:
        for page in pages:
            text = page.extract_text() or ""
            parts.append(text)
            size += len(text)
            if size >= max_chars:
                break
    except MemoryError:
        raise
    except LimitReachedError:  # the text goes over pypdf's bounds: keep the file without it
        yield {"text": None}
        return
    except Exception as exc:  # pypdf raises many kinds of errors on damaged content
        yield {"verdict": "damaged", "detail": f"{type(exc).__name__}: {exc}"[:200]}
        return
    yield {"text": "\n".join(parts).replace("\x00", "")[:max_chars].strip()}


def inspect_pdf(
    data: bytes, want_text: bool = True, max_pages: int = 40, max_chars: int = 100_000
) -> dict:
    """The verdict and text in this process (tests; the app goes through pdfs.check_pdf)."""
    result: dict = {}
    for step in _steps(data, want_text, max_pages, max_chars):
        result.update(step)
    return result


def _limit(seconds: int, memory_mb: int) -> None:
    """Bound this process: CPU seconds, address space, no core file, a low priority."""
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.nice(10)  # the web workers come first


def main(argv: list[str]) -> int:
    """`pdf_inspect.py SECONDS MEMORY_MB MAX_PAGES MAX_CHARS text|check` < file.pdf"""
    seconds, memory_mb, max_pages, max_chars = (int(a) for a in argv[:4])
    want_text = argv[4] == "text"
    _limit(seconds, memory_mb)
    data = sys.stdin.buffer.read()
    for step in _steps(data, want_text, max_pages, max_chars):
        sys.stdout.write(json.dumps(step) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
