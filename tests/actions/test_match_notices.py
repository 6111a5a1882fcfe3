"""Find experts says how sure the description's closeness can be: a request written in a
language that no profile text is written in gets a notice above the ranking."""

from tests.actions import helpers as h


def test_a_request_in_a_language_no_profile_is_written_in_is_flagged(client, db, make, login):
    action = h.action(
        db,
        make,
        title="Подготовка пограничников",
        summary="Обучение сотрудников пограничной службы выявлению жертв торговли людьми.",
    )
    make.expert(biography="Trained border guards to identify victims of trafficking.")
    login(make.staff())
    html = client.get(f"/actions/{action.id}/find-experts").get_data(as_text=True)
    assert "No profile text is written in Russian" in html
    assert 'role="note"' in html


def test_a_request_in_the_rosters_language_has_no_such_notice(client, db, make, login):
    action = h.action(db, make, title="Border guards training", summary="Identify victims.")
    make.expert(biography="Trained border guards to identify victims of trafficking.")
    login(make.staff())
    html = client.get(f"/actions/{action.id}/find-experts").get_data(as_text=True)
    assert "No profile text is written in" not in html
