"""A catalog service with a form that asks every kind of question, for tests: a new
laptop ("I need something") routed to IT with a default urgency and tags."""

from dataclasses import dataclass
from decimal import Decimal

from scotty.catalog.models import FieldKind, FormVersion, RequestKind, RequestType, Service
from scotty.catalog.offering import Question, save_form, save_request_type
from scotty.core.testing import Org


@dataclass
class LaptopForm:
    service: Service
    request_type: RequestType
    version: FormVersion


def every_kind_of_question() -> list[Question]:
    return [
        Question(
            "model",
            "Which laptop?",
            FieldKind.CHOICE,
            required=True,
            choices=["Standard 14-inch", "Developer 16-inch"],
        ),
        Question(
            "reason", "Why do you need it?", FieldKind.LONG_TEXT, required=True, max_length=500
        ),
        Question(
            "asset",
            "Old laptop's asset tag",
            FieldKind.SHORT_TEXT,
            max_length=20,
            help_text="On the sticker under the laptop.",
        ),
        Question(
            "screens",
            "How many monitors?",
            FieldKind.NUMBER,
            min_value=Decimal(0),
            max_value=Decimal(3),
        ),
        Question("needed_by", "Needed by", FieldKind.DATE, required=True),
        Question(
            "extras",
            "Extras",
            FieldKind.MULTIPLE_CHOICE,
            choices=["Docking station", "Headset", "Backpack"],
        ),
        Question(
            "dock_desk",
            "Desk number for the dock",
            FieldKind.SHORT_TEXT,
            required=True,
            shown_when="extras",
            shown_value="Docking station",
        ),
        Question("travel", "Do you travel for work?", FieldKind.YES_NO, required=True),
        Question(
            "countries",
            "Which countries?",
            FieldKind.SHORT_TEXT,
            required=True,
            shown_when="travel",
            shown_value="yes",
        ),
        Question(
            "approver",
            "Who approves the cost?",
            FieldKind.PERSON,
            required=True,
            shown_to_requester=False,
        ),
        Question("quote", "Supplier quote", FieldKind.ATTACHMENT),
    ]


def laptop_form(org: Org) -> LaptopForm:
    service = Service.objects.create(
        unit=org.it, name="New laptop", summary="A laptop for a new starter or a replacement."
    )
    request_type = save_request_type(
        RequestType(
            service=service, kind=RequestKind.REQUEST, urgency="high", tags="laptop hardware"
        ),
        actor=org.admin,
    )
    version = save_form(request_type, every_kind_of_question(), actor=org.admin)
    return LaptopForm(service, request_type, version)


def good_answers(org: Org) -> dict[str, object]:
    """Answers the laptop form accepts, as a page posts them."""
    return {
        "q-model": "Developer 16-inch",
        "q-reason": "My old one no longer holds a charge.",
        "q-asset": "IT-4411",
        "q-screens": "2",
        "q-needed_by": "2027-01-15",
        "q-extras": ["Docking station", "Headset"],
        "q-dock_desk": "B3.14",
        "q-travel": "no",
        "q-approver": org.manager.email,
    }
