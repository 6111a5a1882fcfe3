"""PDFs written by hand, byte by byte, to attack the upload checks.

Each evasion hides a script or a launch action where a check of raw bytes or of a few
catalog keys does not look: PDF name escapes (`/J#61vaScript` is `/JavaScript`), a page's
or an annotation's actions, a chain of actions (`/Next`), form fields and bookmarks. The
CPU bomb is a one-page PDF whose small compressed content stream expands to megabytes of
text operators.
"""

import zlib

PLAIN_TEXT = b"BT /F1 12 Tf 72 712 Td (Plain curriculum vitae) Tj ET\n"

# A script action whose names are all escaped: neither "/JavaScript" nor "/JS" is in the bytes.
JS_ACTION = b"<< /Type /Action /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"
LAUNCH_ACTION = b"<< /S /L#61unch /F (calc.exe) /Win << /F (cmd.exe) >> >>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first is the catalog), with its xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def stream(data: bytes, compress: bool = False) -> bytes:
    """A stream object's body."""
    if compress:
        data = zlib.compress(data, 9)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + (b"\nendstream")
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def one_page(
    catalog: bytes = b"",
    page: bytes = b"",
    extra: tuple[bytes, ...] = (),
    content: bytes = PLAIN_TEXT,
    compress: bool = False,
) -> bytes:
    """Catalog 1, pages 2, page 3, content 4, font 5; `extra` objects are 6, 7, ..."""
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R " + catalog + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R " + page + b" >>",
            stream(content, compress),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *extra,
        ]
    )


def _link(action: bytes) -> bytes:
    return b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Border [0 0 0] /A " + (
        action + b" >>"
    )


# name -> a PDF that runs a script or launches a program when opened or clicked.
EVASIONS: dict[str, bytes] = {
    "escaped-open-action": one_page(catalog=b"/Open#41ction 6 0 R", extra=(JS_ACTION,)),
    "escaped-names-tree": one_page(
        catalog=b"/N#61mes << /J#61vaScript << /N#61mes [(a) 6 0 R] >> >>", extra=(JS_ACTION,)
    ),
    "page-additional-actions": one_page(page=b"/AA << /O 6 0 R >>", extra=(JS_ACTION,)),
    "annotation-javascript": one_page(page=b"/Annots [7 0 R]", extra=(JS_ACTION, _link(b"6 0 R"))),
    "annotation-launch": one_page(page=b"/Annots [6 0 R]", extra=(_link(LAUNCH_ACTION),)),
    "next-chain": one_page(
        catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next [6 0 R] >>", extra=(JS_ACTION,)
    ),
    "form-field-action": one_page(
        catalog=b"/AcroForm << /Fields [7 0 R] >>",
        page=b"/Annots [7 0 R]",
        extra=(
            JS_ACTION,
            b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 300 620] "
            b"/P 3 0 R /AA << /K 6 0 R >> >>",
        ),
    ),
    "bookmark-action": one_page(
        catalog=b"/Outlines 7 0 R",
        extra=(
            JS_ACTION,
            b"<< /Type /Outlines /First 8 0 R /Last 8 0 R /Count 1 >>",
            b"<< /Title (Open me) /Parent 7 0 R /A 6 0 R >>",
        ),
    ),
    "embedded-file-launch": one_page(
        catalog=b"/Names << /EmbeddedFiles << /Names [(run.exe) 7 0 R] >> >> "
        b"/OpenAction << /S /L#61unch /F 7 0 R >>",
        extra=(
            stream(b"MZ this would be a program"),
            b"<< /Type /Filespec /F (run.exe) /EF << /F 6 0 R >> >>",
        ),
    ),
}

# A link to a web page is not active content: viewers ask before following it.
URI_LINK = one_page(
    page=b"/Annots [6 0 R]",
    extra=(_link(b"<< /S /URI /URI (https://example.org/my-publications) >>"),),
)

# Text that merely mentions such names is no script.
MENTIONS = one_page(
    content=b"BT /F1 12 Tf 72 712 Td (Node/JS and /JavaScript developer, /Launch manager) Tj ET\n"
)


def inflating_pdf(operators: int = 400_000) -> bytes:
    """One page whose ~45 KB compressed content expands to ~16 MB of text operators."""
    ops = b"BT /F1 12 Tf 72 712 Td (Expert) Tj ET\n" * operators
    return one_page(content=ops, compress=True)
