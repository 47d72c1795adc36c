"""Requests filed through a catalog request type: routed where the type says (unit,
group, impact, urgency, tags), never for a service hidden from the requester, their
answers kept with the questions as they were asked when the form changes later, shown
to each side as marked, and found by the queues' answer filter."""

import pytest

from scotty.accounts.models import AgentGroup, Department
from scotty.accounts.services import save_agent_group
from scotty.catalog.models import FieldKind, GroupAssignment, RequestKind, RequestType, Service
from scotty.catalog.offering import Question, save_form, save_request_type
from scotty.core.errors import InvalidInput, NotAllowed, NotFound
from scotty.core.testing import Org, file_ticket, upload
from scotty.tickets.answered import answers_of
from scotty.tickets.models import Ticket
from scotty.tickets.priority import Priority
from scotty.tickets.queues import QueueFilters, queue_tickets
from scotty.tickets.selectors import TicketAccess, access_attachment
from scotty.tickets.services import set_agent_group, transfer
from tests.catalog_forms import LaptopForm, every_kind_of_question, good_answers, laptop_form


@pytest.fixture
def form(org: Org) -> LaptopForm:
    return laptop_form(org)


def _file(org: Org, form: LaptopForm, **answers: object) -> Ticket:
    return file_ticket(
        org.requester,
        org.it,
        title="Laptop",
        description="",
        service=form.service,
        request_type=form.request_type,
        answers={**good_answers(org), **answers},
    )


@pytest.mark.django_db
def test_the_request_type_sets_urgency_and_tags(org: Org, form: LaptopForm) -> None:
    ticket = _file(org, form)
    assert ticket.urgency == "high"
    assert ticket.priority == Priority.MEDIUM  # low impact, high urgency in the matrix
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["hardware", "laptop"]
    assert ticket.request_type == form.request_type


@pytest.mark.django_db
def test_the_request_type_names_the_unit_and_group_that_receive_it(
    org: Org, form: LaptopForm
) -> None:
    network = save_agent_group(
        org.infra, actor=org.admin, name="Network", members=[org.infra_agent]
    )
    GroupAssignment.objects.create(group=network, rule="round_robin")
    outage = save_request_type(
        RequestType(
            service=form.service,
            kind=RequestKind.INCIDENT,
            unit=org.infra,
            agent_group=network,
            impact="high",
        ),
        actor=org.admin,
    )
    ticket = file_ticket(
        org.requester, org.it, title="Wi-Fi down", service=form.service, request_type=outage
    )
    assert (ticket.owning_unit, ticket.working_unit) == (org.infra, org.infra)
    assert ticket.agent_group == network
    assert ticket.assignee == org.infra_agent  # the group's own rule, among its members
    assert ticket.impact == "high"


@pytest.mark.django_db
def test_a_group_must_belong_to_the_unit_that_receives_the_requests(
    org: Org, form: LaptopForm
) -> None:
    payroll = save_agent_group(org.hr, actor=org.admin, name="Payroll", members=[])
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        save_request_type(
            RequestType(service=form.service, kind=RequestKind.INCIDENT, agent_group=payroll),
            actor=org.admin,
        )
    with pytest.raises(ValidationError):
        save_request_type(
            RequestType(service=form.service, kind=RequestKind.INCIDENT, tags="not a <tag>!"),
            actor=org.admin,
        )
    with pytest.raises(NotAllowed):  # an agent is not a manager
        save_request_type(
            RequestType(service=form.service, kind=RequestKind.INCIDENT), actor=org.agent
        )
    assert form.service.request_types.count() == 1


@pytest.mark.django_db
def test_a_hidden_service_cannot_be_asked_for_through_its_request_type(
    org: Org, form: LaptopForm
) -> None:
    form.service.departments.set([Department.objects.create(name="Engineering")])
    with pytest.raises(NotAllowed):
        _file(org, form)
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_a_request_type_of_another_service_or_withdrawn_is_refused(
    org: Org, form: LaptopForm
) -> None:
    other = Service.objects.create(unit=org.hr, name="Payslip", summary="Payslip questions.")
    with pytest.raises(InvalidInput):
        file_ticket(
            org.requester,
            org.it,
            service=other,
            request_type=form.request_type,
            answers=good_answers(org),
        )
    form.request_type.is_active = False
    form.request_type.save()
    with pytest.raises(InvalidInput):
        _file(org, form)
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_a_form_edited_after_tickets_were_filed_keeps_their_questions(
    org: Org, form: LaptopForm
) -> None:
    before = _file(org, form)
    questions = every_kind_of_question()
    questions[0] = Question(
        "model",
        "Which model would you like?",
        FieldKind.CHOICE,
        required=True,
        choices=["Standard 14-inch", "Ultralight 13-inch"],
    )
    del questions[1]  # "Why do you need it?" is no longer asked
    second = save_form(form.request_type, questions, actor=org.manager)
    assert second.number == 2 and form.version.fields.count() == 11  # the old one kept
    before.refresh_from_db()
    assert before.form_version == form.version
    shown = {a.label: a.values for a in answers_of(TicketAccess(before, as_agent=True))}
    assert shown["Which laptop?"] == ["Developer 16-inch"]  # as asked then, still valid
    assert shown["Why do you need it?"] == ["My old one no longer holds a charge."]
    after = _file(org, form, **{"q-model": "Ultralight 13-inch"})
    assert after.form_version == second
    labels = [a.label for a in answers_of(TicketAccess(after, as_agent=True))]
    assert "Which model would you like?" in labels and "Why do you need it?" not in labels
    # A version nobody used yet is changed in place, not multiplied.
    assert save_form(form.request_type, questions, actor=org.manager).number == 3
    third = save_form(form.request_type, questions[:3], actor=org.manager)
    assert third.number == 3 and third.fields.count() == 3


@pytest.mark.django_db
def test_the_requester_sees_only_answers_marked_for_them(org: Org, form: LaptopForm) -> None:
    ticket = file_ticket(
        org.requester,
        org.it,
        title="Laptop",
        service=form.service,
        request_type=form.request_type,
        answers={**good_answers(org), "q-approver": org.manager.email},
        answer_files={"q-quote": upload("quote.pdf", b"%PDF-1.4 quote")},
    )
    agent_side = {a.label for a in answers_of(TicketAccess(ticket, as_agent=True))}
    requester_side = {a.label for a in answers_of(TicketAccess(ticket, as_agent=False))}
    assert "Who approves the cost?" in agent_side
    assert "Who approves the cost?" not in requester_side
    assert "Supplier quote" in requester_side


@pytest.mark.django_db
def test_a_file_answering_a_desk_only_question_is_not_the_requesters_to_download(
    org: Org, form: LaptopForm
) -> None:
    questions = every_kind_of_question()
    quote = next(q for q in questions if q.key == "quote")
    quote.shown_to_requester = False
    save_form(form.request_type, questions, actor=org.admin)
    ticket = file_ticket(
        org.requester,
        org.it,
        title="Laptop",
        service=form.service,
        request_type=form.request_type,
        answers=good_answers(org),
        answer_files={"q-quote": upload("quote.pdf", b"%PDF-1.4 q")},
    )
    attachment = ticket.attachments.get()
    with pytest.raises(NotFound):
        access_attachment(org.requester, attachment.pk)
    assert access_attachment(org.agent, attachment.pk) == attachment


@pytest.mark.django_db
def test_queues_filter_on_answers_across_versions(org: Org, form: LaptopForm) -> None:
    dev = _file(org, form, **{"q-travel": "yes", "q-countries": "Japan"})
    _file(org, form)  # not travelling
    save_form(form.request_type, every_kind_of_question(), actor=org.admin)  # version 2
    second = _file(org, form, **{"q-travel": "yes", "q-countries": "Brazil"})

    def found(**filters: object) -> set[int]:
        chosen = QueueFilters(**filters)  # type: ignore[arg-type]
        return set(queue_tickets(org.agent, "open", chosen).values_list("pk", flat=True))

    assert found(answer_key="travel", answer_value="YES") == {dev.pk, second.pk}
    assert found(answer_key="countries", answer_value="japan") == {dev.pk}
    every_one = set(
        Ticket.objects.filter(request_type=form.request_type).values_list("pk", flat=True)
    )
    assert len(every_one) == 3
    assert found(answer_key="extras", answer_value="Headset") == every_one  # a multiple choice
    assert found(service_id=form.service.pk) == set(
        Ticket.objects.filter(service=form.service).values_list("pk", flat=True)
    )
    # The filter never widens what the agent sees: HR's agent finds none of IT's.
    assert not set(
        queue_tickets(org.hr_agent, "open", QueueFilters(answer_key="travel", answer_value="yes"))
    )


@pytest.mark.django_db
def test_a_group_is_the_working_units_and_goes_with_a_transfer(org: Org, form: LaptopForm) -> None:
    desktop = save_agent_group(org.it, actor=org.manager, name="Desktop", members=[org.agent])
    network = AgentGroup.objects.create(unit=org.infra, name="Network")
    ticket = _file(org, form)
    with pytest.raises(InvalidInput):
        set_agent_group(ticket, actor=org.agent, group=network, expected_version=ticket.version)
    set_agent_group(ticket, actor=org.agent, group=desktop, expected_version=ticket.version)
    assert Ticket.objects.get(pk=ticket.pk).agent_group == desktop
    transfer(
        ticket,
        actor=org.agent,
        working_unit=org.infra,
        handover="Needs a new port.",
        expected_version=ticket.version,
    )
    assert Ticket.objects.get(pk=ticket.pk).agent_group is None


@pytest.mark.django_db
def test_a_group_has_only_members_of_its_unit(org: Org) -> None:
    with pytest.raises(InvalidInput):
        save_agent_group(org.it, actor=org.manager, name="Desktop", members=[org.hr_agent])
    with pytest.raises(NotAllowed):
        save_agent_group(org.it, actor=org.agent, name="Desktop", members=[])
    with pytest.raises(InvalidInput):
        save_agent_group(org.it, actor=org.manager, name="   ", members=[])
    assert not AgentGroup.objects.exists()
