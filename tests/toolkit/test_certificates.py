"""Certificates: the holder's page, and the public verification that reveals nothing else."""

import sqlalchemy as sa

from roster.toolkit.progress_models import Certificate
from roster.toolkit.services import initials, new_code, normalise_code
from tests.toolkit.conftest import answers, version


def complete(client, module, lang="fr"):
    for pos in (1, 2, 3):
        client.post(f"/toolkit/{module.slug}/{lang}/{pos}/read")
    client.post(f"/toolkit/{module.slug}/{lang}/check", data=answers(version(module, lang)))


def earn(client, db, login, make, module, lang="fr"):
    user = login(make.user(email="marie.dupont@example.org"))
    make.expert(user=user, first_name="Marie", last_name="Dupont-Leroy")
    complete(client, module, lang)
    return db.session.scalar(sa.select(Certificate).filter_by(user_id=user.id))


def test_codes_are_random_and_typable():
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 12 and c.isalnum() and c.isupper() for c in codes)
    assert normalise_code(" abcd-efgh ijkl ") == "ABCDEFGHIJKL"
    assert initials("Marie Dupont-Leroy") == "M. D. L."


def test_holder_sees_a_printable_certificate(client, db, login, make, make_module):
    module = make_module()
    cert = earn(client, db, login, make, module)
    page = client.get(f"/toolkit/certificates/{cert.code}").get_data(as_text=True)
    assert "Marie Dupont-Leroy" in page
    assert "Animation en ligne online-facilitation" in page  # the French title
    assert cert.display_code in page
    assert "js/toolkit-print.js" in page and "data-toolkit-print" in page
    assert "<script>" not in page.replace("<script src", "")
    mine = client.get("/toolkit/certificates/").get_data(as_text=True)
    assert cert.display_code in mine


def test_another_expert_cannot_open_my_certificate_but_staff_can(
    client, db, login, make, make_module
):
    module = make_module()
    cert = earn(client, db, login, make, module)
    login(make.user())
    assert client.get(f"/toolkit/certificates/{cert.code}").status_code == 403
    login(make.staff())
    assert client.get(f"/toolkit/certificates/{cert.code}").status_code == 200


def test_public_verification_confirms_without_revealing_the_holder(
    client, db, login, make, make_module
):
    module = make_module()
    cert = earn(client, db, login, make, module)
    client.post("/auth/logout")
    with client.session_transaction() as session:
        session.clear()
    response = client.get(f"/toolkit/verify?code={cert.display_code.lower()}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Valid certificate" in page
    assert "online-facilitation" in page  # the module
    assert "M. D. L." in page
    for private in ("Marie", "Dupont", "marie.dupont@example.org"):
        assert private not in page


def test_unknown_or_malformed_codes_are_refused_plainly(client):
    for code in ("AAAAAAAAAAAA", "short", "<script>x</script>"):
        page = client.get("/toolkit/verify", query_string={"code": code}).get_data(as_text=True)
        assert "No certificate has this code" in page
        assert "<script>x" not in page
    empty = client.get("/toolkit/verify?code=").get_data(as_text=True)
    assert "This field is required" in empty


def test_verification_form_is_shown_without_a_code(client):
    page = client.get("/toolkit/verify").get_data(as_text=True)
    assert 'name="code"' in page and "Valid certificate" not in page


def test_erasure_leaves_the_certificate_verifiable_but_anonymous(
    client, db, login, make, make_module
):
    from roster.toolkit.services import anonymise_certificates

    module = make_module()
    cert = earn(client, db, login, make, module)
    assert anonymise_certificates(cert.user_id) == 1
    db.session.commit()
    page = client.get(f"/toolkit/verify?code={cert.code}").get_data(as_text=True)
    assert "Valid certificate" in page and "M. D. L." not in page
