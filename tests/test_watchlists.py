"""Watchlists and notifications: a watch poll against a loopback feed notifies a loopback webhook receiver and a
loopback SMTP server once per new matching merged event, with its evidence; later reports update; backlogs are
not notified; the rate cap makes a digest; the Atom feed parses and validates (RFC 4287)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient
from lxml import etree

from loopback import serving
from notify_support import ATOM_RNG, Receiver, SmtpServer
from watch_support import STORIES, Site, serve, site_client
from wirescope.api.app import create_app
from wirescope.config import Settings
from wirescope.errors import InputError
from wirescope.ingest.netpolicy import AddressPolicy
from wirescope.store import Store
from wirescope.store.tables import NOTIFY_OUTBOX
from wirescope.watch import Source, Watcher
from wirescope.watch.channels import NotifyConfig, SmtpConfig, WebhookSender, send_mail
from wirescope.watch.notify import load_notifications, match_new
from wirescope.watch.outbox import deliver_pending
from wirescope.watch.watchlists import load_watchlists, make_watchlist, save_watchlist

# Every candidate event is aggregated (min_confidence 0): these tests are about notifications, and the short
# stories' events sit on both sides of the verifier's default threshold; the threshold has its own tests.
SETTINGS = Settings(allow_private_addresses=True, respect_robots_txt=False, fetch_host_interval=0.0,
                    fetch_deadline=1.5, min_confidence=0.0)
SECRET = "s3cret-for-tests"
# Another report of the army's attack near Mosul (STORIES[1]), in other words: it merges into the same event.
SECOND_REPORT = (
    "Troops strike rebel positions near Mosul",
    "Iraqi soldiers attacked rebels near Mosul on Tuesday, a military spokesman told reporters. The spokesman "
    "said several insurgents were captured. Residents reported heavy gunfire overnight.",
)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    from wirescope.nlp.pipeline import Pipeline

    return Pipeline(SETTINGS)


def _iraq_events_of(store: Store, guid: str) -> set[str]:
    """Merged events in Iraq (either actor or the place) that the article of feed item ``guid`` reports, read
    straight from the aggregate tables."""
    rows = store.con.execute(
        "SELECT DISTINCT m.id FROM merged_events m JOIN event_mentions em ON em.event_id = m.id "
        "JOIN articles a ON a.id = em.article_id WHERE a.url LIKE ? AND 'IRQ' IN "
        "(coalesce(m.source_country, ''), coalesce(m.target_country, ''), coalesce(m.place_country3, ''))",
        [f"%/a/{guid}.html"],
    ).fetchall()
    return {r[0] for r in rows}


def _of(posts, kind):  # type: ignore[no-untyped-def]
    return [p.body for p in posts if p.body["type"] == kind]


def _check_evidence(note: dict, guid: str) -> None:  # type: ignore[type-arg]
    assert note["evidence"], note
    assert 0.0 < note["confidence"] <= 1.0
    for e in note["evidence"]:
        assert e["sentence"] and e["outlet"] and 0.0 < e["confidence"] <= 1.0
        assert e["url"].startswith("http://127.0.0.1:")
    assert any(e["url"].endswith(f"/a/{guid}.html") for e in note["evidence"])


def test_watch_polls_notify_once_per_event_update_later_reports_and_cap_bursts(  # type: ignore[no-untyped-def]
    tmp_path: Path, pipeline, monkeypatch
) -> None:
    receiver, smtp = Receiver(), SmtpServer()
    for key, value in {"WIRESCOPE_SMTP_HOST": "127.0.0.1", "WIRESCOPE_SMTP_PORT": str(smtp.port),
                       "WIRESCOPE_SMTP_SECURITY": "none", "WIRESCOPE_SMTP_SENDER": "wirescope@test.invalid",
                       "WIRESCOPE_SECRET_HOOK": SECRET}.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("WIRESCOPE_NOTIFY_CONFIG", raising=False)
    site = Site()
    site.publish("g1", *STORIES[0])
    db = tmp_path / "w.duckdb"
    with serving(receiver, smtp), serve(site) as base, Store(db) as store:  # type: ignore[arg-type]
        save_watchlist(store.con, make_watchlist("iraq", countries=["IRQ"], webhook=receiver.base + "/iraq",
                                                 webhook_secret="HOOK", emails=["desk@test.invalid"]))
        save_watchlist(store.con, make_watchlist("capped", countries=["IQ"], webhook=receiver.base + "/capped",
                                                 max_per_hour=1))
        source = Source(base + "/feed.xml", "feed", 60)
        with Watcher([source], store, SETTINGS, client=site_client(), pipeline=pipeline) as watcher:
            # 1. The source's first poll is its backlog: stored and aggregated, not notified.
            assert watcher.poll_once()[0].new_articles == 1
            assert _iraq_events_of(store, "g1"), "the backlog has matching events (else this proves nothing)"
            assert receiver.attempts == [] and smtp.mails == [] and load_notifications(store.con) == []

            # 2. A new item: one notification per new matching merged event, with its evidence.
            site.publish("g2", *STORIES[1])
            assert watcher.poll_once(everything=True)[0].new_articles == 1
            expected = _iraq_events_of(store, "g2")
            assert len(expected) >= 2
            created = _of(receiver.at("/iraq"), "notification.created")
            assert sorted(n["notification"]["subject"] for n in created) == sorted(expected)  # once each
            for post in receiver.at("/iraq"):
                assert post.headers["authorization"] == f"Bearer {SECRET}"
                signature = hmac.new(SECRET.encode(), post.raw, hashlib.sha256).hexdigest()
                assert post.headers["x-wirescope-signature"] == f"sha256={signature}"
            assert len({p.headers["idempotency-key"] for p in receiver.at("/iraq")}) == len(created)
            for n in created:
                _check_evidence(n["notification"], "g2")
                assert n["notification"]["revision"] == 1 and n["notification"]["kind"] == "event"
            assert len(smtp.mails) == len(expected)  # e-mail to the desk, one per notification
            mail = smtp.mails[0]
            assert mail.recipients == ["desk@test.invalid"] and "[wirescope] iraq:" in mail.message["Subject"]
            text = mail.message.get_payload(decode=True).decode()
            assert "/a/g2.html" in text and "confidence" in text
            # The capped watchlist: one message on its own, the rest of the burst as one digest.
            capped = receiver.at("/capped")
            assert [p.body["type"] for p in capped] == ["notification.created", "digest"]
            digest = capped[1].body
            assert digest["count"] == len(expected) - 1 == len(digest["notifications"])
            in_digest = {n["notification"]["subject"] for n in digest["notifications"]}
            assert in_digest | {capped[0].body["notification"]["subject"]} == expected
            for n in digest["notifications"]:
                _check_evidence(n["notification"], "g2")

            # 3. A watchlist created now: what is stored is its backlog.
            save_watchlist(store.con, make_watchlist("late", countries=["IRQ"], webhook=receiver.base + "/late"))
            before = {n["notification"]["subject"]: n["notification"] for n in created}

            # 4. Another report of the same attack: an update, not a second notification.
            site.publish("g3", *SECOND_REPORT)
            assert watcher.poll_once(everything=True)[0].new_articles == 1
            third = _iraq_events_of(store, "g3")
            assert third & expected, "the second report merged into an event of the first"
            posts = receiver.at("/iraq")
            updates = _of(posts, "notification.updated")
            assert {u["notification"]["subject"] for u in updates} == third & expected
            for u in updates:
                note = u["notification"]
                old = before[note["subject"]]
                assert note["id"] == old["id"] and note["revision"] == 2
                assert note["num_reports"] > old["num_reports"]
                _check_evidence(note, "g3")
            subjects = [n["notification"]["subject"] for n in _of(posts, "notification.created")]
            assert len(subjects) == len(set(subjects)) and set(subjects) == expected | third
            assert len(smtp.mails) == len(expected | third)  # updates are not mailed again
            late = {n["notification"]["subject"] for n in _of(receiver.at("/late"), "notification.created")}
            assert late == third, "the new watchlist is told about the new report only, not its backlog"

            # 5. Nothing new: nothing sent.
            sent = len(receiver.attempts)
            assert watcher.poll_once(everything=True)[0].not_modified
            assert len(receiver.attempts) == sent
        stored = load_notifications(store.con)
        assert {n.digest is not None for n in stored if n.watchlist == "capped"} == {True, False}
        pending = store.con.execute("SELECT count(*) FROM notify_outbox WHERE status <> 'sent'").fetchone()
        assert pending == (0,)
    _check_atom(db, stored)


def _check_atom(db: Path, stored: list) -> None:  # type: ignore[type-arg]
    with TestClient(create_app(db)) as api:
        answer = api.get("/api/alerts.atom", params={"limit": 200})
        one = api.get("/api/alerts.atom", params={"watchlist": "late"})
        listed = api.get("/api/notifications", params={"watchlist": "iraq"}).json()["items"]
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) == len(stored)
    updated = [n for n in stored if n.revision > 1]
    assert updated
    by_id = {e.id: e for e in feed.entries}
    for entry in feed.entries:
        assert entry.title and entry.updated and entry.summary and entry.link.startswith("http://127.0.0.1:")
        assert entry.authors and entry.authors[0].name
    assert len(by_id) == len(stored)  # stable, distinct ids
    for n in updated:
        entry = next(e for e in feed.entries if n.title == e.title and n.watchlist in {t.term for t in e.tags})
        assert entry.updated_parsed > entry.published_parsed or entry.updated >= entry.published
    schema = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    for body in (answer.content, one.content):
        doc = etree.fromstring(body)
        assert schema.validate(doc), schema.error_log
        _atom_rules(doc)
    assert len(feedparser.parse(one.content).entries) == len([n for n in stored if n.watchlist == "late"])
    assert listed and all(n["evidence"] for n in listed)


def _atom_rules(doc: etree._Element) -> None:
    """RFC 4287's rules that its schema cannot state (section 4.1.1 and 4.1.2)."""
    feed_authors = doc.findall(f"{ATOM}author")
    for entry in doc.findall(f"{ATOM}entry"):
        assert feed_authors or entry.findall(f"{ATOM}author")
        content = entry.find(f"{ATOM}content")
        alternate = [x for x in entry.findall(f"{ATOM}link") if x.get("rel", "alternate") == "alternate"]
        assert content is not None or alternate
        assert len({(x.get("type"), x.get("hreflang")) for x in alternate}) == len(alternate)
    assert doc.find(f"{ATOM}link[@rel='self']") is not None


# -- channels --------------------------------------------------------------------------------------------------


def test_webhook_retries_with_backoff_and_the_same_idempotency_key() -> None:
    receiver = Receiver()
    receiver.fail_first["/flaky"] = 2
    waits: list[float] = []
    with serving(receiver):
        sender = WebhookSender(AddressPolicy(allow_private=True), retries=2, backoff=0.1, sleep=waits.append)
        try:
            outcome = sender.send(receiver.base + "/flaky", b'{"a": 1}', "key-1", "notification.created", None)
        finally:
            sender.close()
    assert outcome.ok
    assert [p.headers["idempotency-key"] for p in receiver.attempts] == ["key-1"] * 3
    assert waits == [0.1, 0.2]  # exponential backoff between attempts
    assert "authorization" not in receiver.attempts[0].headers  # no secret named, none sent


def test_webhook_and_smtp_obey_the_address_policy() -> None:
    receiver, smtp = Receiver(), SmtpServer()
    with serving(receiver, smtp):  # type: ignore[arg-type]
        sender = WebhookSender(AddressPolicy(allow_private=False), retries=2, sleep=lambda s: None)
        try:
            refused = sender.send(receiver.base + "/x", b"{}", "k", "notification.created", None)
        finally:
            sender.close()
        mailed = send_mail(SmtpConfig("127.0.0.1", smtp.port, security="none"), AddressPolicy(allow_private=False),
                           ("a@test.invalid",), "s", "b", "k")
        allowed = send_mail(SmtpConfig("127.0.0.1", smtp.port, security="none"), AddressPolicy(allow_private=True),
                            ("a@test.invalid",), "a title\r\nBcc: someone@test.invalid", "body", "key-9")
    assert not refused.ok and refused.permanent and "address policy" in (refused.error or "")
    assert not mailed.ok and mailed.permanent and "address policy" in (mailed.error or "")
    assert receiver.attempts == []
    assert allowed.ok and len(smtp.mails) == 1
    assert smtp.mails[0].message["Message-ID"] == "<key-9@wirescope>"
    assert smtp.mails[0].recipients == ["a@test.invalid"] and smtp.mails[0].message["Bcc"] is None  # no injection
    assert smtp.mails[0].message["Subject"] == "a title Bcc: someone@test.invalid"


def test_failed_deliveries_wait_in_the_outbox_and_go_out_at_a_later_call(tmp_path: Path) -> None:
    receiver = Receiver()
    with Store(tmp_path / "o.duckdb") as store:
        save_watchlist(store.con, make_watchlist("w", keywords=["strike"], webhook=receiver.base + "/w"))
        row = NOTIFY_OUTBOX.row(None, id="n1.r1/webhook", watchlist="w", channel="webhook", kind="created",
                                payload='{"type": "notification.created"}', status="pending", attempts=0,
                                next_attempt=None, last_error=None, created_at=datetime(2026, 1, 1), sent_at=None)
        store.con.execute(f"INSERT INTO notify_outbox VALUES ({', '.join('?' * len(row))})", list(row))
        down = WebhookSender(AddressPolicy(allow_private=True), retries=0, timeout=2.0)
        receiver.server_close()  # nobody listens: a network error
        try:
            assert deliver_pending(store.con, SETTINGS, sender=down, config=NotifyConfig()) == (0, 0)
        finally:
            down.close()
        status, attempts, nxt, error = store.con.execute(
            "SELECT status, attempts, next_attempt, last_error FROM notify_outbox").fetchone()
        assert (status, attempts) == ("pending", 1) and nxt is not None and error
        # Due again (the backoff has passed): a receiver is listening now.
        store.con.execute("UPDATE notify_outbox SET next_attempt = NULL")
        again = Receiver()
        save_watchlist(store.con, make_watchlist("w", keywords=["strike"], webhook=again.base + "/w"), replace=True)
        with serving(again):
            assert deliver_pending(store.con, SETTINGS, config=NotifyConfig())[0] == 1
        assert [p.headers["idempotency-key"] for p in again.posts] == ["n1.r1"]
        assert store.con.execute("SELECT status FROM notify_outbox").fetchone() == ("sent",)


def test_secrets_come_from_the_environment_or_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "notify.toml"
    config.write_text('[smtp]\nhost = "mail.test.invalid"\nport = 2525\nuser = "u"\npassword = "from-file"\n'
                      '[secrets]\nHOOK = "file-token"\n', encoding="utf-8")
    config.chmod(0o600)
    loaded = NotifyConfig.load({"WIRESCOPE_NOTIFY_CONFIG": str(config), "WIRESCOPE_SMTP_PASSWORD": "from-env"})
    assert loaded.smtp is not None and (loaded.smtp.host, loaded.smtp.port) == ("mail.test.invalid", 2525)
    assert loaded.smtp.password == "from-env"  # the environment wins
    assert "from-env" not in repr(loaded) and "file-token" not in repr(loaded)
    assert loaded.secret("HOOK") == "file-token"
    assert NotifyConfig.load({}).smtp is None


# -- watchlists ------------------------------------------------------------------------------------------------


def test_watchlists_are_checked_and_hold_no_secret(tmp_path: Path) -> None:
    for bad, field in ((dict(roots=["21"]), "roots"), (dict(dyads=["IRN"]), "dyads"),
                       (dict(countries=["XX"]), "country"),
                       (dict(keywords=["x"], webhook="http://user:pw@hooks.test.invalid/"), "webhook"),
                       (dict(keywords=["x"], webhook="http://[::1"), "webhook"),
                       (dict(keywords=["x"], webhook="ftp://hooks.test.invalid/"), "webhook"),
                       (dict(countries=["Iran"]), "country"),
                       (dict(keywords=["x"], webhook_secret="a value with spaces"), "webhook_secret"),
                       (dict(keywords=["x"], emails=["nobody"]), "emails"), ({}, "w")):
        with pytest.raises(InputError) as err:
            make_watchlist("w", **bad)
        assert err.value.item == field
    with pytest.raises(InputError):
        make_watchlist("no spaces allowed", keywords=["x"])
    wl = make_watchlist("gulf", dyads=["USA>IRN", "ISR-IRN"], roots=["4", "19"], plover=["assault"],
                        min_confidence=0.6, webhook="https://hooks.test.invalid/x", webhook_secret="HOOK")
    assert wl.roots == ("04", "19") and wl.plover == ("ASSAULT",)
    with Store(tmp_path / "s.duckdb") as store:
        save_watchlist(store.con, wl)
        with pytest.raises(InputError, match="exists"):
            save_watchlist(store.con, wl)
        (back,) = load_watchlists(store.con)
        assert back.dyads == wl.dyads and back.created_at is not None
        stored = store.con.execute("SELECT * FROM watchlists").fetchall()
    assert "HOOK" in str(stored) and SECRET not in str(stored)


def test_watchlists_api_needs_the_token_for_writes(tmp_path: Path) -> None:
    db = tmp_path / "api.duckdb"
    Store(db).close()
    auth = {"Authorization": "Bearer tok"}
    with TestClient(create_app(db, token="tok")) as api:
        body = {"name": "gulf", "dyads": ["USA>IRN"], "webhook": "https://hooks.test.invalid/T0KEN/x",
                "emails": ["desk@test.invalid"]}
        assert api.post("/api/watchlists", json=body).status_code == 401
        assert api.post("/api/watchlists", json=body, headers=auth).status_code == 201
        assert api.post("/api/watchlists", json=body, headers=auth).status_code == 400  # exists
        assert api.post("/api/watchlists", json={"name": "x", "roots": ["77"]}, headers=auth).status_code == 400
        (listed,) = api.get("/api/watchlists").json()["items"]
        assert listed["name"] == "gulf" and listed["dyads"] == ["USA>IRN"]
        assert listed["webhook"] == "https://hooks.test.invalid/…" and listed["emails"] == ["d…@test.invalid"]
        assert api.delete("/api/watchlists/gulf").status_code == 401
        assert api.delete("/api/watchlists/gulf", headers=auth).status_code == 204
        assert api.delete("/api/watchlists/gulf", headers=auth).status_code == 404
        assert api.get("/api/watchlists").json()["items"] == []
    with TestClient(create_app(db)) as read_only:  # no token: no writing routes at all
        assert read_only.post("/api/watchlists", json=body).status_code in (404, 405)


def test_escalation_alerts_on_a_watched_dyad_are_matched(tmp_path: Path) -> None:
    from wirescope.aggregate.escalation import Alert
    from wirescope.aggregate.tables import ALERTS
    from wirescope.store.spec import insert_rows
    from wirescope.watch.notify import _matching_alerts

    day = datetime(2026, 3, 1).date()
    alerts = [Alert("country", "ISR", "IRN", day, 5.0, 1.0, 3.2, ("e1",), "z above 3"),
              Alert("country", "IRN", "ISR", day, 4.0, 1.0, 3.1, ("e2",), "z above 3"),
              Alert("actor", "USAGOV", "IRNMIL", day, 4.0, 1.0, 3.1, ("e1",), "z above 3")]
    with Store(tmp_path / "a.duckdb") as store:
        insert_rows(store.con, ALERTS, [ALERTS.row(a) for a in alerts])

        def matched(dyads: list[str], touched: set[str]) -> list[tuple[str, str]]:
            rows = _matching_alerts(store.con, make_watchlist("d", dyads=dyads), touched)
            return [(r[1], r[2]) for r in rows]

        assert matched(["ISR>IRN"], {"e1", "e2"}) == [("ISR", "IRN")]
        assert matched(["ISR<IRN"], {"e1", "e2"}) == [("IRN", "ISR")]
        assert sorted(matched(["ISR-IRN"], {"e1", "e2"})) == [("IRN", "ISR"), ("ISR", "IRN")]
        assert matched(["USA>IRN"], {"e1"}) == [("USAGOV", "IRNMIL")]
        assert matched(["ISR-IRN"], {"e3"}) == []  # no new event drives them: old alerts are not notified


def test_items_stored_before_their_aggregation_are_notified_once_it_ran(  # type: ignore[no-untyped-def]
    tmp_path: Path, pipeline
) -> None:
    """A poll that stored articles but did not aggregate them (killed in between, or --no-aggregate) leaves them
    for a later call: they are matched once the aggregates hold them, not skipped."""
    from wirescope.aggregate.build import aggregate_store

    receiver = Receiver()
    site = Site()
    site.publish("g1", *STORIES[0])
    with serving(receiver), serve(site) as base, Store(tmp_path / "k.duckdb") as store:
        save_watchlist(store.con, make_watchlist("iraq", countries=["IRQ"], webhook=receiver.base + "/k"))
        with Watcher([Source(base + "/feed.xml", "feed", 60)], store, SETTINGS, client=site_client(),
                     pipeline=pipeline) as watcher:
            watcher.poll_once()  # the backlog
            site.publish("g2", *STORIES[1])
            watcher.aggregate = False
            assert watcher.poll_once(everything=True)[0].new_articles == 1
            watcher.aggregate = True
            assert watcher.poll_once(everything=True)[0].not_modified  # nothing new: no aggregation either
            assert receiver.attempts == []
            aggregate_store(store.con)
            watcher.poll_once(everything=True)
            expected = _iraq_events_of(store, "g2")
            assert expected
            assert sorted(p.body["notification"]["subject"] for p in receiver.at("/k")) == sorted(expected)
            watcher.poll_once(everything=True)
            assert len(receiver.at("/k")) == len(expected)  # and not again
            # Matching the same items again (as when a held item of the source makes later ones be matched again)
            # changes nothing.
            store.con.execute("UPDATE notify_sources SET checked_through = (SELECT seen_at - INTERVAL 1 MICROSECOND "
                              "FROM watch_items WHERE item = 'g2')")
            again = match_new(store.con)
            assert (again.created, again.updated) == (0, 0)
            assert store.con.execute("SELECT count(*) FROM notify_outbox").fetchone() == (len(expected),)
            # An escalation alert's notification carries the reports of the events that drove it.
            from wirescope.watch.notify import _alert_notification

            day = datetime(2024, 1, 2).date()
            alert = ("country", "IRQ", "IRQ", day, 4.5, 3.2, sorted(expected), "z 3.2 above the baseline")
            note = _alert_notification(store.con, make_watchlist("d", dyads=["IRQ-IRQ"]), alert)
            assert note.kind == "alert" and note.subject == "country:IRQ:IRQ:2024-01-02" and "IRQ → IRQ" in note.title
            assert note.summary == "z 3.2 above the baseline" and note.num_reports == 1 and note.confidence
            assert note.evidence and all(e.url and e.url.endswith("/a/g2.html") for e in note.evidence)


def test_generated_watchlist_bodies_never_fail_the_server(tmp_path: Path) -> None:
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    db = tmp_path / "fuzz.duckdb"
    Store(db).close()
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", create_app(db, token="fuzz-token"))
    operation = schema["/api/watchlists"]["POST"]
    statuses: list[int] = []

    @given(case=operation.as_strategy())
    @settings(max_examples=60, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:  # type: ignore[no-untyped-def]
        case.headers = {**(case.headers or {}), "Authorization": "Bearer fuzz-token"}
        response = case.call()
        statuses.append(response.status_code)
        assert response.status_code in (201, 400, 413, 422), response.text[:300]

    check()
    assert 400 in statuses or 422 in statuses


def test_watchlist_cli_on_a_store_and_through_a_serving_server(tmp_path: Path) -> None:
    from serve_support import TOKEN, run_cli, running

    db = tmp_path / "cli.duckdb"
    Store(db).close()
    added = run_cli("watchlist", "add", "gulf", "--dyad", "USA>IRN", "--root", "19", "--webhook",
                    "https://hooks.test.invalid/x", "--email", "desk@test.invalid", "--db", str(db))
    assert added.returncode == 0, added.stderr
    bad = run_cli("watchlist", "add", "bad", "--root", "33", "--db", str(db))
    assert bad.returncode == 2 and "roots: '33' is not a CAMEO root code" in bad.stderr
    listed = run_cli("watchlist", "list", "--json", "--db", str(db))
    assert listed.returncode == 0 and '"dyads": ["USA>IRN"]' in listed.stdout
    with running(["--db", str(db), "--token", TOKEN], tmp_path / "server.log"):
        held = run_cli("watchlist", "add", "sahel", "--country", "MLI", "--db", str(db))
        assert held.returncode == 2 and "token" in held.stderr.lower()
        through = run_cli("watchlist", "add", "sahel", "--country", "MLI", "--db", str(db), "--token", TOKEN)
        assert through.returncode == 0, through.stderr
        names = run_cli("watchlist", "list", "--json", "--db", str(db))
        assert names.returncode == 0 and '"sahel"' in names.stdout and '"gulf"' in names.stdout
        gone = run_cli("watchlist", "remove", "gulf", "--db", str(db), "--token", TOKEN)
        assert gone.returncode == 0, gone.stderr
        assert run_cli("watchlist", "remove", "gulf", "--db", str(db), "--token", TOKEN).returncode == 2
        assert run_cli("watchlist", "notifications", "--db", str(db)).returncode == 0
    with Store(db, read_only=True) as store:
        assert [w.name for w in load_watchlists(store.con)] == ["sahel"]


def test_the_atom_feed_survives_hostile_article_text() -> None:
    from wirescope.watch.atom import atom_feed
    from wirescope.watch.notify import Evidence, Notification

    nasty = "Leader\x0b says <b>&amp;</b> \x00 ]]> \ud800 “quoted”"
    note = Notification("n1", "w", "event", "e1", nasty, nasty, "http://example.org/a?x=1&y=2", 0.7, 1, 1,
                        (Evidence(nasty, "Outlet & Co", "http://example.org/a?x=1&y=2", nasty, "2024-01-02", 0.7),),
                        created_at=datetime(2024, 1, 2), updated_at=datetime(2024, 1, 3))
    body = atom_feed([note], self_url="http://127.0.0.1/api/alerts.atom?watchlist=w&limit=5")
    feed = feedparser.parse(body)
    assert not feed.bozo, feed.get("bozo_exception")
    assert "<b>&amp;</b>" in feed.entries[0].title and feed.entries[0].link == "http://example.org/a?x=1&y=2"
    schema = etree.RelaxNG(etree.parse(str(ATOM_RNG)))
    assert schema.validate(etree.fromstring(body)), schema.error_log
