"""Finance's articles: expense claims and receipts, mileage and per diems, corporate
cards, purchase orders and supplier invoices; and one how-to for the team."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_EXPENSES = "Expense claim"
_CARD = "Corporate card"
_INVOICE = "Supplier invoice"

FINANCE_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="expense-claim-how-to",
        unit="FIN",
        title="Claiming expenses",
        summary="Claim what you paid for work in the expenses tool within three months, "
        "with the itemised receipt. Claims approved by the 20th are paid with that month's "
        "salary.",
        body=dedent("""\
        ## What you can claim
        Costs you paid yourself for work: travel (train, taxi, parking), hotel extras,
        meals with customers, training and conference fees, small purchases. Costs paid with
        the **corporate card** are claimed the same way, so we can match them.

        ## Claim it
        1. Open the **expenses tool** from the intranet or the app on your phone.
        2. Create a claim and add each expense: date, amount, currency, what it was for.
        3. Attach a photo or PDF of the **itemised receipt** (the one that lists what you
           bought, not the card slip): needed for anything over **25 EUR**.
        4. For **meals with customers**, add the guests' names and companies.
        5. Choose your **cost centre** (four digits, e.g. `4230`) and submit. You get a claim
           number starting with `EX-`.

        Your cost centre owner approves the claim; Finance then checks it.

        ## When it is paid
        | Approved | Paid |
        |---|---|
        | By the 20th | With that month's salary |
        | After the 20th | With next month's salary |

        Expenses older than **three months** cannot be paid. Claims in another currency use
        your card statement's amount, or the ECB rate of the day for cash.

        ## Also useful
        - Using your own car: [mileage](article:mileage-own-car).
        - Meal allowances on trips: [per diems](article:per-diems).
        - Receipt gone: [lost receipt](article:lost-receipt).
        - Claim not paid yet: [when is my claim paid](article:expense-claim-not-paid).
        """),
        keywords=(
            "expenses",
            "expense report",
            "reimbursement",
            "reimburse",
            "refund",
            "money back",
            "claim",
            "receipt",
            "taxi",
            "hotel",
            "meal",
            "dinner",
            "out of pocket",
            "spent",
            "concur",
        ),
        services=(_EXPENSES,),
        related=("expense-claim-not-paid", "lost-receipt", "mileage-own-car", "per-diems"),
    ),
    ArticleSpec(
        key="expense-claim-not-paid",
        unit="FIN",
        title="When is my expense claim paid?",
        summary="Check the claim's status in the expenses tool: a claim waiting for "
        "approval, approved after the 20th, or returned for a receipt is not paid yet.",
        body=dedent("""\
        Claims are paid **with the salary**, not separately. Open the claim in the expenses
        tool and look at its **status**:

        | Status | What it means | What to do |
        |---|---|---|
        | Submitted | Waiting for your cost centre owner | Remind them; it is in their list |
        | Approved | Will be paid with the next salary run | Approved after the 20th: next month |
        | Returned | Something is missing | Read the comment, fix it, submit again |
        | Rejected | It cannot be paid | Read the comment; ask us if unclear |
        | Paid | On your payslip as *Expenses* | Check the payslip's last lines |

        ## Common reasons for a delay
        - The approval is stuck with a **manager who left** or is on holiday. We re-route it:
          tell us the claim number.
        - The receipt is the **card slip** instead of the itemised bill, or the guests of a
          customer meal are missing: the claim is returned.
        - The expense is **older than three months**.

        ## Ask us
        File **Expense claim** with the claim number (`EX-` and five digits). We check where
        it is and tell you when it is paid, within two working days.
        """),
        keywords=(
            "expenses",
            "reimbursement",
            "not paid",
            "unpaid",
            "waiting",
            "status",
            "when",
            "money",
            "refund",
            "approval",
            "rejected",
            "returned",
            "late",
        ),
        services=(_EXPENSES,),
        related=("expense-claim-how-to", "lost-receipt"),
    ),
    ArticleSpec(
        key="lost-receipt",
        unit="FIN",
        title="Lost a receipt",
        summary="Ask the shop, hotel or airline for a copy first. If that is not possible, "
        "a signed missing-receipt declaration is accepted up to 100 EUR.",
        body=dedent("""\
        Without an itemised receipt we cannot reimburse an expense or book a card payment
        for tax. But a lost receipt is usually not the end.

        ## Get a copy
        - **Hotels** e-mail a copy of the invoice on request; ask the front desk or write to
          the hotel.
        - **Trains and flights**: download the invoice from the booking (the travel desk's
          bookings are invoiced to the company anyway; you do not need a receipt for them).
        - **Restaurants and taxis** can often reprint or e-mail it if you call with the date
          and amount.
        - **Online shops**: the invoice is in your customer account.

        ## No copy possible
        In the expenses tool, add the expense and choose **Missing receipt declaration**
        instead of a photo. Describe what you paid, where and why, and sign it in the tool.
        - Up to **100 EUR** per expense the declaration is enough.
        - Above 100 EUR your **cost centre owner** also confirms it.
        - At most three declarations a year.
        - Meals with customers still need the guests' names and companies.

        ## Tips
        Photograph receipts in the expenses app as soon as you get them; the app keeps them
        until you submit. Keep paper receipts until the claim is paid.
        """),
        keywords=(
            "receipt",
            "lost",
            "missing",
            "no receipt",
            "invoice",
            "proof",
            "bill",
            "taxi",
            "declaration",
            "copy",
            "expenses",
            "reimbursement",
        ),
        services=(_EXPENSES,),
        related=("expense-claim-how-to",),
    ),
    ArticleSpec(
        key="mileage-own-car",
        unit="FIN",
        title="Mileage: using your own car for work",
        summary="Business trips in your own car are reimbursed at 0.30 EUR per kilometre. "
        "How to claim, and why the train comes first.",
        body=dedent("""\
        ## The rate
        **0.30 EUR per kilometre** driven for work in your own car, for the shortest usual
        route. Parking and tolls are claimed on top, with receipts. Your commute between
        home and office is not a business trip.

        ## Before you drive
        The travel policy asks for the **train first** for longer trips; driving your own
        car is fine for short trips, trips with heavy equipment or places the train does not
        reach. For longer distances a **rental car** booked by the travel desk is often
        cheaper for the company: see [train or plane](article:rail-or-flight).

        ## Claim it
        1. In the expenses tool add an expense of type **Mileage**.
        2. Enter the date, start and destination, the purpose and the kilometres; the tool
           shows the route and the amount.
        3. For several trips in a month, add one line per trip.
        4. Submit with your cost centre as usual.

        ## Things to know
        - Passengers from our company: add their names; there is no extra rate.
        - Damage to your car on a business trip: tell Finance the same week. The company's
          insurance covers damage up to 1,000 EUR beyond your own insurance.
        - Fines are not reimbursed.
        """),
        keywords=(
            "mileage",
            "kilometres",
            "km",
            "kilometer",
            "car",
            "own car",
            "private car",
            "driving",
            "fuel",
            "petrol",
            "travel costs",
            "allowance",
        ),
        services=(_EXPENSES,),
        related=("expense-claim-how-to", "rail-or-flight"),
    ),
    ArticleSpec(
        key="per-diems",
        unit="FIN",
        title="Per diems: meal allowances on business trips",
        summary="A daily allowance for meals on trips: 14 EUR from eight hours away in "
        "Germany, 28 EUR a full day, official rates abroad. Breakfast in the hotel reduces "
        "it.",
        body=dedent("""\
        ## How much
        | Trip in Germany | Per diem |
        |---|---|
        | More than 8 hours away from home and office | 14 EUR |
        | Day of arrival or departure on a trip with a night away | 14 EUR |
        | Full day away (24 hours) | 28 EUR |

        **Abroad** the official rates per country apply; the expenses tool knows them and
        uses the country where you are at midnight.

        ## Meals that reduce it
        When a meal is paid for you, the per diem is reduced:
        - **breakfast** by 20% of the full-day rate (5.60 EUR in Germany);
        - **lunch** and **dinner** by 40% each (11.20 EUR).
        This applies to hotel breakfasts included in the price and to meals at a customer's
        or at a conference.

        ## Claim it
        Add an expense of type **Per diem** in the expenses tool with your departure and
        return times **to the hour**, and tick the meals that were provided. No receipts are
        needed for per diems.

        ## Questions
        Not sure which rate applies, for example on a trip through several countries? Ask
        with **Expense claim**; questions about what the trip itself may cost go to the
        travel desk.
        """),
        keywords=(
            "per diem",
            "daily allowance",
            "meal allowance",
            "allowance",
            "meals",
            "food",
            "subsistence",
            "breakfast",
            "trip",
            "travel",
            "abroad",
            "rates",
        ),
        services=(_EXPENSES,),
        related=("expense-claim-how-to", "hotel-policy"),
    ),
    ArticleSpec(
        key="corporate-card",
        unit="FIN",
        title="Corporate card: applying, limits and declined payments",
        summary="A company credit card for people who travel or buy for the company, with a "
        "monthly limit of 1,000, 2,500 or 5,000 EUR. Why payments are declined and what to do.",
        body=dedent("""\
        ## Apply
        File **Corporate card** with the monthly limit you need (**1,000**, **2,500** or
        **5,000 EUR**), whether you travel outside the EU, and what you will use it for.
        Your manager approves; the card arrives by post in about **ten working days**.

        ## Use it
        - For business costs only: travel, hotels, conference fees, small purchases.
        - Claim every card payment in the expenses tool with its receipt, as for your own
          expenses; card payments appear there by themselves.
        - Cash withdrawals only abroad, and only when cards are not accepted.

        ## Payment declined
        1. **Limit reached?** The card provider's app shows what is left this month.
        2. **Abroad or online**, the provider sometimes blocks unusual payments: approve the
           payment in the app, or call the number on the back of the card.
        3. Still declined: pay with your own card, claim it as an expense, and file
           **Corporate card** (*Declined*) with the amount and time. We can raise your
           limit the same day with your manager's approval.

        ## Higher limit
        For trade fairs or a busy travel month, ask in the same service for how long you need
        it; your manager approves.

        Lost or stolen? See [lost corporate card](article:corporate-card-lost).
        """),
        keywords=(
            "credit card",
            "company card",
            "amex",
            "visa",
            "card",
            "limit",
            "declined",
            "rejected",
            "payment",
            "apply",
            "new card",
        ),
        services=(_CARD,),
        related=("corporate-card-lost", "expense-claim-how-to"),
    ),
    ArticleSpec(
        key="corporate-card-lost",
        unit="FIN",
        title="Lost or stolen corporate card",
        summary="Call the card hotline first, day or night, to block the card; then tell "
        "us so we order a replacement. Report payments you do not recognise.",
        body=dedent("""\
        ## 1. Block it now
        Call the **card provider's hotline**, day or night. The number is on your monthly
        statement and in the card provider's app; the app can also lock the card itself.
        Blocking is immediate.

        ## 2. Tell us
        File **Corporate card**, choose *Lost or stolen*, confirm you called the hotline,
        and give the **last four digits** of the card. We order a replacement, which arrives
        in about **ten working days**.

        ## 3. Check the payments
        Look at the card's last payments in the app. A payment you do not recognise: add it
        to the request (date and amount), and we dispute it with the provider. You are not
        liable for payments made after you reported the card.

        ## Until the new card arrives
        Pay with your own card and claim it with the expenses tool. The travel desk can book
        hotels on the company's account for your trips in the meantime.

        ## Also lost your badge or phone?
        See [lost badge](article:badge-lost), and for a phone with MFA
        [moving MFA to a new phone](article:mfa-new-phone).
        """),
        keywords=(
            "credit card",
            "company card",
            "card",
            "lost",
            "stolen",
            "block",
            "cancel",
            "hotline",
            "fraud",
            "wallet",
            "missing",
        ),
        services=(_CARD,),
        related=("corporate-card", "badge-lost"),
    ),
    ArticleSpec(
        key="invoice-payment-status",
        unit="FIN",
        title="Has the supplier been paid? Checking an invoice",
        summary="Supplier invoices are paid on Tuesdays and Fridays once they match a "
        "purchase order and a goods receipt. Why an invoice waits, and what to do about "
        "a reminder.",
        body=dedent("""\
        ## How an invoice gets paid
        1. The supplier sends the invoice to the **accounts payable mailbox** (not to you).
        2. We match it with its **purchase order**.
        3. Whoever ordered confirms the **goods receipt** in SAP: the goods or service
           arrived.
        4. It is paid in the next **payment run**, every **Tuesday and Friday**, according
           to its payment terms.

        ## Why an invoice waits
        | Reason | What you do |
        |---|---|
        | Sent to you, not to accounts payable | Forward it to accounts payable |
        | No purchase order | Your budget owner approves; see below |
        | No goods receipt | Post it in SAP or ask us to |
        | Amount differs from the order | Check the order; we ask for a credit note |

        ## The supplier sent a reminder
        File **Supplier invoice**, choose *Not paid yet or a reminder came*, and attach the
        **original invoice**, not only the reminder. We tell you within three working days
        where it is, and usually the supplier waives the reminder fee.

        ## No purchase order
        Next time ask for one **before** ordering: see
        [raising a purchase order](article:purchase-order). For this invoice, your budget
        owner approves payment afterwards.
        """),
        keywords=(
            "invoice",
            "bill",
            "supplier",
            "vendor",
            "paid",
            "payment",
            "unpaid",
            "reminder",
            "dunning",
            "overdue",
            "accounts payable",
            "ap",
            "status",
        ),
        services=(_INVOICE,),
        related=("purchase-order",),
    ),
    ArticleSpec(
        key="purchase-order",
        unit="FIN",
        title="Raising a purchase order",
        summary="Buying from a supplier needs a purchase order before they deliver. What to "
        "send, new suppliers, and the second approval above 5,000 EUR.",
        body=dedent("""\
        Suppliers deliver against a **purchase order (PO)** number. Without one, their
        invoice cannot be paid on time.

        ## Ask for a PO
        File **Purchase order** with:
        1. the **supplier** and, if we have never bought from them, their **VAT ID** and bank
           details;
        2. what you are buying and the **net amount**;
        3. your **cost centre** and the date you need it by;
        4. the supplier's **quote** as an attachment.

        Your budget owner approves; orders above **5,000 EUR** also need your head of
        department. You get the PO number (ten digits starting with `45`) within **two
        working days**; a new supplier takes about **a week**.

        ## Give the number to the supplier
        They must put it on the invoice. Invoices go to the accounts payable mailbox, not to
        you.

        ## The amount changes
        If the supplier needs to charge more (an extra day of work, delivery), ask for the
        PO to be increased **before** the invoice arrives, with the updated quote.

        ## When it is delivered
        Confirm the goods receipt in SAP, so the invoice can be paid; see
        [checking an invoice](article:invoice-payment-status).
        """),
        keywords=(
            "po",
            "purchase order",
            "order",
            "buy",
            "buying",
            "purchasing",
            "procurement",
            "supplier",
            "vendor",
            "quote",
            "new supplier",
        ),
        services=("Purchase order",),
        audience="departments",
        departments=(
            "Finance",
            "Operations",
            "Engineering",
            "Marketing",
            "Research",
            "Information Technology",
            "Facilities Management",
        ),
        related=("invoice-payment-status",),
    ),
    ArticleSpec(
        key="agent-reroute-approval",
        unit="FIN",
        title="Re-routing an expense approval stuck with a leaver",
        summary="For Finance agents: find the claim, check the new cost centre owner, "
        "re-route the approval and pay it as a correction if the cut-off has passed.",
        body=dedent("""\
        Internal: for Finance.

        ## Find out why it is stuck
        1. Open the claim (`EX-` number) in the expenses tool's admin view.
        2. Look at **Approver**: a person who has left, or is away for more than a week, is
           the usual cause.
        3. Check the **cost centre owner** in the cost centre list; it may have changed
           since the claim was filed.

        ## Re-route
        1. **Actions > Change approver**, pick the current owner, and add a comment with the
           ticket number.
        2. Tell the requester and the new approver in the ticket.
        3. If the claim would otherwise miss the 20th, add it to the payroll correction list
           for HR with the claim number and amount.

        ## Clean up
        If the leaver still owns cost centres, tell the controller so the owner is changed in
        SAP; otherwise the next claims get stuck too.
        """),
        keywords=(
            "approval",
            "approver",
            "leaver",
            "re-route",
            "stuck",
            "expenses",
            "desk procedure",
        ),
        services=(_EXPENSES,),
        audience="agents",
        related=("expense-claim-not-paid",),
    ),
)
