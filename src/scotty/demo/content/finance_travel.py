"""What people ask Finance and the Travel desk, and their answers."""

from scotty.demo.content import Case, Topic, slots

_SUPPLIERS = ("Büromarkt Schulz GmbH", "Nordlicht Events", "Papier & Co KG",
              "DataHaus Consulting", "Rheinland Catering")  # fmt: skip
_CITIES = ("Madrid", "London", "Vienna", "Milan", "Paris", "Warsaw", "Stockholm")

EXPENSES = Topic(
    key="expenses",
    weight=10,
    tags=("expenses", "reimbursement"),
    slots=slots(
        month=("January", "February", "March", "April", "May", "June"),
        amount=("46.80", "129.00", "312.40", "87.50", "1240.00"),
    ),
    triage=(("low", "medium"), ("low", "low")),
    cases=(
        Case(
            key="expense-not-paid",
            weight=4,
            about=("paid",),
            titles=(
                "Expense claim not paid yet",
                "My expenses from {month} were not paid",
                "Expense claim of {amount} EUR still not paid",
            ),
            descriptions=(
                "I filed my expense claim for the {month} trip five weeks ago and it has not "
                "been paid with my salary. My manager says she approved it.",
                "My claim of {amount} EUR was approved but not paid with the last salary. "
                "Could you check where it is?",
            ),
            first_replies=(
                "Thanks for asking. I can see your claim: it was approved on the 22nd, after "
                "the cut-off on the 20th, so it will be paid with next month's salary.",
                "I am checking your claim now. It looks like the approval is still waiting "
                "with your cost centre owner, so it could not be paid yet.",
            ),
            questions=(
                "Could you send us the claim number from the expenses tool (it starts with "
                "EX-)?",
                "Did you submit the original receipts, or only photos?",
            ),
            answers=(
                "It is EX-20418.",
                "Only photos in the app, the paper receipts are in my drawer.",
                "I attached the PDF receipts to the claim.",
            ),
            notes=(
                "Approved on the 22nd, two days after the payroll cut-off: goes with the next "
                "payroll run.",
                "Approval stuck with the former cost centre owner who left in {month}; "
                "re-routed to the new one.",
            ),
            resolutions=(
                "The claim of {amount} EUR is approved and will be paid with this month's "
                "salary.",
                "The approval was stuck with a former manager; re-routed, approved and paid "
                "as a correction this month.",
            ),
            next_desk=("Check with payroll that the claim is paid in this month's run",),
            next_requester=("Send the claim number from the expenses tool",),
            next_third_party=("Cost centre owner to approve the expense claim",),
        ),
        Case(
            key="expense-rejected",
            weight=3,
            about=("rejected",),
            titles=(
                "Expense claim rejected",
                "Why was my expense claim rejected?",
                "Expense claim for {amount} EUR rejected",
            ),
            descriptions=(
                "My expense claim from {month} was rejected with the comment 'receipt "
                "missing', but I attached it. Can you look again?",
                "The claim for the customer dinner ({amount} EUR) was rejected and I do not "
                "understand why. The customer's names are on it.",
            ),
            first_replies=(
                "Sorry for the trouble. The receipt on the claim is the card slip, not the "
                "itemised bill; we need the one that shows what was ordered.",
                "Thanks. Meals with customers need the names and companies of the guests; "
                "the claim was rejected because that field was empty.",
            ),
            questions=(
                "Could you send the itemised receipt from the restaurant or hotel?",
                "Who were the guests, and which companies are they from?",
            ),
            answers=(
                "Itemised receipt attached, I found it in my jacket.",
                "Two people from Nordwind Logistik, names are in the attachment.",
                "I only have the card slip, the restaurant did not give me more.",
            ),
            notes=(
                "Card slip only; policy needs the itemised bill above 25 EUR.",
                "Guest list missing on the claim, the rest is fine.",
            ),
            resolutions=(
                "With the itemised receipt the rejected claim was approved again; it will be "
                "paid with the next salary.",
                "The rejected claim was reopened with the guest list added and approved.",
            ),
            next_desk=("Reopen the rejected claim once the receipt is there",),
            next_requester=("Send the itemised receipt for the rejected claim",),
            next_third_party=("Manager to approve the corrected claim",),
        ),
        Case(
            key="expense-currency",
            weight=2,
            about=("currency",),
            titles=(
                "Expense claim in foreign currency",
                "Wrong currency on my expense claim",
                "How do I claim expenses paid in another currency?",
            ),
            descriptions=(
                "I paid the hotel in London in pounds. The expenses tool converted it to a "
                "different amount than my card statement. Which currency rate counts?",
                "I entered the taxi receipts from Warsaw in euros by mistake, they were in "
                "zloty. Can the currency on the claim be corrected?",
            ),
            first_replies=(
                "Good question: we pay the amount on your card statement, so the currency "
                "rate of your bank counts, not the one in the tool.",
                "No problem, I can correct the currency on the claim before it is approved.",
            ),
            questions=("Could you send the card statement that shows the amount in euros?",),
            answers=(
                "Statement attached, the amount is highlighted.",
                "I paid cash, so I only have the receipt in the other currency.",
            ),
            notes=("Converted at the ECB rate of the day, as the policy says for cash.",),
            resolutions=(
                "Corrected the currency on the claim and used the amount from the card "
                "statement; approved.",
                "Cash expenses in another currency are converted at the ECB rate of the day; "
                "the claim is corrected and approved.",
            ),
            next_desk=("Correct the currency on the claim",),
            next_requester=("Send the card statement showing the amount in euros",),
            next_third_party=("Card provider to confirm the booked amount (ref {case})",),
        ),
    ),
)  # fmt: skip

PURCHASING = Topic(
    key="purchasing",
    weight=7,
    tags=("purchasing", "purchase-order"),
    slots=slots(
        supplier=_SUPPLIERS,
        item=("six monitors", "the team event in June", "a trade fair stand",
              "lab consumables", "a translation of the product manual"),
        po=("4500018812", "4500019033", "4500017755"),
    ),
    triage=(("low", "medium"), ("medium", "medium")),
    cases=(
        Case(
            key="po-new",
            weight=3,
            about=("purchase order",),
            titles=(
                "Purchase order for {item}",
                "Need a purchase order for {supplier}",
                "Purchase order request: {item}",
            ),
            descriptions=(
                "We need a purchase order for {item} from {supplier}. The quote is attached; "
                "the budget is on my cost centre.",
                "{supplier} will not deliver without a purchase order number. Could you raise "
                "one for {item}?",
            ),
            first_replies=(
                "Thanks, the quote looks complete. I am raising the purchase order now and "
                "will send you the number.",
                "Happy to help. {supplier} is not in our supplier list yet, so we need their "
                "bank details and VAT ID first.",
            ),
            questions=(
                "Could you ask {supplier} for their bank details and VAT ID?",
                "Is the budget owner of the cost centre aware of the order?",
            ),
            answers=(
                "Their details are attached.",
                "Yes, my head of department approved it by e-mail (forwarded).",
                "I asked them, they will send it tomorrow.",
            ),
            notes=(
                "New supplier: master data request sent to the accounts payable team.",
                "Amount above 5,000 EUR: second approval by the head of department needed.",
            ),
            resolutions=(
                "Raised purchase order {po} for {supplier}; the number is sent to you and the "
                "supplier.",
                "Created the supplier and purchase order {po}; {supplier} can deliver.",
            ),
            next_desk=("Raise the purchase order once the approval is in",),
            next_requester=("Send the supplier's bank details and VAT ID",),
            next_third_party=("Head of department to approve the purchase order",),
        ),
        Case(
            key="po-change",
            weight=2,
            about=("amount",),
            titles=(
                "Purchase order {po}: increase the amount",
                "Amount on PO {po} too low",
                "Change the amount of PO {po}",
            ),
            descriptions=(
                "{supplier} invoiced more than the purchase order {po} allows, because we "
                "added two days of work. Can the amount be increased?",
                "The amount on PO {po} is 800 EUR too low: the final quote of {supplier} "
                "included delivery.",
            ),
            first_replies=(
                "Thanks. I can increase the amount on {po} once the budget owner approves "
                "the difference.",
                "I see the invoice is blocked because it is above the order. I have asked "
                "for approval of the higher amount.",
            ),
            questions=("Could you send the updated quote from {supplier}?",),
            answers=("Updated quote attached.", "The supplier's e-mail with the new price."),
            notes=("Invoice blocked for price difference; PO to be increased.",),
            resolutions=(
                "Increased the amount on PO {po}; the blocked invoice is released for payment.",
                "The amount on {po} now matches the final quote, and the invoice is paid.",
            ),
            next_desk=("Increase the amount on the purchase order",),
            next_requester=("Send the updated quote from the supplier",),
            next_third_party=("Budget owner to approve the higher amount",),
        ),
    ),
)  # fmt: skip

INVOICES = Topic(
    key="invoices",
    weight=8,
    tags=("invoice", "accounts-payable"),
    slots=slots(supplier=_SUPPLIERS, invoice=("RE-2025-0418", "INV-88231", "2025/1192",
                                              "F-30017")),
    triage=(("low", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="invoice-reminder",
            weight=4,
            about=("reminder",),
            titles=(
                "Supplier sent a reminder for invoice {invoice}",
                "Payment reminder from {supplier}",
                "Second reminder: invoice {invoice} unpaid",
            ),
            descriptions=(
                "{supplier} sent us a reminder for invoice {invoice}; they say it is 30 days "
                "overdue and they will stop delivering.",
                "I got a payment reminder from {supplier} for invoice {invoice}. I approved "
                "it weeks ago. Why has it not been paid?",
            ),
            first_replies=(
                "Thanks for forwarding the reminder. The invoice never reached the accounts "
                "payable mailbox; I have booked it now.",
                "I found invoice {invoice}: it was waiting for the goods receipt. Once that "
                "is posted it goes out with the next payment run.",
            ),
            questions=(
                "Could you confirm in the ERP that the goods or services were received?",
                "Could you forward the original invoice, not just the reminder?",
            ),
            answers=(
                "Goods receipt posted just now.",
                "Original invoice attached.",
                "The service was delivered in full last month.",
            ),
            notes=(
                "Invoice was sent to a colleague instead of the accounts payable mailbox.",
                "Missing goods receipt, so the invoice was parked.",
            ),
            resolutions=(
                "Invoice {invoice} is paid with Friday's payment run; the reminder fee was "
                "waived by {supplier}.",
                "Booked and paid invoice {invoice}; told {supplier} the reminder is settled.",
            ),
            next_desk=("Pay the invoice in the next payment run after the reminder",),
            next_requester=("Post the goods receipt in the ERP",),
            next_third_party=("Supplier to confirm the reminder fee is waived",),
            slots=slots(supplier=_SUPPLIERS[:3]),
        ),
        Case(
            key="invoice-no-po",
            weight=3,
            about=("purchase order",),
            titles=(
                "Invoice {invoice} blocked: no purchase order",
                "Invoice from {supplier} without purchase order",
                "Which purchase order for invoice {invoice}?",
            ),
            descriptions=(
                "Accounts payable told me invoice {invoice} from {supplier} cannot be paid "
                "because it has no purchase order. The work was agreed by phone.",
                "I have an invoice from {supplier} that has no purchase order. What do I do "
                "now?",
            ),
            first_replies=(
                "Without a purchase order we need your budget owner's approval to pay it; I "
                "have sent them the invoice.",
                "We can raise a purchase order afterwards this once; next time please ask "
                "for one before ordering.",
            ),
            questions=("Who is the budget owner for this cost centre?",),
            answers=("It is my head of department.", "I am the budget owner myself."),
            notes=("After-the-fact purchase order: needs the budget owner's approval.",),
            resolutions=(
                "Raised a purchase order afterwards; invoice {invoice} is matched and paid.",
                "The budget owner approved the invoice without a purchase order; it is paid.",
            ),
            next_desk=("Raise a purchase order afterwards for the invoice",),
            next_requester=("Name the budget owner of the cost centre",),
            next_third_party=("Budget owner to approve the invoice without a purchase order",),
        ),
        Case(
            key="invoice-wrong",
            weight=2,
            about=("wrong",),
            titles=(
                "Wrong prices on invoice {invoice}",
                "Invoice from {supplier} has the wrong amount",
            ),
            descriptions=(
                "Invoice {invoice} has the wrong prices: we agreed 10% discount and it is not "
                "on the invoice.",
                "{supplier} charged us for 20 units instead of 12; the amount is wrong.",
            ),
            first_replies=(
                "Thanks, I have put the invoice on hold and asked {supplier} for a credit "
                "note for the wrong amount.",
                "Good catch. The invoice is blocked for payment until {supplier} corrects it.",
            ),
            questions=("Could you send us the order confirmation with the agreed prices?",),
            answers=("Order confirmation attached.", "The discount is in the e-mail below."),
            notes=("Invoice on hold; credit note requested from the supplier.",),
            resolutions=(
                "{supplier} sent a credit note for the wrong amount; the corrected invoice is "
                "paid.",
                "Sent the invoice with the wrong prices back; {supplier} issued a corrected "
                "one, which is paid.",
            ),
            next_desk=("Pay the invoice once the credit note for the wrong amount is in",),
            next_requester=("Send the order confirmation with the agreed prices",),
            next_third_party=("Supplier to send a credit note (ref {case})",),
        ),
    ),
)  # fmt: skip

CARDS = Topic(
    key="corporate-card",
    weight=5,
    tags=("corporate-card",),
    slots=slots(city=_CITIES),
    triage=(("low", "high"), ("low", "medium")),
    cases=(
        Case(
            key="card-declined",
            weight=3,
            about=("declined",),
            titles=(
                "Corporate card declined",
                "My corporate card was declined in {city}",
                "Card declined at the hotel",
            ),
            descriptions=(
                "My corporate card was declined at the hotel in {city} this morning. I had "
                "to pay with my own card.",
                "The card is declined for online bookings since yesterday, although the limit "
                "should not be reached.",
            ),
            first_replies=(
                "Sorry about that. The card provider shows the monthly limit reached; I have "
                "raised it for this month.",
                "The card was declined because the provider flagged an unusual payment "
                "abroad. I have asked them to release it.",
            ),
            questions=("Could you tell us the amount and the time of the declined payment?",),
            answers=("About 420 EUR, yesterday at 8 pm.", "Twice this morning, around 9."),
            notes=("Provider's fraud check blocked payments abroad.",),
            resolutions=(
                "The provider released the card; payments are no longer declined.",
                "Raised the monthly limit; the card is no longer declined.",
            ),
            next_desk=("Ask the card provider why payments are declined",),
            next_requester=("Tell us the amount and time of the declined payment",),
            next_third_party=("Card provider to release the declined card (ref {case})",),
        ),
        Case(
            key="card-lost",
            weight=2,
            about=("lost",),
            titles=("Corporate card lost", "Lost my corporate card in {city}"),
            descriptions=(
                "I lost my corporate card, probably on the train back from {city}. I have "
                "already called the hotline to block it.",
                "My wallet with the corporate card was lost yesterday. What do I do now?",
            ),
            first_replies=(
                "Thanks for telling us quickly. The card is blocked; I have ordered a new one, "
                "which takes about ten working days.",
                "Please call the card hotline first to block it; I have ordered the "
                "replacement for the lost card.",
            ),
            questions=("Were there any payments after you lost the card?",),
            answers=("No, the last payment is mine.", "One I do not recognise, 35 EUR."),
            notes=("Card blocked by the provider; replacement ordered.",),
            resolutions=(
                "The lost card is blocked and the replacement card was delivered.",
                "Blocked the lost card and disputed the unknown payment; the new card is "
                "active.",
            ),
            next_desk=("Send the replacement for the lost card when it arrives",),
            next_requester=("Check the statement for payments after the card was lost",),
            next_third_party=("Card provider to send the replacement card (ref {case})",),
        ),
        Case(
            key="card-limit",
            weight=1,
            about=("limit",),
            titles=("Higher limit on my corporate card", "Corporate card limit too low"),
            descriptions=(
                "I travel to {city} three times next month and the card limit of 2,500 EUR "
                "will not be enough.",
                "The limit of my card is too low for booking the trade fair hotel.",
            ),
            first_replies=(
                "We can raise the limit with your manager's approval; I have asked them.",
                "A higher limit is possible for frequent travellers; I have sent the request "
                "to your manager to approve.",
            ),
            questions=("For how long do you need the higher limit?",),
            answers=("Just for next month.", "For good, I travel a lot now."),
            notes=("Limit raise approved by the manager.",),
            resolutions=(
                "Raised the card limit to 5,000 EUR for the next two months.",
                "The card limit is now 5,000 EUR for good, approved by your manager.",
            ),
            next_desk=("Raise the limit with the card provider",),
            next_requester=("Tell us how long you need the higher limit",),
            next_third_party=("Manager to approve the higher card limit",),
        ),
    ),
)  # fmt: skip

COST_CENTRES = Topic(
    key="cost-centres",
    weight=4,
    tags=("cost-centre", "controlling"),
    slots=slots(cost_centre=("4100", "4230", "5100", "6120", "7300")),
    cases=(
        Case(
            key="cost-centre-wrong",
            weight=2,
            about=("wrong",),
            titles=(
                "Costs booked on the wrong cost centre",
                "Wrong cost centre on my booking",
            ),
            descriptions=(
                "The training costs of my team were booked on cost centre {cost_centre}, "
                "which is the wrong one; ours is 4230.",
                "In the monthly report I see a hotel bill on the wrong cost centre.",
            ),
            first_replies=(
                "Thanks, I can move the costs to the right cost centre with a correction "
                "booking; I only need the document number.",
                "Sorry about that; bookings from the travel agency sometimes take the "
                "default cost centre. I will look it up.",
            ),
            questions=("Could you send the document number from the cost centre report?",),
            answers=("It is 5100048812.", "Screenshot of the report attached."),
            notes=("Correction booking prepared; the other owner agreed.",),
            resolutions=(
                "Moved the costs from the wrong cost centre with a correction booking.",
                "The correction booking is posted: the costs left the wrong cost centre and "
                "show on yours in this month's report.",
            ),
            next_desk=("Post the correction booking for the wrong cost centre",),
            next_requester=("Send the document number of the booking",),
            next_third_party=("The other cost centre's owner to agree to the correction",),
        ),
        Case(
            key="cost-centre-budget",
            weight=2,
            about=("budget",),
            titles=(
                "Budget left on cost centre {cost_centre}?",
                "How much budget does my cost centre have left?",
            ),
            descriptions=(
                "Before I order the new equipment I would like to know how much budget is "
                "left on cost centre {cost_centre} this year.",
                "Our budget report looks odd: it shows less budget than we planned.",
            ),
            first_replies=(
                "The budget report in the reporting platform shows it daily; I will send you "
                "this month's figures and the link.",
                "Happy to help. Open orders count against the budget too, which is why it "
                "looks lower; I will send you the details.",
            ),
            questions=("Are you the owner of the cost centre, or should we ask them?",),
            answers=("I am the owner.", "It is my manager's, she is on holiday."),
            notes=("Budget figures only go to the cost centre owner.",),
            resolutions=(
                "Sent the budget figures for {cost_centre} and access to the budget report.",
                "Explained the budget: open purchase orders were already counted; the rest "
                "is available this year.",
            ),
            next_desk=("Send the budget figures for the cost centre",),
            next_requester=("Tell us who owns the cost centre",),
            next_third_party=("Controlling to confirm the budget after the forecast",),
        ),
    ),
)  # fmt: skip

FINANCE: tuple[Topic, ...] = (EXPENSES, PURCHASING, INVOICES, CARDS, COST_CENTRES)

TRIPS = Topic(
    key="trips",
    weight=12,
    tags=("travel", "booking"),
    slots=slots(city=_CITIES, fair=("Hannover Messe", "Mobile World Congress", "EuroShop",
                                    "Web Summit")),
    triage=(("low", "medium"), ("low", "high")),
    cases=(
        Case(
            key="trip-book",
            weight=4,
            about=("trip",),
            titles=(
                "Business trip to {city}",
                "Please book my trip to {city}",
                "Trip to {city} on {weekday}",
            ),
            descriptions=(
                "I need to visit a customer in {city} on {weekday}, a short trip: back the "
                "day after. Flight in the morning if possible.",
                "Please book my trip to {city}: two days of workshops at our partner, one "
                "night in a hotel near their office.",
            ),
            first_replies=(
                "Happy to book it. I have two flight options within the policy and a hotel "
                "ten minutes from the office; the proposal is attached.",
                "Thanks. The train is almost as fast as the flight for this trip and within "
                "the policy; shall I book that instead?",
            ),
            questions=(
                "Which of the two flight options would you like?",
                "Do you have a frequent flyer or rail card number we should add?",
            ),
            answers=(
                "The early flight, please.",
                "The train is fine, I can work on the way.",
                "My frequent flyer number is in my profile now.",
            ),
            notes=(
                "Cheapest fare within the policy booked; hotel at the corporate rate.",
                "Manager approval received for the trip.",
            ),
            resolutions=(
                "Booked the trip to {city}: flights and hotel; the itinerary was sent by "
                "e-mail.",
                "The trip is booked by train with one hotel night; tickets are in the app.",
            ),
            next_desk=("Book the trip once the option is chosen",),
            next_requester=("Choose one of the trip options sent",),
            next_third_party=("Travel agency to confirm the trip bookings (ref {case})",),
        ),
        Case(
            key="trip-fair",
            weight=2,
            about=("fair",),
            titles=(
                "Trade fair {fair}: travel and hotel",
                "Hotel and flights for the {fair} fair",
            ),
            descriptions=(
                "Four of us go to the {fair} trade fair. We need flights and a hotel close to "
                "the fair grounds for three nights.",
                "Hotels near the {fair} fair are filling up; could you book for our team of "
                "five?",
            ),
            first_replies=(
                "Fair weeks are busy: I have reserved rooms in two hotels by the fair while "
                "you confirm the names.",
                "Thanks for asking early. I have blocked rooms and seats on the usual flight "
                "until the end of the week.",
            ),
            questions=("Could you send the full names of everyone travelling?",),
            answers=("Names attached.", "Two of us fly, the others come by train."),
            notes=("Hotel rates during the fair are above the limit; exception approved.",),
            resolutions=(
                "Booked hotel and travel for the whole team for the {fair} fair.",
                "Everyone going to the {fair} fair is booked: hotel by the fair grounds, "
                "flights and trains as asked.",
            ),
            next_desk=("Book the rooms reserved for the fair",),
            next_requester=("Send the names of everyone travelling to the fair",),
            next_third_party=("Hotel to confirm the rooms for the fair (ref {case})",),
        ),
    ),
)  # fmt: skip

VISAS = Topic(
    key="visas",
    weight=4,
    tags=("visa", "travel"),
    slots=slots(country=("India", "China", "Turkey", "the United States", "Brazil")),
    cases=(
        Case(
            key="visa-trip",
            weight=2,
            about=("visa",),
            titles=("Visa for business trip to {country}", "Do I need a visa for {country}?"),
            descriptions=(
                "I am going to a supplier in {country} next month. Do I need a visa, and can "
                "you help with the application?",
                "Our customer invited me to {country}; the visa appointment needs a letter "
                "from our company.",
            ),
            first_replies=(
                "Yes, a business visa is needed. I have sent you the checklist and will write "
                "the company letter for the embassy.",
                "For a business trip there you need a visa; the visa service can take your "
                "passport to the embassy for you.",
            ),
            questions=("Is your passport valid for at least six months after the trip?",),
            answers=("Yes, until 2029.", "No, it expires next spring, I will renew it."),
            notes=("Visa service booked for the embassy appointment.",),
            resolutions=(
                "The visa was granted; the passport is back with the traveller.",
                "The e-visa was approved and sent to you by e-mail; print it for the trip.",
            ),
            next_desk=("Write the company letter for the visa application",),
            next_requester=("Send a copy of your passport for the visa",),
            next_third_party=("Embassy to decide on the visa (ref {case})",),
        ),
        Case(
            key="visa-letter",
            weight=2,
            about=("invitation",),
            titles=(
                "Invitation letter for visitor from {country}",
                "Invitation letter for our guest from {country}",
            ),
            descriptions=(
                "A colleague from our partner in {country} visits us for a week and needs an "
                "invitation letter for the visa.",
                "Please write an invitation letter for two engineers from {country} coming "
                "for training.",
            ),
            first_replies=(
                "I will prepare the invitation letter; please send their passport details "
                "and the dates of the visit.",
                "Happy to. Invitation letters are signed by the head of the hosting "
                "department; I will draft it today.",
            ),
            questions=("Could you send the visitors' passport details and dates?",),
            answers=("Details attached.", "They come from the 12th to the 18th."),
            notes=("Invitation letter signed by the head of department.",),
            resolutions=(
                "Sent the signed invitation letter to the visitors and to you.",
                "The invitation letter is signed and was sent by courier, as the embassy "
                "wants the original.",
            ),
            next_desk=("Write and sign the invitation letter",),
            next_requester=("Send the visitors' passport details for the invitation",),
            next_third_party=("Head of department to sign the invitation letter",),
        ),
    ),
)  # fmt: skip

CHANGES = Topic(
    key="booking-changes",
    weight=7,
    tags=("travel", "rebooking"),
    slots=slots(city=_CITIES, hub=("Frankfurt", "Munich", "Amsterdam", "Zurich")),
    triage=(("low", "high"), ("low", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="booking-change",
            weight=3,
            about=("change",),
            titles=(
                "Change my flight to {city}",
                "Please change the dates of my trip to {city}",
                "Change of hotel in {city}",
            ),
            descriptions=(
                "The meeting in {city} moved by a day. Could you change my flight and hotel "
                "to one day later?",
                "I need to change my return to {weekday} evening, the workshop runs longer.",
            ),
            first_replies=(
                "I can change it: the fare allows a change for 70 EUR. Shall I go ahead?",
                "The change is possible on the evening flight; the hotel night is extended.",
            ),
            questions=("Shall I book the change with the fee, or look for another option?",),
            answers=("Yes, please book it.", "Is there a train instead?"),
            notes=("Change fee within the policy.",),
            resolutions=(
                "Made the change: new flight and hotel dates; the itinerary was sent.",
                "Changed the return to the evening flight; the hotel night is extended.",
            ),
            next_desk=("Book the change with the airline",),
            next_requester=("Confirm the change and its fee",),
            next_third_party=("Airline to confirm the change (ref {case})",),
        ),
        Case(
            key="booking-cancel",
            weight=2,
            about=("cancel",),
            titles=("Cancel my trip to {city}", "Please cancel hotel and flight to {city}"),
            descriptions=(
                "The customer cancelled the meeting in {city}. Please cancel the whole trip.",
                "I am ill and have to cancel the trip next week; hotel and flight please.",
            ),
            first_replies=(
                "Done: I have asked to cancel the flight and the hotel. The hotel is free of "
                "charge; the flight refunds the taxes.",
                "Sorry to hear it. I can cancel everything; the train ticket is refunded in "
                "full, the hotel until 6 pm the day before.",
            ),
            questions=("Would you like us to keep the ticket as a credit for a later trip?",),
            answers=("Yes, I will go next month instead.", "No, just cancel it."),
            notes=("Cancel confirmed by the agency; refund of taxes requested.",),
            resolutions=(
                "Cancelled the flight and the hotel; the refund goes to the company.",
                "The trip is cancelled; the flight is kept as a credit for your next trip.",
            ),
            next_desk=("Cancel the bookings with the agency",),
            next_requester=("Tell us whether to keep the cancelled ticket as a credit",),
            next_third_party=("Agency to confirm the cancellation (ref {case})",),
        ),
        Case(
            key="trip-disrupted",
            weight=2,
            about=("cancelled",),
            titles=(
                "Flight to {city} cancelled",
                "My train to {city} was cancelled",
                "Cancelled flight, stuck in {hub}",
            ),
            descriptions=(
                "My flight was cancelled an hour before boarding. I am at the airport in "
                "{hub} and the airline offers nothing before tomorrow evening.",
                "The train was cancelled because of a strike. I have to be in {city} for a "
                "meeting at 9 tomorrow.",
            ),
            first_replies=(
                "Sorry to hear it. I have found a seat on the next connection and a hotel "
                "near the airport for tonight; details follow by e-mail.",
                "The agency's night line has rebooked you; the new ticket is in your app.",
            ),
            questions=("Can you reach the airline's desk to get your bag transferred?",),
            answers=("Yes, the bag is rebooked too.", "I only have hand luggage."),
            notes=("Rebooked via the agency; costs of the cancelled flight claimed from "
                   "the airline.",),
            resolutions=(
                "Rebooked after the cancelled flight; the traveller arrived in the morning.",
                "The cancelled train was replaced by a rental car; costs are on the company.",
            ),
            next_desk=("Claim the compensation for the cancelled connection",),
            next_requester=("Keep the receipts for your costs during the delay",),
            next_third_party=("Airline to pay compensation (ref {case})",),
        ),
    ),
)  # fmt: skip

POLICY = Topic(
    key="travel-policy",
    weight=3,
    tags=("travel-policy",),
    slots=slots(city=_CITIES, country=("Japan", "Canada", "Portugal", "Sweden")),
    cases=(
        Case(
            key="policy-class",
            weight=2,
            about=("class",),
            titles=(
                "May I fly business class to {city}?",
                "Class of travel for a long-haul flight",
                "First class on the train allowed?",
            ),
            descriptions=(
                "My flight is over eight hours; does the policy allow business class?",
                "Is first class on the train allowed when I travel with a customer in the "
                "same class?",
            ),
            first_replies=(
                "Business class is allowed for flights over six hours; shorter ones are "
                "economy. Trains: first class is fine above four hours.",
                "Good question: the policy goes by the length of the trip, not the "
                "destination. Let me check yours.",
            ),
            questions=("How long is the flight or train ride, door to door?",),
            answers=("About nine hours.", "Three and a half hours."),
            notes=("Policy section 4.2 on class of travel.",),
            resolutions=(
                "Explained the class of travel rules from the travel policy.",
                "Confirmed: this trip may be booked in business class under the policy.",
            ),
            next_desk=("Send the class of travel section of the policy",),
            next_requester=("Tell us the length of the trip for the class of travel",),
            next_third_party=("Head of travel to decide on the class exception",),
        ),
        Case(
            key="policy-per-diem",
            weight=2,
            about=("per diem",),
            titles=("Per diem for {country}", "Which per diem applies for a day trip?"),
            descriptions=(
                "I travel to {country} for a week. What is the per diem there, and does "
                "breakfast at the hotel reduce it?",
                "Does a day trip of eleven hours get a per diem?",
            ),
            first_replies=(
                "The per diem follows the official rates per country; breakfast in the hotel "
                "price reduces it by 20%.",
                "Day trips get a per diem from eight hours away from home and office.",
            ),
            questions=("When do you leave and come back, to the hour?",),
            answers=("7 am Monday to 8 pm Friday.", "Out at 6, back at 5 pm."),
            notes=("Official rates table for this year attached.",),
            resolutions=(
                "Sent the per diem rates and how breakfast reduces them.",
                "Confirmed the per diem for the trip; claim it with your expenses afterwards.",
            ),
            next_desk=("Send the per diem table for this year",),
            next_requester=("Tell us the departure and return times for the per diem",),
            next_third_party=("Payroll to confirm the tax-free per diem",),
        ),
    ),
)  # fmt: skip

TRAVEL: tuple[Topic, ...] = (TRIPS, VISAS, CHANGES, POLICY)
