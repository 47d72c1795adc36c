"""What people ask HR and Facilities, and their answers."""

from scotty.demo.content import Topic, slots

PAYSLIP = Topic(
    key="payslip",
    weight=10,
    titles=(
        "Payslip for {month} missing",
        "Overtime not paid in {month}",
        "Question about tax class on payslip",
    ),
    descriptions=(
        "I cannot find my payslip for {month} in the employee portal. The ones before are there.",
        "I worked 12 hours overtime in {month}, approved by my manager, but they are not on "
        "my payslip.",
        "My payslip still shows tax class I although I married in spring and sent the certificate.",
    ),
    first_replies=(
        "Thanks for letting us know. The {month} payslips were published a day late; yours "
        "should be in the portal now.",
        "I have checked with payroll: the overtime was approved after the cut-off date and "
        "will be paid with next month's salary.",
    ),
    questions=(
        "Could you send us a copy of the approval for the overtime hours?",
        "Did you receive a letter from the tax office confirming the new tax class?",
    ),
    answers=("Approval attached (e-mail from my manager).", "Yes, letter attached."),
    notes=(
        "Overtime entry was approved on the 27th, cut-off is the 25th.",
        "Tax data comes from ELStAM; the change arrived this month.",
    ),
    resolutions=(
        "The {month} payslip is now available in the employee portal.",
        "The overtime will be paid with next month's salary; payroll confirmed.",
        "The new tax class is applied from this month; the difference will be corrected.",
    ),
    next_desk=("Check with payroll when the correction will be paid",),
    next_requester=("Send the overtime approval from your manager",),
    next_third_party=("Payroll provider to re-issue the payslip (ref {case})",),
    tags=("payroll", "payslip"),
    slots=slots(month=("January", "February", "March", "April", "May", "June", "July")),
    triage=(("low", "medium"), ("low", "low")),
)

LEAVE = Topic(
    key="leave",
    weight=9,
    titles=(
        "Leave balance looks wrong",
        "Parental leave: what do I need to submit?",
        "Carry over remaining holiday days",
    ),
    descriptions=(
        "The portal shows 4 days of leave left but I count 9. I think the days in {month} "
        "were booked twice.",
        "I am expecting a child in autumn and would like to take parental leave. What do I "
        "need to submit, and by when?",
        "I could not take all my holiday last year because of the project. Can I carry the "
        "remaining 6 days over?",
    ),
    first_replies=(
        "You are right, the {month} days were booked twice. I have removed the duplicate.",
        "Congratulations! Parental leave must be requested in writing at least seven weeks "
        "before it starts. I have sent you the form and our guide.",
    ),
    questions=(
        "Could you confirm the dates you were actually away in {month}?",
        "Does your manager agree with carrying the days over?",
    ),
    answers=("I was away from the 12th to the 16th.", "Yes, she confirmed by e-mail."),
    notes=("Duplicate booking caused by the calendar sync of the 3rd.",),
    resolutions=(
        "Removed the duplicate booking; the balance now shows 9 days.",
        "Sent the parental leave form and guide; request received and confirmed.",
        "Approved carrying over 6 days until 31 March.",
    ),
    next_desk=("Confirm the parental leave request in writing",),
    next_requester=("Confirm the dates you were away",),
    next_third_party=("Leave system vendor to fix the duplicate bookings (case {case})",),
    tags=("leave", "absence"),
    slots=slots(month=("January", "March", "May", "August", "October")),
    triage=(("low", "low"), ("low", "medium")),
)

ONBOARDING = Topic(
    key="onboarding",
    weight=9,
    titles=(
        "Onboarding: new {role} starting {weekday}",
        "Leaver: last day of a {role}",
        "Equipment for new starter",
    ),
    descriptions=(
        "We have a new {role} starting on {weekday} the 1st. Please prepare the contract "
        "documents, the welcome day and the usual accounts.",
        "One of our {role}s leaves at the end of the month. What do we need to do, and when "
        "does the account get closed?",
    ),
    first_replies=(
        "Thanks! The welcome day is on the first Monday; I have started the onboarding "
        "checklist and asked IT for the laptop and accounts.",
        "I have started the leaver checklist: exit interview, equipment return and account "
        "closure on the last working day at 18:00.",
    ),
    questions=(
        "Could you confirm the start date, cost centre and the manager?",
        "Which equipment does the new colleague need besides the standard laptop?",
    ),
    answers=("Start date 1st, cost centre 2300, manager is me.", "A second monitor and a headset."),
    notes=("IT ticket for the laptop and accounts opened; Facilities asked for a desk.",),
    resolutions=(
        "Onboarding completed: contract signed, accounts and laptop ready, welcome day booked.",
        "Leaver process completed: equipment returned, account closed, certificate sent.",
    ),
    next_desk=("Send the contract for signature", "Book the welcome day"),
    next_requester=("Confirm start date, cost centre and manager",),
    next_third_party=("Background check provider to confirm (ref {case})",),
    tags=("onboarding", "people"),
    slots=slots(role=("Sales Manager", "Accountant", "Software Engineer", "Lab Technician")),
    triage=(("low", "medium"), ("medium", "medium")),
)

CONTRACT = Topic(
    key="contract",
    weight=7,
    titles=(
        "Change to part-time",
        "Employment certificate needed",
        "Question about my contract",
    ),
    descriptions=(
        "I would like to reduce my hours to 30 per week from next quarter. How do I apply?",
        "My bank needs an employment certificate for a mortgage. Could you issue one?",
        "My contract says 28 days of holiday but the portal shows 26. Which one is right?",
    ),
    first_replies=(
        "Part-time requests go through your manager first; I have sent you the form.",
        "Of course. The certificate will be ready within three working days.",
    ),
    questions=("Should the certificate state your salary, or only the employment?",),
    answers=("With salary please, the bank asked for it.",),
    notes=("Contract amendment from 2022 raised holidays to 28; portal not updated.",),
    resolutions=(
        "Employment certificate with salary sent by post and by e-mail.",
        "Portal corrected to 28 days according to the 2022 contract amendment.",
        "Part-time contract amendment signed, effective next quarter.",
    ),
    next_desk=("Prepare the contract amendment",),
    next_requester=("Return the signed part-time request form",),
    next_third_party=("Legal to review the amendment wording",),
    tags=("contract", "people"),
)

HEATING = Topic(
    key="heating",
    weight=9,
    titles=(
        "Too cold in room {room}",
        "Air conditioning not working on floor {floor}",
        "Radiator leaking in {room}",
    ),
    descriptions=(
        "It is only 17 degrees in room {room} since {weekday}. We are sitting in coats.",
        "The air conditioning on floor {floor} at {site} is off; it is 29 degrees in the "
        "afternoon.",
        "The radiator under the window in {room} is leaking, there is a puddle on the floor.",
    ),
    first_replies=(
        "Thanks, our technician will check the thermostat in room {room} this morning.",
        "We have informed the maintenance company; someone will come today.",
    ),
    questions=("Is it the whole room or only near the windows?",),
    answers=("Mostly near the windows, but everywhere really.",),
    notes=("Valve actuator on the floor {floor} heating circuit stuck.",),
    resolutions=(
        "Replaced the stuck valve actuator; the room reaches 21 degrees again.",
        "The maintenance company refilled the coolant; the air conditioning works.",
        "Replaced the radiator valve; the leak is fixed and the floor dried.",
    ),
    next_desk=("Technician to check the thermostat in room {room}",),
    next_requester=("Tell us the temperature tomorrow morning",),
    next_third_party=("Maintenance company visit (order {case})",),
    tags=("heating", "building"),
    triage=(("medium", "medium"), ("low", "medium"), ("medium", "high")),
)

DESK_MOVE = Topic(
    key="desk-move",
    weight=7,
    titles=("Desk move for team to floor {floor}", "Need a standing desk", "New chair request"),
    descriptions=(
        "Our team of six moves to floor {floor} on the 15th. We need the desks, monitors and "
        "phones moved.",
        "My doctor recommends a standing desk (certificate attached). Can I get one?",
    ),
    first_replies=(
        "We have planned the move for the 15th after 16:00; please pack personal items in "
        "the crates we bring on the 14th.",
        "Standing desks are available; we will install one at your place next week.",
    ),
    questions=("Which desk numbers should the team get on floor {floor}?",),
    answers=("Desks {floor}.12 to {floor}.17 please.",),
    notes=("Moving company booked for the 15th, 16:00.",),
    resolutions=(
        "Team moved to floor {floor}; desks, monitors and phones set up.",
        "Standing desk installed at the requester's place.",
    ),
    next_desk=("Deliver moving crates on the 14th",),
    next_requester=("Confirm the desk numbers on floor {floor}",),
    next_third_party=("Moving company on the 15th at 16:00 (order {case})",),
    tags=("move", "workplace"),
    triage=(("low", "low"), ("low", "medium")),
)

BADGE = Topic(
    key="badge",
    weight=8,
    titles=(
        "Badge does not open the door",
        "Lost my access badge",
        "Access to the lab for visitor",
    ),
    descriptions=(
        "My badge does not open the side entrance at {site} since {weekday}; the main entrance "
        "works.",
        "I lost my access badge, probably on the train. Please block it and issue a new one.",
    ),
    first_replies=(
        "I have blocked the lost badge; a new one will be ready at reception tomorrow.",
        "The side entrance was missing from your access profile; I have added it.",
    ),
    questions=("Could you bring a photo ID when you collect the new badge?",),
    answers=("Sure, I will come at 9.",),
    notes=("Badge 0{room} blocked in the access system.",),
    resolutions=(
        "Old badge blocked and new badge handed over at reception.",
        "Added the side entrance to the access profile; the badge opens it.",
    ),
    next_desk=("Print the new badge",),
    next_requester=("Collect the new badge at reception with a photo ID",),
    next_third_party=("Access system vendor to fix the reader (case {case})",),
    tags=("badge", "access", "security"),
    triage=(("low", "high"), ("low", "medium")),
)

LIGHTS = Topic(
    key="lights",
    weight=6,
    titles=(
        "Lights flickering in room {room}",
        "Light broken in the car park",
        "Lamp out in {room}",
    ),
    descriptions=(
        "The ceiling lights in meeting room {room} flicker constantly; it gives people headaches.",
        "Two lights at the car park entrance at {site} are out; it is very dark in the evening.",
    ),
    first_replies=("Thanks, the electrician will replace the tubes this week.",),
    questions=("Is it all the lights in {room} or only one row?",),
    answers=("Only the row by the window.",),
    notes=("Ballast defective, replacing with LED panel.",),
    resolutions=(
        "Replaced the defective ballast with an LED panel; no more flicker.",
        "The electrician replaced the lamps at the car park entrance.",
    ),
    next_desk=("Electrician to replace the lights",),
    next_requester=("Tell us which lights are affected",),
    next_third_party=("Electrical contractor visit (order {case})",),
    tags=("lights", "building"),
)

HR: tuple[Topic, ...] = (PAYSLIP, LEAVE, ONBOARDING, CONTRACT)
FACILITIES: tuple[Topic, ...] = (HEATING, DESK_MOVE, BADGE, LIGHTS)
