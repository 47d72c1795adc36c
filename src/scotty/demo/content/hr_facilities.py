"""What people ask HR and Facilities, and their answers."""

from scotty.demo.content import Case, Topic, slots

PAYSLIP = Topic(
    key="payslip",
    weight=10,
    tags=("payroll", "payslip"),
    slots=slots(month=("January", "February", "March", "April", "May", "June", "July")),
    triage=(("low", "medium"), ("low", "low")),
    cases=(
        Case(
            key="payslip-missing",
            weight=4,
            about=("missing",),
            titles=(
                "Payslip for {month} missing",
                "My {month} payslip is missing",
                "{month} payslip missing in the portal",
            ),
            descriptions=(
                "My payslip for {month} is missing in the employee portal. The ones before are "
                "there.",
                "I need my {month} payslip for a flat application, but it is missing in the "
                "portal.",
            ),
            first_replies=(
                "Thanks for letting us know. The {month} payslips were published a day late; "
                "yours should be in the portal now.",
                "Sorry about that. I can see your {month} payslip was not published; I have "
                "asked payroll to publish it.",
            ),
            questions=(
                "Could you check the portal again and tell us whether you see it now?",
                "Do you need a signed paper copy as well?",
            ),
            answers=("Yes, it is there now.", "Still not there.", "A PDF is enough, thanks."),
            notes=(
                "The publishing job for the {month} payslips skipped people who changed cost "
                "centre.",
                "The payroll provider re-sent the file with the missing payslips.",
            ),
            resolutions=(
                "The missing {month} payslip is now available in the employee portal.",
                "Payroll re-published the missing {month} payslip; it is in the portal.",
            ),
            next_desk=("Check with payroll when the payslip will be published",),
            next_requester=("Check the portal for the {month} payslip",),
            next_third_party=("Payroll provider to re-issue the missing payslip (ref {case})",),
        ),
        Case(
            key="payslip-overtime",
            weight=4,
            about=("overtime",),
            titles=(
                "Overtime not paid in {month}",
                "My overtime is not on the payslip",
                "Overtime hours for {month} missing from payslip",
            ),
            descriptions=(
                "I worked 12 hours overtime in {month}, approved by my manager, but they are "
                "not on my payslip.",
                "The overtime I worked at the trade fair in {month} was not paid. My manager "
                "approved it in the time system.",
            ),
            first_replies=(
                "I have checked with payroll: the overtime was approved after the cut-off date "
                "and will be paid with next month's salary.",
                "Thanks. I am checking the overtime entries for {month} in the time system.",
            ),
            questions=("Could you send us a copy of the approval for the overtime hours?",),
            answers=(
                "Approval attached (e-mail from my manager).",
                "My manager approved it in the time system on the 27th.",
            ),
            notes=("The overtime was approved on the 27th; the cut-off is the 25th.",),
            resolutions=(
                "The overtime will be paid with next month's salary; payroll confirmed.",
                "Payroll paid the approved overtime as a correction this month.",
            ),
            next_desk=("Check with payroll when the overtime will be paid",),
            next_requester=("Send the overtime approval from your manager",),
            next_third_party=("Payroll provider to add the overtime correction (ref {case})",),
        ),
        Case(
            key="payslip-tax-class",
            weight=2,
            about=("tax",),
            titles=(
                "Question about tax class on payslip",
                "Wrong tax class on my payslip",
                "Tax class not updated after marriage",
            ),
            descriptions=(
                "My payslip still shows tax class I although I married in spring and sent the "
                "certificate.",
                "After my marriage in {month} I changed the tax class at the tax office, but my "
                "payslip did not change.",
            ),
            first_replies=(
                "Thanks. Tax classes come to us from the tax office electronically (ELStAM); I "
                "am checking what we received.",
                "Sorry for the confusion. We have not received the new tax class yet; it can "
                "take a month.",
            ),
            questions=(
                "Did you receive a letter from the tax office confirming the new tax class?",
            ),
            answers=("Yes, letter attached.", "Not yet, I applied in {month}."),
            notes=("Tax data comes from ELStAM; the change arrived this month.",),
            resolutions=(
                "The new tax class is applied from this month; the difference will be corrected.",
                "The tax office's change arrived; the next payslip shows the new tax class, "
                "back-dated.",
            ),
            next_desk=("Check the ELStAM data for the new tax class",),
            next_requester=("Send the tax office's letter about the new tax class",),
            next_third_party=("Tax office to send the new tax class electronically",),
        ),
    ),
)

LEAVE = Topic(
    key="leave",
    weight=9,
    tags=("leave", "absence"),
    slots=slots(month=("January", "March", "May", "August", "October")),
    triage=(("low", "low"), ("low", "medium")),
    cases=(
        Case(
            key="leave-balance",
            weight=4,
            about=("balance",),
            titles=(
                "Leave balance looks wrong",
                "Wrong holiday balance in the portal",
                "My leave balance is too low",
            ),
            descriptions=(
                "My leave balance in the portal shows 4 days left but I count 9. I think the "
                "days in {month} were booked twice.",
                "My holiday balance dropped by 3 days overnight although I did not book anything.",
            ),
            first_replies=(
                "Thanks. I am going through your bookings to see where the balance differs.",
                "Thanks. A calendar sync on the 3rd booked some leave twice; I am checking "
                "whether your balance is affected.",
            ),
            questions=("Could you confirm the dates you were actually away in {month}?",),
            answers=("I was away from the 12th to the 16th.", "Only the 12th to the 14th."),
            notes=("Duplicate booking caused by the calendar sync of the 3rd.",),
            resolutions=(
                "Removed the duplicate booking; the leave balance is correct again.",
                "Corrected the booking from {month}; the balance shows the right number of days.",
            ),
            next_desk=("Correct the balance once the dates are confirmed",),
            next_requester=("Confirm the dates you were away",),
            next_third_party=("Leave system vendor to fix the duplicate bookings (case {case})",),
        ),
        Case(
            key="leave-parental",
            weight=3,
            about=("parental",),
            titles=(
                "Parental leave: what do I need to submit?",
                "Applying for parental leave",
                "Question about parental leave",
            ),
            descriptions=(
                "I am expecting a child in autumn and would like to take parental leave. What "
                "do I need to submit, and by when?",
                "My partner and I want to split parental leave: I would take the months after "
                "hers. How do I apply?",
            ),
            first_replies=(
                "Congratulations! Parental leave must be requested in writing at least seven "
                "weeks before it starts. I have sent you the form and our guide.",
                "Congratulations! I have sent you the parental leave form; you can split the "
                "months as you like within the legal limits.",
            ),
            questions=(
                "From which date would you like the parental leave to start, and for how long?",
            ),
            answers=("From 1 October, for six months.", "Starting in January, for two months."),
            notes=("Parental leave request received; the seven-week notice period is met.",),
            resolutions=(
                "Sent the parental leave form and guide; request received and confirmed.",
                "Confirmed the parental leave in writing; payroll and the manager are informed.",
            ),
            next_desk=("Confirm the parental leave request in writing",),
            next_requester=("Send the signed parental leave form",),
            next_third_party=("Payroll provider to record the parental leave (ref {case})",),
        ),
        Case(
            key="leave-carry-over",
            weight=2,
            about=("carry",),
            titles=(
                "Carry over remaining holiday days",
                "Can I carry over my leave?",
                "Carrying over holiday into the new year",
            ),
            descriptions=(
                "I could not take all my holiday last year because of the project. Can I carry "
                "the remaining 6 days over?",
                "Can I carry over the days I could not take because I was ill in {month}?",
            ),
            first_replies=(
                "Days can be carried over until 31 March with your manager's agreement.",
                "Thanks. I am checking your remaining days and the carry-over rules for your "
                "contract.",
            ),
            questions=("Does your manager agree with carrying the days over?",),
            answers=("Yes, she confirmed by e-mail.", "I will ask her today."),
            notes=("Manager's agreement to the carry-over is in the file.",),
            resolutions=(
                "Approved carrying over the remaining days until 31 March.",
                "The days carry over into this year's balance, to be taken by 31 March.",
            ),
            next_desk=("Book the carried-over days once the manager agrees",),
            next_requester=("Ask your manager to agree to carrying the days over",),
            next_third_party=("Leave system vendor to fix the carry-over run (case {case})",),
        ),
    ),
)

ONBOARDING = Topic(
    key="onboarding",
    weight=6,
    tags=("onboarding", "people"),
    slots=slots(role=("Sales Manager", "Accountant", "Software Engineer", "Lab Technician")),
    triage=(("low", "medium"), ("medium", "medium")),
    cases=(
        Case(
            key="onboarding-joiner",
            weight=4,
            about=("start",),
            titles=(
                "Onboarding: new {role} starting {weekday}",
                "New {role} starts on the 1st",
                "New starter in our team",
            ),
            descriptions=(
                "We have a new {role} starting on {weekday} the 1st. Please prepare the "
                "contract documents, the welcome day and the usual accounts.",
                "A new {role} will start in my team next month. What do you need from me?",
            ),
            first_replies=(
                "Thanks! The welcome day is on the first Monday; I have started the onboarding "
                "checklist and asked IT for the laptop and accounts.",
                "Welcome to the new colleague! I have started the onboarding checklist; we need "
                "a few details from you.",
            ),
            questions=("Could you confirm the start date, cost centre and the manager?",),
            answers=(
                "Start date 1st, cost centre 2300, manager is me.",
                "The 1st of next month, cost centre 2300; I am the manager.",
            ),
            notes=(
                "IT ticket for the laptop and accounts opened; Facilities asked for a desk.",
                "Contract sent for signature; start date confirmed.",
            ),
            resolutions=(
                "Onboarding completed before the start date: contract signed, accounts and "
                "laptop ready, welcome day booked.",
                "Everything is ready for the start: signed contract, accounts, laptop and a "
                "place on the welcome day.",
            ),
            next_desk=("Send the contract for signature", "Book the welcome day"),
            next_requester=("Confirm start date, cost centre and manager",),
            next_third_party=("Background check provider to confirm (ref {case})",),
        ),
        Case(
            key="onboarding-equipment",
            weight=2,
            about=("equipment",),
            titles=(
                "Equipment for new starter",
                "Equipment for a new {role}",
                "Extra equipment for a new colleague",
            ),
            descriptions=(
                "Our new {role} starts on the 1st. Besides the standard laptop, which equipment "
                "can we order for them?",
                "The new colleague needs a second monitor and a headset as equipment from day one.",
            ),
            first_replies=(
                "Thanks. The standard equipment is ordered automatically; I have passed the "
                "extra items to IT.",
                "I have added the equipment to the onboarding checklist.",
            ),
            questions=("Which equipment does the new colleague need besides the standard laptop?",),
            answers=("A second monitor and a headset.", "A second monitor and a headset, please."),
            notes=("IT asked to add the extra equipment to the laptop order.",),
            resolutions=(
                "The equipment is ready at the IT desk for the first day.",
                "Ordered the extra equipment; it is delivered to the new colleague's desk "
                "before the first day.",
            ),
            next_desk=("Order the extra equipment for the new colleague",),
            next_requester=("List the equipment the new colleague needs",),
            next_third_party=("Supplier to deliver the equipment (order {case})",),
        ),
    ),
)

LEAVERS = Topic(
    key="leavers",
    weight=3,
    tags=("offboarding", "people"),
    slots=slots(role=("Sales Manager", "Accountant", "Software Engineer", "Lab Technician")),
    triage=(("low", "medium"), ("medium", "medium")),
    cases=(
        Case(
            key="leaver",
            about=("leav",),
            titles=(
                "Leaver: last day of a {role}",
                "Colleague leaving at the end of the month",
                "A {role} in my team is leaving",
            ),
            descriptions=(
                "One of our {role}s leaves at the end of the month. What do we need to do, and "
                "when does the account get closed?",
                "Our {role} is leaving us on the 30th. Please start whatever is needed.",
            ),
            first_replies=(
                "I have started the leaver checklist: exit interview, equipment return and "
                "account closure on the last working day at 18:00.",
                "Thanks for letting us know. The leaver checklist is started; your colleague "
                "gets an invitation to the exit interview.",
            ),
            questions=("Could you confirm the last working day and any remaining holiday?",),
            answers=(
                "The last day is the 30th, with 3 days of holiday left.",
                "The 30th; the holiday is already taken.",
            ),
            notes=("Leaver checklist: laptop and badge to be returned on the last day.",),
            resolutions=(
                "Leaver process completed: equipment returned, account closed, reference "
                "letter sent.",
                "Leaving date recorded; remaining holiday paid out and the reference letter sent.",
            ),
            next_desk=("Prepare the reference letter",),
            next_requester=("Confirm the last working day",),
            next_third_party=("Payroll provider to pay out the remaining holiday (ref {case})",),
        ),
    ),
)

CONTRACT = Topic(
    key="contract",
    weight=7,
    tags=("contract", "people"),
    cases=(
        Case(
            key="contract-part-time",
            weight=3,
            about=("part-time",),
            titles=(
                "Change to part-time",
                "Part-time from next quarter",
                "Reducing my hours: part-time request",
            ),
            descriptions=(
                "I would like to reduce my hours to 30 per week from next quarter. How do I "
                "apply for part-time?",
                "After my parental leave I would like to come back part-time, 25 hours a week.",
            ),
            first_replies=(
                "Part-time requests go through your manager first; I have sent you the form.",
                "Thanks. Part-time is possible in your role; please fill in the form with the "
                "hours and the start date.",
            ),
            questions=(
                "From which date and with how many hours per week would you like to work "
                "part-time?",
            ),
            answers=("From 1 July.", "From the start of next quarter."),
            notes=("The manager supports the part-time request.",),
            resolutions=(
                "Part-time contract amendment signed, effective next quarter.",
                "Part-time amendment sent and signed; payroll informed.",
            ),
            next_desk=("Prepare the contract amendment",),
            next_requester=("Return the signed part-time request form",),
            next_third_party=("Legal to review the amendment wording",),
        ),
        Case(
            key="contract-certificate",
            weight=2,
            about=("certificate",),
            titles=(
                "Employment certificate needed",
                "Certificate of employment, please",
                "Need an employment certificate",
            ),
            descriptions=(
                "My bank needs an employment certificate for a mortgage. Could you issue one?",
                "For my visa renewal I need a certificate that I am employed here.",
            ),
            first_replies=(
                "Of course. The certificate will be ready within three working days.",
                "Sure. I am preparing the certificate; it needs the HR manager's signature.",
            ),
            questions=("Should the certificate state your salary, or only the employment?",),
            answers=("With salary, please.", "Only the employment."),
            notes=("A certificate with salary needs the HR manager's signature.",),
            resolutions=(
                "Employment certificate sent by post and by e-mail.",
                "The signed certificate of employment is ready for collection at HR.",
            ),
            next_desk=("Prepare the employment certificate",),
            next_requester=("Tell us whether the certificate should state the salary",),
            next_third_party=("Translation office to translate the certificate (ref {case})",),
        ),
        Case(
            key="contract-holiday",
            weight=2,
            about=("holiday",),
            titles=(
                "Holiday days: contract and portal differ",
                "Question about holiday in my contract",
                "Contract says 28 days of holiday",
            ),
            descriptions=(
                "My contract says 28 days of holiday but the portal shows 26. Which one is right?",
                "Since my contract amendment I should have 28 days of holiday, but the portal "
                "still counts 26.",
            ),
            first_replies=(
                "Thanks. I am checking your contract file; the amendment may not have reached "
                "the portal.",
                "Good question. The contract is what counts; I am comparing it with the portal.",
            ),
            questions=("Do you have a copy of the amendment that raised your holiday?",),
            answers=("Yes, attached, signed in 2022.", "I will look for it at home and send it."),
            notes=(
                "Contract amendment from 2022 raised holidays to 28; the portal was not updated.",
            ),
            resolutions=(
                "Corrected the portal to 28 days of holiday according to the 2022 contract "
                "amendment.",
                "Added the two missing holiday days to this year's balance.",
            ),
            next_desk=("Correct the entitlement in the portal",),
            next_requester=("Send us the amendment that raised your holiday",),
            next_third_party=("Leave system vendor to load the new entitlement (case {case})",),
        ),
    ),
)

HEATING = Topic(
    key="heating",
    weight=6,
    tags=("heating", "building"),
    triage=(("medium", "medium"), ("low", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="heating-cold",
            weight=4,
            about=("cold",),
            titles=(
                "Too cold in room {room}",
                "Room {room} is cold since {weekday}",
                "Heating off, it is cold on floor {floor}",
            ),
            descriptions=(
                "It is only 17 degrees in room {room} since {weekday}. We are sitting in coats, "
                "it is too cold to work.",
                "The radiators on floor {floor} stay cold all day; the thermometer shows 18 "
                "degrees.",
            ),
            first_replies=(
                "Thanks, our technician will check the thermostat in room {room} this morning.",
                "Sorry about the cold. We have informed the maintenance company; someone will "
                "come today.",
            ),
            questions=("Is it the whole room or only near the windows?",),
            answers=("Mostly near the windows, but everywhere really.", "The whole room."),
            notes=(
                "Valve actuator on the floor {floor} heating circuit stuck; that is why the "
                "radiators stay cold.",
            ),
            resolutions=(
                "Replaced the stuck valve actuator; the room is no longer cold and reaches 21 "
                "degrees.",
                "The maintenance company bled the heating circuit on floor {floor}; the cold "
                "radiators are warm again.",
            ),
            next_desk=("Technician to check the thermostat in room {room}",),
            next_requester=("Tell us tomorrow morning whether it is still cold",),
            next_third_party=("Maintenance company visit (order {case})",),
        ),
        Case(
            key="heating-leak",
            weight=2,
            about=("leak",),
            titles=(
                "Radiator leaking in {room}",
                "Water leaking from radiator in room {room}",
                "Leak under the window in {room}",
            ),
            descriptions=(
                "The radiator under the window in {room} is leaking, there is a puddle on the "
                "floor.",
                "Water is leaking from the radiator valve in room {room}; we put a bin under it.",
            ),
            first_replies=(
                "Thanks, the technician is on the way to close the valve; please keep cables "
                "and papers away from the water.",
                "We have informed the maintenance company about the leak; someone will come today.",
            ),
            questions=("Is it still leaking after the technician closed the valve?",),
            answers=("No, it stopped.", "A little, a few drops an hour."),
            notes=(
                "Radiator valve in {room} corroded, leaking at the gland; replacement ordered.",
            ),
            resolutions=(
                "Replaced the radiator valve; the leak is fixed and the floor dried.",
                "Tightened the leaking gland and refilled the heating circuit; no more water.",
            ),
            next_desk=("Technician to close the radiator valve in room {room}",),
            next_requester=("Tell us if the radiator starts leaking again",),
            next_third_party=("Maintenance company to replace the valve (order {case})",),
        ),
    ),
)

COOLING = Topic(
    key="cooling",
    weight=3,
    tags=("air-conditioning", "building"),
    triage=(("medium", "medium"), ("low", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="air-conditioning",
            about=("air conditioning",),
            titles=(
                "Air conditioning not working on floor {floor}",
                "Air conditioning off in room {room}",
                "Air conditioning not cooling",
            ),
            descriptions=(
                "The air conditioning on floor {floor} at {site} is off; it is 29 degrees in "
                "the afternoon.",
                "The air conditioning in meeting room {room} only blows warm air.",
            ),
            first_replies=(
                "Thanks. We have informed the maintenance company; someone will come today to "
                "check the air conditioning.",
                "Sorry about the heat. I have reset the unit for your zone remotely; please "
                "tell us whether it cools within an hour.",
            ),
            questions=("Is the air conditioning completely off, or does it blow warm air?",),
            answers=("It blows, but the air is warm.", "Completely off, no sound at all."),
            notes=("The unit for zone {floor}-East reports low refrigerant pressure.",),
            resolutions=(
                "The maintenance company refilled the coolant; the air conditioning works.",
                "Replaced the faulty fan motor; the air conditioning cools again.",
            ),
            next_desk=("Check the temperature on floor {floor} tomorrow afternoon",),
            next_requester=("Tell us the temperature tomorrow afternoon",),
            next_third_party=("Maintenance company to repair the air conditioning (order {case})",),
        ),
    ),
)

MOVES = Topic(
    key="moves",
    weight=4,
    tags=("move", "workplace"),
    triage=(("low", "low"), ("low", "medium")),
    cases=(
        Case(
            key="team-move",
            about=("move",),
            titles=(
                "Desk move for team to floor {floor}",
                "Team move to floor {floor} on the 15th",
                "Move six desks to floor {floor}",
            ),
            descriptions=(
                "Our team of six moves to floor {floor} on the 15th. We need the desks, "
                "monitors and phones moved.",
                "We move to floor {floor} on the 15th; please plan the move of our six workplaces.",
            ),
            first_replies=(
                "We have planned the move for the 15th after 16:00; please pack personal items "
                "in the crates we bring on the 14th.",
                "Thanks. I will plan the move with the removal company and send you the timetable.",
            ),
            questions=("Which desk numbers should the team get on floor {floor}?",),
            answers=(
                "Desks {floor}.12 to {floor}.17 please.",
                "The six by the windows, {floor}.01 to {floor}.06.",
            ),
            notes=(
                "Removal company booked for the 15th, 16:00.",
                "IT asked to patch the network ports before the move.",
            ),
            resolutions=(
                "Team moved to floor {floor}; desks, monitors and phones set up.",
                "Move completed; crates collected and the old desks are free.",
            ),
            next_desk=("Deliver moving crates on the 14th",),
            next_requester=("Confirm the desk numbers on floor {floor}",),
            next_third_party=("Removal company on the 15th at 16:00 (order {case})",),
        ),
    ),
)

FURNITURE = Topic(
    key="furniture",
    weight=3,
    tags=("furniture", "workplace"),
    triage=(("low", "low"), ("low", "medium")),
    cases=(
        Case(
            key="standing-desk",
            weight=2,
            about=("standing desk",),
            titles=(
                "Need a standing desk",
                "Standing desk on medical advice",
                "Request for a standing desk",
            ),
            descriptions=(
                "My doctor recommends a standing desk (certificate attached). Can I get one?",
                "I have back problems and would like to try a standing desk at my place in "
                "room {room}.",
            ),
            first_replies=(
                "Standing desks are available; we will install one at your place next week.",
                "Thanks. Our occupational health service looks at standing desk requests "
                "first; I have passed yours on.",
            ),
            questions=("Which desk number is your place?",),
            answers=("Desk {floor}.08 in room {room}.", "The one by the door in room {room}."),
            notes=("Two standing desks in stock in the basement store.",),
            resolutions=(
                "Standing desk installed at the requester's place.",
                "Replaced the desk in room {room} with an electric standing desk.",
            ),
            next_desk=("Install the standing desk in room {room}",),
            next_requester=("Tell us your desk number",),
            next_third_party=("Furniture supplier to deliver the standing desk (order {case})",),
        ),
        Case(
            key="chair",
            about=("chair",),
            titles=(
                "New chair request",
                "My office chair is broken",
                "Broken chair in room {room}",
            ),
            descriptions=(
                "The gas lift of my office chair is broken: it sinks to the lowest position "
                "within minutes.",
                "My chair in room {room} wobbles and the armrest fell off. Can I get a new one?",
            ),
            first_replies=(
                "Thanks. We will bring you a replacement chair from the store this week.",
                "Sorry about that. We will pick up the broken chair and bring a new one.",
            ),
            questions=(
                "Which desk number is your place, so we bring the chair to the right place?",
            ),
            answers=("Desk {floor}.08 in room {room}.", "The one by the door in room {room}."),
            notes=("The chair is still under warranty; the supplier collects it.",),
            resolutions=(
                "Replaced the broken chair with a new one from the store.",
                "The supplier repaired the chair under warranty.",
            ),
            next_desk=("Bring a replacement chair to room {room}",),
            next_requester=("Tell us your desk number",),
            next_third_party=(
                "Furniture supplier to collect the chair under warranty (order {case})",
            ),
        ),
    ),
)

BADGE = Topic(
    key="badge",
    weight=8,
    tags=("badge", "access", "security"),
    triage=(("low", "high"), ("low", "medium")),
    cases=(
        Case(
            key="badge-door",
            weight=3,
            about=("door",),
            titles=(
                "Badge does not open the door",
                "Door does not open with my badge",
                "Door reader refuses my badge",
            ),
            descriptions=(
                "My badge does not open the side door at {site} since {weekday}; the main "
                "entrance works.",
                "The door to our office on floor {floor} does not open with my badge any more; "
                "the reader blinks red.",
            ),
            first_replies=(
                "Thanks. I am checking which doors your access profile includes.",
                "Sorry about that. Could you try once more at the door? I have re-synchronised "
                "your badge.",
            ),
            questions=("Which door exactly, and at what time did you try?",),
            answers=(
                "The side door by the car park, at 7:45.",
                "The door to our office on floor {floor}, just now.",
            ),
            notes=(
                "The access profile lost the door after the profile clean-up of {weekday}.",
                "The reader at the door logs 'card not readable': reader fault.",
            ),
            resolutions=(
                "Added the door to the access profile; the badge opens it.",
                "Replaced the faulty reader at the door; badges work again.",
            ),
            next_desk=("Add the door to the access profile",),
            next_requester=("Tell us which door does not open and when you tried",),
            next_third_party=("Access system vendor to fix the door reader (case {case})",),
        ),
        Case(
            key="badge-lost",
            weight=4,
            about=("lost",),
            titles=(
                "Lost my access badge",
                "Badge lost, please block it",
                "Lost badge: need a new one",
            ),
            descriptions=(
                "I lost my access badge, probably on the train. Please block it and issue a new "
                "one.",
                "I think I lost my badge in the canteen yesterday. Nobody has found it so far.",
            ),
            first_replies=(
                "I have blocked the lost badge; a new one will be ready at reception tomorrow.",
                "Thanks for telling us quickly. The lost badge is blocked; reception prints a "
                "new one.",
            ),
            questions=("Could you bring a photo ID when you collect the new badge?",),
            answers=("Sure, I will come at 9.", "Yes, I will bring my passport."),
            notes=("Lost badge blocked in the access system; replacement printed.",),
            resolutions=(
                "Lost badge blocked and new badge handed over at reception.",
                "Blocked the lost badge and issued a new one; the old one no longer opens any "
                "door.",
            ),
            next_desk=("Print the new badge",),
            next_requester=("Collect the new badge at reception with a photo ID",),
            next_third_party=("Access system vendor to deliver new badge blanks (order {case})",),
        ),
        Case(
            key="badge-visitor",
            weight=1,
            about=("visitor",),
            titles=(
                "Access to the lab for visitor",
                "Visitor badge with lab access",
                "Visitor needs access to the lab",
            ),
            descriptions=(
                "An auditor visits us on {weekday} and needs access to the lab on floor {floor} "
                "for the day. Can the visitor get a badge?",
                "We have a visitor from our partner for three days next week; can they get a "
                "badge that opens the lab?",
            ),
            first_replies=(
                "Thanks. Visitor badges for the lab need the lab manager's approval; I have "
                "asked for it.",
                "Sure. Reception prepares a visitor badge; the lab access is added once the lab "
                "manager approves.",
            ),
            questions=("What is the visitor's name and company, and who accompanies them?",),
            answers=(
                "Dr. Anna Brandt from TÜV; I accompany her.",
                "Marco Rossi from our Milan partner; my colleague accompanies him.",
            ),
            notes=("The lab manager approved the visitor's access.",),
            resolutions=(
                "Visitor badge with lab access ready at reception.",
                "Issued a visitor badge with lab access; it expires automatically.",
            ),
            next_desk=("Prepare the visitor badge at reception",),
            next_requester=("Send the visitor's name and company",),
            next_third_party=("Lab manager to approve the visitor's access",),
        ),
    ),
)

LIGHTS = Topic(
    key="lights",
    weight=6,
    tags=("lights", "building"),
    cases=(
        Case(
            key="lights-flicker",
            weight=3,
            about=("flicker",),
            titles=(
                "Lights flickering in room {room}",
                "Flickering ceiling light in {room}",
                "Light keeps flickering in room {room}",
            ),
            descriptions=(
                "The ceiling lights in meeting room {room} flicker constantly; it gives people "
                "headaches.",
                "One light in room {room} started flickering on {weekday}; it is right above my "
                "desk.",
            ),
            first_replies=(
                "Thanks, the electrician will check the flickering lights this week.",
                "Sorry about that. The electrician will look at the light in room {room} tomorrow.",
            ),
            questions=("Is it all the lights in {room} or only one row?",),
            answers=("Only the row by the window.", "Just the one above my desk."),
            notes=("Ballast defective, which causes the flicker; replacing it with an LED panel.",),
            resolutions=(
                "Replaced the defective ballast with an LED panel; no more flicker.",
                "Replaced the flickering tubes in room {room}.",
            ),
            next_desk=("Electrician to replace the lights",),
            next_requester=("Tell us which lights are affected",),
            next_third_party=("Electrical contractor visit (order {case})",),
        ),
        Case(
            key="lights-car-park",
            weight=2,
            about=("car park",),
            titles=(
                "Light broken in the car park",
                "Car park lights out at {site}",
                "Car park lights not working",
            ),
            descriptions=(
                "Two lights at the car park entrance at {site} are out; it is very dark in the "
                "evening.",
                "The lights on the lower level of the car park at {site} do not come on any more.",
            ),
            first_replies=(
                "Thanks, the electrician will replace the lamps in the car park this week.",
                "Thanks for telling us; a dark car park is a safety issue, so the electrician "
                "comes today.",
            ),
            questions=("Which level of the car park, and near which pillar number?",),
            answers=("Lower level, pillars 12 to 14.", "At the entrance ramp."),
            notes=("The timer of the car park lighting lost its schedule after the power cut.",),
            resolutions=(
                "The electrician replaced the lamps in the car park.",
                "Reset the car park lighting timer; the lights come on at dusk again.",
            ),
            next_desk=("Electrician to replace the lamps",),
            next_requester=("Tell us which lights are out",),
            next_third_party=("Electrical contractor visit (order {case})",),
        ),
        Case(
            key="lights-lamp",
            weight=1,
            about=("lamp",),
            titles=(
                "Lamp out in {room}",
                "Lamp in room {room} does not work",
                "Broken lamp in room {room}",
            ),
            descriptions=(
                "The lamp above the table in room {room} is out; the room is too dark for "
                "workshops.",
                "The lamp in room {room} stopped working on {weekday}; changing the bulb did "
                "not help.",
            ),
            first_replies=(
                "Thanks, the caretaker will look at it this week.",
                "Sorry about that. The electrician will check the lamp and its fitting.",
            ),
            questions=("Is it the lamp above the table or the one by the door?",),
            answers=("Above the table.", "The one by the door."),
            notes=("Lamp socket burnt; replacing the fitting.",),
            resolutions=(
                "Replaced the lamp fitting in room {room}; the lamp works again.",
                "Replaced the lamp in room {room} with an LED one.",
            ),
            next_desk=("Caretaker to replace the lamp in room {room}",),
            next_requester=("Tell us which lamp in room {room} is out",),
            next_third_party=("Electrical contractor to replace the lamp fitting (order {case})",),
        ),
    ),
)

HR: tuple[Topic, ...] = (PAYSLIP, LEAVE, ONBOARDING, LEAVERS, CONTRACT)
FACILITIES: tuple[Topic, ...] = (HEATING, COOLING, MOVES, FURNITURE, BADGE, LIGHTS)
