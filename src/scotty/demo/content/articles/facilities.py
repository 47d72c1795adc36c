"""Facilities' articles: badges and doors, desks, moves and furniture, meeting rooms,
heating and cleaning, parking; and one how-to for the team."""

from textwrap import dedent

from scotty.demo.content.articles import ArticleSpec

_BROKEN = "Something broken in the building"
_MOVE = "Desk or room move"
_BADGE = "Access badge"
_FURNITURE = "Office furniture"

FACILITIES_ARTICLES: tuple[ArticleSpec, ...] = (
    ArticleSpec(
        key="badge-lost",
        unit="FAC",
        title="Lost or stolen badge",
        summary="Report a lost badge straight away so we block it; reception prints a new "
        "one for you the next working day. Bring photo ID.",
        body=dedent("""\
        Your badge opens our doors, so a lost one is a security matter: please tell us
        **the same day**, also when you think it may turn up again.

        ## Report it
        1. File **Access badge** and choose *Lost or stolen badge*, with your site.
        2. We **block the badge** at once; from then on it opens no door.
        3. A new badge is printed and waits for you at **reception the next working day**.
           Bring a **photo ID** (passport, ID card or driving licence) to collect it.

        Outside office hours, or if you think someone is using your badge, tell reception
        or security at your site as well.

        ## Until the new one is ready
        Reception gives you a **day pass** that opens the main entrance and your floor.
        Please do not borrow a colleague's badge: entries are logged by name.

        ## Found the old one?
        Do not use it, it stays blocked. Hand it in at reception.

        ## Things to know
        - The first replacement is free; we ask for 15 EUR from the third lost badge in a
          year.
        - Your new badge has the same access as the old one. Areas such as labs or the
          server room need to be [added again](article:badge-not-opening-door) only if
          they were temporary.
        - The badge also pays in the canteen; the balance moves to the new badge.
        """),
        keywords=(
            "badge",
            "pass",
            "access card",
            "id card",
            "key card",
            "staff card",
            "lost",
            "stolen",
            "missing",
            "replacement",
            "new badge",
            "block",
            "reception",
        ),
        services=(_BADGE,),
        related=("badge-not-opening-door", "visitor-badge", "agent-block-badge"),
    ),
    ArticleSpec(
        key="badge-not-opening-door",
        unit="FAC",
        title="Badge does not open a door",
        summary="When the reader blinks red, your access profile may miss that door or the "
        "reader is faulty. Access to other areas needs the area owner's approval.",
        body=dedent("""\
        ## Red light at a door you used before
        1. Hold the badge flat against the reader for a second; do not keep it in a wallet
           with other cards.
        2. Try another door on the same floor. If your badge works there, the reader at the
           first door may be faulty.
        3. File **Access badge**, the problem form: the **door** (e.g. *glass door on floor
           3*, *car park gate*), the time you tried, and the **badge number** (eight digits
           on the back). We check your access profile and the reader's log the same day.

        ## A door you never had access to
        Access to other areas (labs, the server room, the warehouse, another floor) is
        approved by the **area owner**. File **Access badge**, choose *Access to another
        area* and name the area; we ask the owner and add it once they approve, usually
        within **one working day**.

        ## Your badge opens nothing at all
        It may be blocked, for example because it was reported lost, or damaged. Ask
        reception for a day pass and file **Access badge**; a damaged badge is replaced
        like a [lost one](article:badge-lost).

        ## Locked in or out, or a door that will not close
        Call reception or security at your site at once; a door that does not close is
        reported under **Something broken in the building**.
        """),
        keywords=(
            "badge",
            "pass",
            "card",
            "access card",
            "door",
            "reader",
            "red light",
            "access",
            "entrance",
            "gate",
            "lab",
            "server room",
            "not working",
            "cannot get in",
        ),
        services=(_BADGE,),
        related=("badge-lost", "visitor-badge"),
    ),
    ArticleSpec(
        key="visitor-badge",
        unit="FAC",
        title="Visitors: badges and access for guests",
        summary="Register visitors a day ahead so reception has their badge ready; lab and "
        "warehouse access for visitors needs the area owner's approval.",
        body=dedent("""\
        ## Register your visitor
        File **Access badge**, choose *A visitor badge*, and give the visitor's name, their
        company, the day of the visit and your site. Register them **at least one working
        day** before; reception then has the badge ready.

        ## On the day
        Visitors sign in at **reception** with photo ID and get a visitor badge that opens
        the main entrance. **You collect them at reception** and accompany them in the
        building. The badge expires automatically at the end of the visit.

        ## Visitors in labs, the warehouse or the server room
        Ask for this in the same request. The area owner approves; add who accompanies the
        visitor. Visitors never get access to an area without someone from our company.

        ## Larger groups
        For a workshop with more than ten external guests, send reception the list of
        names two working days ahead, and order [guest wi-fi](article:wifi-guest-access)
        and a meeting room at the same time.
        """),
        keywords=(
            "visitor",
            "guest",
            "guests",
            "external",
            "customer visit",
            "reception",
            "sign in",
            "day pass",
            "lab access",
            "auditor",
        ),
        services=(_BADGE,),
        related=("wifi-guest-access", "badge-lost"),
    ),
    ArticleSpec(
        key="room-move",
        unit="FAC",
        title="Moving your desk or a whole team",
        summary="Give us two weeks' notice: we plan the move, bring crates, move desks, "
        "monitors and phones, and have network ports patched.",
        body=dedent("""\
        ## Ask early
        File **Desk or room move** at least **two weeks** before the move date:
        - **only you** or **your team** (team moves are requested by the team lead, with
          the number of people);
        - from which room, to which floor and desk numbers (e.g. `3.12` to `3.17`);
        - whether **network ports and phones** must move too;
        - furniture needed at the new place: desks, chairs, cabinets, whiteboards.

        ## The week before
        We send you a **timetable**. Crates arrive the day before the move: pack personal
        items, papers and small equipment, and label each crate with your name and new desk
        number. Empty your drawers; the pedestals move locked.

        ## Moving day
        Team moves usually happen **after 16:00** or on Fridays. The removal company moves
        crates, monitors and docks; we set up the desks and IT checks the network ports.
        Take your laptop home with you that evening.

        ## The day after
        Unpack and tell us within a week if anything is missing or damaged; we collect the
        empty crates. Something does not work at the new desk? The dock and monitors are
        IT: see [docking station](article:docking-station).
        """),
        keywords=(
            "move",
            "moving",
            "relocation",
            "office move",
            "new desk",
            "team move",
            "floor",
            "crates",
            "boxes",
            "removal",
            "seat",
            "workplace",
        ),
        services=(_MOVE,),
        related=("desk-booking", "docking-station"),
    ),
    ArticleSpec(
        key="desk-booking",
        unit="FAC",
        title="Booking a desk for the day",
        summary="Shared desks are booked in Outlook like a meeting room, up to four weeks "
        "ahead. Check in by 10:00 or the desk is released.",
        body=dedent("""\
        Most teams share desks. Book one for the days you come in.

        ## Book in Outlook
        1. Create a **new event** for the day (all day, or the hours you need).
        2. Click **Room finder** (or *Browse more rooms*) and choose the list **Desks**, then
           your site and floor, e.g. *Desks - Berlin floor 3*.
        3. Pick a free desk and send the invitation. The desk accepts by itself.

        On the phone, the **Outlook app** does the same: *New event > Location > Desks*.

        ## On the day
        Check in at the desk by **10:00** by scanning the QR code on the desk with your
        phone, or the booking is released for others. Cancel bookings you do not need, so
        colleagues find a desk.

        ## Rules
        - Up to **four weeks** ahead; at most three days in a row for the same desk.
        - Teams with fixed neighbourhoods book within them first.
        - Leave the desk clean: nothing left overnight, screen and dock unplugged from your
          laptop. Lockers on each floor are for your things.

        ## You need a fixed desk
        For medical reasons, or a standing desk on occupational health's advice: see
        [broken or new furniture](article:broken-furniture).
        """),
        keywords=(
            "desk",
            "hot desk",
            "hotdesking",
            "shared desk",
            "reserve",
            "reservation",
            "book",
            "seat",
            "workplace",
            "flex desk",
            "office",
            "room finder",
        ),
        services=(),
        related=("room-move", "broken-furniture"),
        review_in_days=-10,
    ),
    ArticleSpec(
        key="broken-furniture",
        unit="FAC",
        title="Broken chair or desk, and ergonomic furniture",
        summary="A broken chair is replaced within the week from our store; standing desks, "
        "monitor arms and footrests are ordered with Office furniture.",
        body=dedent("""\
        ## Broken furniture
        A chair that sinks, wobbles or lost an armrest, a desk that no longer goes up and
        down, a broken cabinet lock: file **Office furniture** and choose the item, with your
        room or desk number. We bring a replacement from the store, usually **within a
        week**, and take the broken one away (most chairs are repaired under warranty).

        If it is dangerous (a chair that tips, a desk with a loose top), stop using it and
        say so in the request: we come the same day.

        ## Ergonomic furniture
        | Item | How to get it |
        |---|---|
        | Standing desk | Request; occupational health looks at it first |
        | Office chair with special features | With occupational health's note |
        | Monitor arm, footrest | Request, no note needed |

        Stock items arrive within a week; special furniture takes **two to four weeks**.
        Attach occupational health's note if you have one.

        ## Not furniture
        Lights, blinds, heating and doors are reported under **Something broken in the
        building**: see [reporting something broken](article:report-building-fault).
        Monitors and docks are IT's.
        """),
        keywords=(
            "chair",
            "desk",
            "broken",
            "standing desk",
            "height adjustable",
            "ergonomic",
            "monitor arm",
            "footrest",
            "cabinet",
            "table",
            "furniture",
            "back pain",
            "repair",
        ),
        services=(_FURNITURE,),
        related=("report-building-fault", "desk-booking"),
    ),
    ArticleSpec(
        key="too-hot-too-cold",
        unit="FAC",
        title="Too hot or too cold in the office",
        summary="Offices are kept between 20 and 24 degrees. Check the room's thermostat, "
        "then report it with the room number; the technician or maintenance company comes "
        "the same day.",
        body=dedent("""\
        ## Check the room first
        1. The thermostat on the wall sets the room: **+/-** changes it by up to 3 degrees.
           It takes about an hour to notice.
        2. Radiators need space: move bags and papers away from them, and close windows
           (the heating turns off in a room with an open window).
        3. Blinds down on sunny afternoons keep rooms much cooler.

        Heating and air conditioning run on a timer: from 6:00 to 19:00 on working days.
        Rooms are cooler on Monday mornings.

        ## Report it
        File **Something broken in the building**, choose *Heating* or *Air conditioning*,
        and give the site, floor and room. Tell us the temperature if you have a
        thermometer, and whether it is the whole room or only near the windows.

        Our building technician checks the thermostat and valves the same day; the
        maintenance company comes for the air conditioning units.

        ## Water leaking from a radiator
        Put a bin under it, keep cables and papers away from the water, and call reception
        as well as filing the request (choose *Water leak*). The technician closes the
        valve straight away.
        """),
        keywords=(
            "heating",
            "heater",
            "radiator",
            "cold",
            "freezing",
            "hot",
            "warm",
            "temperature",
            "air conditioning",
            "aircon",
            "ac",
            "cooling",
            "climate",
            "thermostat",
            "degrees",
        ),
        services=(_BROKEN,),
        related=("report-building-fault",),
    ),
    ArticleSpec(
        key="report-building-fault",
        unit="FAC",
        title="Reporting something broken in the building",
        summary="Lights, doors, blinds, the coffee machine, a leak: how to report it so the "
        "right person comes, and what counts as urgent.",
        body=dedent("""\
        ## Report it
        File **Something broken in the building** and choose what is broken:
        *Heating*, *Air conditioning*, *Lights*, *A door or lock*, *Blinds*, *Kitchen or
        coffee machine*, *Water leak* or *Something else*. Add the **site, floor and room**
        (the number is on the sign next to the door) and a photo if it helps.

        ## How fast
        | Kind | We come |
        |---|---|
        | Someone at risk, water leaking, a door that does not lock | Same day; call reception too |
        | No heating, no light in a room, toilets | Same day |
        | A flickering light, a blind, the coffee machine | Within a week |

        Urgent things are also answered outside office hours by reception and security.

        ## Things we see often
        - **Flickering lights** are replaced with LED panels; tell us which row.
        - **Car park lights**: give the level and the pillar number.
        - **Coffee machine**: the display code helps the supplier bring the right part.

        Furniture is a separate request: see [broken furniture](article:broken-furniture).
        Too hot or cold? See [too hot or too cold](article:too-hot-too-cold).
        """),
        keywords=(
            "broken",
            "repair",
            "fix",
            "light",
            "lamp",
            "flickering",
            "door",
            "lock",
            "blinds",
            "coffee machine",
            "kitchen",
            "leak",
            "water",
            "toilet",
            "caretaker",
            "maintenance",
        ),
        services=(_BROKEN,),
        related=("too-hot-too-cold", "broken-furniture", "cleaning"),
    ),
    ArticleSpec(
        key="meeting-room-equipment",
        unit="FAC",
        title="Meeting room screen, camera and Teams panel",
        summary="Connect with the USB-C cable on the table or join from the Teams panel. "
        "Who to call when the screen, camera or sound in a room does not work.",
        body=dedent("""\
        Most meeting rooms have a screen, a camera and microphones for Teams, and a
        **touch panel** on the table.

        ## Join a Teams meeting
        1. Book the room in Outlook with the meeting: the meeting then appears on the panel.
        2. Tap **Join** on the panel. The room's camera and microphones are used; keep your
           laptop's microphone and speaker **off** to avoid an echo.
        3. To share your screen, join from your laptop as well (audio off) and click
           **Share**.

        ## Just show your screen
        Plug the **USB-C** cable on the table into your laptop (HDMI adapter in the drawer
        for older laptops). The screen switches to it by itself; if not, press **Input**
        on the remote.

        ## It does not work
        1. Restart the panel: **Settings > Restart device** on the panel (two minutes).
        2. Check that the screen is on and on the right input.
        3. Still nothing, or there is no sound or no picture: call the IT desk on extension
           **4000**; room technology is fixed by IT, and in a meeting we help right away.

        Broken furniture, lights or blinds in the room, or a missing cable or adapter, are
        Facilities': report them under **Something broken in the building** with the room.
        """),
        keywords=(
            "meeting room",
            "conference room",
            "screen",
            "projector",
            "display",
            "tv",
            "hdmi",
            "usb-c",
            "camera",
            "teams room",
            "panel",
            "presentation",
            "beamer",
            "video conference",
        ),
        services=(_BROKEN,),
        related=("teams-audio-headset", "report-building-fault"),
    ),
    ArticleSpec(
        key="cleaning",
        unit="FAC",
        title="Cleaning: spills, full bins and extra cleaning",
        summary="Offices are cleaned every evening. How to get a spill or a full bin seen to "
        "today, and extra cleaning after an event.",
        body=dedent("""\
        ## The regular cleaning
        The cleaning company cleans offices, kitchens and toilets **every working day after
        18:00**; meeting rooms also at lunchtime. Desks are wiped only when they are clear,
        so put papers and personal things away before you leave.

        ## Something needs cleaning now
        A spilt coffee, broken glass, a full bin or a toilet that needs attention: tell
        **reception**; the day cleaner comes within the hour. If nobody answers, file
        **Something broken in the building**, choose *Something else*, and give the room.

        ## Extra cleaning
        After a team event, a workshop with catering or before a customer visit, ask for
        extra cleaning **two working days** before, with the same request, the room and
        the time.

        ## Things to know
        - Dishes go into the dishwasher; the cleaners switch it on in the evening.
        - Paper and packaging go into the separate bins next to the printers and kitchens;
          confidential papers into the locked grey bins.
        - Fridges are cleared every Friday at 15:00: label what you want to keep.

        Something broken rather than dirty? See
        [reporting something broken](article:report-building-fault).
        """),
        keywords=(
            "cleaning",
            "cleaner",
            "dirty",
            "spill",
            "bin",
            "rubbish",
            "trash",
            "waste",
            "toilet",
            "kitchen",
            "dishes",
            "fridge",
            "hygiene",
        ),
        services=(_BROKEN,),
        related=("report-building-fault",),
    ),
    ArticleSpec(
        key="parking-berlin",
        unit="FAC",
        title="Parking at the Berlin Head Office",
        summary="The underground car park has 120 spaces: fixed spaces for those who need "
        "them, the rest booked by the day. Electric charging and bicycle parking.",
        body=dedent("""\
        ## The car park
        The underground car park under the Berlin Head Office has **120 spaces** on two
        levels. The **car park gate** opens with your badge.

        ## Booking a space
        Most spaces are **day spaces**, booked in Outlook like a desk: *New event > Room
        finder > Parking - Berlin*. Book up to two weeks ahead; bookings not used by 10:00
        are released.

        Fixed spaces go to colleagues with a disability, field staff who drive daily, and
        car pools of three or more. Apply with **Access badge**, choose *Access to another
        area* and write *car park*.

        ## Electric cars
        Twelve spaces on level -1 have chargers. Book them like any space, charge with the
        app shown on the charger, and move the car when it is full so others can charge.

        ## Bicycles
        The bicycle room by the rear entrance opens with your badge; showers and lockers are
        next to it.

        ## Problems
        - The gate does not open: see [badge does not open a door](article:badge-not-opening-door).
        - Lights out or something broken in the car park: file **Something broken in the
          building** with the level and pillar number.
        - Visitors park in the public car park next door; reception validates their ticket.
        """),
        keywords=(
            "parking",
            "car park",
            "garage",
            "car",
            "space",
            "spot",
            "charging",
            "electric",
            "ev",
            "bike",
            "bicycle",
            "gate",
        ),
        services=(_BADGE,),
        audience="departments",
        locations=("Berlin Head Office",),
        related=("badge-not-opening-door", "desk-booking"),
    ),
    ArticleSpec(
        key="hamburg-warehouse-access",
        unit="FAC",
        title="Hamburg Distribution Centre: warehouse access and safety shoes",
        summary="Office staff at Hamburg need warehouse access on their badge and safety "
        "shoes before entering the warehouse. Who approves, and where to get the shoes.",
        body=dedent("""\
        The warehouse at the Hamburg Distribution Centre is a separate security and safety
        area. Office badges do not open it.

        ## Getting access
        1. Do the short **warehouse safety briefing** with the shift lead on duty (30
           minutes, every working day at 9:00 and 14:00 at the goods-in office).
        2. File **Access badge**, choose *Access to another area* and write *Warehouse*. The
           warehouse supervisor approves; access is on your badge within a working day.

        ## Safety shoes and vests
        Safety shoes are required beyond the yellow line. The shift lead hands out your own
        pair at the briefing (bring your size); worn shoes are swapped at the goods-in
        office. Visitor shoes and high-visibility vests are there too.

        ## Shift workers
        Shift badges open the staff entrance on the north side from 5:30. A badge that stops
        working during a night shift: call the security lodge on the site, they issue a
        temporary badge.

        Lost badge? See [lost or stolen badge](article:badge-lost).
        """),
        keywords=(
            "warehouse",
            "hamburg",
            "access",
            "badge",
            "safety shoes",
            "shift",
            "goods in",
            "logistics",
            "forklift",
            "vest",
        ),
        services=(_BADGE,),
        audience="departments",
        locations=("Hamburg Distribution Centre",),
        related=("badge-lost", "badge-not-opening-door"),
        state="review",
    ),
    ArticleSpec(
        key="agent-block-badge",
        unit="FAC",
        title="Blocking a lost badge and printing a replacement",
        summary="For Facilities agents: block at once, check the access log, print the new "
        "badge with the same profile, and hand it over against photo ID.",
        body=dedent("""\
        Internal: for Facilities.

        ## 1. Block at once
        In the access control system, search the person, open the badge and set it to
        **Lost**. This blocks it at every site within a minute. Do not delete the badge:
        the log stays with it.

        ## 2. Check the log
        Look at the badge's entries since the time it was lost. Entries after that time:
        call security and note it in the ticket.

        ## 3. Print the replacement
        1. **Issue replacement** copies the access profile to a new badge number.
        2. Remove temporary areas whose approval has expired.
        3. Print at the reception of the person's site; the canteen balance moves with it.
        4. Third lost badge in a year: add the 15 EUR fee to the ticket for Finance.

        ## 4. Hand over
        Against **photo ID** only; never to a colleague. Reply in the ticket that the badge
        is at reception and resolve it when it is collected.
        """),
        keywords=("block badge", "access control", "replacement", "lost", "desk procedure"),
        services=(_BADGE,),
        audience="agents",
        related=("badge-lost",),
    ),
)
