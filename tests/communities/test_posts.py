"""Posts after they are written: mentions in a new thread and in an edit, the grace period in
which the author may still edit (the link goes with it), and the history other readers see."""

from datetime import timedelta

import sqlalchemy as sa

from roster.notifications import Notification
from tests.communities import helpers


def _expert(make, name="Ana", last="Souza"):
    user = make.user()
    make.expert(user=user, first_name=name, last_name=last)
    return user


def _mentions(db) -> list[int]:
    return db.session.scalars(
        sa.select(Notification.user_id)
        .where(Notification.kind == "community.mention")
        .order_by(Notification.id)
    ).all()


def test_a_mention_in_a_new_thread_and_in_an_edit_notifies_once(client, login, make, db):
    ana, luis, mia = _expert(make), _expert(make, "Luis", "Pérez"), _expert(make, "Mia", "Ruiz")
    community = helpers.community(db, members=[ana, luis, mia])
    login(ana)
    client.post(
        f"/communities/{community.id}/threads/new",
        data={"title": "Screening", "body": "What do you think, @luis-perez?"},
    )
    assert _mentions(db) == [luis.id]
    note = db.session.scalar(sa.select(Notification))
    assert note.text == "Ana Souza mentioned you in “Screening”"
    post_id = int(note.link.rsplit("#post-", 1)[1])
    client.post(
        f"/communities/posts/{post_id}/edit",
        data={"body": "What do you think, @luis-perez and @mia-ruiz?", "version": "1"},
    )
    assert _mentions(db) == [luis.id, mia.id]  # Luis is not told twice
    told = db.session.scalar(sa.select(Notification.id).where(Notification.user_id == mia.id))
    login(mia)
    response = client.post(f"/notifications/{told}/open")
    assert response.headers["Location"].endswith(f"#post-{post_id}")


def test_the_edit_link_shows_within_the_grace_period_only(app, client, login, make, db):
    ana, luis = _expert(make), _expert(make, "Luis")
    community = helpers.community(db, members=[ana, luis])
    thread = helpers.thread(db, community, ana, body="First text")
    post = thread.posts[0]
    edit_url = f"/communities/posts/{post.id}/edit"
    login(ana)
    assert edit_url in client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    login(luis)  # another member never edits it
    assert edit_url not in client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert client.post(edit_url, data={"body": "Luis was here", "version": "1"}).status_code == 403
    app.config["COMMUNITY_EDIT_MINUTES"] = 5
    post.created_at -= timedelta(minutes=6)
    db.session.commit()
    login(ana)
    assert edit_url not in client.get(f"/communities/threads/{thread.id}").get_data(as_text=True)
    assert client.post(edit_url, data={"body": "Too late", "version": "1"}).status_code == 403
    assert db.session.get(type(post), post.id).body == "First text"


def test_other_members_read_the_history_but_not_of_a_hidden_post(client, login, make, db):
    ana, luis, mod = _expert(make), _expert(make, "Luis"), _expert(make, "Mia", "Mod")
    community = helpers.community(db, members=[ana, luis], moderators=[mod])
    post = helpers.thread(db, community, ana, body="Said *first*").posts[0]
    login(ana)
    client.post(f"/communities/posts/{post.id}/edit", data={"body": "Said next", "version": "1"})
    login(luis)
    thread_page = client.get(f"/communities/threads/{post.thread_id}").get_data(as_text=True)
    assert f"/communities/posts/{post.id}/history" in thread_page  # the "edited" mark
    history = client.get(f"/communities/posts/{post.id}/history").get_data(as_text=True)
    assert "<em>first</em>" in history and "Said next" in history
    login(mod)
    client.post(f"/communities/posts/{post.id}/hide", data={"reason": "Off topic"})
    login(luis)
    assert client.get(f"/communities/posts/{post.id}/history").status_code == 404
    login(ana)
    assert client.get(f"/communities/posts/{post.id}/history").status_code == 200
