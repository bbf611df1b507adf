"""The home page (issue 8): "My work" for a signed-in user, a public landing page for
an anonymous visitor (no sign-in wall)."""

from __future__ import annotations

from django.urls import reverse


def test_a_focal_point_sees_their_work(client, world):
    client.force_login(world.focal)
    body = client.get(reverse("home")).content.decode()
    ohchr = [a for a in world.activities if a.un_lead_id == world.ohchr.pk]
    open_ones = [a for a in ohchr if a.status not in ("completed", "cancelled")]
    assert open_ones and all(a.title in body for a in open_ones)
    dppa = [a for a in world.activities if a.un_lead_id == world.dppa.pk]
    assert not any(f">{a.code} · {a.title}<" in body for a in dppa)
    assert "Follow-up 0" in body  # overdue, owned by OHCHR
    assert "General meeting in Rabat" in body  # in 30 days
    assert "MoU OHCHR-IPHRC" in body  # expires in 90 days, OHCHR is a party


def test_the_viewer_has_no_item_to_do_but_sees_the_next_meeting(client, world):
    client.force_login(world.viewer)
    body = client.get(reverse("home")).content.decode()
    assert "Follow-up 0" not in body
    assert "General meeting in Rabat" in body


def test_an_anonymous_visitor_gets_the_landing_page(client, world):
    response = client.get(reverse("home"))
    body = response.content.decode()
    assert response.status_code == 200
    assert world.framework.name in body and 'href="/accounts/login/"' in body
    assert "Follow-up 0" not in body and "General meeting in Rabat" not in body


def test_my_work_costs_the_same_queries_whatever_the_size(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("home")).status_code == 200
