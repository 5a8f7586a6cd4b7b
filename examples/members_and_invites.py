"""Team members, invitations and scopes (the seed's member-management flow).

Runs against Deepgram when DEEPGRAM_API_KEY is set, otherwise against the embedded emulator.

Two notes on the seed's code, kept as written:
- It invites with `scope="usage:read"`. Deepgram accepts only a role for an invitation (`member`,
  `admin` or `owner`) and answers 400 otherwise; the example catches that error and shows it, and
  `scope="member"` is what works. Against the real API a successful invite e-mails the address.
- It updates `member_id = "member-id"`; here that is the first member who is neither owner nor
  admin, whose scope is put back afterwards; the invitation, if sent, is withdrawn at the end.
"""

from _target import target

from deepgram import BadRequestError, DeepgramClient, InviteOptions, ScopeOptions

with target() as (api_key, project_id, url), DeepgramClient(api_key=api_key, url=url) as client:
    # List team members
    members_response = client.manage.get_members(project_id)
    print(f"Team members: {len(members_response.members)}")
    for member in members_response.members:
        print(f"- {member.email} ({member.first_name} {member.last_name})")
        print(f"  Scopes: {member.scopes}")

    # Send an invitation
    invite_options = InviteOptions(
        email="new.member@company.com",
        scope="usage:read",
    )
    try:
        invite_response = client.manage.send_invite(project_id, invite_options)
        print(f"Invitation sent: {invite_response.message}")
    except BadRequestError as e:  # not in the seed: the API takes only owner, admin or member here
        invite_response = None
        print(f"Invitation refused: {e.message} (status {e.status})")

    # List pending invitations
    invites_response = client.manage.get_invites(project_id)
    for invite in invites_response.invites:
        print(f"Pending invite: {invite.email} ({invite.scope}) - sent {invite.sent}")

    # Update member scope (the seed's "member-id": here the first member who is neither owner nor admin)
    member = next((m for m in members_response.members if not {"owner", "admin"} & set(m.scopes)), None)
    if member is not None:
        member_id = member.member_id
        scope_options = ScopeOptions(scope="admin")
        scope_response = client.manage.update_member_scope(project_id, member_id, scope_options)
        print(f"Scope updated: {scope_response.message}")

        # Clean up (not in the seed): put the member's scope back
        client.manage.update_member_scope(project_id, member_id, ScopeOptions(scope="member"))
        print(f"Restored {member.email} to 'member'")
    else:
        print("No member without the owner or admin role: nothing to update")

    # Clean up (not in the seed): withdraw the invitation
    if invite_response is not None:
        client.manage.delete_invite(project_id, "new.member@company.com")
