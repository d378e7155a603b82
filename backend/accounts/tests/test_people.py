"""Invitations and password resets through a real SMTP server; roles and deactivation."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from accounts.models import ApiToken, Invitation, User
from conftest import GraphQLClient
from core.ids import encode_id

INVITE = """
mutation($email: String!, $role: Role!) {
  invitePerson(email: $email, role: $role) {
    ... on InvitationSent { deliveryNote link invitation { email role } }
    ... on OperationInfo { messages { field message code } }
  }
}"""
ACCEPT = """
mutation($token: String!, $username: String!, $password: String!) {
  acceptInvitation(token: $token, username: $username, password: $password) {
    ... on User { username role email }
    ... on OperationInfo { messages { field message code } }
  }
}"""
REQUEST_RESET = "mutation($login: String!) { requestPasswordReset(login: $login) }"
RESET = """
mutation($uid: String!, $token: String!, $password: String!) {
  resetPassword(uid: $uid, token: $token, password: $password) {
    ... on User { username }
    ... on OperationInfo { messages { field code } }
  }
}"""
LOGIN = """
mutation($u: String!, $p: String!) { login(username: $u, password: $p) { username } }"""
CHANGE_ROLE = """
mutation($id: ID!, $role: Role!) { changeRole(id: $id, role: $role) {
  ... on User { role } ... on OperationInfo { messages { code message } } } }"""
DEACTIVATE = """
mutation($id: ID!) { deactivatePerson(id: $id) {
  ... on User { isActive } ... on OperationInfo { messages { code message } } } }"""
GOOD_PASSWORD = "correct-horse-battery-9"


def anonymous() -> GraphQLClient:
    return GraphQLClient(Client())


def invite(gql_client, smtp_inbox, email="eve@example.com", role="EDITOR") -> str:
    already = len(smtp_inbox.messages())
    sent = gql_client.query(INVITE, {"email": email, "role": role})["data"]["invitePerson"]
    assert sent["link"] is None  # e-mailed, not shown
    assert email in sent["deliveryNote"]
    [message] = smtp_inbox.wait_for(already + 1)[-1:]
    assert message["To"] == email
    return smtp_inbox.link(message).rsplit("/", 1)[1]


def test_an_invited_person_joins_with_the_role_and_the_link_then_dies(gql_client, smtp_inbox):
    token = invite(gql_client, smtp_inbox)

    preview = anonymous().query("query($t: String!) { invitation(token: $t) { email role } }",
                                {"t": token})
    weak = anonymous().query(ACCEPT, {"token": token, "username": "eve", "password": "123"})
    joined = anonymous().query(ACCEPT, {"token": token, "username": "eve",
                                        "password": GOOD_PASSWORD})
    again = anonymous().query(ACCEPT, {"token": token, "username": "eve2",
                                       "password": GOOD_PASSWORD})

    assert preview["data"]["invitation"] == {"email": "eve@example.com", "role": "EDITOR"}
    assert {m["code"] for m in weak["data"]["acceptInvitation"]["messages"]} == {
        "password_too_weak"
    }
    assert joined["data"]["acceptInvitation"] == {
        "username": "eve", "role": "EDITOR", "email": "eve@example.com"
    }
    assert again["data"]["acceptInvitation"]["messages"][0]["code"] == "invitation_used"
    assert User.objects.filter(username__startswith="eve").count() == 1
    assert anonymous().query(LOGIN, {"u": "eve", "p": GOOD_PASSWORD})["data"]["login"]


def test_expired_and_forged_invitations_are_refused(gql_client, smtp_inbox):
    token = invite(gql_client, smtp_inbox)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))

    expired = anonymous().query(ACCEPT, {"token": token, "username": "eve",
                                         "password": GOOD_PASSWORD})
    forged = anonymous().query(ACCEPT, {"token": token[:-2] + "xx", "username": "eve",
                                        "password": GOOD_PASSWORD})

    assert expired["data"]["acceptInvitation"]["messages"][0]["code"] == "invitation_expired"
    assert forged["data"]["acceptInvitation"]["messages"][0]["code"] == "invitation_invalid"
    assert not User.objects.filter(username="eve").exists()


def test_an_unknown_role_is_bad_user_input(gql_client):
    result = gql_client.query(INVITE, {"email": "x@example.com", "role": "OWNER"})

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert not Invitation.objects.exists()


def test_without_email_the_admin_gets_the_link_to_copy(gql_client, settings):
    settings.EMAIL_DELIVERY = "none"

    sent = gql_client.query(INVITE, {"email": "x@example.com", "role": "VIEWER"})

    result = sent["data"]["invitePerson"]
    assert result["link"].startswith("http://testserver/invitation/")
    assert "copy the link" in result["deliveryNote"]


def test_a_password_reset_link_works_once(user, smtp_inbox):
    user.email = "alice@example.com"
    user.save()

    assert anonymous().query(REQUEST_RESET, {"login": "alice@example.com"})["data"]
    [message] = smtp_inbox.wait_for(1)
    uid, token = smtp_inbox.link(message).rstrip("/").split("/")[-2:]
    reset = anonymous().query(RESET, {"uid": uid, "token": token, "password": GOOD_PASSWORD})
    reused = anonymous().query(RESET, {"uid": uid, "token": token, "password": GOOD_PASSWORD + "x"})
    forged = anonymous().query(RESET, {"uid": uid, "token": "abc-123", "password": GOOD_PASSWORD})

    assert reset["data"]["resetPassword"] == {"username": "alice"}
    assert reused["data"]["resetPassword"]["messages"][0]["code"] == "reset_link_invalid"
    assert forged["data"]["resetPassword"]["messages"][0]["code"] == "reset_link_invalid"
    assert anonymous().query(LOGIN, {"u": "alice", "p": GOOD_PASSWORD})["data"]["login"]


def test_a_reset_for_nobody_answers_the_same_and_sends_nothing(db, smtp_inbox):
    result = anonymous().query(REQUEST_RESET, {"login": "nobody@example.com"})

    assert result == {"data": {"requestPasswordReset": True}}
    assert smtp_inbox.messages() == []


def test_the_last_admin_cannot_be_demoted_or_deactivated(gql_client, user):
    alice = encode_id("User", user.pk)

    demoted = gql_client.query(CHANGE_ROLE, {"id": alice, "role": "VIEWER"})
    deactivated = gql_client.query(DEACTIVATE, {"id": alice})

    assert demoted["data"]["changeRole"]["messages"][0]["code"] == "last_admin"
    assert deactivated["data"]["deactivatePerson"]["messages"][0]["code"] == "last_admin"
    user.refresh_from_db()
    assert (user.role, user.is_active) == ("admin", True)


def test_a_deactivated_person_loses_sessions_and_tokens_at_once(gql_client, django_user_model):
    bob = django_user_model.objects.create_user("bob", password="pw-secret-123", role="editor")
    bobs_browser = Client()
    bobs_browser.force_login(bob)
    token = GraphQLClient(bobs_browser).query(
        'mutation { createApiToken(name: "cli") { token } }'
    )["data"]["createApiToken"]["token"]

    result = gql_client.query(DEACTIVATE, {"id": encode_id("User", bob.pk)})

    assert result["data"]["deactivatePerson"] == {"isActive": False}
    me = GraphQLClient(bobs_browser).query("{ me { username } }")
    assert me == {"data": {"me": None}}
    bearer = GraphQLClient(Client(), headers={"Authorization": f"Bearer {token}"})
    assert bearer.query("{ me { username } }")["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED"
    )
    assert not ApiToken.objects.filter(user=bob).exists()


def test_a_role_change_counts_from_the_next_request(gql_client, django_user_model):
    bob = django_user_model.objects.create_user("bob", password="pw-secret-123", role="editor")
    bobs = Client()
    bobs.force_login(bob)
    create = 'mutation { createProduct(input: {sku: "A", name: "B"}) { __typename } }'

    gql_client.query(CHANGE_ROLE, {"id": encode_id("User", bob.pk), "role": "VIEWER"})

    result = GraphQLClient(bobs).query(create)
    assert result["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "Editor role; you are a Viewer" in result["errors"][0]["message"]
