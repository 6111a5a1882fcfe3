"""Markdown is rendered safely: hostile content never reaches the page as markup."""

import pytest

from roster.toolkit.rendering import render_markdown

HOSTILE = [
    ("<script>alert('x')</script>Hello", ["<script", "alert("]),
    ('<img src="x.png" onerror="alert(1)">', ["onerror", "alert("]),
    ("[click](javascript:alert(1))", ["javascript:"]),
    ('<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript", "alert("]),
    ("[x](  javascript:alert(1))", ["javascript:"]),
    ("![pixel](data:image/png;base64,iVBORw0KGgo=)", ["data:"]),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', ["data:", "<script"]),
    ('<iframe src="https://evil.example"></iframe>', ["<iframe", "evil.example"]),
    ("<style>body { display: none }</style>", ["<style", "display: none"]),
    ('<p style="background:url(javascript:alert(1))">x</p>', ["style=", "javascript"]),
    ('<svg onload="alert(1)"><circle/></svg>', ["<svg", "onload"]),
    ("<object data='x.swf'></object><embed src='x'>", ["<object", "<embed"]),
    ('<form action="https://evil.example"><input name="p"></form>', ["<form", "<input"]),
    ("<!-- <script>alert(1)</script> -->", ["<script", "<!--"]),
    ('<div onclick="steal()">x</div>', ["onclick", "steal"]),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">', ["<meta", "refresh"]),
]


@pytest.mark.parametrize(("source", "forbidden"), HOSTILE)
def test_hostile_markdown_is_neutralised(source, forbidden):
    html = str(render_markdown(source)).lower()
    for needle in forbidden:
        assert needle.lower() not in html


def test_ordinary_markdown_keeps_its_structure():
    source = (
        "## Tips\n\n**Bold** and *italic*, a [link](https://example.org) and "
        "[mail](mailto:team@example.org), a [file](/toolkit/files/1/guide.pdf).\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n![diagram](/toolkit/files/2/d.png)\n\n> quote"
    )
    html = str(render_markdown(source))
    assert "<h2" in html and "<strong>Bold</strong>" in html and "<em>italic</em>" in html
    assert 'href="https://example.org"' in html
    assert 'href="mailto:team@example.org"' in html
    assert 'href="/toolkit/files/1/guide.pdf"' in html
    assert "<table>" in html and "<td>1</td>" in html
    assert 'src="/toolkit/files/2/d.png"' in html
    assert "<blockquote>" in html
    assert 'rel="noopener noreferrer nofollow"' in html


def test_headings_are_shifted_under_the_page_title():
    html = str(render_markdown("# Top\n\n## Sub\n\n###### Deep", heading_offset=1))
    assert "<h2>Top</h2>" in html and "<h3>Sub</h3>" in html and "<h6>Deep</h6>" in html
    assert "<h1" not in html


def test_empty_content_renders_nothing():
    assert str(render_markdown(None)) == "" and str(render_markdown("")) == ""


def test_reader_page_does_not_run_a_script_in_content(client, login, make, make_module):
    hostile = "Intro\n\n<script>alert('owned')</script>\n\n[go](javascript:alert(2))"
    make_module(slug="hostile", bodies={1: hostile})
    login(make.user())
    page = client.get("/toolkit/hostile/en/1").get_data(as_text=True)
    assert "Intro" in page
    assert "alert('owned')" not in page and "alert(2)" not in page
    assert "javascript:" not in page


def test_preview_in_the_editor_is_sanitised_too(client, login, make, make_module):
    module = make_module(slug="previewed")
    login(make.staff())
    response = client.post(
        f"/toolkit/manage/{module.id}/en/sections/new",
        data={"title": "New", "body_markdown": "Safe<script>alert(3)</script>", "preview": "1"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Safe" in page and "alert(3)</script>" not in page.split('id="preview"')[1]
