"""What requesters type into the search box, each with the demo article that answers it:
lower case, half sentences, everyday words and a few typos, as people really type. The
search-quality test expects each article among the first three results.

Only published articles for everyone are expected, so any requester may find them.
Many questions use none of the words of the expected article's title and summary: they
are found through its keywords, its body and the synonyms.
"""

from scotty.demo.content.articles import SearchQuestion

Q = SearchQuestion

QUESTIONS: tuple[SearchQuestion, ...] = (
    # IT Service Desk
    Q("vpn keeps disconnecting", "vpn-keeps-disconnecting"),
    Q("globalprotect cuts out when working from home", "vpn-keeps-disconnecting"),
    Q("vpn wont connect from the hotel", "vpn-cannot-connect"),
    Q("gateway unreachable", "vpn-cannot-connect"),
    Q("set up vpn on new laptop", "vpn-new-laptop-setup"),
    Q("vpn says certificate expired", "vpn-certificate-error"),
    Q("pasword reset", "password-reset-self-service"),
    Q("forgot my password", "password-reset-self-service"),
    Q("my account is locked", "account-locked"),
    Q("locked out every morning", "account-locked"),
    Q("authenticator app on new phone", "mfa-new-phone"),
    Q("cannot get email on my phone", "email-iphone"),
    Q("outlook on iphone", "email-iphone"),
    Q("work mail on samsung galaxy", "email-android"),
    Q("phone keeps asking for my password", "phone-mail-password-prompts"),
    Q("outlook search not finding old emails", "outlook-search-not-working"),
    Q("access to the team mailbox", "shared-mailbox"),
    Q("paper stuck in tray 2", "printer-jams"),
    Q("toner empty", "printer-jams"),
    Q("printing not working", "printing-from-laptop"),
    Q("how do i add a printer", "printing-from-laptop"),
    Q("scans dont arrive in my inbox", "scan-to-email"),
    Q("need a new laptop", "new-laptop-request"),
    Q("new starter laptop", "new-laptop-request"),
    Q("nobody can hear me", "teams-audio-headset"),
    Q("headphones not working in calls", "teams-audio-headset"),
    Q("onedrive red cross", "onedrive-sync"),
    Q("install visio", "software-install"),
    Q("no admin rights to install a program", "software-install"),
    Q("second monitor stays black", "docking-station"),
    Q("access denied on the s drive", "shared-folder-access"),
    # Infrastructure and Applications
    Q("wifi for visitors", "wifi-guest-access"),
    Q("wlan unstable", "wifi-laptop-drops"),
    Q("no internet at my desk with the cable", "network-port-not-working"),
    Q("accidentally deleted a folder", "restore-deleted-file"),
    Q("supplier needs sftp access from outside", "supplier-firewall-access"),
    Q("cant log into sap", "sap-sign-in"),
    Q("dashboard figures not updated", "report-shows-old-numbers"),
    # HR
    Q("where is my payslip", "payslip-where-to-find"),
    Q("overtime not paid", "payslip-something-wrong"),
    Q("how many vacation days do i have left", "leave-request"),
    Q("unused holiday from last year", "leave-carry-over"),
    Q("i am ill today what do i do", "sick-leave"),
    Q("maternity", "parental-leave"),
    Q("new iban", "bank-details-change"),
    Q("someone joins my team next month", "onboarding-new-starter"),
    Q("proof of employment for my landlord", "employment-certificate"),
    Q("letter for my mortgage", "employment-certificate"),
    Q("can i work from spain for two weeks", "working-from-abroad"),
    Q("reduce my hours", "part-time-hours"),
    # Facilities
    Q("lost my badge", "badge-lost"),
    Q("door wont open with my card", "badge-not-opening-door"),
    Q("customer visiting us tomorrow needs a pass", "visitor-badge"),
    Q("our team is moving to another floor", "room-move"),
    Q("reserve a desk for tomorrow", "desk-booking"),
    Q("my chair is broken", "broken-furniture"),
    Q("freezing at my desk", "too-hot-too-cold"),
    Q("aircon not working", "too-hot-too-cold"),
    Q("light flickering in room", "report-building-fault"),
    Q("hdmi in the meeting room", "meeting-room-equipment"),
    Q("spilled coffee", "cleaning"),
    # Finance
    Q("how do i claim expenses", "expense-claim-how-to"),
    Q("reimbursement still not on my salary", "expense-claim-not-paid"),
    Q("lost the taxi receipt", "lost-receipt"),
    Q("credit card declined at hotel", "corporate-card"),
    Q("company credit card stolen", "corporate-card-lost"),
    Q("supplier sent a payment reminder", "invoice-payment-status"),
    Q("petrol money for driving to a customer", "mileage-own-car"),
    Q("daily allowance for meals abroad", "per-diems"),
    # Travel desk
    Q("book a train to munich", "book-business-trip"),
    Q("flight and hotel for a customer visit", "book-business-trip"),
    Q("change the date of my flight", "change-or-cancel-booking"),
    Q("stranded at frankfurt airport", "trip-disrupted"),
    Q("am i allowed business class", "rail-or-flight"),
    Q("does the company pay for my bahncard", "rail-or-flight"),
    Q("max price for a hotel in london", "hotel-policy"),
    Q("do i need a visa for india", "visa-and-invitation-letters"),
    Q("hospital costs while away for work", "travel-insurance"),
)
