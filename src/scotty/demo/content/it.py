"""What people ask the IT Service Desk, and how it answers."""

from scotty.demo.content import Topic, slots

VPN = Topic(
    key="vpn",
    weight=14,
    titles=(
        "VPN disconnects every few minutes",
        "Cannot connect to VPN from home",
        "VPN says 'certificate expired'",
        "VPN very slow since {weekday}",
    ),
    descriptions=(
        "Since {weekday} my VPN connection drops every five to ten minutes when I work from "
        "home. {client} just says 'connection lost' and reconnecting takes ages. My internet "
        "itself is fine (video calls without VPN work).",
        "I cannot connect to the VPN at all. {client} shows '{error}' after I enter my "
        "password and the MFA code. It worked last week. I have a customer call at 2 pm and "
        "need the shared drive.",
        "Working from a hotel this week and the VPN will not connect over the hotel wi-fi. "
        "Error: '{error}'. Tethering over my phone does work but is slow.",
    ),
    first_replies=(
        "Thanks for reporting this. I can see several failed attempts from your account in the "
        "VPN gateway log. Could you restart {client} and try once more while I watch the log?",
        "Sorry about the trouble. I have reset your VPN profile on our side; please quit "
        "{client} completely (also from the tray icon) and connect again.",
    ),
    questions=(
        "Could you send me a screenshot of the error and tell me which network you are on "
        "(home wi-fi, hotel, mobile hotspot)?",
        "Which version of {client} do you have? You can see it under Help > About.",
    ),
    answers=(
        "Screenshot attached. I am on my home wi-fi (Vodafone cable).",
        "Version is 5.1.3. I tried from my phone hotspot too, same error.",
        "I restarted the laptop, still the same.",
    ),
    notes=(
        "Gateway log shows '{error}' for this user only. Certificate on the laptop expired "
        "on the 3rd; auto-renewal did not run because the laptop was not on the network.",
        "Three other users at {site} report drops since {weekday}. Could be the firewall "
        "change made that day.",
    ),
    resolutions=(
        "Renewed the machine certificate remotely and pushed the current VPN profile. The "
        "connection has been stable for an hour.",
        "Updated {client} to the current version; the old one had a known keep-alive bug "
        "that dropped connections behind some home routers.",
        "The firewall rule change from {weekday} was rolled back by Infrastructure; VPN "
        "sessions are stable again.",
    ),
    next_desk=(
        "Check the gateway log again tomorrow morning for drops from this user",
        "Renew machine certificate remotely once the laptop is online",
    ),
    next_requester=(
        "Send a screenshot of the VPN error and the network you are on",
        "Restart the laptop while connected to the office network so the certificate renews",
    ),
    next_third_party=("Infrastructure to review the firewall change of {weekday}",),
    tags=("vpn", "remote-work", "network"),
    slots=slots(
        client=("GlobalProtect", "Cisco Secure Client", "FortiClient"),
        error=(
            "Gateway unreachable",
            "Certificate validation failed",
            "Authentication failed",
            "The VPN connection was terminated by the server",
        ),
    ),
    transfer_to="INF",
    transfer_share=0.25,
    handovers=(
        "Handing over to Infrastructure: the gateway drops sessions for several users since "
        "{weekday}; the client side looks fine.",
        "Passing to Infrastructure. Certificate is valid, profile is current, still '{error}'.",
    ),
    triage=(("low", "high"), ("medium", "high"), ("low", "medium"), ("high", "high")),
)

MOBILE_MAIL = Topic(
    key="mobile-mail",
    weight=12,
    titles=(
        "E-mail stopped syncing on my phone",
        "Set up work e-mail on new {phone_model}",
        "Outlook app asks for password again and again",
    ),
    descriptions=(
        "Since this morning my work e-mail does not update on my {phone_model} any more. The "
        "last mail I see is from yesterday evening. On the laptop everything is fine.",
        "I got a new {phone_model} and would like to have my work e-mail and calendar on it. "
        "The Outlook app asks for something called 'Intune' and then stops.",
        "The Outlook app on my {phone_model} keeps asking for my password, every few minutes. "
        "I enter it, it works for a moment, then asks again.",
    ),
    first_replies=(
        "Thanks for the details. Your phone is registered in our device management but its "
        "compliance check failed yesterday, which blocks mail. Please open the Company Portal "
        "app and tap 'Check status'.",
        "For a new phone you first need the Company Portal app from the App Store / Play Store. "
        "Sign in with your work account there, then Outlook will set itself up.",
    ),
    questions=(
        "Does the Company Portal app show your device as 'compliant'? A screenshot would help.",
        "Did you change your password recently? The phone may still use the old one.",
    ),
    answers=(
        "Company Portal says 'Not compliant: update required'. Updating now.",
        "Yes, I changed my password on Monday. Where do I enter the new one?",
        "It shows compliant now, but mail still does not come.",
    ),
    notes=(
        "Device shows non-compliant: OS version below minimum since the policy change.",
        "Removed the stale device registration; the user will re-enrol.",
    ),
    resolutions=(
        "The phone needed an operating system update to meet the security policy. After the "
        "update and a sync in Company Portal, mail and calendar work again.",
        "Removed the old device registration and re-enrolled the phone; Outlook now syncs.",
        "Signed the Outlook app out and in again with the new password; the prompts stopped.",
    ),
    next_desk=("Re-check device compliance after the requester's OS update",),
    next_requester=(
        "Update the phone's operating system and open Company Portal",
        "Send a screenshot of the Company Portal device status",
    ),
    next_third_party=("Microsoft support to look into the sync delay (case {case})",),
    tags=("email", "mobile", "intune"),
    slots=slots(phone_model=("iPhone 15", "iPhone 13", "Samsung Galaxy S23", "Pixel 8")),
    transfer_to="INF",
    transfer_share=0.08,
    handovers=("Device is compliant and re-enrolled, mailbox still does not sync: server side?",),
)

LAPTOP = Topic(
    key="laptop",
    weight=14,
    titles=(
        "Laptop will not start",
        "Laptop extremely slow",
        "Broken laptop screen",
        "Laptop battery drains in an hour",
        "Docking station: no external monitors",
    ),
    descriptions=(
        "My {laptop} does not start any more. The power light comes on, the screen stays "
        "black. I tried another charger. Asset tag {asset}.",
        "Since the last update my {laptop} is so slow that I can hardly work: opening Excel "
        "takes two minutes and the fan is loud all the time.",
        "I dropped my bag this morning and now the screen of my {laptop} has a crack and half "
        "of it is black. I can use an external monitor for now.",
        "When I put my {laptop} on the docking station my two monitors stay black. It used to "
        "work. The laptop screen itself works.",
    ),
    first_replies=(
        "Sorry to hear that. Please bring the laptop to the desk on {site}, floor {floor}; we "
        "will have a look and give you a loaner if it takes longer.",
        "Thanks. I can see the laptop in our inventory ({asset}). I have started a remote "
        "health check; it takes about 15 minutes.",
    ),
    questions=(
        "When would suit you to drop it off? We are on floor {floor} from 8 to 17.",
        "Does it still happen after a full restart (Start > Power > Restart, not shut down)?",
    ),
    answers=(
        "I can come by at 11 today.",
        "Restarted, it is a bit better but still slow.",
        "Yes, still the same after a restart.",
    ),
    notes=(
        "Disk at 98%: OneDrive cache is 180 GB. Battery health 61%.",
        "Warranty valid until next March; opened repair with the manufacturer.",
        "Loaner {loaner} handed out, to be returned when the repair is done.",
    ),
    resolutions=(
        "Replaced the laptop with a new {laptop}; data restored from OneDrive. Old device "
        "collected for repair.",
        "Cleared the OneDrive cache and a stuck update; the laptop is back to normal speed.",
        "Updated the docking station firmware and the display driver; both monitors work.",
        "Screen replaced under warranty by the manufacturer's technician.",
    ),
    next_desk=(
        "Prepare the replacement laptop and restore the user's data",
        "Chase the manufacturer for the repair date",
    ),
    next_requester=("Bring the laptop to the desk on floor {floor}",),
    next_third_party=("Manufacturer to send a technician for the screen (case {case})",),
    tags=("hardware", "laptop"),
    slots=slots(
        laptop=("ThinkPad T14", "Dell Latitude 5440", "MacBook Air", "HP EliteBook 840"),
        asset=("NB-20417", "NB-19833", "NB-21102", "NB-18560", "NB-22731"),
        loaner=("LOAN-07", "LOAN-12", "LOAN-03"),
    ),
    triage=(("low", "high"), ("low", "medium"), ("medium", "medium")),
)

PRINTER = Topic(
    key="printer",
    weight=10,
    titles=(
        "Printer on floor {floor} jams",
        "Cannot print to {printer}",
        "Scan to e-mail does not arrive",
        "Printer asks for toner",
    ),
    descriptions=(
        "The printer {printer} on floor {floor} jams on every second page since {weekday}. "
        "We already opened all the trays, nothing is stuck.",
        "My print jobs to {printer} stay in the queue with status 'error'. Colleagues can "
        "print. I need to print contracts today.",
        "I scan documents at {printer} and choose 'scan to e-mail', but nothing arrives. The "
        "display says 'sent'.",
    ),
    first_replies=(
        "Thanks. I have cleared the print queue for {printer} and reinstalled the driver "
        "remotely; please try printing a test page.",
        "We will send someone to look at {printer} on floor {floor} today.",
    ),
    questions=(
        "Is it one specific document or every document? Please tell me the file type.",
        "Could you tell me the number on the sticker on the front of the printer?",
    ),
    answers=(
        "Every document, also a plain Word file.",
        "The sticker says {printer}.",
    ),
    notes=(
        "Fuser unit at end of life according to the printer's web page.",
        "Scan-to-mail relay rejects messages over 10 MB; the scans are 25 MB.",
    ),
    resolutions=(
        "The fuser unit was worn out; the service technician replaced it and the printer "
        "no longer jams.",
        "Reinstalled the printer driver and removed a stuck job; printing works again.",
        "Lowered the scan resolution to 200 dpi so scans stay under the mail size limit.",
        "Replaced the toner cartridge and ordered spares for floor {floor}.",
    ),
    next_desk=("Replace the fuser when the part arrives",),
    next_requester=("Try printing a test page and tell us the result",),
    next_third_party=("Printer service company to send a technician (case {case})",),
    tags=("printer", "hardware"),
    slots=slots(printer=("PRN-B2-01", "PRN-B3-02", "PRN-M1-01", "PRN-H0-04")),
    transfer_to="INF",
    transfer_share=0.05,
    handovers=("Print server spooler keeps crashing: please have a look at the server side.",),
)

PASSWORD = Topic(
    key="password",
    weight=16,
    titles=(
        "Password reset",
        "Account locked",
        "Forgot my password after holiday",
        "Cannot sign in to Windows",
    ),
    descriptions=(
        "I came back from holiday and cannot remember my password. The self-service reset "
        "asks for my phone number, which I changed in the meantime.",
        "My account is locked, I probably typed the wrong password too often. Please unlock it.",
        "Windows says 'the user name or password is incorrect' although I am sure it is "
        "right. Caps lock is off.",
    ),
    first_replies=(
        "I have unlocked your account. To reset the password I need to verify it is you: "
        "please call the desk on extension 4000 or come by.",
        "Your account was locked after too many attempts from an old phone that still has "
        "your previous password. I unlocked it; please remove the account from that phone.",
    ),
    questions=(
        "For security I have to verify your identity. Could you call extension 4000?",
        "Do you have an old phone or tablet that still has your work account on it?",
    ),
    answers=(
        "Just called, talked to your colleague.",
        "Yes, my old iPad. I removed the account now.",
    ),
    notes=(
        "Identity verified by call-back to the number in the HR system.",
        "Lockouts come from an ActiveSync device last seen in {site}.",
    ),
    resolutions=(
        "Identity verified by phone; set a temporary password which the user changed at "
        "first sign-in. Updated the phone number for self-service reset.",
        "Unlocked the account and removed the old device that kept locking it.",
    ),
    next_desk=("Call the requester back to verify identity before the reset",),
    next_requester=("Call the desk on extension 4000 to verify your identity",),
    next_third_party=("HR to confirm the requester's new phone number",),
    tags=("account", "password"),
    triage=(("low", "high"), ("low", "medium")),
)

MFA = Topic(
    key="mfa",
    weight=9,
    titles=(
        "New phone: MFA codes no longer work",
        "Authenticator app lost",
        "MFA prompt does not appear",
    ),
    descriptions=(
        "I switched to a new phone and the Microsoft Authenticator app there has no work "
        "account. The old phone is already wiped. Now I cannot sign in anywhere.",
        "When I sign in I am told to approve the request in the app, but no notification "
        "arrives on my phone. I waited several minutes.",
    ),
    first_replies=(
        "No problem, this happens a lot. I have reset your MFA registration; at your next "
        "sign-in you will be asked to set up the app again on the new phone.",
        "Please open the Authenticator app directly: sometimes the request is waiting there "
        "even when no notification shows.",
    ),
    questions=(
        "Before I reset MFA I need to verify your identity: could you come by or call?",
        "Are notifications allowed for the Authenticator app in your phone's settings?",
    ),
    answers=(
        "I can come by after lunch.",
        "Notifications were off. Turned them on, still nothing.",
    ),
    notes=("Identity checked in person (staff ID card). MFA methods cleared.",),
    resolutions=(
        "Verified identity, reset the MFA registration; the user set up Authenticator on the "
        "new phone and can sign in.",
        "Notifications for the app were blocked by the phone's focus mode; sign-in works now.",
    ),
    next_desk=("Reset MFA after identity check",),
    next_requester=("Come by the desk with your staff ID to verify identity",),
    next_third_party=("Identity provider support to check the push service (case {case})",),
    tags=("mfa", "account", "security"),
    triage=(("low", "high"), ("medium", "high")),
)

SOFTWARE = Topic(
    key="software",
    weight=11,
    titles=(
        "Please install {software}",
        "Licence for {software}",
        "{software} crashes on start",
    ),
    descriptions=(
        "I need {software} for a project starting next week. My manager has approved it. "
        "Could you install it on my laptop?",
        "{software} closes immediately after the splash screen since yesterday's update. "
        "Reinstalling from the Software Center did not help.",
        "Our team needs two more licences for {software}: one for me, one for a new colleague.",
    ),
    first_replies=(
        "{software} is in the Software Center: open it from the Start menu, search for "
        "{software} and click Install. No admin rights needed.",
        "Licences for {software} need a cost centre and the manager's approval. I have asked "
        "your manager to approve in the request.",
    ),
    questions=(
        "Which cost centre should the licence be booked on?",
        "Could you send the crash message or the time it happened so we can find the log?",
    ),
    answers=("Cost centre 4410 (Finance Controlling).", "It crashed at 09:42 just now."),
    notes=(
        "Licence pool for {software} is empty; asked Applications to buy 5 more.",
        "Crash is a known issue with the latest update; vendor has a hotfix.",
    ),
    resolutions=(
        "Installed {software} through the Software Center and assigned a licence.",
        "Applied the vendor's hotfix; {software} starts normally again.",
        "Assigned two licences for {software} from the pool.",
    ),
    next_desk=("Install {software} remotely once the licence is assigned",),
    next_requester=("Ask your manager to approve the licence in the request",),
    next_third_party=("Vendor to deliver the hotfix for {software} (case {case})",),
    tags=("software", "licence"),
    slots=slots(software=("Visio", "Adobe Acrobat Pro", "Power BI Desktop", "MATLAB", "Zoom")),
    transfer_to="APP",
    transfer_share=0.2,
    handovers=("Needs packaging for the Software Center: handing over to Applications.",),
)

IT: tuple[Topic, ...] = (VPN, MOBILE_MAIL, LAPTOP, PRINTER, PASSWORD, MFA, SOFTWARE)
