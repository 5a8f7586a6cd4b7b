"""Build the deterministic starting world of an emulator from a seed."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable

from .agents import AgentConfiguration, AgentVariable, DistributionCredential
from .request_log import RequestLog, Shapes, iso_ms
from .seed_data import (
    COMPANIES,
    CUSTOM_MODELS,
    DOMAINS,
    KEY_COMMENTS,
    PROJECT_NAMES,
    PROJECT_TAGS,
    det_secret,
    det_uuid,
    people,
)
from .state import ApiKey, Member, Project, State
from .timeline import DAY_MS, Clock, Timeline
from .traffic import build_slots

#: Team layout of the seeded projects: (extra owners, admins, members, log size divisor, log cap).
_LAYOUTS = ((1, 2, 3, 1, None), (1, 1, 2, 4, 1200), (0, 1, 1, 16, 300))
_KEY_SCOPES = (["member"], ["usage:read"], ["admin"], ["keys:read", "keys:write", "usage:read"])


def build_state(
    *,
    seed: int,
    shapes: Shapes,
    clock: Clock,
    admin_key: str,
    requests: int,
    live_per_second: float,
    projects: int = 3,
    requests_per_project: int | None = None,
) -> State:
    """Projects (three by default) with members of every role, keys, invites, balances, purchases
    and logs. `requests_per_project` gives every log that size (as benchmarks of many projects need)."""
    rng = random.Random(f"{seed}:state")
    anchor_ms = clock.now_ms() // 60_000 * 60_000
    taken: set[str] = set()
    you = people(rng, 1, DOMAINS[0], taken)[0]
    owner = Member(det_uuid(seed, "member", you.email), you.email, you.first_name, you.last_name, ["owner"])
    state = State(seed, shapes, clock, admin_key, owner)
    names = rng.sample(PROJECT_NAMES, len(_LAYOUTS))
    layouts = [_LAYOUTS[index] if index < len(_LAYOUTS) else _LAYOUTS[-1] for index in range(projects)]
    for index, (owners, admins, members, divisor, cap) in enumerate(layouts):
        project_id = det_uuid(seed, "project", index)
        size = max(1, requests // divisor)
        size = min(size, cap) if cap else size
        if requests_per_project is not None:
            size = requests_per_project
        project = Project(
            project_id=project_id,
            name=names[index] if index < len(names) else f"{names[index % len(names)]} {index}",
            company=COMPANIES[index % len(COMPANIES)],
        )
        state.projects[project_id] = project
        project.members[owner.member_id] = dataclasses.replace(owner, scopes=["owner"])
        team = people(rng, owners + admins + members, DOMAINS[index % len(DOMAINS)], taken)
        roles = ["owner"] * owners + ["admin"] * admins + ["member"] * members
        for person, role in zip(team, roles, strict=True):
            member_id = det_uuid(seed, "member", person.email)
            project.members[member_id] = Member(
                member_id, person.email, person.first_name, person.last_name, [role]
            )
        _seed_keys(state, project, rng, anchor_ms)
        _seed_billing(project, rng, anchor_ms, seed)
        _seed_agents(project, owner, anchor_ms, seed)
        for person in people(rng, 1 + index % 2, "contractors.example.org", taken):
            project.invites[person.email] = rng.choice(("member", "admin"))
        if index == 0:
            project.custom_models.extend(CUSTOM_MODELS)
        accessors = list(project.keys)
        tags = tuple(rng.sample(PROJECT_TAGS, 3))
        project.log_factory = _log_factory(
            seed,
            project_id,
            accessors,
            tags,
            shapes,
            size,
            anchor_ms,
            clock,
            live_per_second if index == 0 else 0.0,
        )
    return state


def _log_factory(
    seed: int,
    project_id: str,
    accessors: list[str],
    tags: tuple[str, ...],
    shapes: Shapes,
    size: int,
    anchor_ms: int,
    clock: Clock,
    live: float,
) -> Callable[[], RequestLog]:
    """Defer building a project's traffic slots until its log is first used."""

    def build() -> RequestLog:
        slots = build_slots(seed, project_id, accessors, tags)
        return RequestLog(seed, project_id, slots, Timeline(size, anchor_ms, clock, live), shapes)

    return build


def _seed_keys(state: State, project: Project, rng: random.Random, anchor_ms: int) -> None:
    """A few keys per project, owned by different members; one expired, one expiring later."""
    member_ids = list(project.members)
    for n, scopes in enumerate(_KEY_SCOPES[: 2 + len(member_ids) // 3]):
        created = anchor_ms - rng.randint(70, 400) * DAY_MS
        expiration = None
        if n == 2:
            expiration = anchor_ms - rng.randint(1, 30) * DAY_MS
        elif n == 3:
            expiration = anchor_ms + rng.randint(30, 365) * DAY_MS
        member = member_ids[n % len(member_ids)]
        if "admin" in scopes and project.members[member].role == "member":
            member = member_ids[0]
        state.add_key(
            project,
            ApiKey(
                api_key_id=det_uuid(state.seed, project.project_id, "key", n),
                secret=det_secret(state.seed, project.project_id, "key", n),
                member_id=member,
                comment=KEY_COMMENTS[rng.randrange(len(KEY_COMMENTS))],
                scopes=list(scopes),
                tags=rng.sample(["prod", "ci", "analytics", "ops"], rng.randint(0, 2)),
                created_ms=created,
                expiration_ms=expiration,
            ),
        )


def _seed_billing(project: Project, rng: random.Random, anchor_ms: int, seed: int) -> None:
    """Balances and the purchase orders behind them."""
    for n in range(3):
        created = anchor_ms - rng.randint(20, 300) * DAY_MS
        order_id = det_uuid(seed, project.project_id, "order", n)
        amount = float(rng.choice((200, 500, 1000, 2500, 10000)))
        order_type = ("promotional", "prepaid", "top-up")[n]
        project.purchases.append(
            {
                "order_id": order_id,
                "expiration": iso_ms(created + 365 * DAY_MS),
                "created": iso_ms(created),
                "amount": amount,
                "units": "usd",
                "order_type": order_type,
            }
        )
        if n < 2:
            balance_id = det_uuid(seed, project.project_id, "balance", n)
            project.balances[balance_id] = {
                "balance_id": balance_id,
                "amount": round(amount * rng.uniform(0.05, 0.95), 4),
                "units": "usd",
                "purchase_order_id": order_id,
            }
    project.purchases.sort(key=lambda order: str(order["created"]), reverse=True)


def _seed_agents(project: Project, owner: Member, anchor_ms: int, seed: int) -> None:
    """One distribution credential, agent configuration and agent variable per project (no rng draw,
    so the rest of the seeded world does not move)."""
    pid = project.project_id
    created = anchor_ms - 40 * DAY_MS
    credential = DistributionCredential(
        det_uuid(seed, pid, "credentials", 0), owner.member_id, owner.email, "quay",
        ["self-hosted:products"], created, "on-prem cluster",
    )
    project.credentials[credential.credential_id] = credential
    agent = AgentConfiguration(
        det_uuid(seed, pid, "agent", 0),
        {"listen": {"provider": {"type": "deepgram", "model": "nova-3"}}, "greeting": "{{DG_GREETING}}"},
        created, created + DAY_MS, {"team": "support"},
    )
    project.agents[agent.agent_id] = agent
    variable = AgentVariable(det_uuid(seed, pid, "variable", 0), "DG_GREETING", "Hello!", created, created)
    project.variables[variable.variable_id] = variable
