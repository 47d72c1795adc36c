"""What people ask the IT Service Desk, and how it answers."""

from scotty.demo.content import Case, Topic, slots

VPN = Topic(
    key="vpn",
    weight=14,
    tags=("vpn", "remote-work", "network"),
    slots=slots(client=("GlobalProtect", "Cisco Secure Client", "FortiClient")),
    transfer_to="INF",
    transfer_share=0.25,
    triage=(("low", "high"), ("medium", "high"), ("low", "medium"), ("high", "high")),
    cases=(
        Case(
            key="vpn-drops",
            weight=5,
            about=("drop",),
            titles=(
                "VPN drops every few minutes",
                "VPN keeps dropping when I work from home",
                "VPN connection drops since {weekday}",
            ),
            descriptions=(
                "Since {weekday} my VPN connection drops every five to ten minutes when I "
                "work from home. {client} just says 'connection lost' and reconnecting takes "
                "ages. My internet itself is fine (video calls without VPN work).",
                "The VPN keeps dropping in the middle of calls and file copies. {client} "
                "reconnects on its own after a minute, but whatever I had open on the shared "
                "drive is lost.",
                "My VPN drops every few minutes since {weekday}, mostly in the afternoon. "
                "Colleagues in my team say theirs drops too.",
            ),
            first_replies=(
                "Thanks for reporting this. I can see your sessions ending after a few minutes "
                "in the VPN gateway log. Could you leave {client} connected for half an hour "
                "while I watch the log?",
                "Sorry about the trouble. Several colleagues report drops since {weekday}, so "
                "it may not be your laptop; we are looking into it. Meanwhile please check that "
                "{client} is up to date (Help > About).",
            ),
            questions=(
                "Does it also drop when you use your phone's hotspot instead of your home "
                "wi-fi? That tells us whether your router is involved.",
                "Which version of {client} do you have? You can see it under Help > About.",
            ),
            answers=(
                "Over the hotspot it has been stable for an hour, so maybe it is my router?",
                "Version is 5.1.3. It dropped twice again this morning.",
                "Same with the hotspot, it dropped after ten minutes.",
            ),
            notes=(
                "Gateway log: the user's sessions end with 'keep-alive timeout' every 5-10 "
                "minutes. Client 5.1.3 has the known keep-alive bug.",
                "Three other users at {site} report drops since {weekday}. Could be the "
                "firewall change made that day.",
            ),
            resolutions=(
                "Updated {client} to the current version; the old one had a known keep-alive "
                "bug that made connections drop behind some home routers. No drops since.",
                "The firewall rule change from {weekday} was rolled back by Infrastructure; "
                "VPN sessions no longer drop.",
                "Switched the VPN profile to TCP: the home router closed idle UDP sessions, "
                "which made the connection drop. Stable for a day now.",
            ),
            next_desk=(
                "Check the gateway log tomorrow morning for drops from this user",
                "Push the current {client} version to the laptop",
            ),
            next_requester=(
                "Tell us whether the VPN also drops over your phone's hotspot",
                "Install the {client} update from the Software Center and restart",
            ),
            next_third_party=("Infrastructure to review the firewall change of {weekday}",),
            handovers=(
                "Handing over to Infrastructure: the gateway drops sessions for several users "
                "since {weekday}; the client side looks fine.",
                "Passing to Infrastructure: client is current, profile is fresh, the session "
                "still drops every few minutes. Gateway side?",
            ),
        ),
        Case(
            key="vpn-connect",
            weight=5,
            about=("connect",),
            titles=(
                "Cannot connect to VPN",
                "VPN will not connect: '{error}'",
                "VPN does not connect any more",
            ),
            descriptions=(
                "I cannot connect to the VPN at all. {client} shows '{error}' after I enter my "
                "password and the MFA code. It worked last week. I have a customer call at "
                "2 pm and need the shared drive.",
                "Working from a hotel this week and the VPN will not connect over the hotel "
                "wi-fi. Error: '{error}'. Tethering over my phone does connect but is slow.",
                "Since {weekday} {client} cannot connect from home. It tries for a minute and "
                "then shows '{error}'.",
            ),
            first_replies=(
                "Thanks for reporting this. I can see several failed connection attempts from "
                "your account in the VPN gateway log. Could you restart {client} and try once "
                "more while I watch the log?",
                "Sorry about the trouble. I have reset your VPN profile on our side; please "
                "quit {client} completely (also from the tray icon) and connect again.",
            ),
            questions=(
                "Could you send me a screenshot of the error and tell me which network you are "
                "on (home wi-fi, hotel, mobile hotspot)?",
                "Does it connect when you use your phone's hotspot instead?",
            ),
            answers=(
                "Screenshot attached.",
                "Over my phone's hotspot it connects; only the wi-fi fails.",
                "I restarted the laptop, still the same error.",
            ),
            notes=(
                "Gateway log shows '{error}' for this user only; the attempts never reach the "
                "authentication step.",
                "Some networks (hotels, guest wi-fi) block the VPN's UDP port; the fallback "
                "over TCP 443 is not in the user's old profile.",
            ),
            resolutions=(
                "Pushed the current VPN profile, which falls back to port 443 when a network "
                "blocks the usual one; the VPN connects again.",
                "Reset the VPN profile and cleared the cached gateway address; {client} "
                "connects again.",
                "The account was missing from the VPN access group after the department "
                "change; added it back and the connection works.",
            ),
            next_desk=("Reset the VPN profile and ask the requester to connect again",),
            next_requester=("Send a screenshot of the VPN error and the network you are on",),
            next_third_party=("Infrastructure to check why the gateway refuses the connection",),
            handovers=(
                "Passing to Infrastructure: the profile is current and the account is in the "
                "VPN group, but the gateway still refuses to connect with '{error}'.",
            ),
            slots=slots(
                error=(
                    "Gateway unreachable",
                    "Authentication failed",
                    "The VPN connection was terminated by the server",
                    "Could not establish a connection",
                )
            ),
        ),
        Case(
            key="vpn-certificate",
            weight=2,
            about=("certificate",),
            titles=(
                "VPN certificate error",
                "VPN certificate error on my laptop",
                "VPN refuses my certificate",
            ),
            descriptions=(
                "Since this morning {client} says my certificate has expired and will not let "
                "me in. I have been working from home for three weeks.",
                "When I start the VPN I get a certificate error: 'Certificate validation "
                "failed'. I did not change anything on the laptop.",
            ),
            first_replies=(
                "Thanks. The machine certificate the VPN uses renews itself when the laptop is "
                "in the office network; after a few weeks at home it can expire. I will try to "
                "renew it remotely.",
                "Sorry about that. I can see your laptop's certificate expired on the 3rd. I "
                "can renew it while the laptop is online; could you keep it on and connected "
                "to your home network?",
            ),
            questions=(
                "Could you come to the office one day this week? Ten minutes on the office "
                "network renew the certificate.",
                "Is the laptop switched on and online right now, so I can push the new "
                "certificate?",
            ),
            answers=(
                "I can be in the office on {weekday}.",
                "Yes, it is on now, connected to my home wi-fi.",
            ),
            notes=(
                "Machine certificate expired on the 3rd; auto-renewal did not run because the "
                "laptop was not on the network.",
                "The certificate template allows renewal over the management channel; trying "
                "that first.",
            ),
            resolutions=(
                "Renewed the machine certificate remotely and pushed the current VPN profile. "
                "The connection has been stable for an hour.",
                "The laptop renewed its certificate on the office network; the VPN accepts it "
                "again.",
            ),
            next_desk=("Renew the machine certificate remotely once the laptop is online",),
            next_requester=(
                "Connect the laptop to the office network for ten minutes so the certificate "
                "renews",
            ),
            next_third_party=(
                "PKI team to check why certificate auto-renewal fails for remote laptops",
            ),
            handovers=(
                "Handing over to Infrastructure: renewing the certificate over the management "
                "channel fails for this laptop; please check the PKI side.",
            ),
        ),
        Case(
            key="vpn-slow",
            weight=2,
            about=("slow",),
            titles=(
                "VPN very slow since {weekday}",
                "Everything is slow over the VPN",
                "Shared drive slow over VPN",
            ),
            descriptions=(
                "Since {weekday} everything over the VPN is very slow: opening a file on the "
                "shared drive takes minutes. Calls without VPN are fine.",
                "The VPN connects, but it is so slow that opening anything on the shared drive "
                "times out. My home internet is fast (speed test 250 Mbit/s).",
            ),
            first_replies=(
                "Thanks. Your sessions land on the gateway in {site}, which is busy at the "
                "moment; I will look at its load and at your connection.",
                "Sorry about that. Could you disconnect and connect again? {client} then picks "
                "the nearest gateway, which is often faster.",
            ),
            questions=(
                "Is it slow all day or only at certain times? And are you on wi-fi or cable at "
                "home?",
            ),
            answers=(
                "Mostly in the morning between 9 and 11, on wi-fi.",
                "All day. I am on cable.",
            ),
            notes=(
                "Gateway in {site} at 95% throughput between 9 and 11; the second gateway is "
                "almost idle.",
                "The user's profile is pinned to one gateway; the current profile balances "
                "between both.",
            ),
            resolutions=(
                "Pushed the current VPN profile, which balances between both gateways; file "
                "access is no longer slow.",
                "Infrastructure added capacity to the gateway; the VPN is no longer slow in the "
                "morning.",
                "The laptop's cloud backup ran through the VPN; moved it outside the tunnel, "
                "and the VPN is not slow any more.",
            ),
            next_desk=("Watch the gateway load tomorrow morning",),
            next_requester=("Tell us when the VPN is slow and whether you use wi-fi or cable",),
            next_third_party=("Infrastructure to add capacity to the VPN gateway",),
            handovers=(
                "Passing to Infrastructure: the {site} gateway is at full throughput every "
                "morning and users find the VPN slow.",
            ),
        ),
    ),
)

MOBILE_MAIL = Topic(
    key="mobile-mail",
    weight=12,
    tags=("email", "mobile", "intune"),
    slots=slots(phone_model=("iPhone 15", "iPhone 13", "Samsung Galaxy S23", "Pixel 8")),
    transfer_to="INF",
    transfer_share=0.2,  # of the sync problems, the only ones that can be the server's
    cases=(
        Case(
            key="mail-sync",
            weight=5,
            about=("sync",),
            titles=(
                "E-mail stopped syncing on my phone",
                "Work mail does not sync on my {phone_model}",
                "Mail and calendar not syncing to my phone",
            ),
            descriptions=(
                "Since this morning my work e-mail does not sync on my {phone_model} any more. "
                "The last mail I see is from yesterday evening. On the laptop everything is "
                "fine.",
                "My {phone_model} stopped syncing work mail and calendar on {weekday}. I missed "
                "a meeting change because of it.",
            ),
            first_replies=(
                "Thanks for the details. Your phone is registered in our device management but "
                "its compliance check failed yesterday, which blocks the sync. Please open the "
                "Company Portal app and tap 'Check status'.",
                "Sorry about that. Could you open the Outlook app and go to Settings > your "
                "account > Reset account? That forces a fresh sync.",
            ),
            questions=(
                "Does the Company Portal app show your device as 'compliant'? A screenshot "
                "would help.",
                "Did the account reset in Outlook change anything?",
            ),
            answers=(
                "Company Portal says 'Not compliant: update required'. Updating now.",
                "It shows compliant now, but mail still does not come.",
                "After the reset the mail came in, but the calendar is still old.",
            ),
            notes=(
                "Device shows non-compliant: OS version below minimum since the policy change.",
                "Mailbox sync log shows the device blocked by conditional access since yesterday.",
            ),
            resolutions=(
                "The phone needed an operating system update to meet the security policy. "
                "After the update and a sync in Company Portal, mail and calendar sync again.",
                "Removed the stale device registration and re-enrolled the phone; Outlook "
                "syncs again.",
            ),
            next_desk=("Re-check device compliance after the requester's OS update",),
            next_requester=(
                "Update the phone's operating system and open Company Portal",
                "Send a screenshot of the Company Portal device status",
            ),
            next_third_party=("Microsoft support to look into the sync delay (case {case})",),
            handovers=(
                "Device is compliant and re-enrolled, the mailbox still does not sync: server "
                "side?",
            ),
        ),
        Case(
            key="mail-new-phone",
            weight=4,
            about=("set up",),
            titles=(
                "Set up work e-mail on new {phone_model}",
                "How do I set up work mail on my new phone?",
                "Cannot set up Outlook on my new {phone_model}",
            ),
            descriptions=(
                "I got a new {phone_model} and would like to have my work e-mail and calendar "
                "on it. When I try to set up the Outlook app it asks for something called "
                "'Intune' and then stops.",
                "I am trying to set up my work mail on my new {phone_model}. Outlook says my "
                "organisation requires the device to be managed. What do I need to do?",
            ),
            first_replies=(
                "For a new phone you first need the Company Portal app from the App Store / "
                "Play Store. Sign in with your work account there, then Outlook will set "
                "itself up.",
                "Thanks. To set up work mail, the phone has to be enrolled in our device "
                "management first; I have sent you our two-minute guide.",
            ),
            questions=(
                "Which step of the guide stops you? A screenshot of the message would help.",
                "Is your old phone still registered, or did you hand it in?",
            ),
            answers=(
                "It stops at 'Registering your device'.",
                "The old phone is wiped, I gave it back last week.",
                "I followed the guide, Company Portal is installed now.",
            ),
            notes=(
                "User already has the maximum of three registered devices; the set-up stops "
                "at registration.",
                "Enrolment blocked: the phone still has a work profile from a previous employer.",
            ),
            resolutions=(
                "Removed the old registrations (limit of three devices), and the user could set "
                "up Company Portal and Outlook on the new phone.",
                "Set up Company Portal and Outlook together with the requester at the desk; "
                "mail and calendar are on the new phone.",
            ),
            next_desk=("Remove the old device registrations so the set-up can finish",),
            next_requester=(
                "Install Company Portal and follow the set-up guide",
                "Send a screenshot of the step where the set-up stops",
            ),
            next_third_party=("Microsoft support to check the enrolment error (case {case})",),
        ),
        Case(
            key="mail-password-prompts",
            weight=3,
            about=("password",),
            titles=(
                "Outlook app asks for password again and again",
                "Phone keeps asking for my password",
                "Password prompts in Outlook on my {phone_model}",
            ),
            descriptions=(
                "The Outlook app on my {phone_model} keeps asking for my password, every few "
                "minutes. I enter it, it works for a moment, then asks again.",
                "Since I changed my password on {weekday} my phone asks for it constantly. Mail "
                "on the laptop works.",
            ),
            first_replies=(
                "Thanks. This often happens after a password change: the phone still tries the "
                "old one. Please remove your work account from the Outlook app and add it "
                "again.",
                "Sorry about that. I have signed your phone's sessions out on our side; the "
                "next time Outlook asks for the password, enter the new one once.",
            ),
            questions=(
                "Did you change your password recently? The phone may still use the old one.",
                "Is there a second mail app on the phone (the built-in Mail app) that also has "
                "your work account?",
            ),
            answers=(
                "Yes, on {weekday}. Where do I enter the new one?",
                "Yes, the built-in Mail app has it too, from before.",
                "I removed and added the account; it asked once and then stopped.",
            ),
            notes=(
                "Sign-in log: the built-in Mail app keeps trying the old password, which "
                "triggers the prompts in Outlook.",
                "Sessions revoked for the user's phone.",
            ),
            resolutions=(
                "Signed the Outlook app out and in again with the new password; the password "
                "prompts stopped.",
                "Removed the work account from the phone's built-in Mail app, which still used "
                "the old password; Outlook no longer asks for it.",
            ),
            next_desk=("Revoke the phone's sessions so it asks for the new password once",),
            next_requester=(
                "Remove the work account from the Outlook app and add it again with the new "
                "password",
            ),
            next_third_party=(
                "Microsoft support to check the repeated password prompts (case {case})",
            ),
        ),
    ),
)

LAPTOP = Topic(
    key="laptop",
    weight=14,
    tags=("hardware", "laptop"),
    slots=slots(
        laptop=("ThinkPad T14", "Dell Latitude 5440", "MacBook Air", "HP EliteBook 840"),
        asset=("NB-20417", "NB-19833", "NB-21102", "NB-18560", "NB-22731"),
        loaner=("LOAN-07", "LOAN-12", "LOAN-03"),
    ),
    triage=(("low", "high"), ("low", "medium"), ("medium", "medium")),
    cases=(
        Case(
            key="laptop-start",
            weight=4,
            about=("start",),
            titles=(
                "Laptop will not start",
                "My {laptop} does not start any more",
                "Laptop does not start after update",
            ),
            descriptions=(
                "My {laptop} does not start any more. The power light comes on, the screen "
                "stays black. I tried another charger. Asset tag {asset}.",
                "This morning my laptop would not start: it shows the logo, restarts, shows "
                "the logo again. I have a presentation at 11.",
            ),
            first_replies=(
                "Sorry to hear that. Please bring the laptop to the desk on {site}, floor "
                "{floor}; we will have a look and give you a loaner if it takes longer.",
                "Thanks. Please hold the power button for 30 seconds with the charger "
                "unplugged, then try to start it again; that resets the power controller.",
            ),
            questions=(
                "When would suit you to drop it off? We are on floor {floor} from 8 to 17.",
                "Did the power reset help, or does it still not start?",
            ),
            answers=(
                "I can come by at 11 today.",
                "Still the same, it does not start.",
                "It started after the reset, but I am afraid it will happen again.",
            ),
            notes=(
                "Diagnostics confirm a mainboard fault. Warranty valid until next March; "
                "opened a repair with the manufacturer.",
                "Loaner {loaner} handed out, to be returned when the repair is done.",
                "Boot loop after the BIOS update; recovery from the USB stick works.",
            ),
            resolutions=(
                "Replaced the laptop with a new {laptop}; data restored from OneDrive. The old "
                "one, which no longer started, was collected for repair.",
                "Recovered the BIOS from the USB stick after the failed update; the laptop "
                "starts normally again.",
                "The manufacturer replaced the mainboard under warranty; the laptop starts "
                "again and the loaner is back.",
            ),
            next_desk=(
                "Prepare the replacement laptop and restore the user's data",
                "Chase the manufacturer for the mainboard repair",
            ),
            next_requester=("Bring the laptop that does not start to the desk on floor {floor}",),
            next_third_party=(
                "Manufacturer to repair the laptop that does not start (case {case})",
            ),
        ),
        Case(
            key="laptop-slow",
            weight=4,
            about=("slow",),
            titles=(
                "Laptop extremely slow",
                "{laptop} very slow since the update",
                "Laptop so slow I can hardly work",
            ),
            descriptions=(
                "Since the last update my {laptop} is so slow that I can hardly work: opening "
                "Excel takes two minutes and the fan is loud all the time.",
                "Since the update last week my laptop has become slow: starting up takes ten "
                "minutes, and Teams freezes during calls.",
            ),
            first_replies=(
                "Thanks. I can see the laptop in our inventory ({asset}). I have started a "
                "remote health check; it takes about 15 minutes.",
                "Sorry to hear that. A laptop that is slow after an update often has an update "
                "half-installed; could you restart it (Start > Power > Restart, not shut down)?",
            ),
            questions=(
                "Does it still happen after a full restart (Start > Power > Restart, not shut "
                "down)?",
                "Is it slow all the time, or only while OneDrive is syncing (the cloud icon "
                "turns blue)?",
            ),
            answers=(
                "Restarted, it is a bit better but still slow.",
                "Yes, still the same after a restart.",
                "The OneDrive icon spins all the time.",
            ),
            notes=(
                "Disk at 98%: the OneDrive cache is 180 GB. That explains the slow start.",
                "An update is stuck at 30% and retries every hour in the background.",
            ),
            resolutions=(
                "Cleared the OneDrive cache and a stuck update; the laptop is no longer slow.",
                "Upgraded the memory from 8 to 16 GB; the laptop is no longer slow with Excel "
                "and Teams open.",
                "Reinstalled the laptop with the current image and restored the data from "
                "OneDrive; it is no longer slow.",
            ),
            next_desk=(
                "Clean up the disk and the stuck update remotely",
                "Order a memory upgrade for {asset}",
            ),
            next_requester=("Restart the laptop fully and tell us whether it is still slow",),
            next_third_party=("Manufacturer to check the slow laptop's hardware (case {case})",),
        ),
        Case(
            key="laptop-screen",
            weight=3,
            about=("screen",),
            titles=(
                "Broken laptop screen",
                "Screen of my {laptop} is damaged",
                "Laptop screen needs repair",
            ),
            descriptions=(
                "I dropped my bag this morning and now the screen of my {laptop} has a crack "
                "and half of it is black. I can use an external monitor for now.",
                "The screen of my laptop has a thin line across it and flickers when I open "
                "the lid more than halfway. Asset tag {asset}.",
            ),
            first_replies=(
                "Sorry to hear that. Please bring the laptop to the desk on {site}, floor "
                "{floor}; we will check whether the screen can be replaced under warranty and "
                "give you a loaner meanwhile.",
                "Thanks. Screen damage is usually covered by our warranty and damage cover; I "
                "am opening a repair with the manufacturer.",
            ),
            questions=(
                "Could you send a photo of the screen, so the technician brings the right part?",
                "When would suit you to drop the laptop off? We are on floor {floor} from 8 to 17.",
            ),
            answers=(
                "Photo attached.",
                "I can come by at 11 today.",
                "I will bring it tomorrow morning.",
            ),
            notes=(
                "Screen panel damaged; damage cover valid until next March. Repair opened with "
                "the manufacturer.",
                "Loaner {loaner} handed out, to be returned when the screen is replaced.",
            ),
            resolutions=(
                "Screen replaced under warranty by the manufacturer's technician.",
                "Replaced the screen panel and its display cable; the picture is clear again.",
            ),
            next_desk=("Swap the screen when the part arrives",),
            next_requester=(
                "Bring the laptop with the broken screen to the desk on floor {floor}",
            ),
            next_third_party=("Manufacturer to send a technician for the screen (case {case})",),
        ),
        Case(
            key="laptop-battery",
            weight=1,
            about=("battery",),
            titles=(
                "Laptop battery drains in an hour",
                "Battery of my {laptop} lasts only an hour",
                "Laptop battery empty after one meeting",
            ),
            descriptions=(
                "The battery of my {laptop} lasts about an hour now; a year ago it was a whole "
                "day. I travel a lot and need it.",
                "My laptop battery goes from full to 20% during one meeting, even with the "
                "brightness turned down.",
            ),
            first_replies=(
                "Thanks. I have read the battery report remotely and will tell you what it says.",
                "Batteries wear out after a few hundred charges. I will check yours and order a "
                "new one if it is below 70% health.",
            ),
            questions=(
                "Does it drain that fast even when only Outlook is open?",
                "When are you in the office, so we can swap the battery?",
            ),
            answers=("Yes, even with only Outlook.", "I am in the office on {weekday}."),
            notes=(
                "Battery health 61% after 640 cycles; ordered a replacement battery.",
                "A Teams add-in keeps the processor at 30% in the background; that drains the "
                "battery too.",
            ),
            resolutions=(
                "Replaced the worn battery (61% health); it lasts a working day again.",
                "Removed the add-in that kept the processor busy; the battery now lasts five "
                "hours.",
            ),
            next_desk=("Swap the battery when the replacement arrives",),
            next_requester=("Tell us when you are in the office so we can swap the battery",),
            next_third_party=("Manufacturer to deliver the replacement battery (case {case})",),
        ),
        Case(
            key="laptop-dock",
            weight=2,
            about=("dock",),
            titles=(
                "Docking station: no external monitors",
                "Monitors stay black on the dock",
                "Dock does not detect my {laptop}",
            ),
            descriptions=(
                "When I put my {laptop} on the docking station my two monitors stay black. It "
                "used to work. The laptop screen itself works.",
                "Since {weekday} the dock at my desk in room {room} only charges the laptop: no "
                "monitors, no keyboard, no network.",
            ),
            first_replies=(
                "Thanks. Docks often need a firmware update after a laptop update; I am pushing "
                "it remotely now.",
                "Sorry about that. Could you unplug the dock's power for ten seconds and plug "
                "it in again? That resets it.",
            ),
            questions=(
                "Is it the dock at your own desk or a shared one? The number is on a sticker "
                "underneath.",
                "Does it work with another dock, for example at the desk next to yours?",
            ),
            answers=(
                "It is my own desk, room {room}.",
                "At the desk next to mine both monitors work.",
                "I reset it, still black.",
            ),
            notes=(
                "Dock firmware 1.0.8; the laptop's new display driver needs 1.1 or later.",
                "The dock in room {room} has a defective power supply; spare docks are in the "
                "store room.",
            ),
            resolutions=(
                "Updated the docking station firmware and the display driver; both monitors "
                "work on the dock.",
                "Replaced the defective dock in room {room}; monitors, keyboard and network "
                "work again.",
            ),
            next_desk=("Bring a spare dock to room {room}",),
            next_requester=(
                "Reset the dock (power off for ten seconds) and tell us if the monitors come back",
            ),
            next_third_party=("Manufacturer to replace the dock under warranty (case {case})",),
        ),
    ),
)

PRINTER = Topic(
    key="printer",
    weight=10,
    tags=("printer", "hardware"),
    slots=slots(printer=("PRN-B2-01", "PRN-B3-02", "PRN-M1-01", "PRN-H0-04")),
    transfer_to="INF",
    transfer_share=0.1,  # of print queue and scan problems, the ones a server can cause
    cases=(
        Case(
            key="printer-jam",
            weight=4,
            about=("jam",),
            titles=(
                "Printer on floor {floor} jams",
                "{printer} jams on every second page",
                "Paper jam in {printer} again",
            ),
            descriptions=(
                "The printer {printer} on floor {floor} jams on every second page since "
                "{weekday}. We already opened all the trays, nothing is stuck.",
                "{printer} keeps reporting a paper jam in tray 2, but there is no paper stuck. "
                "We are all printing on the other floor now.",
            ),
            first_replies=(
                "Thanks. We will send someone to look at {printer} on floor {floor} today.",
                "Sorry about that. Until the technician comes, please use tray 1; jams like "
                "this mostly come from tray 2.",
            ),
            questions=(
                "Does it jam with every kind of paper, or only with the recycled paper?",
                "Could you tell me the number on the sticker on the front of the printer?",
            ),
            answers=(
                "Every paper, also the normal white one.",
                "The sticker says {printer}.",
                "Only with the recycled paper, now that you say it.",
            ),
            notes=(
                "Fuser unit at end of life according to the printer's web page; that causes "
                "the jams.",
                "Pick-up roller of tray 2 worn; part ordered.",
            ),
            resolutions=(
                "The fuser unit was worn out; the service technician replaced it and the "
                "printer no longer jams.",
                "Replaced the worn pick-up roller of tray 2; {printer} no longer jams.",
            ),
            next_desk=("Replace the fuser when the part arrives",),
            next_requester=("Tell us whether it still jams with the white paper",),
            next_third_party=("Printer service company to fix the jams (case {case})",),
        ),
        Case(
            key="printer-queue",
            weight=3,
            about=("print job",),
            titles=(
                "Print jobs to {printer} do not come out",
                "My print jobs stay in the queue",
                "Print job stuck, cannot print to {printer}",
            ),
            descriptions=(
                "My print jobs to {printer} stay in the queue with status 'error'. Colleagues "
                "can print. I need to print contracts today.",
                "Nothing I send to {printer} comes out: the print jobs disappear from the "
                "queue, but the printer does nothing.",
            ),
            first_replies=(
                "Thanks. I have cleared the print queue for {printer} and reinstalled the "
                "driver remotely; please try printing a test page.",
                "Sorry about that. The print server shows your jobs with an error; I am "
                "checking the driver.",
            ),
            questions=(
                "Is it one specific document or every document? Please tell me the file type.",
                "Can colleagues print to {printer}, or is it everyone?",
            ),
            answers=(
                "Every document, also a plain Word file.",
                "Colleagues can print; it is only my jobs.",
                "The test page came out!",
            ),
            notes=(
                "The user's laptop still has the old driver from before the printer swap.",
                "{printer} got a new IP address after the switch replacement; the print server "
                "still uses the old one.",
            ),
            resolutions=(
                "Reinstalled the printer driver and removed a stuck print job; printing works "
                "again.",
                "Re-added {printer} with its new address after the network change; the print "
                "jobs come out again.",
            ),
            next_desk=("Reinstall the driver for {printer} remotely",),
            next_requester=("Try printing a test page and tell us the result",),
            next_third_party=(
                "Printer service company to check the network card of {printer} (case {case})",
            ),
            handovers=(
                "Print server spooler keeps crashing and drops the print jobs: please have a "
                "look at the server side.",
            ),
        ),
        Case(
            key="printer-scan",
            weight=2,
            about=("scan",),
            titles=(
                "Scan to e-mail does not arrive",
                "Scans from {printer} never reach my inbox",
                "Scan to e-mail broken on floor {floor}",
            ),
            descriptions=(
                "I scan documents at {printer} and choose 'scan to e-mail', but nothing "
                "arrives. The display says 'sent'.",
                "Since {weekday} scans from the printer on floor {floor} do not arrive in my "
                "mailbox, not even in spam.",
            ),
            first_replies=(
                "Thanks. I am checking the mail relay for messages from {printer}.",
                "Sorry about that. Could you try scanning a single page? If that arrives, the "
                "problem is the size.",
            ),
            questions=(
                "Does a scan of a single page arrive?",
                "How many pages did the scans that never arrived have?",
            ),
            answers=(
                "One page arrives, the 30-page contract does not.",
                "About 20 pages, in colour.",
            ),
            notes=(
                "Scan-to-mail relay rejects messages over 10 MB; the scans are 25 MB.",
                "The relay's certificate changed on {weekday}; {printer} refuses the new one, "
                "so no scan leaves it.",
            ),
            resolutions=(
                "Lowered the scan resolution to 200 dpi so scans stay under the mail size limit.",
                "Updated the relay certificate on {printer}; scans arrive again.",
            ),
            next_desk=("Lower the default scan resolution on {printer}",),
            next_requester=("Scan a single page and tell us whether it arrives",),
            next_third_party=("Printer service company to update the scan settings (case {case})",),
            handovers=(
                "The scan-to-mail relay refuses the scans from {printer}: please check the "
                "relay on the mail server.",
            ),
        ),
        Case(
            key="printer-toner",
            weight=1,
            about=("toner",),
            titles=(
                "Printer asks for toner",
                "{printer} out of toner",
                "No toner for the printer on floor {floor}",
            ),
            descriptions=(
                "{printer} on floor {floor} says 'replace toner cartridge (black)' and prints "
                "only faint pages. There is no spare toner in the cupboard.",
                "The toner of {printer} is empty and so is the cupboard.",
            ),
            first_replies=(
                "Thanks. I will bring a new toner cartridge to floor {floor} this afternoon.",
                "Sorry about that. Toner for {printer} is ordered and arrives tomorrow. "
                "Meanwhile please print to the printer on the other side of the floor.",
            ),
            questions=(
                "Which colour is empty? The display says which cartridge.",
                "Could you tell me the number on the sticker on the front of the printer?",
            ),
            answers=("Only black.", "The sticker says {printer}."),
            notes=(
                "Automatic toner order for {printer} failed: the printer lost its connection "
                "to the supplier portal.",
                "Two black toner cartridges taken from the store room.",
            ),
            resolutions=(
                "Replaced the toner cartridge and ordered spares for floor {floor}.",
                "Installed a new black toner and re-enabled the automatic toner order for "
                "{printer}.",
            ),
            next_desk=("Bring a toner cartridge to floor {floor}",),
            next_requester=("Tell us which toner colour is empty",),
            next_third_party=("Printer service company to deliver toner (order {case})",),
        ),
    ),
)

PASSWORD = Topic(
    key="password",
    weight=16,
    tags=("account", "password"),
    triage=(("low", "high"), ("low", "medium")),
    cases=(
        Case(
            key="password-reset",
            weight=7,
            about=("password",),
            titles=(
                "Password reset",
                "Forgot my password after holiday",
                "Please reset my password",
            ),
            descriptions=(
                "I came back from holiday and cannot remember my password. The self-service "
                "reset asks for my phone number, which I changed in the meantime.",
                "I forgot my password over the weekend. Could you reset it? I am at my desk in "
                "room {room}.",
            ),
            first_replies=(
                "To reset the password I need to verify it is you: please call the desk on "
                "extension 4000 or come by.",
                "Of course. For security I will call you back on the number in the HR system "
                "and give you a temporary password.",
            ),
            questions=(
                "For security I have to verify your identity. Could you call extension 4000?",
                "Is the mobile number in the HR system still current? The call-back goes there.",
            ),
            answers=(
                "Just called, talked to your colleague.",
                "No, I have a new number since {weekday}; the old one is gone.",
            ),
            notes=(
                "Identity verified by call-back to the number in the HR system.",
                "Self-service reset fails because the registered phone number is outdated.",
            ),
            resolutions=(
                "Identity verified by phone; set a temporary password which the user changed "
                "at first sign-in. Updated the phone number for self-service password reset.",
                "Identity checked at the desk; reset the password and registered the new phone "
                "number for self-service.",
            ),
            next_desk=("Call the requester back to verify identity before the password reset",),
            next_requester=(
                "Call the desk on extension 4000 to verify your identity for the password reset",
            ),
            next_third_party=("HR to confirm the requester's new phone number",),
        ),
        Case(
            key="password-locked",
            weight=6,
            about=("lock",),
            titles=(
                "Account locked",
                "My account keeps getting locked",
                "Locked out of my account",
            ),
            descriptions=(
                "My account is locked, I probably typed the wrong password too often. Please "
                "unlock it.",
                "For the third time this week my account is locked in the morning, although I "
                "did not type anything wrong.",
            ),
            first_replies=(
                "I have unlocked your account. Please wait a minute before signing in again.",
                "Your account was locked after too many attempts from an old phone that still "
                "has your previous password. I unlocked it; please remove the account from "
                "that phone.",
            ),
            questions=(
                "Do you have an old phone or tablet that still has your work account on it?",
                "Did you change your password recently?",
            ),
            answers=(
                "Yes, my old iPad. I removed the account now.",
                "Yes, last {weekday}.",
                "Not that I know of.",
            ),
            notes=(
                "Lockouts come from an ActiveSync device last seen in {site}.",
                "Lockout source: a mapped drive on the user's second laptop still using the "
                "old password.",
            ),
            resolutions=(
                "Unlocked the account and removed the old device that kept locking it.",
                "Unlocked the account; a second laptop with a saved old password kept locking "
                "it, and the user has updated it.",
            ),
            next_desk=("Find the device that keeps locking the account",),
            next_requester=(
                "Remove your work account from old phones and tablets so they stop locking it",
            ),
            next_third_party=("Security team to trace the lockout source in the sign-in logs",),
        ),
        Case(
            key="password-windows",
            weight=3,
            about=("sign in",),
            titles=(
                "Cannot sign in to Windows",
                "Windows will not let me sign in",
                "Cannot sign in to my laptop after a password change",
            ),
            descriptions=(
                "When I try to sign in, Windows says 'the user name or password is incorrect' "
                "although I am sure it is right. Caps lock is off.",
                "Since I changed my password from home I cannot sign in to my laptop with the "
                "new one; the old one still works.",
            ),
            first_replies=(
                "Thanks. The laptop remembers your old password until it has talked to our "
                "servers once; please connect it to the office network by cable, then lock and "
                "unlock the screen.",
                "Sorry about that. Could you check the keyboard layout in the corner of the "
                "Windows screen? A wrong layout is a common cause.",
            ),
            questions=(
                "Is the keyboard layout shown as ENG or DEU on the Windows screen?",
                "Does the same password work on another computer?",
            ),
            answers=(
                "It said DEU, switched it, still no luck.",
                "On the PC in the meeting room the same password works.",
                "I am in the office now, connected by cable.",
            ),
            notes=(
                "Cached credentials on the laptop are older than the password change.",
                "The laptop has lost its trust relationship with the domain; rejoining it.",
            ),
            resolutions=(
                "Connected the laptop to the office network so it picked up the new password; "
                "the user can sign in again.",
                "Rejoined the laptop to the domain after it lost its trust relationship; the "
                "user can sign in again.",
            ),
            next_desk=("Rejoin the laptop to the domain so the user can sign in",),
            next_requester=("Connect the laptop to the office network and try to sign in again",),
            next_third_party=(
                "Identity provider support to check the failed sign-ins (case {case})",
            ),
        ),
    ),
)

MFA = Topic(
    key="mfa",
    weight=9,
    tags=("mfa", "account", "security"),
    triage=(("low", "high"), ("medium", "high")),
    cases=(
        Case(
            key="mfa-new-phone",
            weight=4,
            about=("new phone",),
            titles=(
                "New phone: MFA codes no longer work",
                "Authenticator not set up on my new phone",
                "Moving MFA to my new phone",
            ),
            descriptions=(
                "I switched to a new phone and the Microsoft Authenticator app there has no "
                "work account. The old phone is already wiped. Now I cannot sign in anywhere.",
                "I got a new phone from IT on {weekday}. The old one went back before I moved "
                "the Authenticator app, and now the new phone cannot approve my sign-ins.",
            ),
            first_replies=(
                "No problem, this happens a lot. I have to verify it is you first; then I "
                "reset your MFA registration, and at your next sign-in you set up the app on "
                "the new phone.",
                "Thanks. Once your identity is confirmed I will clear the old registration; "
                "the new phone can then be registered at aka.ms/mfasetup.",
            ),
            questions=(
                "Before I reset MFA I need to verify your identity: could you come by or call?",
                "Is the Authenticator app already installed on the new phone?",
            ),
            answers=(
                "I can come by after lunch.",
                "Yes, it is installed but shows no work account.",
                "Just called the desk.",
            ),
            notes=(
                "Identity checked in person (staff ID card). MFA methods cleared.",
                "Identity verified by call-back; the old phone's registration removed.",
            ),
            resolutions=(
                "Verified identity, reset the MFA registration; the user set up Authenticator "
                "on the new phone and can sign in.",
                "Removed the old phone's MFA registration after the identity check; the new "
                "phone is registered and approves sign-ins.",
            ),
            next_desk=("Reset MFA after the identity check so the new phone can be registered",),
            next_requester=("Come by the desk with your staff ID, then register the new phone",),
            next_third_party=(
                "Identity provider support to check the registration of the new phone (case "
                "{case})",
            ),
        ),
        Case(
            key="mfa-lost-phone",
            weight=2,
            about=("lost",),
            titles=(
                "Authenticator app lost",
                "Lost my phone with the Authenticator app",
                "Phone with MFA lost",
            ),
            descriptions=(
                "I lost my phone on the train yesterday, and with it the Authenticator app. I "
                "cannot approve any sign-in now.",
                "My phone was stolen at the weekend, so the Authenticator app is lost too. It "
                "also had my work mail on it.",
            ),
            first_replies=(
                "Sorry to hear that. I have blocked sign-ins from the lost phone and wiped the "
                "work data on it. Once we have checked your identity I will reset your MFA so "
                "you can register a new phone.",
                "Thanks for telling us quickly. The lost phone can no longer reach your work "
                "account; next we need to check your identity before resetting MFA.",
            ),
            questions=(
                "Before I reset MFA I need to verify your identity: could you come by or call?",
                "Do you already have a replacement phone, or should I give you a temporary "
                "access code for a few days?",
            ),
            answers=(
                "I can come by after lunch.",
                "No new phone until Friday; a temporary code would be great.",
            ),
            notes=(
                "Lost device wiped remotely (work profile only). Sessions revoked.",
                "Identity checked in person (staff ID card); temporary access pass issued for "
                "5 days.",
            ),
            resolutions=(
                "Wiped the work data on the lost phone, reset the MFA registration and set up "
                "Authenticator on the replacement phone.",
                "Issued a temporary access pass until the replacement arrives; the lost phone "
                "is removed from the account.",
            ),
            next_desk=("Wipe the lost phone and reset MFA after the identity check",),
            next_requester=(
                "Come by the desk with your staff ID so we can replace the lost MFA phone",
            ),
            next_third_party=("Mobile provider to block the SIM card of the lost phone",),
        ),
        Case(
            key="mfa-no-prompt",
            weight=3,
            about=("prompt",),
            titles=(
                "MFA prompt does not appear",
                "No MFA prompt on my phone",
                "Authenticator prompt never arrives",
            ),
            descriptions=(
                "When I sign in I am told to approve the request in the app, but no prompt "
                "arrives on my phone. I waited several minutes.",
                "Since {weekday} the Authenticator prompt does not come any more; I can only "
                "sign in with a code from the app.",
            ),
            first_replies=(
                "Please open the Authenticator app directly: sometimes the prompt is waiting "
                "there even when no notification shows.",
                "Thanks. Missing prompts are usually the phone's notification settings or "
                "battery saver; could you check those for the Authenticator app?",
            ),
            questions=(
                "Are notifications allowed for the Authenticator app in your phone's settings?",
                "Is the phone in a battery saving or focus mode?",
            ),
            answers=(
                "Notifications were off. Turned them on, still nothing.",
                "Focus mode was on all day, I switched it off.",
                "When I open the app, the prompt is there, yes.",
            ),
            notes=(
                "Sign-in log: push sent, no response. The prompt does not reach the device.",
                "Device token outdated after the phone restore; re-registering the app fixes "
                "the prompts.",
            ),
            resolutions=(
                "Notifications for the app were blocked by the phone's focus mode; the prompt "
                "appears and sign-in works now.",
                "Re-registered the Authenticator app after the phone restore; the prompts "
                "arrive again.",
            ),
            next_desk=("Check the sign-in log for the missing prompts",),
            next_requester=(
                "Allow notifications for the Authenticator app and tell us if the prompt arrives",
            ),
            next_third_party=("Identity provider support to check the push service (case {case})",),
        ),
    ),
)

SOFTWARE = Topic(
    key="software",
    weight=11,
    tags=("software", "licence"),
    slots=slots(software=("Visio", "Adobe Acrobat Pro", "Power BI Desktop", "MATLAB", "Zoom")),
    transfer_to="APP",
    transfer_share=0.2,
    cases=(
        Case(
            key="software-install",
            weight=5,
            about=("install",),
            titles=(
                "Please install {software}",
                "Install {software} on my laptop",
                "{software} needed for a new project: please install",
            ),
            descriptions=(
                "I need {software} for a project starting next week. My manager has approved "
                "it. Could you install it on my laptop?",
                "Could you install {software} for me? I cannot find it in the Software Center "
                "and I do not have admin rights.",
            ),
            first_replies=(
                "{software} is in the Software Center: open it from the Start menu, search for "
                "{software} and click Install. No admin rights needed.",
                "Thanks. {software} needs a licence first: your manager gets a short approval "
                "request from the system, and I install it as soon as that is done.",
            ),
            questions=(
                "Which cost centre should the licence be booked on?",
                "Did the installation from the Software Center work?",
            ),
            answers=(
                "Cost centre 4410 (Finance Controlling).",
                "Found it and clicked Install, it is running now.",
                "It is not in the Software Center for me.",
            ),
            notes=(
                "Licence pool for {software} is empty; asked Applications to buy 5 more before "
                "we install.",
                "{software} is not packaged for the Software Center yet.",
            ),
            resolutions=(
                "Installed {software} through the Software Center and assigned a licence.",
                "Installed {software} remotely after the manager's approval.",
            ),
            next_desk=("Install {software} remotely once the licence is assigned",),
            next_requester=(
                "Ask your manager to approve the licence so we can install {software}",
            ),
            next_third_party=("Applications to package {software} for the Software Center",),
            handovers=(
                "{software} needs packaging for the Software Center before we can install it: "
                "handing over to Applications.",
            ),
        ),
        Case(
            key="software-licence",
            weight=3,
            about=("licence",),
            titles=(
                "Licence for {software}",
                "Two more {software} licences for our team",
                "{software} says 'no licence available'",
            ),
            descriptions=(
                "Our team needs two more licences for {software}: one for me, one for a new "
                "colleague.",
                "I need a {software} licence: the trial on my laptop ended and it now says 'no "
                "licence available'.",
            ),
            first_replies=(
                "Licences for {software} need a cost centre and the manager's approval. I have "
                "asked your manager to approve in the request.",
                "Thanks. I am checking whether there is a free {software} licence in our pool.",
            ),
            questions=("Which cost centre should the licence be booked on?",),
            answers=("Cost centre 4410 (Finance Controlling).", "Cost centre 2300, our team's."),
            notes=(
                "Licence pool for {software} is empty; asked Applications to buy 5 more.",
                "Two unused {software} licences reclaimed from leavers.",
            ),
            resolutions=(
                "Assigned licences for {software} from the pool.",
                "Bought and assigned the {software} licence on the requester's cost centre "
                "after the manager approved.",
            ),
            next_desk=("Assign the {software} licence once approved",),
            next_requester=("Ask your manager to approve the licence in the request",),
            next_third_party=(
                "Reseller to deliver the additional {software} licences (order {case})",
            ),
            handovers=(
                "Licence pool for {software} is empty: handing over to Applications to buy "
                "more licences.",
            ),
        ),
        Case(
            key="software-crash",
            weight=3,
            about=("crash",),
            titles=(
                "{software} crashes",
                "{software} crashes since the update",
                "{software} keeps crashing",
            ),
            descriptions=(
                "{software} crashes right after the splash screen since yesterday's update. "
                "Reinstalling from the Software Center did not help.",
                "Since the update, {software} crashes every time I open a file from the shared "
                "drive. Local files work.",
            ),
            first_replies=(
                "Thanks. I am looking at the crash reports from your laptop.",
                "Sorry about that. Could you start {software} once in safe mode (hold Ctrl "
                "while starting)? That tells us whether an add-in causes the crash.",
            ),
            questions=(
                "Could you send the crash message or the time it happened so we can find the log?",
                "Does it also crash in safe mode?",
            ),
            answers=(
                "It crashed at 09:42 just now.",
                "In safe mode it does not crash.",
                "It crashes in safe mode too.",
            ),
            notes=(
                "The crash is a known issue with the latest update; the vendor has a hotfix.",
                "An old add-in crashes {software} since the update; disabling it helps.",
            ),
            resolutions=(
                "Applied the vendor's hotfix; {software} starts normally and no longer crashes.",
                "Removed the outdated add-in that made {software} crash; it runs normally again.",
            ),
            next_desk=("Apply the vendor's hotfix for the {software} crash",),
            next_requester=("Send the time of the next crash so we can find the log",),
            next_third_party=(
                "Vendor to deliver the hotfix for the {software} crash (case {case})",
            ),
            handovers=(
                "The {software} crash looks like a broken package: handing over to "
                "Applications to rebuild it.",
            ),
        ),
    ),
)

# Filed on the major incident line (a service with its own 24x7 calendar and SLA).
OUTAGE = Topic(
    key="outage",
    weight=2,
    tags=("outage", "major-incident"),
    transfer_to="INF",
    transfer_share=0.7,
    triage=(("high", "high"), ("high", "medium"), ("medium", "high")),
    cases=(
        Case(
            key="outage-network",
            weight=2,
            about=("network",),
            titles=(
                "No network on the whole floor {floor}",
                "Network down for everyone at {site}",
                "Whole team without network since this morning",
            ),
            descriptions=(
                "Nobody on floor {floor} has network, wired or wi-fi, since about 8:30. About "
                "forty people cannot work; the phones are down too.",
                "The network is down for everyone at {site}: no e-mail, no SAP, no Teams. "
                "The switch cabinet on floor {floor} shows orange lights.",
            ),
            first_replies=(
                "Thanks for calling it in. We see the switches of floor {floor} offline and "
                "have opened a major incident; next update within 30 minutes.",
                "We are on it: the network outage is confirmed and an engineer is on the way "
                "to the switch room. Updates follow every half hour.",
            ),
            questions=(
                "Does anything work on the floor, for example the guest wi-fi or phones on "
                "mobile data?",
            ),
            answers=(
                "Guest wi-fi works, the company network does not.",
                "Nothing at all, even the printers are offline.",
            ),
            notes=(
                "Both uplinks of the floor switch stack down; power supply of the stack "
                "failed at 08:27.",
                "Monitoring shows the core switch port to floor {floor} flapping.",
            ),
            resolutions=(
                "Replaced the failed power supply of the floor switch stack; the network is "
                "back for everyone.",
                "Infrastructure moved the floor's uplink to a spare port on the core switch; "
                "the network works again and the faulty module is being replaced.",
            ),
            next_desk=("Post the next update on the network outage in 30 minutes",),
            next_requester=("Tell us whether the network is back on your floor",),
            next_third_party=("Switch vendor to deliver the replacement module (case {case})",),
            handovers=(
                "Major incident: the switch stack of floor {floor} is down, the network is "
                "gone for the whole floor. Infrastructure, please take it.",
            ),
        ),
        Case(
            key="outage-email",
            weight=1,
            about=("e-mail",),
            titles=(
                "E-mail down for the whole department",
                "Nobody can send e-mail",
            ),
            descriptions=(
                "Since 10:15 nobody in our department can send or receive e-mail; Outlook "
                "says 'disconnected' and the web mail shows an error.",
                "E-mail is down for all of us in {department}: sent messages stay in the outbox.",
            ),
            first_replies=(
                "Thanks, several reports came in at once: e-mail is down for part of the "
                "company. We have opened a major incident and will update you every 30 "
                "minutes.",
                "We see it too: the mail service is not answering. An engineer is on it; "
                "next update in half an hour.",
            ),
            questions=("Do you get e-mail on your phone at the moment?",),
            answers=("Phone mail works.", "No, the phone does not get new mail either."),
            notes=(
                "The mail gateway's certificate expired at 10:12; renewal in progress.",
                "Queue on the gateway growing: about 4,000 messages waiting.",
            ),
            resolutions=(
                "Renewed the mail gateway's certificate; e-mail flows again and the queued "
                "messages were delivered.",
                "Restarted the stuck mail gateway; e-mail works again, nothing was lost.",
            ),
            next_desk=("Post the next update on the e-mail outage",),
            next_requester=("Tell us whether new e-mail arrives again",),
            next_third_party=("Mail provider to confirm the queued e-mail is delivered",),
            handovers=(
                "Major incident: e-mail is down for several departments; looks like the "
                "mail gateway. Handing over to Infrastructure.",
            ),
        ),
    ),
)

IT: tuple[Topic, ...] = (VPN, MOBILE_MAIL, LAPTOP, PRINTER, PASSWORD, MFA, SOFTWARE, OUTAGE)
