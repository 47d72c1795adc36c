"""The Travel desk's articles: booking and changing trips, the travel policy (train or
plane, class of travel, hotels), visas, insurance and advances."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_BOOK = "Book a business trip"
_CHANGE = "Change or cancel a booking"
_POLICY = "Travel policy question"

TRAVEL_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="book-business-trip",
        unit="TRV",
        title="Booking a business trip",
        summary="Tell the travel desk where, when and why; we book flights, trains, hotels "
        "and rental cars within the policy and send the itinerary. Two working days, a week "
        "for trips abroad.",
        body=dedent("""\
        The travel desk books and pays for business trips: you do not need to book or pay
        yourself.

        ## Ask for the trip
        File **Book a business trip** with:
        1. **who** travels (yourself, or a colleague you book for);
        2. the **destination**, departure and return dates;
        3. how you would like to travel: **flight**, **train** or **rental car**;
        4. whether you need a **hotel**, how many nights and near which address (the
           customer's office, the trade fair grounds);
        5. the purpose, your **cost centre**, and a frequent flyer or rail card number.

        Your manager approves trips **abroad**; we ask them for you.

        ## How long it takes
        **Two working days** for trips in Germany, **a week** for trips abroad; book trade
        fair trips as early as you can, hotels near the fair fill up months ahead. We send a
        proposal within the policy; once you confirm, the **itinerary** with the booking
        reference comes by e-mail and the tickets are in the agency's app.

        ## On the trip
        Something goes wrong (a cancelled flight, a hotel without your booking): call the
        **agency's 24-hour line** printed on your itinerary. See
        [trouble on the trip](article:trip-disrupted).

        ## Also useful
        - [Train or plane, and which class](article:rail-or-flight)
        - [Hotel limits](article:hotel-policy)
        - [Visas and invitation letters](article:visa-and-invitation-letters)
        - Meal allowances are claimed afterwards: [per diems](article:per-diems).
        """),
        keywords=(
            "travel",
            "trip",
            "book",
            "booking",
            "flight",
            "fly",
            "plane",
            "train",
            "rail",
            "hotel",
            "rental car",
            "journey",
            "itinerary",
            "business travel",
            "customer visit",
            "trade fair",
            "conference",
            "ticket",
            "train ticket",
            "bahn",
            "destination",
        ),
        services=(_BOOK,),
        related=("change-or-cancel-booking", "rail-or-flight", "hotel-policy"),
    ),
    ArticleSpec(
        key="change-or-cancel-booking",
        unit="TRV",
        title="Changing or cancelling a flight, train or hotel booking",
        summary="Other dates, another hotel or a cancelled trip: send us the six-character "
        "booking reference and we change it the same working day at the lowest fee.",
        body=dedent("""\
        ## Before the trip
        File **Change or cancel a booking** with the **booking reference** from your
        itinerary (six letters and digits, e.g. `K7XQ2M`) and what should change:
        *other dates*, *cancel the trip*, *another hotel* or *correct a name*.

        We change it **the same working day** and tell you the fee first if there is one:
        | Booking | Change | Cancellation |
        |---|---|---|
        | Train (flexible fare) | Free | Free until the day before |
        | Flight (economy) | Usually 50-100 EUR | Taxes refunded, or a credit for a later trip |
        | Hotel | Free | Free until 18:00 the day before, at most hotels |

        If the trip is only postponed, we can keep a flight ticket as a **credit** for your
        next trip.

        ## Names
        The name on a ticket must match your passport exactly. Spelling mistakes are
        corrected for free before check-in: ask right away.

        ## During the trip
        Outside the travel desk's hours (8:00 to 18:00 on working days), or when you are
        already travelling, call the **agency's 24-hour line** on your itinerary. See
        [trouble on the trip](article:trip-disrupted).
        """),
        keywords=(
            "change",
            "rebook",
            "reschedule",
            "cancel",
            "cancellation",
            "postpone",
            "refund",
            "dates",
            "booking reference",
            "flight",
            "hotel",
            "train",
            "name",
            "credit",
            "date",
            "new date",
            "airline",
            "later",
            "earlier",
        ),
        services=(_CHANGE,),
        related=("book-business-trip", "trip-disrupted"),
    ),
    ArticleSpec(
        key="trip-disrupted",
        unit="TRV",
        title="Flight or train cancelled during a trip",
        summary="Call the travel agency's 24-hour line on your itinerary: they rebook you "
        "and find a hotel. What you may pay yourself and claim afterwards.",
        body=dedent("""\
        ## Call the 24-hour line
        Your itinerary and the agency's app show the **24-hour line**. Call it first, even
        before you queue at the airline's desk: they see your booking and can rebook you on
        the next train or flight, or a rental car.

        Tell them your **booking reference** and where you are. If you cannot reach them,
        file **Change or cancel a booking** from your phone (*Flight or train cancelled*)
        with a number we can call.

        ## Stuck overnight
        The agency books a hotel near the airport or station. If you have to book yourself,
        keep within the [hotel limit](article:hotel-policy) where you can; in an emergency
        the limit does not apply.

        ## What you may pay and claim
        - Taxis, a hotel night, meals while waiting: claim them in the expenses tool with
          the receipts.
        - Do not accept vouchers from the airline that replace the refund; we claim
          compensation from the airline for the company.

        ## Strikes
        When a strike is announced, we contact travellers who are affected and offer
        alternatives. Check the portal's announcements.
        """),
        keywords=(
            "cancelled",
            "canceled",
            "delayed",
            "delay",
            "strike",
            "missed",
            "connection",
            "stuck",
            "stranded",
            "airport",
            "station",
            "emergency",
            "24-hour",
            "hotline",
            "rebook",
        ),
        services=(_CHANGE,),
        related=("change-or-cancel-booking", "travel-insurance"),
    ),
    ArticleSpec(
        key="rail-or-flight",
        unit="TRV",
        title="Train or plane, and which class",
        summary="Within Germany and to nearby cities the train comes first when it takes "
        "under five hours. Business class on flights over six hours, first class on trains "
        "over four.",
        body=dedent("""\
        The travel policy picks the way that is reasonable in time, cost and emissions.

        ## Train or plane
        - Take the **train** when the journey takes **less than five hours** door to door,
          for example Berlin to Hamburg, Berlin to Munich or Munich to Vienna.
        - **Fly** when the train takes longer, or for trips abroad beyond the neighbouring
          countries.
        - **Rental car** when neither reaches the place well, or for several stops in a day.
          Your own car: see [mileage](article:mileage-own-car).

        The travel desk suggests the train when it is almost as fast: you can work on the
        way, and it is usually cheaper.

        ## Class of travel
        | | Standard | Allowed when |
        |---|---|---|
        | Train | Second class | First class for journeys over four hours |
        | Flight | Economy | Business class for flights over six hours |

        Travelling with a customer in a higher class, or for medical reasons: ask with
        **Travel policy question** before booking.

        ## Rail cards
        Frequent rail travellers get a **BahnCard 50** paid by the company when it saves
        money over the year; ask the travel desk, which does the calculation.
        """),
        keywords=(
            "train",
            "rail",
            "railway",
            "deutsche bahn",
            "db",
            "ice",
            "plane",
            "flight",
            "fly",
            "flying",
            "business class",
            "first class",
            "economy",
            "class",
            "policy",
            "bahncard",
        ),
        services=(_POLICY,),
        related=("book-business-trip", "hotel-policy"),
    ),
    ArticleSpec(
        key="hotel-policy",
        unit="TRV",
        title="Hotel limits and how hotels are booked",
        summary="Hotels are booked by the travel desk at corporate rates within a limit per "
        "night that depends on the city. Exceptions for trade fairs.",
        body=dedent("""\
        ## Limits per night (room with breakfast)
        | City | Limit |
        |---|---|
        | Berlin, Hamburg, Lisbon | 130 EUR |
        | Munich, Frankfurt, Vienna, Milan | 150 EUR |
        | Paris, Stockholm | 190 EUR |
        | London | 220 EUR |
        | Other cities | 140 EUR |

        The travel desk books hotels within the limit, preferably our **corporate rate
        hotels**, which include breakfast and free cancellation until 18:00 the day before.

        ## Trade fairs and events
        During fairs such as Hannover Messe or Mobile World Congress prices go far above the
        limits. The travel desk books early and approves the exception; you do not need to
        ask.

        ## Booked it yourself?
        Only in an emergency (see [trouble on the trip](article:trip-disrupted)). Hotels
        you book yourself above the limit are reimbursed only up to the limit.

        ## Staying longer
        Adding private nights before or after a business trip is fine: tell us, and you pay
        those nights yourself at the same rate.

        Questions about a specific trip: **Travel policy question**.
        """),
        keywords=(
            "hotel",
            "accommodation",
            "room",
            "night",
            "overnight",
            "stay",
            "limit",
            "price",
            "rate",
            "corporate rate",
            "breakfast",
            "airbnb",
            "policy",
        ),
        services=(_POLICY,),
        related=("book-business-trip", "per-diems"),
    ),
    ArticleSpec(
        key="visa-and-invitation-letters",
        unit="TRV",
        title="Visas for business trips and invitation letters for visitors",
        summary="Check early whether you need a visa: visas take four to eight weeks. "
        "Invitation letters for visitors coming to us are ready in three working days.",
        body=dedent("""\
        ## Travelling abroad
        For business trips to countries such as **India, China, Turkey, the United States
        or Brazil** you usually need a visa or an electronic travel authorisation.
        1. As soon as the trip is likely, file **Visa or invitation letter**, choose *A visa
           for my trip*, the country, travel date and your nationality.
        2. Check your **passport** is valid for at least **six months** after your return.
        3. We send you the embassy's checklist, write the **company letter**, and our visa
           service can take your passport to the embassy.

        Visas take **four to eight weeks**; e-visas a few days. Book flights only when the
        visa is granted, or with a refundable fare.

        ## Visitors coming to us
        A partner or customer from abroad who needs a visa to visit us needs an
        **invitation letter** from us. File the same service, choose *An invitation letter
        for a visitor*, and send their passport details and the dates. The letter is signed
        by the head of the hosting department and ready in **three working days**; we send
        the original by courier when the embassy wants it.

        ## Related
        Travel insurance confirmation for a visa: see
        [travel insurance](article:travel-insurance).
        """),
        keywords=(
            "visa",
            "embassy",
            "consulate",
            "passport",
            "entry",
            "invitation",
            "letter",
            "esta",
            "e-visa",
            "abroad",
            "foreign",
            "india",
            "china",
            "visitor",
        ),
        services=("Visa or invitation letter",),
        related=("travel-insurance", "book-business-trip"),
    ),
    ArticleSpec(
        key="travel-insurance",
        unit="TRV",
        title="Travel insurance on business trips",
        summary="Every business trip is insured by the company: medical care abroad, "
        "repatriation, luggage and cancellation. You do not need your own policy.",
        body=dedent("""\
        ## What is covered
        The company's business travel insurance covers **every business trip**, worldwide,
        for everyone on the trip for work:
        - **medical treatment abroad** and transport home if needed;
        - **luggage** lost or delayed (necessities up to 300 EUR while you wait);
        - trip **cancellation** costs that the travel desk cannot get back;
        - private days added to a business trip, up to seven days.

        You do not need to buy insurance yourself, and please decline the insurance offered
        by airlines and rental companies.

        ## In an emergency
        Call the **assistance line** on the insurance card in the agency's app (or on your
        itinerary), day or night. They find a doctor or hospital and pay the bill directly.
        Then tell your manager and the travel desk.

        ## Paid yourself?
        Keep all receipts and medical reports and claim them with **Travel policy
        question**; we pass them to the insurer.

        ## For a visa
        Embassies often ask for proof of travel medical insurance. Ask for the **insurance
        certificate** with your visa request: see
        [visas](article:visa-and-invitation-letters).
        """),
        keywords=(
            "insurance",
            "insured",
            "medical",
            "doctor",
            "hospital",
            "illness",
            "accident",
            "luggage",
            "baggage",
            "health",
            "emergency",
            "abroad",
            "cover",
        ),
        services=(_POLICY,),
        related=("visa-and-invitation-letters", "trip-disrupted"),
        review_in_days=-60,
    ),
    ArticleSpec(
        key="travel-advance",
        unit="TRV",
        title="Cash advance for a trip",
        summary="For long trips or countries where cards are not accepted, ask for a travel "
        "advance ten working days before you leave; it is settled with your expense claim.",
        body=dedent("""\
        Most trips need no cash: the travel desk pays travel and hotels, and the
        [corporate card](article:corporate-card) covers the rest. An **advance** is for
        trips where that does not work:
        - trips of **more than two weeks** without a corporate card;
        - countries where cards are **rarely accepted**;
        - trips with large cash costs, such as local drivers or event fees paid on site.

        ## Ask for it
        File **Travel policy question** and write *travel advance* in your question, with
        the trip's booking reference, the amount and the currency.
        Ask **ten working days** before you leave. Your manager approves; the money is
        transferred to your salary account.

        Advances are limited to the expected costs, at most **80%** of your per diems and
        estimated cash expenses.

        ## After the trip
        Claim all expenses as usual in the expenses tool and mark the claim as **settling
        an advance**. If you spent less, the difference is deducted from your next salary;
        if you spent more, it is paid with the claim.
        """),
        keywords=(
            "advance",
            "cash",
            "money",
            "upfront",
            "before the trip",
            "currency",
            "prepayment",
            "expenses",
            "trip",
            "travel",
        ),
        services=(_POLICY,),
        related=("per-diems", "expense-claim-how-to"),
        state="draft",
    ),
    ArticleSpec(
        key="old-booking-tool",
        unit="TRV",
        title="Booking trips yourself in the online booking tool",
        summary="The self-booking tool was retired; the travel desk now books all trips. "
        "Kept for people looking for their old bookings.",
        body=dedent("""\
        > **Archived.** The online self-booking tool was switched off. All trips are now
        > booked by the travel desk: see [booking a business trip](article:book-business-trip).

        ## How it worked
        1. You signed in to the booking tool from the intranet.
        2. You searched flights, trains and hotels; prices above the policy were shown in
           red and needed your manager's approval.
        3. Tickets were issued by the agency within a working day.

        ## Old bookings
        Trips booked in the old tool before it was switched off are still valid. Their
        itineraries are in your mailbox; changes go through the travel desk with the
        booking reference, as for any booking.

        ## Why it changed
        Most bookings needed help from the travel desk anyway, and booking for travellers
        lets us use corporate rates and look after people when a trip goes wrong.
        """),
        keywords=("booking tool", "self booking", "online booking", "portal", "travel"),
        services=(_BOOK,),
        related=("book-business-trip",),
        state="archived",
        review_in_days=-365,
    ),
)
