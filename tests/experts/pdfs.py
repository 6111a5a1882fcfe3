"""Small real PDFs written by hand, for the CV tests."""

from roster.demo.cv import pdf_from_lines


def make_pdf(text: str = "Expert in integrated border management") -> bytes:
    """A valid one-page PDF whose text pypdf extracts back."""
    return pdf_from_lines([text])
