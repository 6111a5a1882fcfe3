"""The demo expert's CV as a real one-page PDF, so that the CV pages and matching have one."""

from datetime import datetime

DEMO_CV_FILENAME = "Lucia-Ferrer-Ortega-CV.pdf"
DEMO_CV_UPLOADED = datetime(2021, 5, 27, 10, 5)

DEMO_CV_LINES = (
    "Lucía Ferrer Ortega - Curriculum vitae",
    "Senior Policy Officer, Anti-Trafficking Coordination Unit, Ministry of the Interior (Spain)",
    "",
    "Professional experience",
    "2014-today  Ministry of the Interior: national referral mechanism for victims of trafficking,",
    "            standard operating procedures, coordination with labour inspectors",
    "            and prosecutors.",
    "2006-2014   National Police, inspector: investigations into trafficking for sexual and labour",
    "            exploitation; victim-centred interviews; protection of unaccompanied",
    "            migrant children.",
    "",
    "Peer-to-peer assignments",
    "2019  Costa Rica: review of the inter-institutional protocol for the identification",
    "      of victims.",
    "2020  Guatemala and Panama: training of trainers on indicators of trafficking (online).",
    "2021  Mexico: webinars on the identification of victims in mixed migration flows.",
    "",
    "Education",
    "Master's degree in criminology and international human rights law.",
    "",
    "Languages",
    "Spanish (native), English (C1), French (B2), Portuguese (B1).",
)


def _escape(line: str) -> bytes:
    text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return text.encode("cp1252", errors="replace")


def pdf_from_lines(lines: tuple[str, ...] | list[str]) -> bytes:
    """A valid one-page PDF with one line of Helvetica text per item (WinAnsi encoding)."""
    body = (
        b"BT /F1 10 Tf 14 TL 56 780 Td "
        + b" ".join(b"(" + _escape(line) + b") Tj T*" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def demo_cv_pdf() -> bytes:
    """The demo expert's CV."""
    return pdf_from_lines(DEMO_CV_LINES)
